#pragma once
#include "import_result.h"

#include <QString>
#include <QVector>
#include <optional>

namespace headroom::k8s {

// One Kubernetes event, whatever it was read from (JSON, YAML, a table, kubectl describe).
struct RawEvent {
    QString objectKind;   // Pod, Node, ReplicaSet, …
    QString objectName;
    QString ns;
    QString reason;       // Scheduled, Pulling, Pulled, Created, Started, NodeReady, …
    QString message;
    std::optional<double> firstSeen;  // Unix seconds, when the input has absolute times
    std::optional<double> lastSeen;
    std::optional<double> ageS;       // tables: "LAST SEEN" as an age, when only that is known
    int count = 1;
    double repeatOverS = 0;
    QString host;         // source.host: the node the kubelet runs on
    int line = 0;         // where it was read, for warnings
};

// Lead-time events from a set of events (DESIGN §4, phases of a scale-out):
// - scheduled:  pod created (a controller's "Created pod: X") → Scheduled;
// - image_pull: each Pulled event, the duration from the kubelet message (or Pulling → Pulled
//   when the message has none), size when printed; "already present on machine" = cached, 0 s;
// - app_start:  Pulled (or the cached notice) → Started of the same pod;
// - readiness:  a node's "Starting kubelet" → NodeReady.
// Phases that need two absolute times are left out for inputs with only ages; a warning says so.
void toLeadTimeEvents(const QVector<RawEvent>& events, ImportResult& out);

}  // namespace headroom::k8s
