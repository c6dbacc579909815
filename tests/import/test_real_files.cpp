#include "benchmark_parse.h"
#include "import/importer_registry.h"
#include "support/fixtures.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QRegularExpression>
#include <QTextStream>
#include <cmath>
#include <gtest/gtest.h>

using namespace headroom;
using namespace headroom::test;

// Real outputs written by other people (tests/import/real/<tool>/, provenance in each folder's
// SOURCE.txt) checked against values read off the files by hand, one line per file in
// tests/import/real/EXPECTED.txt:
//
//   <file> | <importer> | <check>; <check>; …
//
// Checks (metric names are the canonical ones of DESIGN §4):
//   H:metric=v                the headline value       nohead   no headline at all
//   M:metric{key=value}=v     a measurement's value (the first whose label key has that value)
//   C:metric=n                how many measurements have that metric
//   S:metric{key=value}[i]=v  sample i of a series (i < 0 counts from the end)
//   N:metric{key=value}=n     how many samples the series has
//   B=v                       duration (s) of the first lead-time event
//   L:key=value               a dataset label          runs=n   labels.runs == n
//   W:text                    a warning contains the text
//   ERR:text                  the import fails with an error that contains the text
namespace {

struct Selector {
    QString metric;
    QString key;
    QString value;
};

Selector selectorOf(const QString& text)
{
    static const QRegularExpression re(QStringLiteral("^([^{\\[]+)(?:\\{([^=]+)=([^}]*)\\})?"));
    const auto m = re.match(text);
    return {m.captured(1).trimmed(), m.captured(2).trimmed(), m.captured(3).trimmed()};
}

bool labelMatches(const QJsonObject& labels, const Selector& s)
{
    if (s.key.isEmpty()) return true;
    const QJsonValue v = labels.value(s.key);
    if (v.isString()) return v.toString() == s.value;
    if (v.isDouble()) return v.toDouble() == s.value.toDouble();
    if (v.isBool()) return (v.toBool() ? QStringLiteral("true") : QStringLiteral("false")) == s.value;
    return false;
}

bool near(double actual, double expected)
{
    return std::abs(actual - expected) <= 1e-9 * std::max(1.0, std::abs(expected));
}

const Series* seriesOf(const ImportResult& r, const Selector& s)
{
    for (const auto& series : r.series)
        if (series.metric == s.metric && labelMatches(series.labels, s)) return &series;
    return nullptr;
}

void check(const ImportResult& r, const QString& what, const std::string& where)
{
    SCOPED_TRACE(where + " check " + what.toStdString());
    if (what == QLatin1String("nohead")) {
        EXPECT_TRUE(r.metrics.isEmpty()) << "headline holds " << r.metrics.firstKey().toStdString();
        return;
    }
    if (what.startsWith(QLatin1String("runs="))) {
        EXPECT_EQ(r.labels.value(QStringLiteral("runs")).toInt(), what.mid(5).toInt());
        return;
    }
    if (what.startsWith(QLatin1String("W:"))) {
        bool found = false;
        for (const auto& w : r.warnings) found = found || w.message.contains(what.mid(2));
        EXPECT_TRUE(found) << "no warning contains it";
        return;
    }
    const qsizetype eq = what.lastIndexOf(QLatin1Char('='));
    ASSERT_GT(eq, 1) << "malformed check";
    const QString lhs = what.left(eq);
    const QString rhs = what.mid(eq + 1).trimmed();
    const double expected = rhs.toDouble();
    const QString kind = lhs.left(lhs.indexOf(QLatin1Char(':')));
    const Selector sel = selectorOf(lhs.mid(kind.size() + 1));
    if (lhs == QLatin1String("B")) {
        ASSERT_FALSE(r.leadTimeEvents.isEmpty());
        EXPECT_TRUE(near(r.leadTimeEvents.front().durationS, expected)) << r.leadTimeEvents.front().durationS;
    } else if (kind == QLatin1String("H")) {
        ASSERT_TRUE(r.metrics.contains(sel.metric)) << "no headline value";
        EXPECT_TRUE(near(r.metrics.value(sel.metric), expected)) << r.metrics.value(sel.metric);
    } else if (kind == QLatin1String("M")) {
        const Measurement* found = nullptr;
        for (const auto& m : r.measurements)
            if (!found && m.metric == sel.metric && labelMatches(m.labels, sel)) found = &m;
        ASSERT_NE(found, nullptr) << "no such measurement";
        EXPECT_TRUE(near(found->value, expected)) << found->value;
    } else if (kind == QLatin1String("C")) {
        int n = 0;
        for (const auto& m : r.measurements) n += m.metric == sel.metric ? 1 : 0;
        EXPECT_EQ(n, int(expected));
    } else if (kind == QLatin1String("S")) {
        static const QRegularExpression index(QStringLiteral("\\[(-?\\d+)\\]$"));
        const auto im = index.match(lhs);
        ASSERT_TRUE(im.hasMatch()) << "S: needs [index]";
        const Series* s = seriesOf(r, sel);
        ASSERT_NE(s, nullptr) << "no such series";
        qsizetype i = im.captured(1).toLongLong();
        if (i < 0) i += qsizetype(s->v.size());
        ASSERT_TRUE(i >= 0 && i < qsizetype(s->v.size())) << "series has " << s->v.size() << " samples";
        EXPECT_TRUE(near(s->v[size_t(i)], expected)) << s->v[size_t(i)];
    } else if (kind == QLatin1String("N")) {
        const Series* s = seriesOf(r, sel);
        ASSERT_NE(s, nullptr) << "no such series";
        EXPECT_EQ(qsizetype(s->v.size()), qsizetype(expected));
    } else if (kind == QLatin1String("L")) {
        const QJsonValue v = r.labels.value(sel.metric);
        EXPECT_EQ(v.isString() ? v.toString() : QString::number(v.toDouble()), rhs);
    } else {
        ADD_FAILURE() << "unknown check";
    }
}

struct Row {
    QString file;
    QString importer;
    QStringList checks;
    int line = 0;
};

std::vector<Row> expectedRows()
{
    std::vector<Row> rows;
    QFile f(testsPath(QStringLiteral("import/real/EXPECTED.txt")));
    if (!f.open(QIODevice::ReadOnly)) return rows;
    int n = 0;
    while (!f.atEnd()) {
        const QString line = QString::fromUtf8(f.readLine()).trimmed();
        ++n;
        if (line.isEmpty() || line.startsWith(QLatin1Char('#'))) continue;
        const QStringList parts = line.split(QLatin1Char('|'));
        if (parts.size() != 3) {
            ADD_FAILURE() << "EXPECTED.txt:" << n << ": expected 'file | importer | checks'";
            continue;
        }
        QStringList checks;
        for (const QString& c : parts[2].split(QLatin1Char(';'), Qt::SkipEmptyParts)) checks << c.trimmed();
        rows.push_back({parts[0].trimmed(), parts[1].trimmed(), checks, n});
    }
    return rows;
}

}  // namespace

// Every file in the real-file folders has a line in EXPECTED.txt, and every line names a file.
TEST(RealFiles, EveryFileHasExpectedValues)
{
    const auto rows = expectedRows();
    ASSERT_GE(rows.size(), 80u);
    QSet<QString> listed;
    for (const Row& row : rows) {
        listed.insert(row.file);
        EXPECT_TRUE(QFileInfo::exists(testsPath(QStringLiteral("import/real/") + row.file))) << row.file.toStdString();
        EXPECT_FALSE(row.checks.isEmpty()) << row.file.toStdString();
    }
    QDir root(testsPath(QStringLiteral("import/real")));
    for (const QString& tool : root.entryList(QDir::Dirs | QDir::NoDotAndDotDot))
        for (const QString& file : QDir(root.filePath(tool)).entryList(QDir::Files))
            if (file != QLatin1String("SOURCE.txt")) {
                EXPECT_TRUE(listed.contains(tool + QLatin1Char('/') + file)) << "no line in EXPECTED.txt for " << (tool + QLatin1Char('/') + file).toStdString();
            }
}

// Each file is recognised as its format and imports to the values read off it by hand.
TEST(RealFiles, ImportToTheValuesPrintedInThem)
{
    for (const Row& row : expectedRows()) {
        const std::string where = QStringLiteral("EXPECTED.txt:%1 %2").arg(row.line).arg(row.file).toStdString();
        SCOPED_TRACE(where);
        const QString path = testsPath(QStringLiteral("import/real/") + row.file);
        EXPECT_EQ(detectedImporter(path), row.importer);
        const bool refused = !row.checks.isEmpty() && row.checks.front().startsWith(QLatin1String("ERR:"));
        try {
            const ImportResult r = parseWith(row.importer, path);
            if (refused) {
                ADD_FAILURE() << "imported a file that should be refused";
                continue;
            }
            if (qEnvironmentVariableIsSet("HEADROOM_REAL_DUMP")) {
                QString dump = row.file + QStringLiteral(": ");
                for (auto it = r.metrics.cbegin(); it != r.metrics.cend(); ++it) dump += it.key() + QLatin1Char('=') + QString::number(it.value(), 'g', 12) + QStringLiteral("; ");
                for (const auto& w : r.warnings) dump += QStringLiteral(" W[%1]").arg(w.message.left(100));
                std::cout << dump.toStdString() << "\n";
            }
            for (const QString& c : row.checks) check(r, c, where);
        } catch (const InputError& e) {
            if (refused) EXPECT_TRUE(e.text().contains(row.checks.front().mid(4))) << e.text().toStdString();
            else ADD_FAILURE() << "refused: " << e.text().toStdString();
        }
    }
}
