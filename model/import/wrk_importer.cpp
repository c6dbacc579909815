#include "wrk_importer.h"

#include "core/errors.h"
#include "tool_text.h"
#include "units.h"

#include <QRegularExpression>
#include <cmath>
#include <map>
#include <optional>

namespace headroom {

namespace {

enum class Block { None, Distribution, Spectrum, LuaCsv };

class WrkParser {
public:
    explicit WrkParser(const ImportContext& ctx) : ctx_(ctx) {}

    void line(const tooltext::Line& l)
    {
        const QString t = l.text.trimmed();
        if (t.isEmpty()) return;
        if (t.startsWith(QLatin1String("Running ")) && t.contains(QLatin1String(" test @ "))) {
            const qsizetype at = t.indexOf(QLatin1String(" test @ "));
            labels_.insert(QStringLiteral("url"), t.mid(at + 8).trimmed());
            labels_.insert(QStringLiteral("duration"), t.mid(8, at - 8));
            return;
        }
        if (t.startsWith(QLatin1String("Latency Distribution"))) {
            block_ = Block::Distribution;
            if (t.contains(QLatin1String("HdrHistogram"))) labels_.insert(QStringLiteral("variant"), QStringLiteral("wrk2"));
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
            labels_.insert(QStringLiteral("variant"), QStringLiteral("wrk2"));
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
            labels_.insert(QStringLiteral("threads"), m.captured(1).toInt());
            labels_.insert(QStringLiteral("connections"), m.captured(2).toInt());
        } else if ((m = statRow.match(t)).hasMatch()) {
            if (m.captured(1) == QLatin1String("Latency")) {
                metric(QStringLiteral("http.latency_mean_ms"), duration(l, m, 2, indent), QStringLiteral("ms"));
                metric(QStringLiteral("http.latency_stdev_ms"), duration(l, m, 3, indent), QStringLiteral("ms"));
                metric(QStringLiteral("http.latency_max_ms"), duration(l, m, 4, indent), QStringLiteral("ms"));
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
                errors_ += n;
                metric(QStringLiteral("http.socket_errors_%1").arg(QLatin1String(kinds[i])), n, QString());
            }
        } else if ((m = non2xx.match(t)).hasMatch()) {
            const double n = count(l, m, 1, indent);
            errors_ += n;
            metric(QStringLiteral("http.non_2xx_responses"), n, QString());
        } else if ((m = rps.match(t)).hasMatch()) {
            metric(QStringLiteral("http.requests_per_s"), count(l, m, 1, indent), QStringLiteral("1/s"));
            sawRequestsPerSec_ = true;
        } else if ((m = transfer.match(t)).hasMatch()) {
            metric(QStringLiteral("http.transfer_bytes_per_s"), bytes(l, m, 1, indent), QStringLiteral("bytes/s"));
        }
    }

    ImportResult finish(const QString& format, int lastLine)
    {
        if (!sawRequestsPerSec_)
            tooltext::failAt(ctx_, lastLine, 1, QStringLiteral("no 'Requests/sec:' line; expected complete wrk output (cut off?)"));
        // The spectrum holds p95, which wrk2's short list does not print.
        for (const auto& [p, ms] : spectrum_)
            if (!percentiles_.count(p) && (p == 95.0 || p == 99.9)) percentiles_[p] = ms;
        for (const auto& [p, ms] : percentiles_) metric(QStringLiteral("http.latency_%1_ms").arg(units::percentileName(p)), ms, QStringLiteral("ms"));
        metric(QStringLiteral("http.errors"), errors_, QString());
        ImportResult r;
        r.format = format;
        r.labels = labels_;
        r.toolVersion = labels_.value(QStringLiteral("variant")).toString(QStringLiteral("wrk"));
        for (const auto& [name, mu] : values_) {
            Measurement m;
            m.metric = name;
            m.value = mu.first;
            m.unit = mu.second;
            r.measurements << m;
            r.metrics.insert(name, mu.first);
        }
        return r;
    }

private:
    void metric(const QString& name, double v, const QString& unit) { values_[name] = {v, unit}; }

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
        percentiles_[*p] = *v;
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
        spectrum_[std::round(*p * 1e6) / 1e4] = *v;
        return true;
    }

    // PKB's done() script: "p50 latency,0.187,ms"
    bool luaCsv(const tooltext::Line& l)
    {
        static const QRegularExpression row(QStringLiteral("^p([0-9.]+) latency,([0-9.eE+-]+),ms\\s*$"));
        const auto m = row.match(l.text.trimmed());
        if (m.hasMatch()) {
            const double p = m.captured(1).toDouble();
            if (!percentiles_.count(p)) percentiles_[p] = m.captured(2).toDouble();
        }
        return true;  // other rows of the block are the script's own summary
    }

    const ImportContext& ctx_;
    Block block_ = Block::None;
    QJsonObject labels_;
    std::map<QString, std::pair<double, QString>> values_;
    std::map<double, double> percentiles_;
    std::map<double, double> spectrum_;
    double errors_ = 0;
    bool sawRequestsPerSec_ = false;
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
    const auto lines = tooltext::lines(bytes);
    WrkParser parser(context);
    bool sawHeader = false;
    for (const auto& line : lines) {
        if (context.cancelled()) throw Cancelled();
        sawHeader = sawHeader || line.text.contains(QLatin1String("Thread Stats")) || line.text.contains(QLatin1String(" test @ "));
        parser.line(line);
    }
    if (!sawHeader)
        tooltext::failAt(context, 1, 1, QStringLiteral("no 'Running … test @ URL' or 'Thread Stats' line; expected wrk text output"));
    return parser.finish(name(), lines.empty() ? 1 : lines.back().number);
}

}  // namespace headroom
