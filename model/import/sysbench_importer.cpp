#include "sysbench_importer.h"

#include "sysbench_legacy.h"
#include "core/errors.h"
#include "tool_text.h"
#include "units.h"

#include <QRegularExpression>
#include <map>

namespace headroom {

namespace {

// The metric name of a value of a test: cpu.latency_p95_ms, mem.mib_per_s, db.latency_p95_ms,
// disk.fileio_latency_p95_ms, sysbench.events_per_s (threads, mutex).
QString qualified(const QString& test, const QString& key)
{
    if (test == QLatin1String("cpu")) return QStringLiteral("cpu.") + key;
    if (test == QLatin1String("memory")) return QStringLiteral("mem.") + key;
    if (test == QLatin1String("fileio")) return QStringLiteral("disk.fileio_") + key;
    if (test == QLatin1String("oltp")) return QStringLiteral("db.") + key;
    if (test == QLatin1String("threads") || test == QLatin1String("mutex")) return QStringLiteral("sysbench.%1_%2").arg(test, key);
    return QStringLiteral("sysbench.") + key;
}

// Canonical metric name of a run's value; fileio's IOPS and throughput carry disk.* names.
QString metricName(const SysbenchRun& run, const QString& key)
{
    if (run.test == QLatin1String("fileio")) {
        static const std::map<QString, QString> fileio = {
            {QStringLiteral("reads_per_s"), QStringLiteral("disk.read_iops")},
            {QStringLiteral("writes_per_s"), QStringLiteral("disk.write_iops")},
            {QStringLiteral("fsyncs_per_s"), QStringLiteral("disk.fsyncs_per_s")},
            {QStringLiteral("read_bytes_per_s"), QStringLiteral("disk.read_bw_bytes_per_s")},
            {QStringLiteral("write_bytes_per_s"), QStringLiteral("disk.write_bw_bytes_per_s")}};
        if (const auto it = fileio.find(key); it != fileio.end()) return it->second;
    }
    if (run.test == QLatin1String("oltp") && key == QLatin1String("transactions_per_s")) return QStringLiteral("db.tps");
    if (run.test == QLatin1String("oltp") && key == QLatin1String("queries_per_s")) return QStringLiteral("db.qps");
    return qualified(run.test, key);
}

QString unitOf(const QString& metric)
{
    if (metric.endsWith(QLatin1String("_ms"))) return QStringLiteral("ms");
    if (metric.endsWith(QLatin1String("_bytes_per_s"))) return QStringLiteral("bytes/s");
    if (metric.endsWith(QLatin1String("mib_per_s"))) return QStringLiteral("MiB/s");
    if (metric.endsWith(QLatin1String("_per_s")) || metric.endsWith(QLatin1String("_iops")) ||
        metric == QLatin1String("db.tps") || metric == QLatin1String("db.qps"))
        return QStringLiteral("1/s");
    return {};
}

class RunParser {
public:
    explicit RunParser(const ImportContext& ctx) : ctx_(ctx), legacy_(ctx) {}
    void startRun()
    {
        section_.clear();
        legacy_.startRun();
    }

    void line(SysbenchRun& run, const tooltext::Line& l)
    {
        const QString& text = l.text;
        const QString t = text.trimmed();
        if (t.isEmpty()) return;
        if (!text.at(0).isSpace() && t.endsWith(QLatin1Char(':'))) {
            section_ = t.chopped(1).toLower();
            if (section_ == QLatin1String("sql statistics")) run.test = QStringLiteral("oltp");
            if (section_ == QLatin1String("file operations")) run.test = QStringLiteral("fileio");
            return;
        }
        if (t.startsWith(QLatin1Char('['))) return interval(run, l);
        if (match(l, threadsRe(), [&](auto& m) { run.threads = m.captured(1).toInt(); })) return;
        if (t.startsWith(QLatin1String("Prime numbers limit")) || t.startsWith(QLatin1String("CPU speed"))) run.test = QStringLiteral("cpu");
        if (t.startsWith(QLatin1String("Running memory speed test"))) run.test = QStringLiteral("memory");
        if (t.startsWith(QLatin1String("Extra file open flags"))) run.test = QStringLiteral("fileio");
        if (legacy_.line(run, l, t, section_)) return;

        static const QRegularExpression eventsPerSecond = perSecondRe(QStringLiteral("events per second"));
        static const QRegularExpression eps = perSecondRe(QStringLiteral("events/s \\(eps\\)"));
        value(run, l, eventsPerSecond, QStringLiteral("events_per_s"), 1);
        value(run, l, eps, QStringLiteral("events_per_s"), 1, true);
        if (match(l, totalTimeRe(), [&](auto& m) { run.totalTimeS = sysbenchNumber(m.captured(1), ctx_, l, m.capturedStart(1)); })) return;
        if (match(l, eventsRe(), [&](auto& m) { run.events = sysbenchNumber(m.captured(1), ctx_, l, m.capturedStart(1)); })) return;
        // memory
        if (match(l, memOpsRe(), [&](auto& m) {
                run.test = QStringLiteral("memory");
                run.values[QStringLiteral("ops_per_s")] = sysbenchNumber(m.captured(1), ctx_, l, m.capturedStart(1));
            }))
            return;
        if (match(l, memMibRe(), [&](auto& m) {
                run.test = QStringLiteral("memory");
                run.values[QStringLiteral("mib_per_s")] = sysbenchNumber(m.captured(1), ctx_, l, m.capturedStart(1));
            }))
            return;
        // oltp
        if (section_ == QLatin1String("sql statistics")) {
            static const QRegularExpression counted(QStringLiteral("^\\s*(transactions|queries|ignored errors|reconnects):\\s*\\d+\\s*\\(\\s*([0-9][0-9.eE+-]*) per sec\\.\\)"));
            match(l, counted, [&](auto& m) {
                QString key = m.captured(1);
                key.replace(QLatin1Char(' '), QLatin1Char('_'));
                if (key == QLatin1String("ignored_errors")) key = QStringLiteral("errors");
                run.values[key + QStringLiteral("_per_s")] = sysbenchNumber(m.captured(2), ctx_, l, m.capturedStart(2));
            });
            return;
        }
        // fileio 1.0 ("reads/s: 1.23") and 1.1 ("read:  IOPS=1.23 4.5 MiB/s (4.7 MB/s)")
        if (section_ == QLatin1String("file operations")) {
            static const QRegularExpression ops(QStringLiteral("^\\s*(reads|writes|fsyncs)/s:\\s*([0-9][0-9.eE+-]*)"));
            match(l, ops, [&](auto& m) { run.values[m.captured(1) + QStringLiteral("_per_s")] = sysbenchNumber(m.captured(2), ctx_, l, m.capturedStart(2)); });
            return;
        }
        if (section_ == QLatin1String("throughput") && run.test == QLatin1String("fileio")) {
            static const QRegularExpression v10(QStringLiteral("^\\s*(read|written), MiB/s:\\s*([0-9][0-9.eE+-]*)"));
            static const QRegularExpression v11(QStringLiteral("^\\s*(read|write|fsync):\\s*IOPS=([0-9][0-9.eE+-]*)(?:\\s+([0-9][0-9.eE+-]*) MiB/s)?"));
            match(l, v10, [&](auto& m) {
                const QString dir = m.captured(1) == QLatin1String("read") ? QStringLiteral("read") : QStringLiteral("write");
                run.values[dir + QStringLiteral("_bytes_per_s")] = sysbenchNumber(m.captured(2), ctx_, l, m.capturedStart(2)) * 1048576.0;
            });
            match(l, v11, [&](auto& m) {
                const QString op = m.captured(1);
                run.values[op + QStringLiteral("s_per_s")] = sysbenchNumber(m.captured(2), ctx_, l, m.capturedStart(2));
                if (op != QLatin1String("fsync") && m.capturedLength(3) > 0)
                    run.values[op + QStringLiteral("_bytes_per_s")] = sysbenchNumber(m.captured(3), ctx_, l, m.capturedStart(3)) * 1048576.0;
            });
            return;
        }
        if (section_.startsWith(QLatin1String("latency"))) {
            static const QRegularExpression stat(QStringLiteral("^\\s*(min|avg|max):\\s*([0-9][0-9.eE+-]*)"));
            static const QRegularExpression pct(QStringLiteral("^\\s*([0-9][0-9.eE+-]*)th percentile:\\s*([0-9][0-9.eE+-]*)"));
            match(l, stat, [&](auto& m) {
                const QString s = m.captured(1) == QLatin1String("avg") ? QStringLiteral("mean") : m.captured(1);
                run.values[QStringLiteral("latency_%1_ms").arg(s)] = sysbenchNumber(m.captured(2), ctx_, l, m.capturedStart(2));
            });
            match(l, pct, [&](auto& m) {
                const double p = sysbenchNumber(m.captured(1), ctx_, l, m.capturedStart(1));
                run.values[QStringLiteral("latency_%1_ms").arg(units::percentileName(p))] = sysbenchNumber(m.captured(2), ctx_, l, m.capturedStart(2));
            });
        }
    }

private:
    template <typename F>
    static bool match(const tooltext::Line& l, const QRegularExpression& re, F&& f)
    {
        const auto m = re.match(l.text);
        if (!m.hasMatch()) return false;
        f(m);
        return true;
    }
    void value(SysbenchRun& run, const tooltext::Line& l, const QRegularExpression& re, const QString& key, double factor, bool onlyIfMissing = false)
    {
        match(l, re, [&](auto& m) {
            if (onlyIfMissing && run.values.count(key)) return;
            run.values[key] = sysbenchNumber(m.captured(1), ctx_, l, m.capturedStart(1)) * factor;
        });
    }
    static QRegularExpression perSecondRe(const QString& label)
    {
        return QRegularExpression(QStringLiteral("^\\s*%1:\\s*([0-9][0-9.eE+-]*)").arg(label));
    }
    static const QRegularExpression& threadsRe()
    {
        static const QRegularExpression re(QStringLiteral("^Number of threads:\\s*(\\d+)"));
        return re;
    }
    static const QRegularExpression& totalTimeRe()
    {
        static const QRegularExpression re(QStringLiteral("^\\s*(?:total time|time elapsed):\\s*([0-9][0-9.eE+-]*)s"));
        return re;
    }
    static const QRegularExpression& eventsRe()
    {
        static const QRegularExpression re(QStringLiteral("^\\s*total number of events:\\s*([0-9][0-9.eE+-]*)"));
        return re;
    }
    static const QRegularExpression& memOpsRe()
    {
        static const QRegularExpression re(
            QStringLiteral("^\\s*(?:Total operations|Operations performed):\\s*\\d+\\s*\\(\\s*([0-9][0-9.eE+-]*) (?:per second|ops/sec)\\)"));
        return re;
    }
    static const QRegularExpression& memMibRe()
    {
        // 1.x prints MiB; 0.4/0.5 print "MB" for the same 1024² bytes.
        static const QRegularExpression re(QStringLiteral("^\\s*[0-9.]+ Mi?B transferred \\(\\s*([0-9][0-9.eE+-]*) Mi?B/sec\\)"));
        return re;
    }

    // "[ 2s ] thds: 16 tps: 1012.86 qps: 20333.18 (r/w/o: …) lat (ms,100%): 28.67 err/s: 0.00 reconn/s: 0.00"
    void interval(SysbenchRun& run, const tooltext::Line& l)
    {
        static const QRegularExpression head(QStringLiteral("^\\s*\\[\\s*([0-9][0-9.eE+-]*)s\\s*\\]"));
        static const QRegularExpression field(QStringLiteral("(tps|qps|eps|err/s|reconn/s|lat \\(ms,([0-9][0-9.eE+-]*)%\\)):\\s*([0-9][0-9.eE+-]*)"));
        const auto h = head.match(l.text);
        if (!h.hasMatch()) return;
        const double t = sysbenchNumber(h.captured(1), ctx_, l, h.capturedStart(1));
        auto it = field.globalMatch(l.text, h.capturedEnd(0));
        while (it.hasNext()) {
            const auto m = it.next();
            QString key = m.captured(1);
            if (key.startsWith(QLatin1String("lat"))) {
                key = QStringLiteral("lat");
                run.intervalPercentile = units::percentileName(sysbenchNumber(m.captured(2), ctx_, l, m.capturedStart(2)));
            }
            auto& series = run.intervals[key];
            series.first.push_back(t);
            series.second.push_back(sysbenchNumber(m.captured(3), ctx_, l, m.capturedStart(3)));
        }
    }

    const ImportContext& ctx_;
    QString section_;
    SysbenchLegacyLines legacy_;
};

void emitRun(ImportResult& r, SysbenchRun& run)
{
    deriveLegacyRates(run);
    QJsonObject labels{{QStringLiteral("run"), run.index}, {QStringLiteral("test"), run.test.isEmpty() ? QStringLiteral("other") : run.test}};
    if (run.threads > 0) labels.insert(QStringLiteral("threads"), run.threads);
    if (!run.ioMode.isEmpty()) labels.insert(QStringLiteral("io_mode"), run.ioMode);
    if (!run.harnessPrefix.isEmpty()) labels.insert(QStringLiteral("harness_prefix"), run.harnessPrefix);
    for (const auto& [key, value] : run.values) {
        Measurement m;
        m.metric = metricName(run, key);
        m.value = value;
        m.unit = unitOf(m.metric);
        m.labels = labels;
        r.measurements << m;
    }
    for (const auto& [key, tv] : run.intervals) {
        QString metric;
        if (key == QLatin1String("tps")) metric = QStringLiteral("db.tps");
        else if (key == QLatin1String("qps")) metric = QStringLiteral("db.qps");
        else if (key == QLatin1String("eps")) metric = qualified(run.test, QStringLiteral("events_per_s"));
        else if (key == QLatin1String("lat")) metric = qualified(run.test, QStringLiteral("latency_%1_ms").arg(run.intervalPercentile));
        else if (key == QLatin1String("err/s")) metric = qualified(run.test, QStringLiteral("errors_per_s"));
        else metric = qualified(run.test, QStringLiteral("reconnects_per_s"));
        Series s;
        s.metric = metric;
        s.unit = unitOf(metric);
        s.labels = labels;
        s.labels.insert(QStringLiteral("relative_time"), true);
        s.t = tv.first;
        s.v = tv.second;
        r.series.push_back(std::move(s));
    }
}

}  // namespace

int SysbenchImporter::sniff(const QByteArray& head, const QString&) const
{
    static const QRegularExpression banner(QStringLiteral("(^|\\n)[^\\n]{0,40}sysbench \\d+\\.\\d+"));
    const QString text = QString::fromUtf8(tooltext::withoutBom(head));
    if (!banner.match(text).hasMatch()) return 0;
    if (text.contains(QLatin1String("Running the test with following options")) || text.contains(QLatin1String("General statistics")) ||
        text.contains(QLatin1String("Threads started")))
        return 90;
    return 60;
}

ImportResult SysbenchImporter::parse(QIODevice& in, const ImportContext& context) const
{
    const QByteArray bytes = tooltext::read(in, context, QStringLiteral("sysbench text output"));
    static const QRegularExpression banner(QStringLiteral("^(.{0,40}?)\\s*sysbench (\\d+\\.\\d+[^\\s:]*):?(?:\\s|$)"));
    std::vector<SysbenchRun> runs;
    RunParser parser(context);
    QVector<ImportWarning> cutWarnings;
    // sysbench ends every run with a line feed: a last line without one was cut, whatever it holds.
    for (const auto& line : tooltext::lines(tooltext::withoutCutLastLine(bytes, cutWarnings, true))) {
        if (context.cancelled()) throw Cancelled();
        const auto m = banner.match(line.text);
        if (m.hasMatch()) {
            SysbenchRun run;
            run.index = int(runs.size());
            run.bannerLine = line.number;
            run.version = m.captured(2);
            run.harnessPrefix = m.captured(1).trimmed();
            runs.push_back(run);
            parser.startRun();
            continue;
        }
        if (!runs.empty()) parser.line(runs.back(), line);
    }
    if (runs.empty())
        tooltext::failAt(context, 1, 1, QStringLiteral("no 'sysbench 1.x' banner line found; expected sysbench text output"));

    ImportResult r;
    r.format = name();
    r.toolVersion = QStringLiteral("sysbench ") + runs.front().version;
    r.warnings = cutWarnings;
    std::vector<const SysbenchRun*> withResults;
    for (auto& run : runs) {
        const qsizetype before = r.measurements.size();
        const size_t seriesBefore = r.series.size();
        emitRun(r, run);
        if (r.measurements.size() == before && r.series.size() == seriesBefore) {
            // A prepare or cleanup step prints no results; any other last run without them was cut.
            ImportWarning w;
            w.line = run.bannerLine;
            w.message = &run == &runs.back() && !run.maintenance
                            ? QStringLiteral("the %1: sysbench run %2 started but printed no results")
                                  .arg(QLatin1String(tooltext::kEndedEarly))
                                  .arg(run.index + 1)
                            : QStringLiteral("sysbench run %1 printed no results (a prepare or cleanup step)").arg(run.index + 1);
            r.warnings << w;
            continue;
        }
        withResults.push_back(&run);
    }
    // Every complete run ends with the "Threads fairness" block; a last run without it was cut.
    if (withResults.empty())
        throw InputError(context.fileName, r.warnings.isEmpty() ? QStringLiteral("no sysbench results found")
                                                                : r.warnings.back().message);
    if (!withResults.empty() && !withResults.back()->sawFairness) {
        ImportWarning w;
        w.line = withResults.back()->bannerLine;
        w.message = QStringLiteral("the %1: sysbench run %2 has no 'execution time (avg/stddev)' line, the last line "
                                   "of its summary; only the lines before the cut are stored")
                        .arg(QLatin1String(tooltext::kEndedEarly))
                        .arg(withResults.back()->index + 1);
        r.warnings << w;
    }
    if (withResults.size() == 1) {
        for (const auto& m : std::as_const(r.measurements)) r.metrics.insert(m.metric, m.value);
    } else if (withResults.size() > 1) {
        // A thread sweep, repeats, or different tests: each run is its own labelled set and
        // none of them, nor their mean, is a headline.
        QStringList described;
        for (const SysbenchRun* run : withResults)
            described << QStringLiteral("%1%2%3")
                             .arg(run->test.isEmpty() ? QStringLiteral("other") : run->test)
                             .arg(run->threads > 0 ? QStringLiteral(" %1 threads").arg(run->threads) : QString())
                             .arg(run->ioMode.isEmpty() ? QString() : QStringLiteral(" ") + run->ioMode);
        r.labels.insert(QStringLiteral("runs"), int(withResults.size()));
        ImportWarning w;
        w.line = withResults.front()->bannerLine;
        w.message = QStringLiteral("the file holds %1 sysbench runs (%2); each is kept as its own set of measurements "
                                   "(label 'run') and none is taken as the headline, since runs are never pooled")
                        .arg(withResults.size())
                        .arg(described.join(QStringLiteral(", ")));
        r.warnings << w;
    }
    return r;
}

}  // namespace headroom
