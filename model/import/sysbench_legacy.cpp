#include "sysbench_legacy.h"

#include "units.h"

namespace headroom {

namespace {

template <typename F>
bool match(const tooltext::Line& l, const QRegularExpression& re, F&& f)
{
    const auto m = re.match(l.text);
    if (!m.hasMatch()) return false;
    f(m);
    return true;
}

}  // namespace

double sysbenchNumber(const QString& s, const ImportContext& ctx, const tooltext::Line& line, qsizetype column)
{
    bool ok = false;
    const double v = s.toDouble(&ok);
    if (!ok) tooltext::failAt(ctx, line.number, int(column) + 1, QStringLiteral("expected a number, found '%1'").arg(s));
    return v;
}

bool SysbenchLegacyLines::line(SysbenchRun& run, const tooltext::Line& l, const QString& t, const QString& section)
{
    static const std::pair<const char*, const char*> markers[] = {
        {"Doing CPU performance benchmark", "cpu"}, {"Doing memory operations speed test", "memory"},
        {"Doing OLTP test", "oltp"},                 {"Doing thread subsystem performance test", "threads"},
        {"Doing mutex performance test", "mutex"}};
    for (const auto& [marker, test] : markers)
        if (t.startsWith(QLatin1String(marker))) {
            run.test = QLatin1String(test);
            return true;
        }
    static const QRegularExpression ioMode(QStringLiteral("^Using (\\S+) I/O mode"));
    if (match(l, ioMode, [&](auto& m) { run.ioMode = m.captured(1); })) return true;
    if (t.startsWith(QLatin1String("execution time (avg/stddev)"))) run.sawFairness = true;
    for (const char* step : {"Creating ", "Dropping ", "Inserting ", "Removing "})
        if (t.startsWith(QLatin1String(step))) run.maintenance = true;
    if (t == QLatin1String("per-request statistics:") || t == QLatin1String("response time:")) {
        latency_ = true;
        return true;
    }
    if (section == QLatin1String("oltp test statistics")) {
        run.test = QStringLiteral("oltp");  // 0.5 runs its Lua OLTP script without "Doing OLTP test"
        static const QRegularExpression total(QStringLiteral("^\\s*total:\\s*(\\d+)\\s*$"));
        static const QRegularExpression rate(QStringLiteral("^\\s*(transactions|deadlocks|ignored errors|reconnects):\\s*\\d+\\s*\\(\\s*([0-9][0-9.eE+-]*) per sec\\.\\)"));
        match(l, total, [&](auto& m) { run.legacyQueries = sysbenchNumber(m.captured(1), ctx_, l, m.capturedStart(1)); });
        match(l, rate, [&](auto& m) {
            QString key = m.captured(1);
            if (key == QLatin1String("ignored errors")) key = QStringLiteral("errors");
            run.values[key + QStringLiteral("_per_s")] = sysbenchNumber(m.captured(2), ctx_, l, m.capturedStart(2));
        });
        return true;
    }
    // fileio 0.4: "Operations performed:  5998 Read, 4002 Write, 12800 Other = 22800 Total"
    //             "Read 93.719Mb  Written 62.531Mb  Total transferred 156.25Mb  (1.2839Mb/sec)"
    static const QRegularExpression ops(QStringLiteral("^Operations performed:\\s*(\\d+) Reads?, (\\d+) Writes?"));
    static const QRegularExpression moved(QStringLiteral("^Read ([0-9.]+)([KMGT]?b)\\s+Written ([0-9.]+)([KMGT]?b)"));
    if (match(l, ops, [&](auto& m) {
            run.test = QStringLiteral("fileio");
            run.legacyReads = sysbenchNumber(m.captured(1), ctx_, l, m.capturedStart(1));
            run.legacyWrites = sysbenchNumber(m.captured(2), ctx_, l, m.capturedStart(2));
        }))
        return true;
    if (match(l, moved, [&](auto& m) {
            // sysbench 0.4 prints 1024-based sizes as "Kb", "Mb", "Gb".
            const auto scale = [](const QString& unit) {
                const QString units = QStringLiteral("bKMGT");
                double f = 1;
                for (qsizetype i = 0; i < units.indexOf(unit.at(0)); ++i) f *= 1024.0;
                return f;
            };
            run.legacyReadBytes = sysbenchNumber(m.captured(1), ctx_, l, m.capturedStart(1)) * scale(m.captured(2));
            run.legacyWrittenBytes = sysbenchNumber(m.captured(3), ctx_, l, m.capturedStart(3)) * scale(m.captured(4));
        }))
        return true;
    if (!latency_) return false;
    static const QRegularExpression stat(QStringLiteral("^\\s*(min|avg|max):\\s*([0-9][0-9.eE+-]*)ms\\s*$"));
    static const QRegularExpression pct(QStringLiteral("^\\s*approx\\.\\s+([0-9.]+) percentile:\\s*([0-9][0-9.eE+-]*)ms\\s*$"));
    if (match(l, stat, [&](auto& m) {
            const QString s = m.captured(1) == QLatin1String("avg") ? QStringLiteral("mean") : m.captured(1);
            run.values[QStringLiteral("latency_%1_ms").arg(s)] = sysbenchNumber(m.captured(2), ctx_, l, m.capturedStart(2));
        }))
        return true;
    if (match(l, pct, [&](auto& m) {
            const double p = sysbenchNumber(m.captured(1), ctx_, l, m.capturedStart(1));
            run.values[QStringLiteral("latency_%1_ms").arg(units::percentileName(p))] = sysbenchNumber(m.captured(2), ctx_, l, m.capturedStart(2));
        }))
        return true;
    latency_ = false;  // the block ended
    return false;
}

void deriveLegacyRates(SysbenchRun& run)
{
    if (run.totalTimeS <= 0) return;
    const auto perSecond = [&run](const QString& key, double count) {
        if (count >= 0 && !run.values.count(key)) run.values[key] = count / run.totalTimeS;
    };
    perSecond(QStringLiteral("queries_per_s"), run.legacyQueries);
    perSecond(QStringLiteral("reads_per_s"), run.legacyReads);
    perSecond(QStringLiteral("writes_per_s"), run.legacyWrites);
    perSecond(QStringLiteral("read_bytes_per_s"), run.legacyReadBytes);
    perSecond(QStringLiteral("write_bytes_per_s"), run.legacyWrittenBytes);
    // cpu (0.4/0.5), threads and mutex print only general statistics.
    const bool eventsOnly = run.test.isEmpty() || run.test == QLatin1String("cpu") || run.test == QLatin1String("threads") ||
                            run.test == QLatin1String("mutex");
    if (eventsOnly && run.events > 0) perSecond(QStringLiteral("events_per_s"), run.events);
}

}  // namespace headroom
