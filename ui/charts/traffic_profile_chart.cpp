#include "traffic_profile_chart.h"

#include "chart_builder.h"

#include <QChart>
#include <QJsonArray>
#include <QJsonObject>

namespace headroom::charts {

QVector<QPointF> trafficCurve(const QJsonValue& traffic, double durationS)
{
    const QJsonObject t = traffic.toObject();
    const QJsonValue scaleValue = t.value(QStringLiteral("scale"));
    const double scale = scaleValue.isDouble() ? scaleValue.toDouble() : 1.0;
    const QString kind = t.value(QStringLiteral("kind")).toString();
    QVector<QPointF> curve;
    if (kind == QStringLiteral("poisson")) {
        const QJsonValue rate = t.value(QStringLiteral("rate_rps"));
        if (!rate.isDouble() || durationS <= 0) return {};
        curve << QPointF(0, rate.toDouble() * scale) << QPointF(durationS / 3600.0, rate.toDouble() * scale);
    } else if (kind == QStringLiteral("profile")) {
        for (const QJsonValue& p : t.value(QStringLiteral("points")).toArray()) {
            const QJsonArray point = p.toArray();
            if (point.size() != 2 || !point.at(0).isDouble() || !point.at(1).isDouble()) return {};
            curve << QPointF(point.at(0).toDouble() / 3600.0, point.at(1).toDouble() * scale);
        }
    }
    return curve;
}

void showTrafficProfile(QChart* chart, const QJsonValue& traffic, double durationS)
{
    const QVector<QPointF> curve = trafficCurve(traffic, durationS);
    if (curve.isEmpty()) {
        const bool trace = traffic.toObject().value(QStringLiteral("kind")).toString() == QStringLiteral("trace");
        showMessage(chart, trace ? QObject::tr("Traffic replays a recorded series (shown on the Data page)")
                                 : QObject::tr("No traffic curve: check the rate or the points"));
        return;
    }
    setLines(chart, {Line{QObject::tr("Requests/s"), curve, QColor(), false}}, false, QObject::tr("requests/s"),
             QObject::tr("hours"));
}

}  // namespace headroom::charts
