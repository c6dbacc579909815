// Every monitoring, events and catalog fixture is recognised by content as the right format,
// and no monitoring importer claims a benchmark tool's file.
#include "monitoring_test_helpers.h"

#include <QDir>
#include <QFileInfo>

using namespace headroom;
using namespace headroom::test;

namespace {

QString detected(const QString& path)
{
    const QByteArray head = readFile(path).left(64 * 1024);
    const Importer* importer = ImporterRegistry::instance().detect(head, QFileInfo(path).fileName());
    return importer ? importer->name() : QStringLiteral("(none)");
}

const QStringList kMonitoringFormats{
    QStringLiteral("prometheus-json"), QStringLiteral("prometheus-text"), QStringLiteral("sysstat-csv"),
    QStringLiteral("sysstat-json"), QStringLiteral("k8s-events"), QStringLiteral("k8s-describe"),
    QStringLiteral("systemd-analyze"), QStringLiteral("boot-timing-csv"), QStringLiteral("catalog-csv"),
    QStringLiteral("catalog-ec2instances"), QStringLiteral("catalog-sparecores"), QStringLiteral("csv")};

}  // namespace

TEST(MonitoringSniffing, EachFixtureIsDetectedAsItsFormat)
{
    HEADROOM_FIXTURE(root, "prometheus");
    const QList<QPair<const char*, const char*>> expected{
        {"prometheus/holmesgpt_query_range_node_cpu_by_mode_incl_steal.txt", "prometheus-json"},
        {"prometheus/prometheus-api-client_up_range_series_2019.json", "prometheus-json"},
        {"prometheus/node_exporter_e2e-output_linux_SUBSET.txt", "prometheus-text"},
        {"prometheus/node_exporter_textfile_histogram.out", "prometheus-text"},
        {"sysstat/sysstat_tests_expected.sadf-d_all-activities.csv", "sysstat-csv"},
        {"sysstat/sysstat_tests_expected.data-11.6.5-sadf-d.csv", "sysstat-csv"},
        {"sysstat/sysstat_tests_expected.sadf-j_all-activities.json", "sysstat-json"},
        {"k8s_events/pkb_kubectl_get_events_gke.yaml", "k8s-events"},
        {"k8s_events/holmesgpt_kubectl_events_table.txt", "k8s-events"},
        {"k8s_events/holmesgpt_kubectl_describe_pod_oomkill_repeated_pulls.txt", "k8s-describe"},
        {"k8s_events/pkb_systemd-analyze_critical-chain.txt", "systemd-analyze"},
        {"k8s_events/sparecores_inspector_boot_timing_SUBSET.csv", "boot-timing-csv"},
        {"catalog/ec2instances.info_instances_2014.json", "catalog-ec2instances"},
        {"catalog/ec2instances.info_modern_single_instance_x2iedn.32xlarge.json", "catalog-ec2instances"},
        {"catalog/sparecores_servers_hcloud_upcloud_SUBSET.jsonl", "catalog-sparecores"},
    };
    for (const auto& [file, format] : expected) {
        const QString path = fixturePath(QLatin1String(file));
        ASSERT_FALSE(path.isEmpty()) << file;
        EXPECT_EQ(detected(path), QLatin1String(format)) << file;
    }
    EXPECT_EQ(detected(projectDataPath(QStringLiteral("catalog/instance_types.csv"))), QStringLiteral("catalog-csv"));
}

TEST(MonitoringSniffing, BenchmarkFixturesAreNotClaimed)
{
    HEADROOM_FIXTURE(root, "fio");
    const QDir fixtures(QFileInfo(root).absolutePath());
    int checked = 0;
    for (const char* folder : {"fio", "sysbench", "iperf3", "wrk", "k6", "locust", "pyperf", "pkb", "variance"}) {
        const QDir dir(fixtures.filePath(QLatin1String(folder)));
        for (const QFileInfo& f : dir.entryInfoList(QDir::Files)) {
            if (f.fileName() == QLatin1String("SOURCE.txt")) continue;
            const QByteArray head = readFile(f.absoluteFilePath()).left(64 * 1024);
            for (const QString& format : kMonitoringFormats) {
                const Importer* importer = ImporterRegistry::instance().byName(format);
                ASSERT_NE(importer, nullptr) << format.toStdString();
                const int confidence = importer->sniff(head, f.fileName());
                // The generic CSV may bid low on any CSV with a time column; the tool's own importer must outbid it.
                const int limit = format == QLatin1String("csv") ? 25 : 0;
                EXPECT_LE(confidence, limit) << format.toStdString() << " claims " << f.fileName().toStdString();
            }
            ++checked;
        }
    }
    EXPECT_GT(checked, 20);
}

TEST(MonitoringSniffing, GenericCsvOnlyForTimeColumns)
{
    const Importer* csv = ImporterRegistry::instance().byName(QStringLiteral("csv"));
    ASSERT_NE(csv, nullptr);
    EXPECT_EQ(csv->sniff("time,node,metric,value\n1,a,b,2\n", QStringLiteral("x.csv")), 60);
    EXPECT_EQ(csv->sniff("timestamp,cpu,mem\n1,2,3\n", QStringLiteral("x.csv")), 25);
    EXPECT_EQ(csv->sniff("N,X\n1,2\n", QStringLiteral("usl.csv")), 0);
    EXPECT_EQ(detected(QString()), QStringLiteral("(none)"));
}
