#include "stress_ng_importer.h"

#include "catalog/cpu_scores.h"
#include "core/errors.h"
#include "text_input.h"
#include "tool_text.h"

#include <QHash>
#include <QRegularExpression>

namespace headroom {

namespace {

// What stress-ng puts before its message: "stress-ng: metrc: [1234] ", "stress-ng: info: [1] ",
// "stress-ng: " (early versions), nothing with --log-brief; anything before "stress-ng:" (a
// harness's line numbers, a Markdown quote) is dropped too.
QString message(const QString& line)
{
    static const QRegularExpression prefix(QStringLiteral(
        "^(?:.*?stress-ng:\\s*)?(?:(?:info|metrc|debug|warn|fail|error|skip):\\s*)?(?:\\[\\d+\\]\\s*)?"));
    const auto m = prefix.match(line);
    return line.mid(m.capturedLength()).trimmed();
}

// "2 cpu, 1 vm" (dispatching hogs) or "2: cpu (2)" / "cpu (2) vm (1)" (passed) → stressor → count.
void readInstances(const QString& msg, QHash<QString, int>& out)
{
    static const QRegularExpression dispatching(QStringLiteral("^dispatching hogs:\\s*(.*)$"));
    static const QRegularExpression hog(QStringLiteral("(\\d+)\\s+([\\w-]+)"));
    static const QRegularExpression passed(QStringLiteral("^passed:\\s*\\d+:\\s*(.*)$"));
    static const QRegularExpression passedHog(QStringLiteral("([\\w-]+)\\s*\\((\\d+)\\)"));
    if (const auto m = dispatching.match(msg); m.hasMatch()) {
        for (auto it = hog.globalMatch(m.captured(1)); it.hasNext();) {
            const auto h = it.next();
            out.insert(h.captured(2), h.captured(1).toInt());
        }
    } else if (const auto p = passed.match(msg); p.hasMatch()) {
        for (auto it = passedHog.globalMatch(p.captured(1)); it.hasNext();) {
            const auto h = it.next();
            if (!out.contains(h.captured(1))) out.insert(h.captured(1), h.captured(2).toInt());
        }
    }
}

struct Row {
    QString stressor;
    double bogoOps = 0, realS = 0, usrS = 0, sysS = 0, perSecReal = 0, perSecCpu = 0;
    int line = 0;
};

struct Run {
    QHash<QString, int> instances;  // from the lines before and after the table
    std::vector<Row> rows;
};

}  // namespace

int StressNgImporter::sniff(const QByteArray& head, const QString& fileName) const
{
    Q_UNUSED(fileName);
    const QByteArray h = sniffText(head);
    const bool table = h.contains("bogo ops") && h.contains("(usr+sys time)");
    if (table && h.contains("stress-ng:")) return 95;
    if (table) return 80;
    return h.contains("stress-ng:") && h.contains("dispatching hogs:") ? 40 : 0;
}

ImportResult StressNgImporter::parse(QIODevice& in, const ImportContext& context) const
{
    ImportResult r;
    r.format = name();
    const QByteArray text = readTextInput(in, context, QStringLiteral("stress-ng --metrics output"));
    // stressor, bogo ops, real time, usr time, sys time, bogo ops/s (real time), bogo ops/s
    // (usr+sys time), then from 0.14 or so "CPU used per instance (%)" and later "RSS Max (KB)".
    static const QRegularExpression row(QStringLiteral(
        "^([A-Za-z][\\w-]*)\\s+(\\d+)\\s+(\\d+(?:\\.\\d+)?)\\s+(\\d+(?:\\.\\d+)?)\\s+(\\d+(?:\\.\\d+)?)\\s+"
        "(\\d+(?:\\.\\d+)?)\\s+(\\d+(?:\\.\\d+)?)(?:\\s+\\d+(?:\\.\\d+)?){0,2}$"));
    static const QRegularExpression untrustworthy(QStringLiteral("^metrics untrustworthy:\\s*(\\d+)"));
    static const QRegularExpression version(QStringLiteral("stress-ng,? version (\\S+)"));
    std::vector<Run> runs;
    QHash<QString, int> pending;   // instances read before the next table
    bool inTable = false;
    LineCursor lines(text);
    while (lines.next()) {
        if (context.cancelled()) throw Cancelled();
        const QString line = lines.lineString();
        if (r.toolVersion.isEmpty())
            if (const auto v = version.match(line); v.hasMatch()) r.toolVersion = QStringLiteral("stress-ng ") + v.captured(1);
        const QString msg = message(line);
        if (msg.startsWith(QLatin1String("stressor")) && msg.contains(QLatin1String("bogo ops"))) {
            runs.emplace_back();
            runs.back().instances = pending;
            pending.clear();
            inTable = true;
            continue;
        }
        if (inTable) {
            if (msg.startsWith(QLatin1Char('('))) continue;  // the header's second line: units
            if (const auto m = row.match(msg); m.hasMatch()) {
                Row x;
                x.stressor = m.captured(1);
                x.bogoOps = m.captured(2).toDouble();
                x.realS = m.captured(3).toDouble();
                x.usrS = m.captured(4).toDouble();
                x.sysS = m.captured(5).toDouble();
                x.perSecReal = m.captured(6).toDouble();
                x.perSecCpu = m.captured(7).toDouble();
                x.line = lines.number();
                runs.back().rows.push_back(x);
                continue;
            }
            inTable = false;  // "miscellaneous metrics:", "skipped: 0", the end of the run
        }
        // "passed: 2: cpu (2)" comes after its table; "dispatching hogs" before the next one.
        if (!runs.empty() && msg.startsWith(QLatin1String("passed:"))) readInstances(msg, runs.back().instances);
        else readInstances(msg, pending);
        if (const auto u = untrustworthy.match(msg); u.hasMatch() && u.captured(1).toInt() > 0)
            r.warnings << ImportWarning{lines.number(), 0, {},
                                        QStringLiteral("stress-ng marked %1 metric(s) untrustworthy").arg(u.captured(1))};
    }
    std::erase_if(runs, [](const Run& run) { return run.rows.empty(); });
    if (runs.empty())
        throw InputError(context.fileName, QStringLiteral("no stress-ng metrics table (\"stressor bogo ops real time …\" "
                                                          "followed by rows); expected output of stress-ng --metrics or --metrics-brief"));
    const bool several = runs.size() > 1;
    if (several) {
        r.labels.insert(QStringLiteral("runs"), int(runs.size()));
        r.warnings << ImportWarning{0, 0, {}, QStringLiteral("%1 stress-ng runs in one file: each is labelled run=0…%2, "
                                                             "no headline value").arg(runs.size()).arg(runs.size() - 1)};
    }
    QStringList dispatched;
    for (size_t i = 0; i < runs.size(); ++i) {
        for (const Row& x : runs[i].rows) {
            QJsonObject labels{{QStringLiteral("stressor"), x.stressor}};
            if (runs[i].instances.contains(x.stressor)) labels.insert(QStringLiteral("instances"), runs[i].instances.value(x.stressor));
            else
                r.warnings << ImportWarning{x.line, 0, {}, QStringLiteral("how many %1 instances ran is not stated "
                                                                           "(no \"dispatching hogs\" line): not usable as a "
                                                                           "single- or all-core score").arg(x.stressor)};
            if (several) labels.insert(QStringLiteral("run"), int(i));
            r.addMeasurement(QStringLiteral("stressng.bogo_ops_per_s"), x.perSecReal, QStringLiteral("bogo ops/s"), labels);
            r.addMeasurement(QStringLiteral("stressng.bogo_ops_per_s_cpu_time"), x.perSecCpu, QStringLiteral("bogo ops/s"), labels);
            r.addMeasurement(QStringLiteral("stressng.bogo_ops"), x.bogoOps, QString(), labels);
            r.addMeasurement(QStringLiteral("stressng.real_time_s"), x.realS, QStringLiteral("s"), labels);
            if (x.stressor == QLatin1String("cpu"))
                r.addMeasurement(cpuBogoOpsMetric(), x.perSecReal, QStringLiteral("bogo ops/s"), labels);
            if (!several) {
                const QString key = x.stressor == QLatin1String("cpu") ? cpuBogoOpsMetric()
                                                                       : QStringLiteral("stressng.%1.bogo_ops_per_s").arg(x.stressor);
                r.metrics.insert(key, x.perSecReal);
            }
            if (i == 0) dispatched << QStringLiteral("%1 %2").arg(runs[i].instances.value(x.stressor)).arg(x.stressor);
        }
    }
    r.labels.insert(QStringLiteral("stressors"), dispatched.join(QStringLiteral(", ")));
    return r;
}

}  // namespace headroom
