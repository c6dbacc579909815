#include "sysstat_json_importer.h"

#include "core/errors.h"
#include "core/json_input.h"
#include "fast_parse.h"
#include "series_accumulator.h"
#include "sysstat_metrics.h"
#include "text_input.h"

#include <cmath>
#include <map>

namespace headroom {

namespace {

double timeOf(const json::Path& p, const QJsonObject& ts)
{
    // sadf -j writes date and time, with "tz" or, for UTC, "utc": 1; -t gives local time.
    const QString date = p.key(QStringLiteral("date")).string(ts.value(QStringLiteral("date")));
    const QString time = p.key(QStringLiteral("time")).string(ts.value(QStringLiteral("time")));
    const QByteArray text = (date + QLatin1Char(' ') + time).toUtf8();
    const auto t = fastparse::isoDateTime(std::string_view(text.constData(), size_t(text.size())));
    if (!t) p.fail(QStringLiteral("expected date 'YYYY-MM-DD' and time 'HH:MM:SS', got '%1 %2'").arg(date, time));
    return *t;
}

void addFields(SeriesAccumulator& acc, const json::Path& p, const QString& node, const QString& activity,
               const QString& device, const QJsonObject& o, double t)
{
    double idle = NAN, iowait = NAN;
    // Several fields can be one quantity (sysstat 12 writes both "rd_sec" and "rkB"): the
    // preferred one (first in the field table) is stored, so a series has one sample per time.
    std::map<QString, std::pair<const SysstatField*, double>> chosen;
    for (auto it = o.begin(); it != o.end(); ++it) {
        const QString key = sysstatFieldKey(it.key());
        const SysstatField* field = sysstatField(activity, key);
        if (!field) continue;
        const double v = p.key(it.key()).number(it.value());
        if (key == QLatin1String("idle")) idle = v;
        if (key == QLatin1String("iowait")) iowait = v;
        auto& slot = chosen[QLatin1String(field->metric)];
        if (!slot.first || field < slot.first) slot = {field, v};
    }
    for (const auto& [metric, fv] : chosen)
        acc.add(node, metric, QLatin1String(fv.first->unit), device, t, fv.second * fv.first->scale);
    if (activity == QLatin1String("cpu") && std::isfinite(idle))
        acc.add(node, QStringLiteral("cpu.util_pct"), QStringLiteral("%"), QString(), t,
                std::max(0.0, 100.0 - idle - (std::isfinite(iowait) ? iowait : 0.0)));
}

}  // namespace

int SysstatJsonImporter::sniff(const QByteArray& head, const QString& fileName) const
{
    Q_UNUSED(fileName);
    const QByteArray h = sniffText(head);
    return h.contains("\"sysstat\"") && (h.contains("\"hosts\"") || h.contains("\"sysdata-version\"")) ? 95 : 0;
}

ImportResult SysstatJsonImporter::parse(QIODevice& in, const ImportContext& context) const
{
    const QByteArray text = readTextInput(in, context, QStringLiteral("sysstat sadf -j output"));
    const QJsonDocument doc = json::parseDocument(text, context.fileName);
    const json::Path root(context.fileName);
    const QJsonObject top = root.object(doc.object().isEmpty() ? QJsonValue(doc.array()) : QJsonValue(doc.object()));
    const json::Path sp = root.key(QStringLiteral("sysstat"));
    const QJsonObject sysstat = sp.object(top.value(QStringLiteral("sysstat")));
    const json::Path hp = sp.key(QStringLiteral("hosts"));
    const QJsonArray hosts = hp.array(sysstat.value(QStringLiteral("hosts")));
    ImportResult r;
    r.format = name();
    SeriesAccumulator acc;
    int restarts = 0;
    for (qsizetype h = 0; h < hosts.size(); ++h) {
        const json::Path hostPath = hp.index(h);
        const QJsonObject host = hostPath.object(hosts[h]);
        const QString hostName = host.value(QStringLiteral("nodename")).toString();
        // With one host the series take the dataset's node (which --node can override).
        const QString node = hosts.size() > 1 ? hostName : QString();
        if (r.node.isEmpty()) r.node = hostName;
        restarts += int(host.value(QStringLiteral("restarts")).toArray().size());
        const json::Path stp = hostPath.key(QStringLiteral("statistics"));
        const QJsonArray stats = stp.array(host.value(QStringLiteral("statistics")));
        for (qsizetype i = 0; i < stats.size(); ++i) {
            if (context.cancelled()) throw Cancelled();
            const json::Path ip = stp.index(i);
            const QJsonObject st = ip.object(stats[i]);
            if (st.isEmpty()) continue;  // sadf -j writes {} for a record it could not read
            const json::Path tp = ip.key(QStringLiteral("timestamp"));
            const double t = timeOf(tp, tp.object(st.value(QStringLiteral("timestamp"))));
            const QJsonArray cpus = st.value(QStringLiteral("cpu-load")).toArray();
            for (qsizetype c = 0; c < cpus.size(); ++c) {
                const QJsonObject cpu = cpus[c].toObject();
                if (cpu.value(QStringLiteral("cpu")).toString() != QLatin1String("all")) continue;
                addFields(acc, ip.key(QStringLiteral("cpu-load")).index(c), node, QStringLiteral("cpu"), QString(), cpu, t);
            }
            if (st.contains(QStringLiteral("memory")))
                addFields(acc, ip.key(QStringLiteral("memory")), node, QStringLiteral("memory"), QString(),
                          ip.key(QStringLiteral("memory")).object(st.value(QStringLiteral("memory"))), t);
            const QJsonArray disks = st.value(QStringLiteral("disk")).toArray();
            for (qsizetype d = 0; d < disks.size(); ++d) {
                const QJsonObject disk = disks[d].toObject();
                addFields(acc, ip.key(QStringLiteral("disk")).index(d), node, QStringLiteral("disk"),
                          disk.value(QStringLiteral("disk-device")).toString(), disk, t);
            }
            const QJsonArray ifaces = st.value(QStringLiteral("network")).toObject().value(QStringLiteral("net-dev")).toArray();
            for (qsizetype n = 0; n < ifaces.size(); ++n) {
                const QJsonObject iface = ifaces[n].toObject();
                addFields(acc, ip.key(QStringLiteral("network.net-dev")).index(n), node, QStringLiteral("net"),
                          iface.value(QStringLiteral("iface")).toString(), iface, t);
            }
        }
    }
    acc.moveInto(r.series);
    if (r.series.empty())
        r.warnings.push_back({0, 0, hp.str(), QStringLiteral("activities not imported: the file holds none of the activities "
                                                             "Headroom reads (cpu-load \"all\", memory, disk, network net-dev)")});
    if (restarts > 0) r.labels.insert(QStringLiteral("restarts"), restarts);
    return r;
}

}  // namespace headroom
