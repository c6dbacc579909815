// Documents written to mislead: a scenario that says "nodes" twice, scenarios whose work cannot
// fit in this machine, catalog rows with prices that are no prices, database rules broken by
// an input. Each is refused with words that name the place, never accepted or shown as SQL.
#include "catalog/catalog.h"
#include "catalog/catalog_files.h"
#include "core/errors.h"
#include "core/input_file.h"
#include "scenario/resolved_scenario.h"
#include "scenario/resource_estimate.h"
#include "scenario/scenario_parser.h"
#include "store/database_error.h"
#include "store/sql.h"
#include "store/workspace.h"

#include <QTemporaryDir>
#include <gtest/gtest.h>

using namespace headroom;

namespace {

QByteArray scenarioJson(const QByteArray& top, const QByteArray& traffic = R"({"kind":"poisson","rate_rps":50})",
                        const QByteArray& cluster = R"({"instance_type":"aws/c6i.large","nodes":4})")
{
    const QByteArray duration = top.contains("duration_s") ? QByteArray() : QByteArray(R"("duration_s":600,)");
    return R"({"schema":"headroom.scenario/1",)" + duration + top + R"("traffic":)" + traffic +
           R"(,"service":{"cpu_ms":{"dist":"deterministic","mean":10}},"cluster":)" + cluster + "}";
}

// The message of the InputError `body` throws; empty (and a test failure) when it throws none.
template <typename Body>
QString inputError(Body&& body)
{
    try {
        body();
    } catch (const InputError& e) {
        return e.text();
    }
    ADD_FAILURE() << "expected an InputError";
    return {};
}

ResolvedScenario resolveJson(const QByteArray& json)
{
    return resolveScenario(parseScenario(json, QStringLiteral("s.json")), Catalog::shipped(), nullptr, QStringLiteral("s.json"));
}

const QByteArray kCsvHeader =
    "provider,region,instance_type,vcpu,memory_gib,arch,dedicated_cpu,burstable,baseline_pct_per_vcpu,credits_per_hour,"
    "max_credits,price_per_hour,currency,price_basis,monthly_cap,source,source_date\n";

}  // namespace

TEST(HostileDocuments, DuplicateScenarioKeyNamesItsPath)
{
    const QString message = inputError([] {
        parseScenario(scenarioJson("", R"({"kind":"poisson","rate_rps":50})",
                                   R"({"instance_type":"aws/c6i.large","nodes":4,"nodes":100000000})"),
                      QStringLiteral("dup.json"));
    });
    EXPECT_TRUE(message.startsWith(QStringLiteral("dup.json: $.cluster.nodes: "))) << message.toStdString();
    EXPECT_TRUE(message.contains(QStringLiteral("twice"))) << message.toStdString();
    // Escapes spell the same key: still a duplicate.
    const QString escaped = inputError([] {
        parseScenario(scenarioJson(R"("name":"a","n\u0061me":"b",)"), QStringLiteral("esc.json"));
    });
    EXPECT_TRUE(escaped.contains(QStringLiteral("$.name"))) << escaped.toStdString();
}

TEST(HostileDocuments, DeterministicDistributionTakesMeanAndCvZero)
{
    const Scenario s = parseScenario(scenarioJson(""), QStringLiteral("d.json"));
    EXPECT_EQ(s.service.cpuMs.kind, Distribution::Kind::Deterministic);
    EXPECT_DOUBLE_EQ(s.service.cpuMs.mean, 10);
    const QByteArray withCv = scenarioJson("").replace(R"("mean":10})", R"("mean":10,"cv":0})");
    EXPECT_DOUBLE_EQ(parseScenario(withCv, QStringLiteral("d.json")).service.cpuMs.mean, 10);
    const QByteArray varying = scenarioJson("").replace(R"("mean":10})", R"("mean":10,"cv":0.5})");
    const QString message = inputError([&] { parseScenario(varying, QStringLiteral("d.json")); });
    EXPECT_TRUE(message.contains(QStringLiteral("$.service.cpu_ms.cv"))) << message.toStdString();
}

TEST(HostileDocuments, ScenariosThatCannotFitAreRefusedWithTheEstimate)
{
    const QString rate = inputError([] { resolveJson(scenarioJson("", R"({"kind":"poisson","rate_rps":1e12})")); });
    EXPECT_TRUE(rate.startsWith(QStringLiteral("s.json: $: this scenario would"))) << rate.toStdString();
    const QString nodes = inputError([] {
        resolveJson(scenarioJson("", R"({"kind":"poisson","rate_rps":50})", R"({"instance_type":"aws/c6i.large","nodes":1000000000})"));
    });
    EXPECT_TRUE(nodes.contains(QStringLiteral("memory"))) << nodes.toStdString();
    EXPECT_TRUE(nodes.contains(QStringLiteral("1000000000 nodes"))) << nodes.toStdString();
    const QString year = inputError([] { resolveJson(scenarioJson(R"("duration_s":31622400,"interval_s":1,)")); });
    EXPECT_TRUE(year.contains(QStringLiteral("31622400 intervals"))) << year.toStdString();
    // An ordinary day-long scenario fits easily.
    const ResolvedScenario day = resolveJson(scenarioJson(R"("duration_s":86400,)", R"({"kind":"poisson","rate_rps":900})"));
    const ResourceEstimate e = estimateResources(day, 5, 2, true);
    EXPECT_NEAR(e.requests, 900.0 * 86400 * 5, 1);
    EXPECT_LT(e.memoryBytes, 200e6);
}

TEST(HostileDocuments, CatalogValuesThatAreNoPricesNameTheCell)
{
    const struct {
        QByteArray row;
        const char* expected;
    } cases[] = {
        {"aws,x,m.neg,2,8,x86_64,yes,no,,,,-0.5,USD,,,,\n", "cat.csv:2:"},
        {"aws,x,m.nan,2,8,x86_64,yes,no,,,,nan,USD,,,,\n", "'price_per_hour' is \"nan\""},
        {"aws,x,m.zwl,2,8,x86_64,yes,no,,,,0.1,ZWL,,,,\n", "expected one of: USD, EUR"},
        {"aws,x,t.neg,2,8,x86_64,no,yes,20,24,-5,0.1,USD,,,,\n", "'max_credits' is -5"},
        {"aws,x,t.big,2,8,x86_64,no,yes,500,24,100,0.1,USD,,,,\n", "from 0 to 100"},
    };
    for (const auto& c : cases) {
        const QString message = inputError([&] { parseInstanceTypesCsv(kCsvHeader + c.row, QStringLiteral("cat.csv")); });
        EXPECT_TRUE(message.contains(QLatin1String(c.expected))) << c.row.toStdString() << " → " << message.toStdString();
        EXPECT_FALSE(message.contains(QStringLiteral("CHECK"))) << message.toStdString();
    }
    // The price of the negative row points at its cell: line 2, column 34 (after eleven cells).
    const QString negative = inputError([&] { parseInstanceTypesCsv(kCsvHeader + cases[0].row, QStringLiteral("cat.csv")); });
    EXPECT_TRUE(negative.startsWith(QStringLiteral("cat.csv:2:34:"))) << negative.toStdString();
}

TEST(HostileDocuments, DatabaseErrorsAreWordsNamingTheWorkspaceNotSql)
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("w.headroom"));
    auto ws = Workspace::open(path);
    try {
        sql::exec(ws->database(), QStringLiteral("INSERT INTO lead_time_event(phase, duration_s) VALUES('boot', -1)"));
        FAIL() << "the CHECK rule should refuse a negative duration";
    } catch (const DatabaseFailure& e) {
        EXPECT_EQ(e.workspace(), path);
        EXPECT_TRUE(e.text().startsWith(path + QStringLiteral(": a value is outside"))) << e.text().toStdString();
        EXPECT_FALSE(e.text().contains(QStringLiteral("INSERT"))) << e.text().toStdString();
    }
}

TEST(HostileDocuments, ControlCharactersArePrintedEscaped)
{
    EXPECT_EQ(printable(QStringLiteral("a\x1b[2Jb\x07\r\nc\td")), QStringLiteral("a\\x1b[2Jb\\x07\\x0d\nc\td"));
    EXPECT_EQ(printable(QStringLiteral("caf\u00e9 \u65e5")), QStringLiteral("caf\u00e9 \u65e5"));
}
