#include "catalog_files.h"

#include "core/csv.h"
#include "core/errors.h"
#include "core/paths.h"

#include <QFile>
#include <cmath>
#include <limits>

namespace headroom {

namespace {

// Reads named columns of one record with errors that point at the cell.
class RowReader {
public:
    RowReader(const QString& file, const QStringList& header, const csv::Record& rec)
        : file_(file), header_(header), rec_(rec) {}

    QString text(const QString& name, bool required = true) const
    {
        const int col = csv::column(header_, name);
        if (col < 0 || col >= rec_.fields.size()) {
            if (required) throw InputError(formatWhere(file_, rec_.line, 0), QStringLiteral("missing column '%1'").arg(name));
            return {};
        }
        return rec_.fields[col].trimmed();
    }
    double number(const QString& name, bool required, double fallback = 0) const
    {
        const QString s = text(name, false);
        if (s.isEmpty()) {
            if (required) throw InputError(where(name), QStringLiteral("'%1' is empty; expected a number").arg(name));
            return fallback;
        }
        bool ok = false;
        const double v = s.toDouble(&ok);
        // "nan" and "inf" parse as numbers but are no price, size or rate.
        if (!ok || !std::isfinite(v))
            throw InputError(where(name), QStringLiteral("'%1' is \"%2\"; expected a number").arg(name, s));
        return v;
    }
    // A number within [lo, hi] (both inclusive), with the range in the message.
    double within(const QString& name, bool required, double fallback, double lo, double hi, const QString& expected) const
    {
        const double v = number(name, required, fallback);
        if (v < lo || v > hi) throw InputError(where(name), QStringLiteral("'%1' is %2; expected %3").arg(name).arg(v).arg(expected));
        return v;
    }
    double nonNegative(const QString& name, bool required, double fallback = 0) const
    {
        return within(name, required, fallback, 0, std::numeric_limits<double>::max(), QStringLiteral("a number ≥ 0"));
    }
    QString oneOf(const QString& name, const QStringList& choices, const QString& fallback) const
    {
        const QString s = text(name, false).toUpper();
        if (s.isEmpty()) return fallback;
        if (!choices.contains(s))
            throw InputError(where(name), QStringLiteral("'%1' is \"%2\"; expected one of: %3").arg(name, s, choices.join(QStringLiteral(", "))));
        return s;
    }
    // A whole count up to a million; checked before the cast, which is undefined out of range.
    int count(const QString& name, bool required) const
    {
        const double v = number(name, required);
        if (!(v >= 0 && v <= 1e6) || v != std::floor(v))
            throw InputError(where(name), QStringLiteral("'%1' is %2; expected a whole number from 0 to 1000000").arg(name).arg(v));
        return int(v);
    }
    bool yesNo(const QString& name) const
    {
        const QString s = text(name, false).toLower();
        if (s == QLatin1String("yes") || s == QLatin1String("true") || s == QLatin1String("1")) return true;
        if (s.isEmpty() || s == QLatin1String("no") || s == QLatin1String("false") || s == QLatin1String("0")) return false;
        throw InputError(where(name), QStringLiteral("'%1' is \"%2\"; expected yes or no").arg(name, s));
    }

private:
    QString where(const QString& name) const
    {
        // Column of the cell: 1 + the lengths of the cells before it and their separators.
        const int col = csv::column(header_, name);
        int column = 1;
        for (int i = 0; i < col && i < rec_.fields.size(); ++i) column += int(rec_.fields[i].size()) + 1;
        return formatWhere(file_, rec_.line, column);
    }
    const QString& file_;
    const QStringList& header_;
    const csv::Record& rec_;
};

QByteArray readDataFile(const QString& relative)
{
    const QString path = dataDirectory() + QLatin1Char('/') + relative;
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        throw RuntimeFailure(QStringLiteral("cannot read the shipped catalog %1: %2").arg(path, f.errorString()));
    return f.readAll();
}

}  // namespace

QStringList knownCurrencies() { return {QStringLiteral("USD"), QStringLiteral("EUR")}; }

QVector<InstanceType> parseInstanceTypesCsv(const QByteArray& text, const QString& fileName)
{
    const auto records = csv::parse(text, fileName);
    if (records.empty()) throw InputError(fileName, QStringLiteral("empty file; expected a header row"));
    const QStringList& header = records.front().fields;
    QVector<InstanceType> out;
    for (size_t i = 1; i < records.size(); ++i) {
        const RowReader row(fileName, header, records[i]);
        InstanceType t;
        t.provider = row.text(QStringLiteral("provider")).toLower();
        t.name = row.text(QStringLiteral("instance_type"));
        if (t.provider.isEmpty() || t.name.isEmpty())
            throw InputError(formatWhere(fileName, records[i].line, 1), QStringLiteral("expected a provider and an instance_type"));
        t.region = row.text(QStringLiteral("region"), false);
        t.vcpu = row.count(QStringLiteral("vcpu"), true);
        t.memoryGib = row.nonNegative(QStringLiteral("memory_gib"), true);
        if (t.vcpu <= 0 || t.memoryGib <= 0)
            throw InputError(formatWhere(fileName, records[i].line, 0), QStringLiteral("vcpu and memory_gib must be positive"));
        t.arch = row.text(QStringLiteral("arch"), false);
        t.dedicatedCpu = row.yesNo(QStringLiteral("dedicated_cpu"));
        t.burstable = row.yesNo(QStringLiteral("burstable"));
        t.baselinePctPerVcpu = row.within(QStringLiteral("baseline_pct_per_vcpu"), false, 100, 0, 100,
                                          QStringLiteral("a percentage of one vCPU from 0 to 100"));
        t.creditsPerHour = row.nonNegative(QStringLiteral("credits_per_hour"), false);
        t.maxCredits = row.nonNegative(QStringLiteral("max_credits"), false);
        t.pricePerHour = row.nonNegative(QStringLiteral("price_per_hour"), true);
        t.currency = row.oneOf(QStringLiteral("currency"), knownCurrencies(), QStringLiteral("USD"));
        t.priceBasis = row.text(QStringLiteral("price_basis"), false);
        t.monthlyCap = row.nonNegative(QStringLiteral("monthly_cap"), false);
        t.networkGbps = row.nonNegative(QStringLiteral("network_gbps"), false);
        t.cpuScore = row.nonNegative(QStringLiteral("cpu_score"), false);
        t.source = row.text(QStringLiteral("source"), false);
        t.sourceDate = row.text(QStringLiteral("source_date"), false);
        out << t;
    }
    return out;
}

QVector<ProviderBootTimes> parseBootTimesCsv(const QByteArray& text, const QString& fileName)
{
    const auto records = csv::parse(text, fileName);
    if (records.empty()) throw InputError(fileName, QStringLiteral("empty file; expected a header row"));
    const QStringList& header = records.front().fields;
    QVector<ProviderBootTimes> out;
    for (size_t i = 1; i < records.size(); ++i) {
        const RowReader row(fileName, header, records[i]);
        ProviderBootTimes b;
        b.provider = row.text(QStringLiteral("provider")).toLower();
        b.runs = row.count(QStringLiteral("runs"), true);
        b.machineStartP50 = row.nonNegative(QStringLiteral("machine_start_p50_s"), true);
        b.machineStartP95 = row.nonNegative(QStringLiteral("machine_start_p95_s"), true);
        b.userDataStartP50 = row.nonNegative(QStringLiteral("user_data_start_p50_s"), true);
        b.userDataStartP90 = row.nonNegative(QStringLiteral("user_data_start_p90_s"), false);
        b.userDataStartP95 = row.nonNegative(QStringLiteral("user_data_start_p95_s"), true);
        b.source = row.text(QStringLiteral("source"), false);
        b.sourceDate = row.text(QStringLiteral("source_date"), false);
        out << b;
    }
    return out;
}

QVector<CpuScoreRow> parseCpuScoresCsv(const QByteArray& text, const QString& fileName)
{
    const auto records = csv::parse(text, fileName);
    if (records.empty()) throw InputError(fileName, QStringLiteral("empty file; expected a header row"));
    const QStringList& header = records.front().fields;
    QVector<CpuScoreRow> out;
    for (size_t i = 1; i < records.size(); ++i) {
        const RowReader row(fileName, header, records[i]);
        CpuScoreRow s;
        s.line = records[i].line;
        s.provider = row.text(QStringLiteral("provider")).toLower();
        s.name = row.text(QStringLiteral("instance_type"));
        if (s.provider.isEmpty() || s.name.isEmpty())
            throw InputError(formatWhere(fileName, s.line, 1), QStringLiteral("expected a provider and an instance_type"));
        s.vcpu = row.count(QStringLiteral("vcpu"), true);
        // A score of 0 would be a machine that never finishes a request: refused like a negative one.
        const QString positive = QStringLiteral("bogo ops/s > 0");
        const double tiny = std::numeric_limits<double>::min();
        s.singleCore = row.within(QStringLiteral("single_core_bogo_ops_per_s"), true, 0, tiny,
                                  std::numeric_limits<double>::max(), positive);
        s.allCores = row.within(QStringLiteral("all_cores_bogo_ops_per_s"), true, 0, tiny,
                                std::numeric_limits<double>::max(), positive);
        if (s.vcpu < 1)
            throw InputError(formatWhere(fileName, s.line, 0), QStringLiteral("vcpu must be positive"));
        s.measured = row.text(QStringLiteral("measured"), false);
        s.stressNgVersion = row.text(QStringLiteral("stress_ng"), false);
        s.source = row.text(QStringLiteral("source"), false);
        s.note = row.text(QStringLiteral("note"), false);
        out << s;
    }
    return out;
}

QVector<CpuScoreRow> loadShippedCpuScores()
{
    return parseCpuScoresCsv(readDataFile(QStringLiteral("catalog/cpu_scores.csv")), QStringLiteral("catalog/cpu_scores.csv"));
}

QVector<InstanceType> loadShippedInstanceTypes()
{
    return parseInstanceTypesCsv(readDataFile(QStringLiteral("catalog/instance_types.csv")),
                                 QStringLiteral("catalog/instance_types.csv"));
}

QVector<ProviderBootTimes> loadShippedBootTimes()
{
    return parseBootTimesCsv(readDataFile(QStringLiteral("catalog/boot_times.csv")),
                             QStringLiteral("catalog/boot_times.csv"));
}

}  // namespace headroom
