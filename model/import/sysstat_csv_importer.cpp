#include "sysstat_csv_importer.h"

#include "core/errors.h"
#include "fast_parse.h"
#include "series_accumulator.h"
#include "sysstat_metrics.h"
#include "text_input.h"
#include "tool_text.h"

#include <QSet>
#include <map>
#include <cmath>
#include <optional>

namespace headroom {

namespace {

std::vector<std::string_view> splitFields(std::string_view line)
{
    std::vector<std::string_view> out;
    size_t start = 0;
    for (;;) {
        const size_t semi = line.find(';', start);
        out.push_back(line.substr(start, semi == std::string_view::npos ? std::string_view::npos : semi - start));
        if (semi == std::string_view::npos) break;
        start = semi + 1;
    }
    return out;
}

// Which activity a header describes, from the first column after the timestamp.
QString activityOf(const QStringList& header)
{
    if (header.size() < 4) return {};
    const QString first = header[3];
    if (first == QLatin1String("CPU") && header.size() > 4 &&
        (header[4] == QLatin1String("%usr") || header[4] == QLatin1String("%user")))
        return QStringLiteral("cpu");
    if (first == QLatin1String("kbmemfree")) return QStringLiteral("memory");
    if (first == QLatin1String("DEV")) return QStringLiteral("disk");
    if (first == QLatin1String("IFACE") && header.contains(QStringLiteral("rxkB/s"))) return QStringLiteral("net");
    return {};
}

// sadf -d -t / -T print local time with the zone's abbreviation ("2019-04-18 09:20:19 EST").
// The common abbreviations have one meaning each; others are refused rather than guessed.
std::optional<double> sadfTime(std::string_view cell)
{
    if (const auto t = fastparse::timestamp(cell)) return t;
    const size_t space = cell.rfind(' ');
    if (space == std::string_view::npos) return std::nullopt;
    static const std::pair<std::string_view, int> zones[] = {
        {"GMT", 0},      {"UTC", 0},      {"WET", 0},      {"WEST", 60},    {"BST", 60},     {"CET", 60},
        {"CEST", 120},   {"MET", 60},     {"MEST", 120},   {"EET", 120},    {"EEST", 180},   {"MSK", 180},
        {"EST", -300},   {"EDT", -240},   {"CST", -360},   {"CDT", -300},   {"MST", -420},   {"MDT", -360},
        {"PST", -480},   {"PDT", -420},   {"AKST", -540},  {"AKDT", -480},  {"HST", -600},   {"JST", 540},
        {"KST", 540},    {"AEST", 600},   {"AEDT", 660},   {"NZST", 720},   {"NZDT", 780}};
    const std::string_view zone = cell.substr(space + 1);
    for (const auto& [name, minutes] : zones)
        if (zone == name)
            if (const auto t = fastparse::isoDateTime(cell.substr(0, space))) return *t - minutes * 60.0;
    return std::nullopt;
}

int columnOf(std::string_view line, size_t index)
{
    size_t col = 1;
    for (size_t i = 0, n = 0; i < line.size() && n < index; ++i)
        if (line[i] == ';') {
            ++n;
            col = i + 2;
        }
    return int(col);
}

}  // namespace

int SysstatCsvImporter::sniff(const QByteArray& head, const QString& fileName) const
{
    Q_UNUSED(fileName);
    const QByteArray h = sniffText(head);
    if (h.startsWith("# hostname;interval;timestamp;") || h.contains("\n# hostname;interval;timestamp;")) return 95;
    // A file that starts with the restart row of a new sa file.
    const qsizetype nl = h.indexOf('\n');
    const QByteArray first = h.left(nl < 0 ? h.size() : nl);
    if (first.count(';') >= 3 && first.contains(";-1;") && first.contains("LINUX-RESTART")) return 90;
    return 0;
}

ImportResult SysstatCsvImporter::parse(QIODevice& in, const ImportContext& context) const
{
    ImportResult r;
    r.format = name();
    const QByteArray text = tooltext::withoutCutLastLine(readTextInput(in, context, QStringLiteral("sysstat sadf -d output")), r.warnings, true);
    SeriesAccumulator acc;
    QStringList header;
    QString activity;
    QSet<QString> skipped;
    int restarts = 0;
    int headers = 0;
    qsizetype horizontalColumns = 0;
    bool horizontal = false;
    QString node;
    LineCursor lines(text);
    while (lines.next()) {
        if ((lines.number() & 0xFFF) == 0 && context.cancelled()) throw Cancelled();
        const std::string_view line = lines.line();
        if (trimmed(line).empty()) continue;
        if (line[0] == '#') {
            header = toQString(trimmed(line.substr(1))).split(QLatin1Char(';'));
            // sadf -dh puts every activity on one line; "%idle[...]" ends a group of columns that
            // repeats once per item (CPU, device). Only the columns up to the first such group
            // are read: the first item of the first activity (CPU "all"), since where the later
            // activities start depends on how many items each row holds.
            horizontalColumns = 0;
            for (qsizetype c = 0; c < header.size(); ++c)
                if (header[c].endsWith(QLatin1String("[...]"))) {
                    header[c].chop(5);
                    if (horizontalColumns == 0) horizontalColumns = c + 1;
                }
            if (horizontalColumns > 0) {
                header = header.mid(0, horizontalColumns);
                horizontal = true;
            }
            if (header.size() < 4 || header[0] != QLatin1String("hostname") || header[2] != QLatin1String("timestamp"))
                throw InputError(formatWhere(context.fileName, lines.number(), 1),
                                 QStringLiteral("expected a sadf -d header '# hostname;interval;timestamp;…'"));
            activity = activityOf(header);
            if (activity.isEmpty()) skipped.insert(header[3]);
            ++headers;
            continue;
        }
        std::vector<std::string_view> f = splitFields(line);
        if (f.size() < 4)
            throw InputError(formatWhere(context.fileName, lines.number(), 1),
                             QStringLiteral("expected 'hostname;interval;timestamp;…' with at least 4 fields, got %1").arg(f.size()));
        if (node.isEmpty()) node = toQString(f[0]);
        const auto time = sadfTime(trimmed(f[2]));
        if (!time)
            throw InputError(formatWhere(context.fileName, lines.number(), columnOf(line, 2)),
                             QStringLiteral("expected a timestamp 'YYYY-MM-DD HH:MM:SS UTC' (or another known zone such as EST, CET) or epoch seconds, got '%1'").arg(toQString(f[2])));
        if (f[1] == "-1") {  // LINUX-RESTART or COM row
            if (f[3].substr(0, 13) == "LINUX-RESTART") ++restarts;
            continue;
        }
        if (header.isEmpty())
            throw InputError(formatWhere(context.fileName, lines.number(), 1),
                             QStringLiteral("data row before any '# hostname;interval;timestamp;…' header"));
        if (activity.isEmpty()) continue;
        if (horizontalColumns > 0 && f.size() >= size_t(horizontalColumns)) f.resize(size_t(horizontalColumns));
        if (f.size() != size_t(header.size()))
            throw InputError(formatWhere(context.fileName, lines.number(), 1),
                             QStringLiteral("expected %1 fields as the header says, got %2").arg(header.size()).arg(f.size()));
        QString device;
        if (activity == QLatin1String("cpu")) {
            if (f[3] != "-1" && f[3] != "all") continue;  // per-CPU rows: the node total is what the models use
        } else if (activity != QLatin1String("memory")) {
            device = toQString(f[3]);
        }
        double idle = NAN, iowait = NAN;
        // One sample per metric and time: of fields that give one metric, the preferred one.
        std::map<QString, std::pair<const SysstatField*, double>> chosen;
        for (size_t c = 4; c < f.size(); ++c) {
            const QString key = sysstatFieldKey(header[qsizetype(c)]);
            const SysstatField* field = sysstatField(activity, key);
            if (!field) continue;
            // sadf follows the locale; "0,27" under de_DE is read as 0.27.
            std::string cell(trimmed(f[c]));
            for (char& ch : cell)
                if (ch == ',') ch = '.';
            const auto value = fastparse::number(cell);
            if (!value)
                throw InputError(formatWhere(context.fileName, lines.number(), columnOf(line, c)),
                                 QStringLiteral("expected a number for %1, got '%2'").arg(header[qsizetype(c)], toQString(f[c])));
            if (key == QLatin1String("idle")) idle = *value;
            if (key == QLatin1String("iowait")) iowait = *value;
            auto& slot = chosen[QLatin1String(field->metric)];
            if (!slot.first || field < slot.first) slot = {field, *value};
        }
        for (const auto& [metric, fv] : chosen)
            acc.add(QString(), metric, QLatin1String(fv.first->unit), device, *time, fv.second * fv.first->scale);
        if (activity == QLatin1String("cpu") && std::isfinite(idle))
            acc.add(QString(), QStringLiteral("cpu.util_pct"), QStringLiteral("%"), QString(), *time,
                    std::max(0.0, 100.0 - idle - (std::isfinite(iowait) ? iowait : 0.0)));
    }
    if (headers == 0)
        throw InputError(context.fileName, QStringLiteral("no '# hostname;interval;timestamp;…' header found; expected sadf -d output"));
    // One file is one host: its series carry no node of their own, so --node can name it.
    acc.moveInto(r.series);
    r.node = node;
    if (restarts > 0) r.labels.insert(QStringLiteral("restarts"), restarts);
    if (horizontal)
        r.warnings.push_back({0, 0, QString(), QStringLiteral("horizontal layout (sadf -dh): only the first activity's first item "
                                                              "(CPU all) is read; export with sadf -d for every activity")});
    if (!skipped.isEmpty()) {
        QStringList names(skipped.begin(), skipped.end());
        names.sort();
        r.warnings.push_back({0, 0, QString(), QStringLiteral("activities not imported (only CPU, memory, disk and network are): %1")
                                                   .arg(names.join(QStringLiteral(", ")))});
    }
    return r;
}

}  // namespace headroom
