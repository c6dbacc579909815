#pragma once
#include "selection.h"

#include <QJsonObject>
#include <QString>
#include <optional>
#include <vector>

namespace headroom {

class Workspace;

// One stored lead_time_event row with the provider and instance type of its dataset.
struct StoredLeadTimeEvent {
    QString phase;
    double durationS = 0;
    QString node;
    double startedAt = 0;
    std::optional<double> imageBytes;
    std::optional<bool> imageCached;
    QJsonObject labels;
    QString datasetProvider;        // "" when the dataset names none
    QString datasetInstanceType;
};

// The events of the selection's dataset and node (the event's own node), in the order they
// were stored. Its provider and instance type are not applied: they may sit on the event (a
// boot-timing file covers many types) or on its dataset, so the caller weighs the two.
std::vector<StoredLeadTimeEvent> leadTimeEvents(const Workspace& ws, const Selection& selection);

}  // namespace headroom
