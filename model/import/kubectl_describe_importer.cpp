#include "kubectl_describe_importer.h"

#include "core/errors.h"
#include "kubernetes_event_messages.h"
#include "kubernetes_events.h"
#include "text_input.h"
#include "tool_text.h"

#include <QRegularExpression>

namespace headroom {

int KubectlDescribeImporter::sniff(const QByteArray& head, const QString& fileName) const
{
    Q_UNUSED(fileName);
    const QByteArray h = sniffText(head);
    const bool podHeader = h.contains("\nName:") || h.startsWith("Name:");
    if (podHeader && (h.contains("\nNamespace:") && (h.contains("\nContainers:") || h.contains("\nEvents:")))) return 90;
    return 0;
}

ImportResult KubectlDescribeImporter::parse(QIODevice& in, const ImportContext& context) const
{
    // Written by a program, so it ends with a line feed; a last line without one was cut.
    QVector<ImportWarning> cut;
    const QByteArray text = tooltext::withoutCutLastLine(readTextInput(in, context, QStringLiteral("kubectl describe pod output")), cut, true);
    static const QRegularExpression field(QStringLiteral("^(Name|Namespace|Node):\\s+(\\S+)"));
    QString pod, ns, node;
    QVector<k8s::RawEvent> events;
    LineCursor lines(text);
    bool inEvents = false;
    qsizetype ageAt = -1, fromAt = -1, messageAt = -1, reasonAt = -1;
    while (lines.next()) {
        const QString l = lines.lineString();
        if (!inEvents) {
            const auto m = field.match(l);
            if (m.hasMatch()) {
                const QString key = m.captured(1);
                if (key == QLatin1String("Name") && pod.isEmpty()) pod = m.captured(2);
                if (key == QLatin1String("Namespace") && ns.isEmpty()) ns = m.captured(2);
                if (key == QLatin1String("Node") && node.isEmpty()) node = m.captured(2).section(QLatin1Char('/'), 0, 0);
            }
            if (l.startsWith(QLatin1String("Events:"))) inEvents = true;
            continue;
        }
        if (l.trimmed().isEmpty() || l.trimmed() == QLatin1String("<none>")) {
            if (ageAt >= 0) break;  // the table ended
            continue;
        }
        if (ageAt < 0) {
            reasonAt = l.indexOf(QLatin1String("Reason"));
            ageAt = l.indexOf(QLatin1String("Age"));
            fromAt = l.indexOf(QLatin1String("From"));
            messageAt = l.indexOf(QLatin1String("Message"));
            if (reasonAt < 0 || ageAt < 0 || fromAt < 0 || messageAt < 0)
                throw InputError(formatWhere(context.fileName, lines.number(), 1),
                                 QStringLiteral("expected the events header 'Type Reason Age From Message'"));
            continue;
        }
        if (l.trimmed().startsWith(QLatin1String("----"))) continue;
        if (!l.startsWith(QLatin1String("  ")) || l.size() <= messageAt) {
            if (!l.startsWith(QLatin1Char(' '))) break;  // next top-level section
            throw InputError(formatWhere(context.fileName, lines.number(), 1),
                             QStringLiteral("expected an event row aligned with the Type/Reason/Age/From/Message header"));
        }
        k8s::RawEvent e;
        e.line = lines.number();
        e.objectKind = QStringLiteral("Pod");
        e.objectName = pod;
        e.ns = ns;
        e.host = node;
        e.reason = l.mid(reasonAt, ageAt - reasonAt).trimmed();
        const QString age = l.mid(ageAt, fromAt - ageAt).trimmed();
        e.message = l.mid(messageAt).trimmed();
        e.ageS = k8s::kubectlAge(age.section(QLatin1Char(' '), 0, 0));
        if (const auto rep = k8s::parseRepeat(age)) {
            e.count = rep->count;
            e.repeatOverS = rep->overS;
        }
        events.push_back(e);
    }
    if (!inEvents)
        throw InputError(context.fileName, QStringLiteral("no 'Events:' section; expected kubectl describe pod output"));
    ImportResult r;
    r.warnings += cut;
    r.format = name();
    r.node = node;
    r.labels.insert(QStringLiteral("pod"), pod);
    if (!ns.isEmpty()) r.labels.insert(QStringLiteral("namespace"), ns);
    k8s::toLeadTimeEvents(events, r);
    return r;
}

}  // namespace headroom
