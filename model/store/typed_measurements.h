#pragma once
#include <QJsonObject>
#include <QString>
#include <vector>

namespace headroom {

class Workspace;

// A benchmark measurement from a dataset imported for a known instance type.
struct TypedMeasurement {
    QString instanceType;   // the dataset's "provider/name", lower case
    double value = 0;
    QJsonObject labels;     // the measurement's own labels
    QString datasetTitle;   // the dataset's name, as the Data page shows it
};

// Every measurement of `metric` whose dataset names its instance type, dataset by dataset (the
// workspace's own CPU scores are made from stress-ng's: catalog/cpu_scores.h).
std::vector<TypedMeasurement> measurementsOnInstanceTypes(const Workspace& ws, const QString& metric);

}  // namespace headroom
