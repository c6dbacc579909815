#include "wrk_importer.h"

#include "core/errors.h"
#include "tool_text.h"
#include "units.h"

#include <QRegularExpression>
#include <algorithm>
#include <cmath>
#include <map>
#include <optional>

namespace headroom {

namespace {

enum class Block { None, Distribution, Spectrum, LuaCsv };

// Everything one wrk invocation printed. A file may hold several (a script that ran wrk again
// and again); they are never pooled.
struct WrkRun {
    int firstLine = 0;
    QJsonObject labels;  // url, duration, threads, connections
    std::map<QString, std::pair<double, QString>> values;
    std::map<double, double> percentiles;   // corrected (wrk2 "Recorded Latency") or wrk's own
    std::map<double, double> spectrum;
    std::map<double, double> uncorrectedPercentiles;  // wrk2 --u_latency
    std::map<double, double> uncorrectedSpectrum;
    double socketErrors = 0;
    double non2xx = 0;
    bool sawErrors = false;
    bool sawThreadStats = false;
    bool sawRequestsPerSec = false;
    bool sawTransfer = false;  // "Transfer/sec:", the last line wrk prints
    bool wrk2 = false;
};

class WrkParser {
public:
    explicit WrkParser(const ImportContext& ctx) : ctx_(ctx) {}

    void line(const tooltext::Line& l)
    {
        const QString t = l.text.trimmed();
        if (t.isEmpty()) return;
        if (t.startsWith(QLatin1String("Running ")) && t.contains(QLatin1String(" test @ "))) {
            WrkRun& r = newRun(l.number);
            const qsizetype at = t.indexOf(QLatin1String(" test @ "));
            r.labels.insert(QStringLiteral("url"), t.mid(at + 8).trimmed());
            r.labels.insert(QStringLiteral("duration"), t.mid(8, at - 8));
            return;
        }
        if (t.startsWith(QLatin1String("Thread Stats"))) {
            // A second table without a "Running" line between (pasted runs) starts a new run.
            if (runs_.empty() || run().sawThreadStats || run().sawRequestsPerSec) newRun(l.number);
            run().sawThreadStats = true;
            // Some wrk2 builds print the 99th percentile where wrk prints the maximum.
            thirdColumnIsMax_ = !t.contains(QLatin1String("99%"));
            return;
        }
        if (t.startsWith(QLatin1String("Latency Distribution"))) {
            block_ = Block::Distribution;
            uncorrected_ = t.contains(QLatin1String("Uncorrected"));
            if (t.contains(QLatin1String("HdrHistogram"))) run().wrk2 = true;
            return;
        }
        if (t.startsWith(QLatin1String("Detailed Percentile spectrum"))) {
            block_ = Block::Spectrum;
            return;
        }
        if (t == QLatin1String("==CSV==")) {
            block_ = Block::LuaCsv;
            return;
        }
        if (block_ == Block::Distribution && distribution(l)) return;
        if (block_ == Block::Spectrum && spectrum(l)) return;
        if (block_ == Block::LuaCsv && luaCsv(l)) return;
        if (t.startsWith(QLatin1String("Thread calibration"))) {
            run().wrk2 = true;
            return;
        }
        block_ = Block::None;
        static const QRegularExpression threads(QStringLiteral("^(\\d+) threads and (\\d+) connections"));
        static const QRegularExpression statRow(QStringLiteral("^(Latency|Req/Sec)\\s+(\\S+)\\s+(\\S+)\\s+(\\S+)"));
        static const QRegularExpression totals(QStringLiteral("^(\\d+) requests in (\\S+), (\\S+) read"));
        static const QRegularExpression socketErrors(QStringLiteral("^Socket errors: connect (\\d+), read (\\d+), write (\\d+), timeout (\\d+)"));
        static const QRegularExpression non2xx(QStringLiteral("^Non-2xx or 3xx responses: (\\d+)"));
        static const QRegularExpression rps(QStringLiteral("^Requests/sec:\\s*(\\S+)"));
        static const QRegularExpression transfer(QStringLiteral("^Transfer/sec:\\s*(\\S+)"));
        QRegularExpressionMatch m;
        const qsizetype indent = l.text.indexOf(t.at(0));
        if ((m = threads.match(t)).hasMatch()) {
            run().labels.insert(QStringLiteral("threads"), m.captured(1).toInt());
            run().labels.insert(QStringLiteral("connections"), m.captured(2).toInt());
        } else if ((m = statRow.match(t)).hasMatch()) {
            if (m.captured(1) == QLatin1String("Latency")) {
                metric(QStringLiteral("http.latency_mean_ms"), duration(l, m, 2, indent), QStringLiteral("ms"));
                metric(QStringLiteral("http.latency_stdev_ms"), duration(l, m, 3, indent), QStringLiteral("ms"));
                if (thirdColumnIsMax_) metric(QStringLiteral("http.latency_max_ms"), duration(l, m, 4, indent), QStringLiteral("ms"));
            } else {
                metric(QStringLiteral("http.requests_per_s_per_thread"), count(l, m, 2, indent), QStringLiteral("1/s"));
            }
        } else if ((m = totals.match(t)).hasMatch()) {
            metric(QStringLiteral("http.requests"), count(l, m, 1, indent), QString());
            metric(QStringLiteral("http.duration_s"), duration(l, m, 2, indent) / 1000.0, QStringLiteral("s"));
            metric(QStringLiteral("http.bytes_read"), bytes(l, m, 3, indent), QStringLiteral("bytes"));
        } else if ((m = socketErrors.match(t)).hasMatch()) {
            static const char* const kinds[] = {"connect", "read", "write", "timeout"};
            for (int i = 0; i < 4; ++i) {
                const double n = count(l, m, i + 1, indent);
                run().socketErrors += n;
                metric(QStringLiteral("http.socket_errors_%1").arg(QLatin1String(kinds[i])), n, QString());
            }
            run().sawErrors = true;
        } else if ((m = non2xx.match(t)).hasMatch()) {
            run().non2xx = count(l, m, 1, indent);
            run().sawErrors = true;
            metric(QStringLiteral("http.non_2xx_responses"), run().non2xx, QString());
        } else if ((m = rps.match(t)).hasMatch()) {
            metric(QStringLiteral("http.requests_per_s"), count(l, m, 1, indent), QStringLiteral("1/s"));
            run().sawRequestsPerSec = true;
        } else if ((m = transfer.match(t)).hasMatch()) {
            metric(QStringLiteral("http.transfer_bytes_per_s"), bytes(l, m, 1, indent), QStringLiteral("bytes/s"));
            run().sawTransfer = true;
        }
    }

    ImportResult finish(const QString& format, int lastLine, QVector<ImportWarning> warnings)
    {
        std::vector<WrkRun*> complete;
        for (auto& r : runs_) {
            const bool last = &r == &runs_.back();
            if (r.sawRequestsPerSec) {
                complete.push_back(&r);
                if (last && !r.sawTransfer) {
                    ImportWarning w;
                    w.line = lastLine;
                    w.message = QStringLiteral("the %1: the last wrk run has no 'Transfer/sec:' line, the last line wrk prints")
                                    .arg(QLatin1String(tooltext::kEndedEarly));
                    warnings << w;
                }
                continue;
            }
            if (r.values.empty() && !last) continue;  // a "Running" line of a run that printed nothing
            ImportWarning w;
            w.line = r.firstLine;
            w.message = QStringLiteral("the %1: the wrk run that starts here has no 'Requests/sec:' line, so none of its "
                                       "numbers are stored")
                            .arg(QLatin1String(tooltext::kEndedEarly));
            warnings << w;
        }
        if (complete.empty())
            tooltext::failAt(ctx_, lastLine, 1, QStringLiteral("no 'Requests/sec:' line; expected complete wrk output (the %1?)")
                                                    .arg(QLatin1String(tooltext::kEndedEarly)));
        ImportResult r;
        r.format = format;
        r.warnings = warnings;
        const bool several = complete.size() > 1;
        for (std::size_t i = 0; i < complete.size(); ++i) {
            WrkRun& run = *complete[i];
            finishRun(run, r.warnings);
            if (run.wrk2) r.toolVersion = QStringLiteral("wrk2");
            QJsonObject labels;
            if (several) {
                labels = run.labels;
                labels.insert(QStringLiteral("run"), int(i));  // 0-based, as sysbench's runs
            }
            for (const auto& [name, vu] : run.values) {
                Measurement m;
                m.metric = name;
                m.value = vu.first;
                m.unit = vu.second;
                m.labels = labels;
                r.measurements << m;
                if (!several) r.metrics.insert(name, vu.first);
            }
        }
        if (r.toolVersion.isEmpty()) r.toolVersion = QStringLiteral("wrk");
        if (several) {
            r.labels.insert(QStringLiteral("runs"), int(complete.size()));
            ImportWarning w;
            w.line = complete.front()->firstLine;
            w.message = QStringLiteral("the file holds %1 wrk runs; each is kept as its own set of measurements (label "
                                       "'run' = 0…%2) and none is taken as the headline, since runs are never pooled")
                            .arg(complete.size())
                            .arg(complete.size() - 1);
            r.warnings << w;
        } else {
            r.labels = complete.front()->labels;
            if (complete.front()->wrk2) r.labels.insert(QStringLiteral("variant"), QStringLiteral("wrk2"));
        }
        return r;
    }

private:
    WrkRun& run()
    {
        if (runs_.empty()) newRun(1);
        return runs_.back();
    }
    WrkRun& newRun(int line)
    {
        runs_.emplace_back();
        runs_.back().firstLine = line;
        block_ = Block::None;
        thirdColumnIsMax_ = true;
        return runs_.back();
    }

    void finishRun(WrkRun& run, QVector<ImportWarning>& warnings) const
    {
        // The spectrum holds p95, which wrk2's short list does not print.
        for (const auto& [p, ms] : run.spectrum)
            if (!run.percentiles.count(p) && (p == 95.0 || p == 99.9)) run.percentiles[p] = ms;
        for (const auto& [p, ms] : run.uncorrectedSpectrum)
            if (!run.uncorrectedPercentiles.count(p) && (p == 95.0 || p == 99.9)) run.uncorrectedPercentiles[p] = ms;
        for (const auto& [p, ms] : run.percentiles)
            run.values[QStringLiteral("http.latency_%1_ms").arg(units::percentileName(p))] = {ms, QStringLiteral("ms")};
        // wrk2 --u_latency: the corrected distribution is the one that answers "how long did a
        // user wait"; the uncorrected one is kept under its own name, never as http.latency_*.
        for (const auto& [p, ms] : run.uncorrectedPercentiles)
            run.values[QStringLiteral("http.latency_uncorrected_%1_ms").arg(units::percentileName(p))] = {ms, QStringLiteral("ms")};
        // wrk counts a non-2xx/3xx response among its requests; a socket error (connect, read,
        // write) is a failed attempt that may or may not be among them, and a read error often
        // belongs to the same request as the error response before it (the server closes the
        // connection after answering 5xx). Adding the two counts one failure twice, so the larger
        // of the two is taken: it never counts a request twice. Reconnect loops can make socket
        // errors outnumber requests; errors are then capped at the number of requests.
        double errors = std::max(run.non2xx, run.socketErrors);
        const auto requests = run.values.find(QStringLiteral("http.requests"));
        if (requests != run.values.end() && errors > requests->second.first) {
            ImportWarning w;
            w.line = run.firstLine;
            w.message = QStringLiteral("%1 socket errors against %2 requests (wrk counts every failed reconnect); "
                                       "http.errors is capped at the number of requests")
                            .arg(run.socketErrors)
                            .arg(requests->second.first);
            warnings << w;
            errors = requests->second.first;
        }
        run.values[QStringLiteral("http.errors")] = {errors, QString()};
    }

    void metric(const QString& name, double v, const QString& unit) { run().values[name] = {v, unit}; }

    double duration(const tooltext::Line& l, const QRegularExpressionMatch& m, int group, qsizetype indent) const
    {
        const auto v = units::durationMs(m.captured(group));
        if (!v) fail(l, m, group, indent, QStringLiteral("a duration such as 218.37us, 11.60ms, 1.00m"));
        return *v;
    }
    double count(const tooltext::Line& l, const QRegularExpressionMatch& m, int group, qsizetype indent) const
    {
        const auto v = units::count(m.captured(group));
        if (!v) fail(l, m, group, indent, QStringLiteral("a number such as 9605.69 or 4.83k"));
        return *v;
    }
    double bytes(const tooltext::Line& l, const QRegularExpressionMatch& m, int group, qsizetype indent) const
    {
        const auto v = units::bytes1024(m.captured(group));
        if (!v) fail(l, m, group, indent, QStringLiteral("a size such as 143.12MB"));
        return *v;
    }
    [[noreturn]] void fail(const tooltext::Line& l, const QRegularExpressionMatch& m, int group, qsizetype indent, const QString& expected) const
    {
        tooltext::failAt(ctx_, l.number, int(indent + m.capturedStart(group)) + 1,
                         QStringLiteral("expected %1, found '%2'").arg(expected, m.captured(group)));
    }

    // "     50%    3.85ms" (wrk) or " 99.900%  244.22ms" (wrk2)
    bool distribution(const tooltext::Line& l)
    {
        static const QRegularExpression row(QStringLiteral("^\\s*([0-9.]+)%\\s+(\\S+)\\s*$"));
        const auto m = row.match(l.text);
        if (!m.hasMatch()) return false;
        const auto p = units::number(m.captured(1));
        const auto v = units::durationMs(m.captured(2));
        if (!p || !v) fail(l, m, 2, 0, QStringLiteral("a latency such as 3.85ms"));
        (uncorrected_ ? run().uncorrectedPercentiles : run().percentiles)[*p] = *v;
        return true;
    }

    // "      53.311     0.500000          250         2.00" (value in ms), header and footer lines.
    bool spectrum(const tooltext::Line& l)
    {
        const QString t = l.text.trimmed();
        if (t.startsWith(QLatin1String("Value")) || t.startsWith(QLatin1String("#["))) return true;
        static const QRegularExpression row(QStringLiteral("^\\s*([0-9.]+)\\s+([0-9.]+)\\s+(\\d+)\\s+(\\S+)\\s*$"));
        const auto m = row.match(l.text);
        if (!m.hasMatch()) return false;
        const auto v = units::number(m.captured(1));
        const auto p = units::number(m.captured(2));
        if (!v || !p) fail(l, m, 1, 0, QStringLiteral("a spectrum row: value (ms), percentile, count"));
        // Round to 6 decimals as printed, so 0.950000 is exactly the 95th percentile.
        (uncorrected_ ? run().uncorrectedSpectrum : run().spectrum)[std::round(*p * 1e6) / 1e4] = *v;
        return true;
    }

    // PKB's done() script: "p50 latency,0.187,ms"
    bool luaCsv(const tooltext::Line& l)
    {
        static const QRegularExpression row(QStringLiteral("^p([0-9.]+) latency,([0-9.eE+-]+),ms\\s*$"));
        const auto m = row.match(l.text.trimmed());
        if (m.hasMatch()) {
            const double p = m.captured(1).toDouble();
            if (!run().percentiles.count(p)) run().percentiles[p] = m.captured(2).toDouble();
        }
        return true;  // other rows of the block are the script's own summary
    }

    const ImportContext& ctx_;
    Block block_ = Block::None;
    bool uncorrected_ = false;
    bool thirdColumnIsMax_ = true;
    std::vector<WrkRun> runs_;
};

}  // namespace

int WrkImporter::sniff(const QByteArray& head, const QString&) const
{
    const QByteArray h = tooltext::withoutBom(head);
    static const QRegularExpression running(QStringLiteral("(^|\\n)\\s*Running \\S+ test @ "));
    const QString text = QString::fromUtf8(h);
    if (!running.match(text).hasMatch()) return 0;
    return text.contains(QLatin1String("Thread Stats")) || text.contains(QLatin1String("Requests/sec:")) ? 95 : 70;
}

ImportResult WrkImporter::parse(QIODevice& in, const ImportContext& context) const
{
    const QByteArray bytes = tooltext::read(in, context, QStringLiteral("wrk text output"));
    QVector<ImportWarning> warnings;
    const auto lines = tooltext::completeLines(bytes, warnings);
    WrkParser parser(context);
    bool sawHeader = false;
    for (const auto& line : lines) {
        if (context.cancelled()) throw Cancelled();
        sawHeader = sawHeader || line.text.contains(QLatin1String("Thread Stats")) || line.text.contains(QLatin1String(" test @ "));
        parser.line(line);
    }
    if (!sawHeader)
        tooltext::failAt(context, 1, 1, QStringLiteral("no 'Running … test @ URL' or 'Thread Stats' line; expected wrk text output"));
    return parser.finish(name(), lines.empty() ? 1 : lines.back().number, warnings);
}

}  // namespace headroom
