#include "fio_importer.h"

#include "core/errors.h"
#include "core/json_input.h"
#include "tool_text.h"
#include "units.h"

#include <QJsonArray>
#include <algorithm>
#include <cmath>
#include <map>
#include <set>

namespace headroom {

namespace {

const char* const kDirections[] = {"read", "write", "trim"};

// The percentiles kept as metrics; fio prints more, these are the ones plans use.
const double kPercentiles[] = {50, 90, 95, 99, 99.9, 99.99};

struct Latency {
    QString kind;                       // "lat" (submission + completion) or "clat"
    double toMs = 1;                    // factor from the file's unit to ms
    double mean = 0;                    // ms
    double count = 0;                   // number of I/Os in the latency record
    std::map<double, double> percentiles;  // percent -> ms
    std::map<double, double> bins;         // json+: value (ms) -> I/O count
};

struct DirectionResult {
    QString job;
    int jobIndex = 0;
    double iops = 0;
    double bwBytes = 0;
    Latency latency;
};

Latency readOneLatency(const QJsonObject& o, const json::Path& p, const QString& kind, double toMs)
{
    Latency l;
    l.kind = kind;
    l.toMs = toMs;
    if (o.contains(QStringLiteral("mean"))) l.mean = p.key(QStringLiteral("mean")).number(o.value(QStringLiteral("mean"))) * toMs;
    if (o.contains(QStringLiteral("N"))) l.count = p.key(QStringLiteral("N")).number(o.value(QStringLiteral("N")));
    const json::Path pp = p.key(QStringLiteral("percentile"));
    const QJsonObject pct = o.value(QStringLiteral("percentile")).toObject();
    for (auto it = pct.begin(); it != pct.end(); ++it) {
        bool ok = false;
        const double percent = it.key().toDouble(&ok);
        if (!ok) pp.fail(QStringLiteral("expected percent keys such as \"99.900000\""));
        l.percentiles[percent] = pp.key(it.key()).number(it.value()) * toMs;
    }
    const json::Path bp = p.key(QStringLiteral("bins"));
    const QJsonObject bins = o.value(QStringLiteral("bins")).toObject();
    for (auto it = bins.begin(); it != bins.end(); ++it) {
        bool ok = false;
        const double value = it.key().toDouble(&ok);
        if (!ok) bp.fail(QStringLiteral("expected latency values as keys"));
        l.bins[value * toMs] += bp.key(it.key()).number(it.value());
    }
    return l;
}

// fio 3.x writes lat_ns/clat_ns in ns, 2.x lat/clat in µs. The total latency (what the
// application waits) is preferred; fio attaches percentiles to clat by default and to lat with
// lat_percentiles=1, so the first of lat, clat that has a percentile map is reported, else lat.
Latency readLatency(const QJsonObject& dir, const json::Path& path)
{
    const bool ns = dir.contains(QStringLiteral("lat_ns")) || dir.contains(QStringLiteral("clat_ns"));
    const QString suffix = ns ? QStringLiteral("_ns") : QString();
    const double toMs = ns ? 1e-6 : 1e-3;
    std::vector<Latency> found;
    for (const QString& kind : {QStringLiteral("lat"), QStringLiteral("clat")}) {
        const QString key = kind + suffix;
        if (!dir.contains(key)) continue;
        const json::Path p = path.key(key);
        found.push_back(readOneLatency(p.object(dir.value(key)), p, kind, toMs));
    }
    for (const auto& l : found)
        if (!l.percentiles.empty()) return l;
    return found.empty() ? Latency{} : found.front();
}

}  // namespace

double fioPercentileOfBins(const std::map<double, double>& bins, double percent)
{
    double total = 0;
    for (const auto& [value, n] : bins) total += n;
    double running = 0;
    for (const auto& [value, n] : bins) {
        running += n;
        if (running >= percent / 100.0 * total) return value;
    }
    return bins.empty() ? 0 : bins.rbegin()->first;
}

namespace {

void addDirectionMeasurements(ImportResult& r, const QString& dir, const DirectionResult& d, int groupId)
{
    QJsonObject labels{{QStringLiteral("job"), d.job}, {QStringLiteral("job_index"), d.jobIndex},
                       {QStringLiteral("groupid"), groupId}};
    r.addMeasurement(QStringLiteral("disk.%1_iops").arg(dir), d.iops, QStringLiteral("1/s"), labels);
    r.addMeasurement(QStringLiteral("disk.%1_bw_bytes_per_s").arg(dir), d.bwBytes, QStringLiteral("bytes/s"), labels);
    if (d.latency.kind.isEmpty()) return;
    labels.insert(QStringLiteral("latency"), d.latency.kind);
    r.addMeasurement(QStringLiteral("disk.%1_lat_mean_ms").arg(dir), d.latency.mean, QStringLiteral("ms"), labels);
    for (const double p : kPercentiles) {
        const auto it = d.latency.percentiles.find(p);
        if (it == d.latency.percentiles.end()) continue;
        r.addMeasurement(QStringLiteral("disk.%1_lat_%2_ms").arg(dir, units::percentileName(p)), it->second,
                       QStringLiteral("ms"), labels);
    }
}

// Headline values of one direction over all jobs that did I/O in it.
void addHeadline(ImportResult& r, const QString& dir, const std::vector<DirectionResult>& active)
{
    if (active.empty()) return;
    double iops = 0, bw = 0;
    for (const auto& d : active) {
        iops += d.iops;
        bw += d.bwBytes;
    }
    r.metrics.insert(QStringLiteral("disk.%1_iops").arg(dir), iops);
    r.metrics.insert(QStringLiteral("disk.%1_bw_bytes_per_s").arg(dir), bw);

    const auto latencyName = [&dir](const QString& what) { return QStringLiteral("disk.%1_lat_%2_ms").arg(dir, what); };
    if (active.size() == 1) {
        const Latency& l = active.front().latency;
        if (l.kind.isEmpty()) return;
        r.metrics.insert(latencyName(QStringLiteral("mean")), l.mean);
        for (const double p : kPercentiles)
            if (const auto it = l.percentiles.find(p); it != l.percentiles.end())
                r.metrics.insert(latencyName(units::percentileName(p)), it->second);
        return;
    }
    // Several jobs: percentiles cannot be averaged; merge json+ histograms when every job has them.
    std::map<double, double> merged;
    double weightedMean = 0, n = 0;
    bool allBins = true;
    for (const auto& d : active) {
        allBins = allBins && !d.latency.bins.empty() && d.latency.kind == active.front().latency.kind;
        for (const auto& [v, c] : d.latency.bins) merged[v] += c;
        weightedMean += d.latency.mean * d.latency.count;
        n += d.latency.count;
    }
    if (n > 0) r.metrics.insert(latencyName(QStringLiteral("mean")), weightedMean / n);
    if (allBins) {
        for (const double p : kPercentiles) r.metrics.insert(latencyName(units::percentileName(p)), fioPercentileOfBins(merged, p));
    } else {
        ImportWarning w;
        w.jsonPath = QStringLiteral("$.jobs");
        w.message = QStringLiteral("%1 jobs did %2 I/O without group_reporting or json+ bins; their latency percentiles "
                                   "cannot be combined, so only per-job values are kept")
                        .arg(active.size())
                        .arg(dir);
        r.warnings << w;
    }
}

}  // namespace

// "fio version" since fio 2.0; some early 2.0 builds wrote "fioversion".
const char* const kVersionKeys[] = {"fio version", "fioversion"};

int FioImporter::sniff(const QByteArray& head, const QString&) const
{
    for (const char* key : kVersionKeys)
        if (head.contains(QByteArray("\"") + key + "\"")) return 95;
    return 0;
}

namespace {

// Where fio's JSON object starts. Its keys may come in any order (jq -S or a script that
// re-serialised it sorts "disk_util" before "fio version"), so the version key is only a
// landmark: the object is the last '{' before it that opens a line (fio and every pretty
// printer put the root brace in column 1), else the first '{' of the text (one-line JSON).
qsizetype rootObjectStart(const QByteArray& text)
{
    qsizetype key = -1;
    for (const char* name : kVersionKeys)
        if (key < 0) key = text.indexOf(QByteArray("\"") + name + "\"");
    const qsizetype first = text.indexOf('{');
    if (key < 0) return std::max<qsizetype>(first, 0);
    for (qsizetype i = text.lastIndexOf('{', key); i >= 0; i = i > 0 ? text.lastIndexOf('{', i - 1) : -1)
        if (i == 0 || text[i - 1] == '\n' || (i == 3 && text.startsWith("\xEF\xBB\xBF"))) return i;
    return std::max<qsizetype>(first, 0);
}

}  // namespace

ImportResult FioImporter::parse(QIODevice& in, const ImportContext& context) const
{
    const QByteArray text = tooltext::read(in, context, QStringLiteral("fio JSON output"));
    // The object holding "fio version"; notes and normal output around it are skipped.
    const QJsonDocument doc = json::parseDocument(tooltext::isolateJsonObject(text, rootObjectStart(text)), context.fileName, true);
    const json::Path rootPath(context.fileName);
    if (!doc.isObject()) rootPath.fail(QStringLiteral("expected the fio JSON object with \"fio version\" and \"jobs\""));
    const QJsonObject root = doc.object();
    if (!root.contains(QStringLiteral("jobs")))
        rootPath.key(QStringLiteral("jobs")).fail(QStringLiteral("missing; expected fio's array of jobs (is this fio --output-format=json output?)"));

    ImportResult r;
    r.format = name();
    for (const char* key : kVersionKeys)
        if (r.toolVersion.isEmpty()) r.toolVersion = root.value(QLatin1String(key)).toString();
    if (root.contains(QStringLiteral("global options"))) r.labels.insert(QStringLiteral("global_options"), root.value(QStringLiteral("global options")));

    const json::Path jobsPath = rootPath.key(QStringLiteral("jobs"));
    const QJsonArray jobs = jobsPath.array(root.value(QStringLiteral("jobs")));
    std::map<QString, std::vector<DirectionResult>> byDirection;
    std::set<int> groupsWithIo;
    for (qsizetype i = 0; i < jobs.size(); ++i) {
        if (context.cancelled()) throw Cancelled();
        const json::Path jp = jobsPath.index(i);
        const QJsonObject job = jp.object(jobs.at(i));
        const QString jobName = jp.key(QStringLiteral("jobname")).string(job.value(QStringLiteral("jobname")));
        const int groupId = job.value(QStringLiteral("groupid")).toInt();
        if (const int error = job.value(QStringLiteral("error")).toInt(); error != 0) {
            ImportWarning w;
            w.jsonPath = jp.key(QStringLiteral("error")).str();
            w.message = QStringLiteral("job '%1' ended with error %2 (errno); its numbers may be cut short").arg(jobName).arg(error);
            r.warnings << w;
        }
        for (const char* dirName : kDirections) {
            const QString dir = QLatin1String(dirName);
            if (!job.contains(dir)) continue;
            const json::Path dp = jp.key(dir);
            const QJsonObject d = dp.object(job.value(dir));
            // An idle direction still appears, all zeros.
            const double ioBytes = dp.key(QStringLiteral("io_bytes")).number(d.value(QStringLiteral("io_bytes")));
            if (ioBytes <= 0) continue;
            DirectionResult res;
            res.job = jobName;
            res.jobIndex = int(i);
            res.iops = dp.key(QStringLiteral("iops")).number(d.value(QStringLiteral("iops")));
            res.bwBytes = d.contains(QStringLiteral("bw_bytes"))
                              ? dp.key(QStringLiteral("bw_bytes")).number(d.value(QStringLiteral("bw_bytes")))
                              : dp.key(QStringLiteral("bw")).number(d.value(QStringLiteral("bw"))) * 1024.0;  // KiB/s
            res.latency = readLatency(d, dp);
            addDirectionMeasurements(r, dir, res, groupId);
            groupsWithIo.insert(groupId);
            byDirection[dir].push_back(res);
        }
    }
    if (groupsWithIo.size() > 1) {
        // Jobs of different groups (stonewall, new_group) ran one group after another: their
        // IOPS never added up at any moment, so no headline is summed or taken from one group.
        QStringList ids;
        for (const int g : groupsWithIo) ids << QString::number(g);
        r.labels.insert(QStringLiteral("runs"), int(groupsWithIo.size()));
        ImportWarning w;
        w.jsonPath = jobsPath.str();
        w.message = QStringLiteral("the jobs ran in %1 separate groups (groupid %2), one after another; each job is kept "
                                   "as its own set of measurements (label 'groupid') and no headline is taken, since "
                                   "runs are never pooled")
                        .arg(groupsWithIo.size())
                        .arg(ids.join(QStringLiteral(", ")));
        r.warnings << w;
    } else {
        for (const char* dirName : kDirections) addHeadline(r, QLatin1String(dirName), byDirection[QLatin1String(dirName)]);
    }
    if (r.measurements.isEmpty()) {
        ImportWarning w;
        w.jsonPath = jobsPath.str();
        w.message = QStringLiteral("no job did any I/O");
        r.warnings << w;
    }
    return r;
}

}  // namespace headroom
