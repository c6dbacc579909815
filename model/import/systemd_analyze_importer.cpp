#include "systemd_analyze_importer.h"

#include "core/errors.h"
#include "text_input.h"
#include "tool_text.h"

#include <QRegularExpression>

namespace headroom {

std::optional<double> systemdTimespan(const QString& text)
{
    static const QRegularExpression token(QStringLiteral("^(\\d+(?:\\.\\d+)?)(us|\u00b5s|ms|s|min|h|d)$"));
    const QStringList parts = text.trimmed().split(QLatin1Char(' '), Qt::SkipEmptyParts);
    if (parts.isEmpty()) return std::nullopt;
    double total = 0;
    for (const QString& p : parts) {
        const auto m = token.match(p);
        if (!m.hasMatch()) return std::nullopt;
        const QString u = m.captured(2);
        const double scale = u == QLatin1String("us") || u == QStringLiteral("\u00b5s") ? 1e-6
                             : u == QLatin1String("ms")                                 ? 1e-3
                             : u == QLatin1String("s")                                  ? 1
                             : u == QLatin1String("min")                                ? 60
                             : u == QLatin1String("h")                                  ? 3600
                                                                                        : 86400;
        total += m.captured(1).toDouble() * scale;
    }
    return total;
}

int SystemdAnalyzeImporter::sniff(const QByteArray& head, const QString& fileName) const
{
    Q_UNUSED(fileName);
    const QByteArray h = sniffText(head);
    if (h.contains("Startup finished in ")) return 95;
    // critical-chain's header; systemd before 220 wrote "The time after the unit is active or started …".
    if (h.contains("is printed after the \"@\" character")) return 95;
    static const QRegularExpression blame(QStringLiteral("^\\s*\\d+(\\.\\d+)?(ms|s|us|min)( \\d+(\\.\\d+)?(ms|s|us))? +\\S+\\.(service|mount|device|socket|target|timer|swap|slice|scope)$"),
                                          QRegularExpression::MultilineOption);
    int hits = 0;
    for (auto it = blame.globalMatch(QString::fromUtf8(h.left(4096))); it.hasNext(); it.next()) ++hits;
    return hits >= 3 ? 70 : 0;
}

ImportResult SystemdAnalyzeImporter::parse(QIODevice& in, const ImportContext& context) const
{
    ImportResult r;
    r.format = name();
    const QByteArray text = tooltext::withoutCutLastLine(readTextInput(in, context, QStringLiteral("systemd-analyze output")), r.warnings, true);
    static const QRegularExpression finished(QStringLiteral("Startup finished in (.*) = (.+)$"));
    static const QRegularExpression stage(QStringLiteral("^(.+?) \\((\\w+)\\)$"));
    static const QRegularExpression chainUnit(QStringLiteral("^(\\S+) @(.+?)(?: \\+(.+))?$"));
    static const QRegularExpression blameLine(QStringLiteral("^((?:\\d+(?:\\.\\d+)?(?:us|\u00b5s|ms|s|min|h) ?)+) +(\\S+)$"));
    // Current systemd ends the sentence with a period.
    static const QRegularExpression reached(QStringLiteral("^(\\S+) reached after (.+) in userspace\\.?$"));
    LineCursor lines(text);
    bool chain = false;
    bool chainTopSeen = false;
    static const QRegularExpression unitTookOnly(QStringLiteral("^(\\S+) \\+(.+)$"));
    while (lines.next()) {
        const QString raw = lines.lineString();
        // critical-chain draws its tree with box characters and spaces before the unit.
        QString l = raw;
        l.remove(QRegularExpression(QStringLiteral("^[\\s\u2514\u2500\u251c\u2502\u2570-]+")));
        l = l.trimmed();
        if (l.isEmpty()) continue;
        if (const auto m = finished.match(l); m.hasMatch()) {
            const auto total = systemdTimespan(m.captured(2).trimmed());
            if (!total) throw InputError(formatWhere(context.fileName, lines.number(), int(m.capturedStart(2)) + 1),
                                         QStringLiteral("expected a time span like 21.3s after '='"));
            LeadTimeEvent ev;
            ev.phase = QStringLiteral("boot");
            ev.durationS = *total;
            ev.labels.insert(QStringLiteral("source"), QStringLiteral("systemd-analyze time"));
            for (const QString& part : m.captured(1).split(QStringLiteral(" + "))) {
                const auto sm = stage.match(part.trimmed());
                if (sm.hasMatch())
                    if (const auto v = systemdTimespan(sm.captured(1))) ev.labels.insert(sm.captured(2) + QStringLiteral("_s"), *v);
            }
            r.leadTimeEvents.push_back(ev);
            r.metrics.insert(QStringLiteral("boot.total_s"), *total);
            continue;
        }
        if (const auto m = reached.match(l); m.hasMatch()) {
            if (!r.leadTimeEvents.isEmpty())
                if (const auto v = systemdTimespan(m.captured(2)))
                    r.leadTimeEvents.back().labels.insert(m.captured(1) + QStringLiteral("_reached_after_userspace_s"), *v);
            continue;
        }
        if (l.startsWith(QLatin1String("The time when unit")) || l.startsWith(QLatin1String("The time the unit")) ||
            l.startsWith(QLatin1String("The time after the unit")) || l.startsWith(QLatin1String("The time the unit takes"))) {
            chain = true;
            continue;
        }
        if (chain) {
            const auto m = chainUnit.match(l);
            if (!m.hasMatch()) {
                // A unit without "@" (no activation time known), e.g. the top of a chain asked
                // for one service: its start time is kept, but it gives no boot time.
                const auto took = unitTookOnly.match(l);
                if (took.hasMatch())
                    if (const auto v = systemdTimespan(took.captured(2))) {
                        r.measurements.push_back({QString(), QStringLiteral("boot.unit_start_s"), *v, QStringLiteral("s"),
                                                  QJsonObject{{QStringLiteral("unit"), took.captured(1)},
                                                              {QStringLiteral("source"), QStringLiteral("critical-chain")}}});
                        if (!chainTopSeen)
                            r.warnings.push_back({lines.number(), 1, QString(),
                                                  QStringLiteral("the chain's top unit %1 has no activation time ('@'); the file gives no boot time")
                                                      .arg(took.captured(1))});
                    }
                chainTopSeen = true;
                continue;
            }
            const bool top = !chainTopSeen;
            chainTopSeen = true;
            if (top && r.leadTimeEvents.isEmpty()) {  // the first unit is the target the chain leads to
                const auto at = systemdTimespan(m.captured(2));
                if (!at) throw InputError(formatWhere(context.fileName, lines.number(), int(raw.indexOf(QLatin1Char('@'))) + 2),
                                          QStringLiteral("expected a time span after '@'"));
                LeadTimeEvent ev;
                ev.phase = QStringLiteral("boot");
                ev.durationS = *at + (m.hasCaptured(3) ? systemdTimespan(m.captured(3)).value_or(0) : 0);
                ev.labels.insert(QStringLiteral("source"), QStringLiteral("systemd-analyze critical-chain"));
                ev.labels.insert(QStringLiteral("target"), m.captured(1));
                r.leadTimeEvents.push_back(ev);
                r.metrics.insert(QStringLiteral("boot.total_s"), ev.durationS);
            }
            if (m.hasCaptured(3))
                if (const auto took = systemdTimespan(m.captured(3)))
                    r.measurements.push_back({QString(), QStringLiteral("boot.unit_start_s"), *took, QStringLiteral("s"),
                                              QJsonObject{{QStringLiteral("unit"), m.captured(1)},
                                                          {QStringLiteral("source"), QStringLiteral("critical-chain")}}});
            continue;
        }
        if (const auto m = blameLine.match(l); m.hasMatch()) {
            if (const auto took = systemdTimespan(m.captured(1)))
                r.measurements.push_back({QString(), QStringLiteral("boot.unit_start_s"), *took, QStringLiteral("s"),
                                          QJsonObject{{QStringLiteral("unit"), m.captured(2)},
                                                      {QStringLiteral("source"), QStringLiteral("blame")}}});
            continue;
        }
        throw InputError(formatWhere(context.fileName, lines.number(), 1),
                         QStringLiteral("expected systemd-analyze output ('Startup finished in …', a critical-chain or blame line)"));
    }
    if (r.leadTimeEvents.isEmpty() && r.measurements.isEmpty())
        throw InputError(context.fileName, r.warnings.isEmpty()
                                               ? QStringLiteral("no boot time or unit start time found; expected systemd-analyze output")
                                               : r.warnings.front().message);
    if (r.leadTimeEvents.isEmpty() && !r.measurements.isEmpty())
        r.warnings.push_back({0, 0, QString(), QStringLiteral("systemd-analyze blame lists unit start times only; it holds no total boot time")});
    return r;
}

}  // namespace headroom
