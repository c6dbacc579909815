#pragma once
#include <QJsonValue>
#include <QPointF>
#include <QVector>

class QChart;

namespace headroom::charts {

// The arrival rate a scenario's "traffic" section asks for, as (hours, requests/s) corners of
// the piecewise-linear curve (rate × scale). Read from the JSON so the curve follows the table
// while the rest of the document is still being fixed. Empty for a trace or unreadable points.
QVector<QPointF> trafficCurve(const QJsonValue& traffic, double durationS);
// Draws that curve, or a message saying why there is none.
void showTrafficProfile(QChart* chart, const QJsonValue& traffic, double durationS);

}  // namespace headroom::charts
