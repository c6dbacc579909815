#include "prometheus_text_importer.h"

#include "core/errors.h"
#include "fast_parse.h"
#include "prometheus_series.h"
#include "text_input.h"
#include "tool_text.h"

#include <QMap>
#include <cmath>

namespace headroom {

namespace {

bool isNameStart(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_' || c == ':'; }
bool isNameChar(char c) { return isNameStart(c) || (c >= '0' && c <= '9'); }

struct Sample {
    QString name;
    QMap<QString, QString> labels;
    double value = 0;
};

class LineParser {
public:
    LineParser(std::string_view line, const QString& file, int lineNo) : s_(line), file_(file), line_(lineNo) {}

    Sample parse()
    {
        Sample out;
        const size_t nameStart = pos_;
        if (pos_ >= s_.size() || !isNameStart(s_[pos_])) fail(QStringLiteral("expected a metric name"));
        while (pos_ < s_.size() && isNameChar(s_[pos_])) ++pos_;
        out.name = toQString(s_.substr(nameStart, pos_ - nameStart));
        if (pos_ < s_.size() && s_[pos_] == '{') readLabels(out.labels);
        skipSpace();
        const size_t valueStart = pos_;
        while (pos_ < s_.size() && s_[pos_] != ' ' && s_[pos_] != '\t') ++pos_;
        const std::string_view valueText = s_.substr(valueStart, pos_ - valueStart);
        if (valueText.empty()) fail(QStringLiteral("expected a sample value after the metric"));
        const auto value = fastparse::number(valueText);
        if (!value) {
            pos_ = valueStart;
            fail(QStringLiteral("expected a number (or NaN, +Inf, -Inf) within double range, got '%1'").arg(toQString(valueText)));
        }
        out.value = *value;
        skipSpace();
        if (pos_ < s_.size()) {  // optional timestamp in milliseconds
            const std::string_view ts = trimmed(s_.substr(pos_));
            if (!fastparse::number(ts)) fail(QStringLiteral("expected an optional timestamp (ms) after the value"));
        }
        return out;
    }

private:
    [[noreturn]] void fail(const QString& what) const { throw InputError(formatWhere(file_, line_, int(pos_) + 1), what); }
    void skipSpace()
    {
        while (pos_ < s_.size() && (s_[pos_] == ' ' || s_[pos_] == '\t')) ++pos_;
    }

    void readLabels(QMap<QString, QString>& labels)
    {
        ++pos_;  // '{'
        for (;;) {
            skipSpace();
            if (pos_ < s_.size() && s_[pos_] == '}') {
                ++pos_;
                return;
            }
            const size_t keyStart = pos_;
            while (pos_ < s_.size() && isNameChar(s_[pos_])) ++pos_;
            if (pos_ == keyStart) fail(QStringLiteral("expected a label name or '}'"));
            const QString key = toQString(s_.substr(keyStart, pos_ - keyStart));
            skipSpace();
            if (pos_ >= s_.size() || s_[pos_] != '=') fail(QStringLiteral("expected '=' after label '%1'").arg(key));
            ++pos_;
            skipSpace();
            if (pos_ >= s_.size() || s_[pos_] != '"') fail(QStringLiteral("expected a quoted label value"));
            ++pos_;
            std::string value;
            for (;;) {
                if (pos_ >= s_.size()) fail(QStringLiteral("unterminated label value; expected '\"'"));
                const char c = s_[pos_++];
                if (c == '"') break;
                if (c == '\\' && pos_ < s_.size()) {
                    const char e = s_[pos_++];
                    value += e == 'n' ? '\n' : e;
                } else {
                    value += c;
                }
            }
            labels.insert(key, QString::fromStdString(value));
            skipSpace();
            if (pos_ < s_.size() && s_[pos_] == ',') ++pos_;
            else if (pos_ >= s_.size() || s_[pos_] != '}') fail(QStringLiteral("expected ',' or '}' in the label set"));
        }
    }

    std::string_view s_;
    const QString& file_;
    int line_;
    size_t pos_ = 0;
};

QString unitOf(const QString& name)
{
    if (name.endsWith(QLatin1String("_bytes")) || name.endsWith(QLatin1String("_bytes_total"))) return QStringLiteral("bytes");
    if (name.endsWith(QLatin1String("_seconds")) || name.endsWith(QLatin1String("_seconds_total"))) return QStringLiteral("s");
    return {};
}

}  // namespace

int PrometheusTextImporter::sniff(const QByteArray& head, const QString& fileName) const
{
    Q_UNUSED(fileName);
    const QByteArray h = sniffText(head);
    if (h.startsWith("# HELP ") || h.startsWith("# TYPE ") || h.contains("\n# TYPE ")) return 90;
    // Bare samples: most lines look like `name{…} number`.
    LineCursor lines(h);
    int good = 0, total = 0;
    while (lines.next() && total < 20) {
        const std::string_view l = trimmed(lines.line());
        if (l.empty()) continue;
        ++total;
        if (!isNameStart(l[0])) continue;
        const size_t space = l.rfind(' ');
        if (space != std::string_view::npos && fastparse::number(l.substr(space + 1))) ++good;
    }
    return total >= 2 && good == total ? 50 : 0;
}

ImportResult PrometheusTextImporter::parse(QIODevice& in, const ImportContext& context) const
{
    ImportResult r;
    r.format = name();
    // An exposition ends with a line feed; "node_load1 0.2" without one may be cut from 0.25.
    const QByteArray text = tooltext::withoutCutLastLine(readTextInput(in, context, QStringLiteral("Prometheus text exposition")), r.warnings, true);
    QMap<QString, double> cpuByMode;
    QMap<QString, QString> types;
    LineCursor lines(text);
    while (lines.next()) {
        if ((lines.number() & 0xFFF) == 0 && context.cancelled()) throw Cancelled();
        const std::string_view l = trimmed(lines.line());
        if (l.empty()) continue;
        if (l[0] == '#') {
            const QString comment = toQString(l);
            const QStringList parts = comment.split(QLatin1Char(' '), Qt::SkipEmptyParts);
            if (parts.size() >= 4 && parts[1] == QLatin1String("TYPE")) types.insert(parts[2], parts[3]);
            continue;
        }
        Sample s = LineParser(l, context.fileName, lines.number()).parse();
        // node_cpu: node_exporter before 0.16
        if ((s.name == QLatin1String("node_cpu_seconds_total") || s.name == QLatin1String("node_cpu")) && std::isfinite(s.value)) {
            cpuByMode[s.labels.value(QStringLiteral("mode"))] += s.value;
        }
        if (!std::isfinite(s.value)) {
            r.warnings.push_back({lines.number(), 0, QString(), QStringLiteral("%1 is %2; not stored").arg(s.name, toQString(l.substr(l.rfind(' ') + 1)))});
            continue;
        }
        Measurement m;
        m.metric = s.name;
        m.unit = unitOf(s.name);
        m.value = s.value;
        if (s.name == QLatin1String("node_memory_MemAvailable_bytes") || s.name == QLatin1String("node_memory_MemAvailable"))
            m.metric = QStringLiteral("mem.available_bytes");
        else if (s.name == QLatin1String("node_memory_MemTotal_bytes") || s.name == QLatin1String("node_memory_MemTotal"))
            m.metric = QStringLiteral("mem.total_bytes");
        else if (s.name == QLatin1String("node_load1")) m.metric = QStringLiteral("cpu.load1");
        if (m.metric != s.name) {
            r.metrics.insert(m.metric, m.value);
            m.labels.insert(QStringLiteral("prometheus_metric"), s.name);
        }
        for (auto it = s.labels.cbegin(); it != s.labels.cend(); ++it) m.labels.insert(it.key(), it.value());
        r.measurements.push_back(std::move(m));
    }
    if (r.measurements.isEmpty() && !r.warnings.isEmpty() && r.warnings.front().message.contains(QLatin1String(tooltext::kEndedEarly)))
        throw InputError(context.fileName, r.warnings.front().message);
    double cpuTotal = 0;
    for (double v : cpuByMode) cpuTotal += v;
    if (cpuTotal > 0) {
        const double idleAndWait = cpuByMode.value(QStringLiteral("idle")) + cpuByMode.value(QStringLiteral("iowait"));
        cpuByMode.insert(QStringLiteral("__util"), cpuTotal - idleAndWait);
        for (auto it = cpuByMode.cbegin(); it != cpuByMode.cend(); ++it) {
            Measurement m;
            m.metric = it.key() == QLatin1String("__util") ? QStringLiteral("cpu.util_pct") : QStringLiteral("cpu.%1_pct").arg(it.key());
            m.value = it.value() / cpuTotal * 100.0;
            m.unit = QStringLiteral("%");
            m.labels.insert(QStringLiteral("window"), QStringLiteral("since_boot"));
            r.metrics.insert(m.metric, m.value);
            r.measurements.push_back(std::move(m));
        }
    }
    return r;
}

}  // namespace headroom
