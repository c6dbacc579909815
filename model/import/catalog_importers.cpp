#include "catalog_importers.h"

#include "boot_timing_csv_importer.h"
#include "catalog/catalog_files.h"
#include "core/errors.h"
#include "core/json_input.h"
#include "text_input.h"

#include <QDate>
#include <QRegularExpression>

namespace headroom {

namespace {

QString today() { return QDate::currentDate().toString(Qt::ISODate); }

// Checked as a double first: casting 1e300 (or NaN) to int is undefined behaviour.
int vcpuCount(const json::Path& p, const QJsonValue& v)
{
    const double n = p.number(v);
    if (!(n >= 1 && n <= 100000)) p.fail(QStringLiteral("expected a positive number of vCPUs"));
    return int(n);
}

}  // namespace

int CatalogCsvImporter::sniff(const QByteArray& head, const QString& fileName) const
{
    Q_UNUSED(fileName);
    const QByteArray h = sniffText(head);
    const QByteArray first = h.left(h.indexOf('\n')).toLower();
    return first.startsWith("provider,") && first.contains(",instance_type,") && first.contains("price_per_hour") ? 95 : 0;
}

ImportResult CatalogCsvImporter::parse(QIODevice& in, const ImportContext& context) const
{
    const QByteArray text = readTextInput(in, context, QStringLiteral("an instance catalog CSV"));
    ImportResult r;
    r.format = name();
    r.instanceTypes = parseInstanceTypesCsv(text, context.fileName);
    if (r.instanceTypes.isEmpty()) throw InputError(context.fileName, QStringLiteral("no instance types below the header"));
    return r;
}

int Ec2InstancesJsonImporter::sniff(const QByteArray& head, const QString& fileName) const
{
    Q_UNUSED(fileName);
    const QByteArray h = sniffText(head);
    // Keys are sorted in current files, so "vCPU" may lie beyond the head; "ECU" comes early.
    return h.contains("\"instance_type\"") && (h.contains("\"vCPU\"") || h.contains("\"ECU\"")) ? 95 : 0;
}

ImportResult Ec2InstancesJsonImporter::parse(QIODevice& in, const ImportContext& context) const
{
    const QByteArray text = readTextInput(in, context, QStringLiteral("ec2instances.info JSON"));
    const QJsonDocument doc = json::parseDocument(text, context.fileName);
    QJsonArray items = doc.isArray() ? doc.array() : QJsonArray{doc.object()};
    const json::Path root(context.fileName);
    ImportResult r;
    r.format = name();
    int unpriced = 0;
    for (qsizetype i = 0; i < items.size(); ++i) {
        const json::Path p = doc.isArray() ? root.index(i) : root;
        const QJsonObject o = p.object(items[i]);
        InstanceType t;
        t.provider = QStringLiteral("aws");
        t.name = p.key(QStringLiteral("instance_type")).string(o.value(QStringLiteral("instance_type")));
        t.vcpu = vcpuCount(p.key(QStringLiteral("vCPU")), o.value(QStringLiteral("vCPU")));
        t.memoryGib = p.key(QStringLiteral("memory")).number(o.value(QStringLiteral("memory")));
        const QJsonArray arch = o.value(QStringLiteral("arch")).toArray();
        t.arch = arch.isEmpty() ? QStringLiteral("x86_64") : arch[0].toString();
        if (t.arch == QLatin1String("arm64") || t.arch == QLatin1String("aarch64")) t.arch = QStringLiteral("arm64");
        // Burstable families (t2, t3, t4g) share their CPU; the rest here are dedicated vCPUs.
        t.burstable = t.name.startsWith(QLatin1Char('t')) && t.name.size() > 1 && t.name[1].isDigit();
        t.dedicatedCpu = !t.burstable;
        if (o.value(QStringLiteral("baseline_bandwidth_gbps")).isDouble())
            t.networkGbps = o.value(QStringLiteral("baseline_bandwidth_gbps")).toDouble();
        const QJsonObject pricing = o.value(QStringLiteral("pricing")).toObject();
        QString region = pricing.contains(QStringLiteral("us-east-1")) ? QStringLiteral("us-east-1")
                         : pricing.isEmpty()                          ? QString()
                                                                      : pricing.constBegin().key();
        t.region = region;
        if (!region.isEmpty()) {
            const json::Path pp = p.key(QStringLiteral("pricing")).key(region).key(QStringLiteral("linux"));
            const QJsonValue linux = pricing.value(region).toObject().value(QStringLiteral("linux"));
            // 2014 files give "0.450"; current ones {"ondemand": "26.676", …}.
            const QJsonValue price = linux.isObject() ? linux.toObject().value(QStringLiteral("ondemand")) : linux;
            if (!price.isUndefined() && !price.isNull())
                t.pricePerHour = (linux.isObject() ? pp.key(QStringLiteral("ondemand")) : pp).number(price);
        }
        if (t.pricePerHour <= 0) ++unpriced;
        t.currency = QStringLiteral("USD");
        t.priceBasis = QStringLiteral("on-demand Linux");
        t.source = QStringLiteral("ec2instances.info (%1)").arg(context.fileName.section(QLatin1Char('/'), -1));
        t.sourceDate = today();
        r.instanceTypes.push_back(t);
    }
    if (unpriced > 0)
        r.warnings.push_back({0, 0, QString(), QStringLiteral("%1 instance types have no Linux on-demand price; the catalog keeps any price it had").arg(unpriced)});
    if (r.instanceTypes.isEmpty()) throw InputError(root.where(), QStringLiteral("expected at least one instance"));
    return r;
}

int SparecoresServersImporter::sniff(const QByteArray& head, const QString& fileName) const
{
    Q_UNUSED(fileName);
    const QByteArray h = sniffText(head);
    return h.contains("\"vendor_id\"") && h.contains("\"vcpus\"") && h.contains("\"memory_amount\"") ? 95 : 0;
}

ImportResult SparecoresServersImporter::parse(QIODevice& in, const ImportContext& context) const
{
    const QByteArray text = readTextInput(in, context, QStringLiteral("Spare Cores servers (JSON lines)"));
    ImportResult r;
    r.format = name();
    int inactive = 0;
    LineCursor lines(text);
    while (lines.next()) {
        const std::string_view l = trimmed(lines.line());
        if (l.empty()) continue;
        const QByteArray bytes(l.data(), qsizetype(l.size()));
        QJsonParseError error;
        const QJsonDocument doc = QJsonDocument::fromJson(bytes, &error);
        if (error.error != QJsonParseError::NoError || !doc.isObject())
            throw InputError(formatWhere(context.fileName, lines.number(), int(error.offset) + 1),
                             QStringLiteral("expected one JSON object per line: %1").arg(error.errorString()));
        const json::Path p(QStringLiteral("%1:%2").arg(context.fileName).arg(lines.number()));
        const QJsonObject o = doc.object();
        if (o.value(QStringLiteral("status")).toString() == QLatin1String("INACTIVE")) {
            ++inactive;
            continue;
        }
        InstanceType t;
        t.provider = providerKeyOfVendor(p.key(QStringLiteral("vendor_id")).string(o.value(QStringLiteral("vendor_id"))));
        t.name = p.key(QStringLiteral("api_reference")).string(o.value(o.contains(QStringLiteral("api_reference")) ? QStringLiteral("api_reference") : QStringLiteral("name")));
        t.vcpu = vcpuCount(p.key(QStringLiteral("vcpus")), o.value(QStringLiteral("vcpus")));
        t.memoryGib = p.key(QStringLiteral("memory_amount")).number(o.value(QStringLiteral("memory_amount"))) / 1024.0;
        const QString arch = o.value(QStringLiteral("cpu_architecture")).toString().toLower();
        t.arch = arch == QLatin1String("arm64") || arch == QLatin1String("arm64_mac") ? QStringLiteral("arm64") : QStringLiteral("x86_64");
        t.dedicatedCpu = o.value(QStringLiteral("cpu_allocation")).toString() == QLatin1String("DEDICATED");
        t.source = QStringLiteral("Spare Cores (CC BY-SA 4.0), %1").arg(context.fileName.section(QLatin1Char('/'), -1));
        t.sourceDate = today();
        r.instanceTypes.push_back(t);
    }
    if (inactive > 0)
        r.warnings.push_back({0, 0, QString(), QStringLiteral("%1 servers marked INACTIVE (no longer offered) were skipped").arg(inactive)});
    r.warnings.push_back({0, 0, QString(), QStringLiteral("Spare Cores server lists carry no prices; the catalog keeps any price it had for these types")});
    if (r.instanceTypes.isEmpty()) throw InputError(context.fileName, QStringLiteral("no active servers found"));
    return r;
}

}  // namespace headroom
