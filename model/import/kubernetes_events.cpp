#include "kubernetes_events.h"

#include "kubernetes_event_messages.h"

#include <QHash>
#include <QRegularExpression>
#include <algorithm>
#include <limits>

namespace headroom::k8s {

namespace {

std::optional<double> timeOf(const RawEvent& e) { return e.firstSeen ? e.firstSeen : e.lastSeen; }

QJsonObject baseLabels(const RawEvent& e)
{
    QJsonObject o{{QStringLiteral("object"), e.objectKind + QLatin1Char('/') + e.objectName},
                  {QStringLiteral("reason"), e.reason}};
    if (!e.ns.isEmpty()) o.insert(QStringLiteral("namespace"), e.ns);
    if (e.count > 1) o.insert(QStringLiteral("repeats"), e.count);
    if (e.repeatOverS > 0) o.insert(QStringLiteral("repeats_over_s"), e.repeatOverS);
    if (e.ageS) o.insert(QStringLiteral("age_s"), *e.ageS);
    return o;
}

QString podKey(const RawEvent& e) { return e.ns + QLatin1Char('/') + e.objectName; }

}  // namespace

void toLeadTimeEvents(const QVector<RawEvent>& input, ImportResult& out)
{
    // Lists are not always in time order (kubectl sorts by name); pairs like Pulling → Pulled
    QVector<RawEvent> events = input;
    // need it. Events without a time (some node "Starting" records) go last.
    const double never = std::numeric_limits<double>::infinity();
    std::stable_sort(events.begin(), events.end(), [never](const RawEvent& a, const RawEvent& b) {
        return timeOf(a).value_or(never) < timeOf(b).value_or(never);
    });
    // When each pod was created, by a controller event "Created pod: NAME".
    static const QRegularExpression createdPod(QStringLiteral("^Created pod: (\\S+)"));
    QHash<QString, double> createdAt;
    QHash<QString, double> pullingAt;
    QHash<QString, double> pulledAt;
    QHash<QString, QString> podNode;
    static const QRegularExpression assigned(QStringLiteral("^Successfully assigned (\\S+)/(\\S+) to (\\S+)"));
    for (const RawEvent& e : events) {
        if (e.reason == QLatin1String("SuccessfulCreate")) {
            const auto m = createdPod.match(e.message);
            if (m.hasMatch() && timeOf(e)) createdAt.insert(e.ns + QLatin1Char('/') + m.captured(1), *timeOf(e));
        }
        if (e.reason == QLatin1String("Scheduled")) {
            const auto m = assigned.match(e.message);
            if (m.hasMatch()) podNode.insert(m.captured(1) + QLatin1Char('/') + m.captured(2), m.captured(3));
        }
    }
    bool missingTimes = false;
    QHash<QString, double> kubeletStart;
    for (const RawEvent& e : events) {
        const QString pod = podKey(e);
        const std::optional<double> t = timeOf(e);
        const QString node = podNode.value(pod, e.host);
        if (e.objectKind == QLatin1String("Node")) {
            if (e.reason == QLatin1String("Starting") && e.message.startsWith(QLatin1String("Starting kubelet")) && t)
                kubeletStart.insert(e.objectName, *t);
            if (e.reason == QLatin1String("NodeReady") && t && kubeletStart.contains(e.objectName)) {
                LeadTimeEvent ev;
                ev.node = e.objectName;
                ev.phase = QStringLiteral("readiness");
                ev.startedAt = kubeletStart.value(e.objectName);
                ev.durationS = std::max(0.0, *t - ev.startedAt);
                ev.labels = baseLabels(e);
                ev.labels.insert(QStringLiteral("from"), QStringLiteral("Starting kubelet"));
                out.leadTimeEvents.push_back(ev);
            }
            continue;
        }
        if (e.reason == QLatin1String("Scheduled")) {
            if (t && createdAt.contains(pod)) {
                LeadTimeEvent ev;
                ev.node = node;
                ev.phase = QStringLiteral("scheduled");
                ev.startedAt = createdAt.value(pod);
                ev.durationS = std::max(0.0, *t - ev.startedAt);
                ev.labels = baseLabels(e);
                ev.labels.insert(QStringLiteral("pod"), e.objectName);
                out.leadTimeEvents.push_back(ev);
            }
        } else if (e.reason == QLatin1String("Pulling")) {
            if (e.lastSeen || t) pullingAt.insert(pod, e.lastSeen ? *e.lastSeen : *t);
        } else if (e.reason == QLatin1String("Pulled")) {
            const auto msg = parsePullMessage(e.message);
            if (!msg) {
                out.warnings.push_back({e.line, 0, QString(), QStringLiteral("Pulled event with an unknown message: %1").arg(e.message.left(120))});
                continue;
            }
            LeadTimeEvent ev;
            ev.node = node;
            ev.phase = QStringLiteral("image_pull");
            ev.startedAt = t.value_or(0);
            ev.imageCached = msg->cached;
            ev.imageBytes = msg->imageBytes;
            ev.labels = baseLabels(e);
            ev.labels.insert(QStringLiteral("pod"), e.objectName);
            ev.labels.insert(QStringLiteral("image"), msg->image);
            if (msg->includingWaitingS) ev.labels.insert(QStringLiteral("including_waiting_s"), *msg->includingWaitingS);
            if (msg->durationS) {
                ev.durationS = *msg->durationS;
            } else if (t && pullingAt.contains(pod)) {
                ev.durationS = std::max(0.0, *t - pullingAt.value(pod));
                ev.labels.insert(QStringLiteral("duration_from"), QStringLiteral("Pulling to Pulled event times"));
            } else {
                out.warnings.push_back({e.line, 0, QString(), QStringLiteral("pull of %1 has no duration in its message and no Pulling time; left out").arg(msg->image)});
                continue;
            }
            if (msg->durationS && t) ev.startedAt = std::max(0.0, *t - *msg->durationS);
            if (t) pulledAt.insert(pod, *t);
            out.leadTimeEvents.push_back(ev);
        } else if (e.reason == QLatin1String("Started")) {
            if (!t) {
                missingTimes = true;
                continue;
            }
            if (!pulledAt.contains(pod)) continue;
            LeadTimeEvent ev;
            ev.node = node;
            ev.phase = QStringLiteral("app_start");
            ev.startedAt = pulledAt.value(pod);
            ev.durationS = std::max(0.0, *t - ev.startedAt);
            ev.labels = baseLabels(e);
            ev.labels.insert(QStringLiteral("pod"), e.objectName);
            ev.labels.insert(QStringLiteral("from"), QStringLiteral("Pulled"));
            out.leadTimeEvents.push_back(ev);
        }
    }
    if (missingTimes)
        out.warnings.push_back({0, 0, QString(), QStringLiteral(
            "the events carry only ages, not times: scheduling and container start durations cannot be measured; "
            "image pull durations come from the kubelet messages")});
}

}  // namespace headroom::k8s
