// Boot evidence: systemd-analyze and the Spare Cores boot timing CSV.
#include "import/systemd_analyze_importer.h"
#include "monitoring_test_helpers.h"

using namespace headroom;
using namespace headroom::test;

TEST(SystemdAnalyze, CriticalChainTargetTimeIsTheBoot)
{
    HEADROOM_FIXTURE(path, "k8s_events/pkb_systemd-analyze_critical-chain.txt");
    const ImportResult r = parseFixture(QStringLiteral("systemd-analyze"), path);
    ASSERT_EQ(r.leadTimeEvents.size(), 1);
    EXPECT_EQ(r.leadTimeEvents[0].phase, QStringLiteral("boot"));
    EXPECT_DOUBLE_EQ(r.leadTimeEvents[0].durationS, 2.741);  // graphical.target @2.741s
    EXPECT_EQ(r.leadTimeEvents[0].labels.value(QStringLiteral("target")).toString(), QStringLiteral("graphical.target"));
    ASSERT_EQ(r.measurements.size(), 2);  // the units with a "+" start time
    EXPECT_EQ(r.measurements[0].labels.value(QStringLiteral("unit")).toString(), QStringLiteral("apparmor.service"));
    EXPECT_DOUBLE_EQ(r.measurements[0].value, 0.239);
    EXPECT_DOUBLE_EQ(r.measurements[1].value, 0.029);
}

TEST(SystemdAnalyze, TimeAndBlame)
{
    const ImportResult t = parseAs(QStringLiteral("systemd-analyze"),
        "Startup finished in 1.951s (kernel) + 1min 2.5s (userspace) = 1min 4.451s\n"
        "graphical.target reached after 1min 2.4s in userspace\n");
    ASSERT_EQ(t.leadTimeEvents.size(), 1);
    EXPECT_DOUBLE_EQ(t.leadTimeEvents[0].durationS, 64.451);
    EXPECT_DOUBLE_EQ(t.leadTimeEvents[0].labels.value(QStringLiteral("kernel_s")).toDouble(), 1.951);
    EXPECT_DOUBLE_EQ(t.leadTimeEvents[0].labels.value(QStringLiteral("userspace_s")).toDouble(), 62.5);
    const ImportResult b = parseAs(QStringLiteral("systemd-analyze"),
        "1min 3.001s apt-daily.service\n    2.100s cloud-init.service\n     312ms systemd-udevd.service\n");
    ASSERT_EQ(b.measurements.size(), 3);
    EXPECT_DOUBLE_EQ(b.measurements[0].value, 63.001);
    EXPECT_DOUBLE_EQ(b.measurements[2].value, 0.312);
    EXPECT_TRUE(b.leadTimeEvents.isEmpty());
    EXPECT_EQ(b.warnings.size(), 1);
    EXPECT_NEAR(systemdTimespan(QStringLiteral("45us")).value_or(-1), 45e-6, 1e-15);
}

TEST(SystemdAnalyze, BrokenInput)
{
    expectRefusesBrokenInput(QStringLiteral("systemd-analyze"));
    const QString err = inputErrorOf(QStringLiteral("systemd-analyze"), "Startup finished in 1s (kernel) = soon\n");
    EXPECT_TRUE(err.startsWith(QLatin1String("broken.input:1:"))) << err.toStdString();
    const QString other = inputErrorOf(QStringLiteral("systemd-analyze"), "1.0s unit.service\nhello world\n");
    EXPECT_TRUE(other.startsWith(QLatin1String("broken.input:2:1"))) << other.toStdString();
}

TEST(BootTimingCsv, SparecoresStartsBecomeProvisioningAndBoot)
{
    HEADROOM_FIXTURE(path, "k8s_events/sparecores_inspector_boot_timing_SUBSET.csv");
    const ImportResult r = parseFixture(QStringLiteral("boot-timing-csv"), path);
    // 613 starts: 36 without machine/user-data stages, 1 with stages out of order.
    EXPECT_EQ(r.leadTimeEvents.size(), 2 * 576);
    ASSERT_EQ(r.warnings.size(), 2);
    EXPECT_TRUE(r.warnings[0].message.startsWith(QLatin1String("36 ")));
    EXPECT_TRUE(r.warnings[1].message.startsWith(QLatin1String("1 ")));
    // First row, aws c4.xlarge: api_start 22:01:49, machine_start 22:02:25, user_data_start 22:02:39.
    const LeadTimeEvent& prov = r.leadTimeEvents[0];
    EXPECT_EQ(prov.phase, QStringLiteral("provisioning"));
    EXPECT_EQ(prov.durationS, 36.0);
    EXPECT_EQ(prov.labels.value(QStringLiteral("instance_type")).toString(), QStringLiteral("aws/c4.xlarge"));
    EXPECT_EQ(r.leadTimeEvents[1].phase, QStringLiteral("boot"));
    EXPECT_EQ(r.leadTimeEvents[1].durationS, 14.0);
    bool hetzner = false;
    for (const LeadTimeEvent& e : r.leadTimeEvents)
        hetzner |= e.labels.value(QStringLiteral("instance_type")).toString() == QLatin1String("hetzner/cx23");
    EXPECT_TRUE(hetzner);  // vendor "hcloud" is the catalog's "hetzner"
}

TEST(BootTimingCsv, BrokenInput)
{
    expectRefusesBrokenInput(QStringLiteral("boot-timing-csv"));
    const QByteArray header = "vendor,server,github_run_id,api_start,api_end,user_data_start,user_data_end,machine_start\n";
    const QString bad = inputErrorOf(QStringLiteral("boot-timing-csv"), header + "aws,m5.large,1,2024-01-01T00:00:00Z,,2024-01-01T00:01:00Z,,noon\n");
    EXPECT_TRUE(bad.contains(QLatin1String("broken.input:2"))) << bad.toStdString();
    EXPECT_TRUE(bad.contains(QLatin1String("machine_start"))) << bad.toStdString();
    const QString cut = inputErrorOf(QStringLiteral("boot-timing-csv"), header + "aws,m5.large,1,2024-01-01T00:00:00Z");
    EXPECT_TRUE(cut.contains(QLatin1String("input ended early"))) << cut.toStdString();
    const QString narrow = inputErrorOf(QStringLiteral("boot-timing-csv"), header + "aws,m5.large,1,2024-01-01T00:00:00Z\n");
    EXPECT_TRUE(narrow.contains(QLatin1String("expected 8 fields"))) << narrow.toStdString();
    const QString wrong = inputErrorOf(QStringLiteral("boot-timing-csv"), "a,b\n1,2\n");
    EXPECT_TRUE(wrong.contains(QLatin1String("api_start"))) << wrong.toStdString();
}
