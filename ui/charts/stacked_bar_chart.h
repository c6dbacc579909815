#pragma once
#include <QChart>
#include <QString>
#include <QStringList>
#include <QVector>

namespace headroom::charts {

// Replaces the chart's content with horizontal stacked bars: one bar per category (a scale-out
// event), one segment per layer (a phase). values[layer][category]; missing segments are 0.
void setStackedBars(QChart* chart, const QStringList& categories, const QStringList& layers,
                    const QVector<QVector<double>>& values, const QString& valueTitle);

}  // namespace headroom::charts
