#include "hive_partition_importer.h"

#include "core/errors.h"
#include "fast_parse.h"
#include "tool_text.h"
#include "units.h"

#include <QHash>
#include <cmath>
#include <string_view>

namespace headroom {

namespace {

// The Azure VM Noise Dataset's licence requires attribution wherever the data is shown.
const char* const kAzureDataset = "Azure VM Noise Dataset 2024";
const char* const kAzureLicence = "CC BY 4.0";
const char* const kAzureSource = "https://github.com/Azure/AzurePublicDataset (vm-noise-data/, AzureVMNoiseDataset2024.md)";
const char* const kAzureAttribution =
    "Johannes Freischuetz, Konstantinos Kanellis, Brian Kroth, Shivaram Venkataraman. 2025. "
    "TUNA: Tuning Unstable and Noisy Cloud Applications. EuroSys '25. ACM.";

QString valueOf(const QList<QPair<QString, QString>>& keys, const char* key)
{
    QString out;
    for (const auto& [k, v] : keys)
        if (k == QLatin1String(key)) out = v;
    return out;
}

struct Columns {
    int value = -1, runtime = -1, start = -1, vm = -1;
    int count = 0;
};

Columns columnsOf(std::string_view header)
{
    Columns c;
    size_t from = 0;
    for (int i = 0;; ++i) {
        const size_t comma = header.find(',', from);
        std::string_view name = header.substr(from, comma == std::string_view::npos ? std::string_view::npos : comma - from);
        while (!name.empty() && (name.front() == ' ' || name.front() == '"')) name.remove_prefix(1);
        while (!name.empty() && (name.back() == ' ' || name.back() == '"' || name.back() == '\r')) name.remove_suffix(1);
        const QString n = QString::fromUtf8(name.data(), qsizetype(name.size())).toLower();
        if (n == QLatin1String("value")) c.value = i;
        else if (n == QLatin1String("runtime")) c.runtime = i;
        else if (n == QLatin1String("starttime")) c.start = i;
        else if (n == QLatin1String("vm_id")) c.vm = i;
        c.count = i + 1;
        if (comma == std::string_view::npos) break;
        from = comma + 1;
    }
    return c;
}

bool looksLikeRunTable(const QByteArray& head)
{
    const QByteArray h = tooltext::withoutBom(head);
    const qsizetype nl = h.indexOf('\n');
    const Columns c = columnsOf(std::string_view(h.constData(), size_t(nl < 0 ? h.size() : nl)));
    return c.value >= 0 && c.start >= 0 && c.vm >= 0;
}

}  // namespace

namespace hive {

QList<QPair<QString, QString>> partitionKeys(const QString& path)
{
    QList<QPair<QString, QString>> out;
    QString normalised = path;
    normalised.replace(QLatin1Char('\\'), QLatin1Char('/'));
    const QStringList parts = normalised.split(QLatin1Char('/'), Qt::SkipEmptyParts);
    for (qsizetype i = 0; i < parts.size(); ++i) {
        QString part = parts[i];
        if (i == parts.size() - 1 && part.endsWith(QLatin1String(".csv"), Qt::CaseInsensitive)) part.chop(4);
        const qsizetype eq = part.indexOf(QLatin1Char('='));
        if (eq <= 0) continue;
        out.append({part.left(eq), part.mid(eq + 1)});
    }
    return out;
}

QString metricName(const QString& suite, const QString& test, const QString& unit)
{
    const QString s = suite.toLower(), t = test.toLower(), u = unit.toLower();
    if (s == QLatin1String("sysbench") && t.contains(QLatin1String("cpu"))) return QStringLiteral("cpu.events_per_s");
    if (s == QLatin1String("sysbench") && (t.contains(QLatin1String("ram")) || t.contains(QLatin1String("memory"))))
        return QStringLiteral("mem.mib_per_s");
    if (s.contains(QLatin1String("fio")) || s.contains(QLatin1String("flexible_io"))) {
        if (t.contains(QLatin1String("random_read")) && u == QLatin1String("iops")) return QStringLiteral("disk.read_iops");
        if (t.contains(QLatin1String("random_write")) && u == QLatin1String("iops")) return QStringLiteral("disk.write_iops");
    }
    if (s == QLatin1String("redis") && t.contains(QLatin1String("get"))) return QStringLiteral("redis.get_requests_per_s");
    if (s == QLatin1String("redis") && t.contains(QLatin1String("set"))) return QStringLiteral("redis.set_requests_per_s");
    if (s == QLatin1String("postgresql") && u == QLatin1String("tps")) return QStringLiteral("db.tps");
    QString name = units::metricSlug(suite.isEmpty() ? QStringLiteral("run") : suite);
    if (!test.isEmpty()) name += QLatin1Char('.') + units::metricSlug(test);
    if (!unit.isEmpty()) name += (test.isEmpty() ? QStringLiteral(".") : QStringLiteral("_")) + units::metricSlug(unit);
    return name;
}

}  // namespace hive

int HivePartitionImporter::sniff(const QByteArray& head, const QString& fileName) const
{
    if (!looksLikeRunTable(head)) return 0;
    // The header alone is this importer's own layout; a partition folder name makes it certain.
    return fileName.contains(QLatin1Char('=')) ? 95 : 80;
}

ImportResult HivePartitionImporter::parse(QIODevice& in, const ImportContext& context) const
{
    const QByteArray raw = tooltext::read(in, context, QStringLiteral("a per-run table (value,runtime,starttime,VM_id)"));
    const QByteArray bytes = tooltext::withoutBom(raw);
    const std::string_view text(bytes.constData(), size_t(bytes.size()));

    const auto keys = hive::partitionKeys(context.fileName);
    const QString suite = valueOf(keys, "test_suite"), test = valueOf(keys, "test_name");
    const QString lifespan = valueOf(keys, "vm_lifespan"), region = valueOf(keys, "vm_region");
    const QString sku = valueOf(keys, "vm_sku"), unit = valueOf(keys, "unit");
    QString provider = valueOf(keys, "provider");
    if (provider.isEmpty()) provider = valueOf(keys, "cloud");
    const bool azureLayout = !suite.isEmpty() && !test.isEmpty() && !lifespan.isEmpty() && !region.isEmpty() && !sku.isEmpty();
    if (provider.isEmpty() && !sku.isEmpty()) provider = QStringLiteral("azure");  // "VM SKU" is Azure's word for a VM size

    ImportResult r;
    r.format = name();
    // Every file of a partition tree is called "unit=….csv": the partition keys say what it is.
    QStringList title;
    for (const QString& part : {suite, test, lifespan, region, sku})
        if (!part.isEmpty()) title << QString(part).replace(QLatin1Char('_'), QLatin1Char(' ')).simplified();
    if (!title.isEmpty()) r.title = title.join(QStringLiteral(" · ")) + (unit.isEmpty() ? QString() : QStringLiteral(" (%1)").arg(unit));
    for (const auto& [k, v] : keys) r.labels.insert(k, v);
    if (!region.isEmpty()) r.labels.insert(QStringLiteral("region"), region);
    if (!sku.isEmpty()) {
        r.instanceType = (provider.isEmpty() ? QStringLiteral("unknown") : provider.toLower()) + QLatin1Char('/') + sku;
        r.labels.insert(QStringLiteral("instance_type"), r.instanceType);
    }
    if (azureLayout) {
        r.labels.insert(QStringLiteral("dataset"), QLatin1String(kAzureDataset));
        r.labels.insert(QStringLiteral("licence"), QLatin1String(kAzureLicence));
        r.labels.insert(QStringLiteral("attribution"), QLatin1String(kAzureAttribution));
        r.labels.insert(QStringLiteral("source_url"), QLatin1String(kAzureSource));
    }
    const QString metric = hive::metricName(suite, test, unit);
    // A node is one VM; VM ids restart in every (lifespan, region, sku) partition.
    QString nodePrefix;
    for (const QString& part : {lifespan, region})
        if (!part.isEmpty()) nodePrefix += part + QLatin1Char('-');
    if (nodePrefix.isEmpty()) nodePrefix = QStringLiteral("vm-");

    const size_t headerEnd = std::min(text.find('\n'), text.size());
    const Columns cols = columnsOf(text.substr(0, headerEnd));
    if (cols.value < 0 || cols.start < 0 || cols.vm < 0)
        throw InputError(formatWhere(context.fileName, 1, 1),
                         QStringLiteral("expected a header with the columns value, starttime and VM_id (runtime optional), got '%1'")
                             .arg(QString::fromUtf8(bytes.left(qsizetype(std::min<size_t>(headerEnd, 200))))));

    std::vector<std::string_view> cells(size_t(cols.count));
    size_t pos = headerEnd < text.size() ? headerEnd + 1 : text.size();
    int line = 1;
    QHash<QString, int> runsPerNode;
    while (pos < text.size()) {
        ++line;
        const size_t end = std::min(text.find('\n', pos), text.size());
        std::string_view row = text.substr(pos, end - pos);
        pos = end + 1;
        if (!row.empty() && row.back() == '\r') row.remove_suffix(1);
        if (row.empty()) continue;
        if ((line & 0x3FFF) == 0 && context.cancelled()) throw Cancelled();
        int n = 0;
        size_t from = 0;
        while (n < cols.count) {
            const size_t comma = row.find(',', from);
            cells[size_t(n++)] = row.substr(from, comma == std::string_view::npos ? std::string_view::npos : comma - from);
            if (comma == std::string_view::npos) break;
            from = comma + 1;
        }
        if (n < cols.count)
            tooltext::failAt(context, line, int(row.size()) + 1,
                             QStringLiteral("expected %1 comma-separated fields as in the header, got %2").arg(cols.count).arg(n));
        auto columnOf = [&](int index) {
            return int(cells[size_t(index)].data() - row.data()) + 1;
        };
        const std::optional<double> value = fastparse::number(cells[size_t(cols.value)]);
        if (!value || !std::isfinite(*value))
            tooltext::failAt(context, line, columnOf(cols.value),
                             QStringLiteral("expected a number in column value, got '%1'")
                                 .arg(QString::fromUtf8(cells[size_t(cols.value)].data(), qsizetype(cells[size_t(cols.value)].size()))));
        const std::optional<double> start = fastparse::isoDateTime(cells[size_t(cols.start)]);
        if (!start)
            tooltext::failAt(context, line, columnOf(cols.start),
                             QStringLiteral("expected a start time \"YYYY-MM-DD HH:MM:SS.fff\" (UTC) in column starttime, got '%1'")
                                 .arg(QString::fromUtf8(cells[size_t(cols.start)].data(), qsizetype(cells[size_t(cols.start)].size()))));
        const std::string_view vm = cells[size_t(cols.vm)];
        if (vm.empty()) tooltext::failAt(context, line, columnOf(cols.vm), QStringLiteral("expected a VM id in column VM_id, got nothing"));
        Measurement m;
        m.node = nodePrefix + QString::fromUtf8(vm.data(), qsizetype(vm.size()));
        m.metric = metric;
        m.value = *value;
        m.unit = unit;
        m.labels.insert(QStringLiteral("t"), *start);
        if (cols.runtime >= 0)
            if (const auto runtime = fastparse::number(cells[size_t(cols.runtime)])) m.labels.insert(QStringLiteral("runtime_s"), *runtime);
        ++runsPerNode[m.node];
        r.measurements.push_back(std::move(m));
    }
    if (r.measurements.isEmpty())
        throw InputError(context.fileName, QStringLiteral("the table has a header but no rows; expected one row per run"));
    r.labels.insert(QStringLiteral("runs"), r.measurements.size());
    r.labels.insert(QStringLiteral("nodes"), runsPerNode.size());
    if (sku.isEmpty()) {
        ImportWarning w;
        w.message = QStringLiteral("no vm_sku=… folder in the path, so the runs have no instance type; give one with --instance-type");
        r.warnings << w;
    }
    return r;
}

}  // namespace headroom
