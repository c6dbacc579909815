#include "validation_chart.h"

#include "analysis/validation.h"
#include "chart_builder.h"

#include <QLineSeries>
#include <QObject>

namespace headroom::charts {

void showValidation(QChart* chart, const validation::ValidationResult& r)
{
    if (r.levels.empty()) {
        showMessage(chart, QObject::tr("No load levels to compare."));
        return;
    }
    const QColor mean(0x1f, 0x77, 0xb4), p95(0xd6, 0x27, 0x28);
    Line measuredMean{QObject::tr("mean, measured"), {}, mean, false};
    Line predictedMean{QObject::tr("mean, predicted"), {}, mean, true};
    Line measuredP95{QObject::tr("p95, measured"), {}, p95, false};
    Line predictedP95{QObject::tr("p95, predicted"), {}, p95, true};
    for (const validation::LevelComparison& l : r.levels) {
        const double x = l.measured.rateRps;
        measuredMean.points << QPointF(x, l.measured.latency.mean);
        predictedMean.points << QPointF(x, l.predicted.mean);
        measuredP95.points << QPointF(x, l.measured.latency.p95);
        predictedP95.points << QPointF(x, l.predicted.p95);
    }
    setLines(chart, {measuredMean, predictedMean, measuredP95, predictedP95}, false, QObject::tr("latency (ms)"),
             QObject::tr("requests/s"));
    // A marker at every measured rate: the lines between them are only there to guide the eye.
    for (QAbstractSeries* s : chart->series())
        if (auto* line = qobject_cast<QLineSeries*>(s)) line->setPointsVisible(true);
}

QChart* makeValidationChart(const validation::ValidationResult& r)
{
    QChart* chart = makeChart(QObject::tr("Latency against load: measured and predicted"));
    showValidation(chart, r);
    return chart;
}

}  // namespace headroom::charts
