#include "kubernetes_events_importer.h"

#include "core/errors.h"
#include "core/json_input.h"
#include "fast_parse.h"
#include "kubernetes_event_messages.h"
#include "kubernetes_events.h"
#include "text_input.h"
#include "tool_text.h"
#include "yaml_document.h"

#include <QJsonArray>
#include <QRegularExpression>

namespace headroom {

namespace {

std::optional<double> isoTime(const QJsonValue& v)
{
    if (!v.isString()) return std::nullopt;
    const QByteArray b = v.toString().toUtf8();
    return fastparse::isoDateTime(std::string_view(b.constData(), size_t(b.size())));
}

// v1 Event and events.k8s.io/v1 Event objects.
k8s::RawEvent fromObject(const json::Path& p, const QJsonObject& o)
{
    k8s::RawEvent e;
    const QJsonObject involved = o.contains(QStringLiteral("involvedObject")) ? o.value(QStringLiteral("involvedObject")).toObject()
                                                                               : o.value(QStringLiteral("regarding")).toObject();
    if (involved.isEmpty()) p.key(QStringLiteral("involvedObject")).fail(QStringLiteral("expected the object the event is about"));
    e.objectKind = involved.value(QStringLiteral("kind")).toString();
    e.objectName = involved.value(QStringLiteral("name")).toString();
    e.ns = involved.value(QStringLiteral("namespace")).toString();
    e.reason = p.key(QStringLiteral("reason")).string(o.value(QStringLiteral("reason")));
    e.message = o.contains(QStringLiteral("message")) ? o.value(QStringLiteral("message")).toString()
                                                      : o.value(QStringLiteral("note")).toString();
    e.firstSeen = isoTime(o.value(QStringLiteral("firstTimestamp")));
    if (!e.firstSeen) e.firstSeen = isoTime(o.value(QStringLiteral("deprecatedFirstTimestamp")));
    if (!e.firstSeen) e.firstSeen = isoTime(o.value(QStringLiteral("eventTime")));
    e.lastSeen = isoTime(o.value(QStringLiteral("lastTimestamp")));
    if (!e.lastSeen) e.lastSeen = isoTime(o.value(QStringLiteral("deprecatedLastTimestamp")));
    if (o.value(QStringLiteral("count")).isDouble()) e.count = o.value(QStringLiteral("count")).toInt();
    if (o.value(QStringLiteral("series")).isObject()) e.count = o.value(QStringLiteral("series")).toObject().value(QStringLiteral("count")).toInt(e.count);
    e.host = o.value(QStringLiteral("source")).toObject().value(QStringLiteral("host")).toString();
    if (e.host.isEmpty()) e.host = o.value(QStringLiteral("reportingInstance")).toString();
    return e;
}

QVector<k8s::RawEvent> fromDocument(const QJsonValue& doc, const QString& file)
{
    const json::Path root(file);
    QJsonArray items;
    json::Path itemsPath = root;
    if (doc.isArray()) {
        items = doc.toArray();
    } else if (doc.isObject() && doc.toObject().contains(QStringLiteral("items"))) {
        itemsPath = root.key(QStringLiteral("items"));
        items = itemsPath.array(doc.toObject().value(QStringLiteral("items")));
    } else if (doc.isObject() && doc.toObject().contains(QStringLiteral("reason"))) {
        items.append(doc);
    } else {
        root.fail(QStringLiteral("expected an EventList ({\"items\":[…]}) or an Event"));
    }
    QVector<k8s::RawEvent> out;
    for (qsizetype i = 0; i < items.size(); ++i)
        out.push_back(fromObject(itemsPath.index(i), itemsPath.index(i).object(items[i])));
    return out;
}

// Column starts from a header such as "LAST SEEN   TYPE     REASON      OBJECT   MESSAGE".
QVector<k8s::RawEvent> fromTable(const QByteArray& text, const QString& file)
{
    LineCursor lines(text);
    QString header;
    int headerLine = 0;
    while (lines.next()) {
        const QString l = lines.lineString();
        if (l.contains(QLatin1String("LAST SEEN")) && l.contains(QLatin1String("REASON")) && l.contains(QLatin1String("MESSAGE"))) {
            header = l;
            headerLine = lines.number();
            break;
        }
    }
    if (header.isEmpty())
        throw InputError(file, QStringLiteral("expected kubectl events output: JSON, YAML, or a table with LAST SEEN, REASON and MESSAGE columns"));
    const QStringList names{QStringLiteral("NAMESPACE"), QStringLiteral("LAST SEEN"), QStringLiteral("TYPE"),
                            QStringLiteral("REASON"), QStringLiteral("OBJECT"), QStringLiteral("MESSAGE")};
    QMap<qsizetype, QString> starts;
    for (const QString& n : names) {
        const qsizetype at = header.indexOf(QRegularExpression(QStringLiteral("(^|\\s)%1(\\s|$)").arg(n)));
        if (at >= 0) starts.insert(at == 0 ? 0 : at + 1, n);
    }
    QVector<k8s::RawEvent> out;
    while (lines.next()) {
        const QString l = lines.lineString();
        if (l.trimmed().isEmpty()) continue;
        QMap<QString, QString> cells;
        for (auto it = starts.cbegin(); it != starts.cend(); ++it) {
            const auto next = std::next(it);
            const qsizetype end = next == starts.cend() ? l.size() : next.key();
            cells.insert(it.value(), l.mid(it.key(), end - it.key()).trimmed());
        }
        k8s::RawEvent e;
        e.line = lines.number();
        const QString object = cells.value(QStringLiteral("OBJECT"));
        e.objectKind = object.section(QLatin1Char('/'), 0, 0);
        e.objectName = object.section(QLatin1Char('/'), 1);
        if (e.objectKind.compare(QLatin1String("pod"), Qt::CaseInsensitive) == 0) e.objectKind = QStringLiteral("Pod");
        if (e.objectKind.compare(QLatin1String("node"), Qt::CaseInsensitive) == 0) e.objectKind = QStringLiteral("Node");
        e.ns = cells.value(QStringLiteral("NAMESPACE"));
        e.reason = cells.value(QStringLiteral("REASON"));
        e.message = cells.value(QStringLiteral("MESSAGE"));
        const QString seen = cells.value(QStringLiteral("LAST SEEN"));
        if (e.reason.isEmpty() || seen.isEmpty())
            throw InputError(formatWhere(file, lines.number(), 1),
                             QStringLiteral("expected a row aligned with the header on line %1").arg(headerLine));
        e.ageS = k8s::kubectlAge(seen.section(QLatin1Char(' '), 0, 0));
        if (const auto rep = k8s::parseRepeat(seen)) {
            e.count = rep->count;
            e.repeatOverS = rep->overS;
        }
        out.push_back(e);
    }
    return out;
}

}  // namespace

int KubernetesEventsImporter::sniff(const QByteArray& head, const QString& fileName) const
{
    Q_UNUSED(fileName);
    const QByteArray h = sniffText(head);
    if ((h.contains("kind: Event") || h.contains("\"kind\": \"Event") || h.contains("\"kind\":\"Event")) &&
        (h.contains("involvedObject") || h.contains("regarding")))
        return 95;
    if (h.contains("LAST SEEN") && h.contains("REASON") && h.contains("MESSAGE")) return 90;
    return 0;
}

ImportResult KubernetesEventsImporter::parse(QIODevice& in, const ImportContext& context) const
{
    // Written by a program, so it ends with a line feed; a last line without one was cut.
    QVector<ImportWarning> cut;
    QByteArray text = readTextInput(in, context, QStringLiteral("kubectl events output"));
    QVector<k8s::RawEvent> events;
    const QByteArray start = text.trimmed().left(1);
    const bool table = text.contains("LAST SEEN") && text.contains("REASON") && !text.contains("involvedObject");
    if (table || (start != "{" && start != "[")) text = tooltext::withoutCutLastLine(text, cut, true);  // JSON says so itself
    if (table) {
        events = fromTable(text, context.fileName);
    } else if (start == "{" || start == "[") {
        const QJsonDocument doc = json::parseDocument(text, context.fileName);
        events = fromDocument(doc.isArray() ? QJsonValue(doc.array()) : QJsonValue(doc.object()), context.fileName);
    } else {
        events = fromDocument(yaml::parse(text, context.fileName), context.fileName);
    }
    ImportResult r;
    r.format = name();
    k8s::toLeadTimeEvents(events, r);
    if (events.isEmpty() && !cut.isEmpty()) throw InputError(context.fileName, cut.front().message);
    r.labels.insert(QStringLiteral("events"), int(events.size()));
    r.warnings += cut;
    return r;
}

}  // namespace headroom
