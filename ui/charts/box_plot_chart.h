#pragma once
#include <QChart>
#include <QString>
#include <QVector>

namespace headroom::charts {

// One box: the five-number summary of a node's runs.
struct Box {
    QString label;
    double min = 0, q1 = 0, median = 0, q3 = 0, max = 0;
    bool highlighted = false;  // drawn in the warning colour (an outlier node)
};

// Replaces the chart's content with one box per entry, highlighted boxes in the warning colour
// (the legend names them). Callers cap the count; hundreds of boxes are unreadable.
void setBoxPlots(QChart* chart, const QVector<Box>& boxes, const QString& yTitle, const QString& highlightName);

// Five-number summary of values (quartiles by linear interpolation).
Box boxOf(const QString& label, std::vector<double> values);

}  // namespace headroom::charts
