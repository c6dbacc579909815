#include "prometheus_series.h"

#include <QHash>
#include <QRegularExpression>
#include <QSet>
#include <cmath>
#include <map>

namespace headroom {

namespace {

const QString kNameLabel = QStringLiteral("__name__");
const QString kCpuCounter = QStringLiteral("node_cpu_seconds_total");
// node_exporter before 0.16 (2018) named its metrics without units: node_cpu, node_memory_MemAvailable.
const QString kOldCpuCounter = QStringLiteral("node_cpu");

struct Mapping {
    const char* prometheus;
    const char* canonical;
    const char* unit;
    bool counter;  // cumulative: the canonical metric is its per-second rate
    double scale = 1;  // to the canonical unit (512-byte sectors → bytes)
};

// node_exporter and common client-library metric names with a canonical Headroom name.
const Mapping kMappings[] = {
    {"node_memory_MemAvailable_bytes", "mem.available_bytes", "bytes", false},
    {"node_memory_MemTotal_bytes", "mem.total_bytes", "bytes", false},
    {"node_memory_MemFree_bytes", "mem.free_bytes", "bytes", false},
    {"node_load1", "cpu.load1", "", false},
    {"node_load5", "cpu.load5", "", false},
    {"node_load15", "cpu.load15", "", false},
    {"http_requests_total", "http.requests_per_s", "1/s", true},
    {"http_server_requests_seconds_count", "http.requests_per_s", "1/s", true},
    {"flask_http_request_total", "http.requests_per_s", "1/s", true},
    {"django_http_requests_total_by_method_total", "http.requests_per_s", "1/s", true},
    {"node_network_receive_bytes_total", "net.rx_bytes_per_s", "bytes/s", true},
    {"node_network_transmit_bytes_total", "net.tx_bytes_per_s", "bytes/s", true},
    {"node_disk_reads_completed_total", "disk.read_iops", "1/s", true},
    {"node_disk_writes_completed_total", "disk.write_iops", "1/s", true},
    {"node_disk_read_bytes_total", "disk.read_bw_bytes_per_s", "bytes/s", true},
    {"node_disk_written_bytes_total", "disk.write_bw_bytes_per_s", "bytes/s", true},
    // node_exporter < 0.16
    {"node_memory_MemAvailable", "mem.available_bytes", "bytes", false},
    {"node_memory_MemTotal", "mem.total_bytes", "bytes", false},
    {"node_memory_MemFree", "mem.free_bytes", "bytes", false},
    {"node_network_receive_bytes", "net.rx_bytes_per_s", "bytes/s", true},
    {"node_network_transmit_bytes", "net.tx_bytes_per_s", "bytes/s", true},
    {"node_disk_reads_completed", "disk.read_iops", "1/s", true},
    {"node_disk_writes_completed", "disk.write_iops", "1/s", true},
    {"node_disk_sectors_read", "disk.read_bw_bytes_per_s", "bytes/s", true, 512},
    {"node_disk_sectors_written", "disk.write_bw_bytes_per_s", "bytes/s", true, 512},
};

const Mapping* mappingOf(const QString& name)
{
    for (const Mapping& m : kMappings)
        if (name == QLatin1String(m.prometheus)) return &m;
    return nullptr;
}

bool isCpuMode(const QString& mode)
{
    static const QSet<QString> modes{QStringLiteral("user"),    QStringLiteral("nice"),   QStringLiteral("system"),
                                     QStringLiteral("idle"),    QStringLiteral("iowait"), QStringLiteral("irq"),
                                     QStringLiteral("softirq"), QStringLiteral("steal"),  QStringLiteral("guest"),
                                     QStringLiteral("guest_nice")};
    return modes.contains(mode);
}

QJsonObject labelsJson(const QMap<QString, QString>& labels)
{
    QJsonObject o;
    for (auto it = labels.cbegin(); it != labels.cend(); ++it)
        if (it.key() != kNameLabel) o.insert(it.key(), it.value());
    return o;
}

// Per-second rate between neighbouring points; a drop means the counter restarted, so that
// interval is skipped rather than read as a huge negative rate.
void toRate(std::vector<double>& t, std::vector<double>& v)
{
    std::vector<double> rt, rv;
    for (size_t i = 1; i < t.size(); ++i) {
        const double dt = t[i] - t[i - 1];
        const double dv = v[i] - v[i - 1];
        if (dt <= 0 || dv < 0) continue;
        rt.push_back(t[i]);
        rv.push_back(dv / dt);
    }
    t.swap(rt);
    v.swap(rv);
}

// The counter a rate()/irate() query reads, when the query names exactly one known counter.
QString ratedCounterOf(const QString& query)
{
    static const QRegularExpression re(QStringLiteral("\\b(?:rate|irate|increase)\\s*\\(\\s*([a-zA-Z_:][a-zA-Z0-9_:]*)"));
    QSet<QString> names;
    for (auto it = re.globalMatch(query); it.hasNext();) names.insert(it.next().captured(1));
    return names.size() == 1 ? *names.begin() : QString();
}

void convertCpuModes(std::vector<PrometheusSeries>& cpu, bool rawCounter, ImportResult& out)
{
    // Group by every label but mode (and the name), so per-CPU or per-node inputs stay apart.
    std::map<QString, std::vector<PrometheusSeries*>> groups;
    for (PrometheusSeries& s : cpu) {
        QMap<QString, QString> key = s.labels;
        key.remove(QStringLiteral("mode"));
        key.remove(kNameLabel);
        QString k;
        for (auto it = key.cbegin(); it != key.cend(); ++it) k += it.key() + QLatin1Char('=') + it.value() + QLatin1Char('\x1f');
        groups[k].push_back(&s);
    }
    for (auto& [key, members] : groups) {
        Q_UNUSED(key);
        bool sinceBoot = false;
        for (PrometheusSeries* s : members) {
            if (rawCounter && s->t.size() >= 2) toRate(s->t, s->v);
            else if (rawCounter) sinceBoot = true;
        }
        std::map<double, double> total;
        for (PrometheusSeries* s : members)
            for (size_t i = 0; i < s->t.size(); ++i) total[s->t[i]] += s->v[i];
        std::map<double, double> idleOrWait;
        std::map<double, int> idleSeen;
        QMap<QString, QString> groupLabels = members.front()->labels;
        groupLabels.remove(QStringLiteral("mode"));
        for (PrometheusSeries* s : members) {
            const QString mode = s->labels.value(QStringLiteral("mode"));
            Series d;
            d.metric = QStringLiteral("cpu.%1_pct").arg(mode);
            d.unit = QStringLiteral("%");
            d.node = nodeOfLabels(groupLabels);
            d.labels = labelsJson(groupLabels);
            if (sinceBoot) d.labels.insert(QStringLiteral("window"), QStringLiteral("since_boot"));
            for (size_t i = 0; i < s->t.size(); ++i) {
                const double sum = total[s->t[i]];
                if (!(sum > 0)) continue;
                const double pct = s->v[i] / sum * 100.0;
                d.t.push_back(s->t[i]);
                d.v.push_back(pct);
                if (mode == QLatin1String("idle") || mode == QLatin1String("iowait")) {
                    idleOrWait[s->t[i]] += pct;
                    if (mode == QLatin1String("idle")) idleSeen[s->t[i]] = 1;
                }
            }
            if (!d.t.empty()) out.series.push_back(std::move(d));
        }
        Series util;
        util.metric = QStringLiteral("cpu.util_pct");
        util.unit = QStringLiteral("%");
        util.node = nodeOfLabels(groupLabels);
        util.labels = labelsJson(groupLabels);
        if (sinceBoot) util.labels.insert(QStringLiteral("window"), QStringLiteral("since_boot"));
        for (const auto& [t, pct] : idleOrWait) {
            if (!idleSeen.count(t)) continue;
            util.t.push_back(t);
            util.v.push_back(std::max(0.0, 100.0 - pct));
        }
        if (!util.t.empty()) out.series.push_back(std::move(util));
    }
}

}  // namespace

QString nodeOfLabels(const QMap<QString, QString>& labels)
{
    for (const char* key : {"node", "nodename", "hostname", "host"}) {
        const QString v = labels.value(QLatin1String(key));
        if (!v.isEmpty()) return v;
    }
    QString instance = labels.value(QStringLiteral("instance"));
    static const QRegularExpression port(QStringLiteral(":\\d+$"));
    if (!instance.startsWith(QLatin1Char('['))) instance.remove(port);
    return instance;
}

void convertPrometheusSeries(std::vector<PrometheusSeries> raw, const QString& query, ImportResult& out)
{
    qsizetype dropped = 0;
    for (PrometheusSeries& s : raw) {
        std::vector<double> t, v;
        t.reserve(s.t.size());  // exact sizes: a large answer's points are most of the memory
        v.reserve(s.v.size());
        for (size_t i = 0; i < s.t.size() && i < s.v.size(); ++i) {
            if (!std::isfinite(s.v[i])) {
                ++dropped;
                continue;
            }
            t.push_back(s.t[i]);
            v.push_back(s.v[i]);
        }
        s.t.swap(t);
        s.v.swap(v);
    }
    if (dropped > 0)
        out.warnings.push_back({0, 0, QString(), QStringLiteral("%1 points were NaN or infinite and were left out").arg(dropped)});

    const bool queryIsCpu = query.isEmpty() || query.contains(kOldCpuCounter);  // node_cpu and node_cpu_seconds_total
    const QString ratedCounter = ratedCounterOf(query);
    std::vector<PrometheusSeries> rawCpu, ratedCpu;
    for (PrometheusSeries& s : raw) {
        const QString name = s.labels.value(kNameLabel);
        const bool cpuMode = isCpuMode(s.labels.value(QStringLiteral("mode")));
        if (cpuMode && (name == kCpuCounter || name == kOldCpuCounter)) {
            rawCpu.push_back(std::move(s));
            continue;
        }
        if (cpuMode && name.isEmpty() && queryIsCpu) {
            ratedCpu.push_back(std::move(s));
            continue;
        }
        Series d;
        d.node = nodeOfLabels(s.labels);
        d.labels = labelsJson(s.labels);
        const Mapping* m = mappingOf(name.isEmpty() ? ratedCounter : name);
        if (m && name.isEmpty() && !m->counter) m = nullptr;  // a rate() of a gauge has no canonical name
        if (m) {
            d.metric = QLatin1String(m->canonical);
            d.unit = QLatin1String(m->unit);
            if (m->counter && !name.isEmpty()) toRate(s.t, s.v);
            if (m->scale != 1)
                for (double& x : s.v) x *= m->scale;
            d.labels.insert(QStringLiteral("prometheus_metric"), QLatin1String(m->prometheus));
        } else {
            d.metric = name.isEmpty() ? (query.isEmpty() ? QStringLiteral("prometheus.result") : query.left(200)) : name;
        }
        d.t = std::move(s.t);
        d.v = std::move(s.v);
        if (!d.t.empty()) out.series.push_back(std::move(d));
    }
    if (!rawCpu.empty()) {
        out.warnings.push_back({0, 0, QString(), QStringLiteral(
            "node_cpu_seconds_total came as a raw counter: per-mode shares were computed from the increase "
            "between neighbouring points (or since boot when there is one point)")});
        convertCpuModes(rawCpu, true, out);
    }
    if (!ratedCpu.empty()) {
        out.warnings.push_back({0, 0, QString(), QStringLiteral(
            "series with a CPU 'mode' label and no metric name were taken as rate(node_cpu_seconds_total) "
            "(CPU-seconds per second); per-mode percentages are shares of their sum over all modes")});
        convertCpuModes(ratedCpu, false, out);
    }
}

}  // namespace headroom
