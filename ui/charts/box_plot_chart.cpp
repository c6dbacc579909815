#include "box_plot_chart.h"

#include <QBarCategoryAxis>
#include <QBoxPlotSeries>
#include <QBoxSet>
#include <QValueAxis>
#include <algorithm>
#include <limits>

namespace headroom::charts {

namespace {
double interpolated(const std::vector<double>& sorted, double p)
{
    const double h = p * double(sorted.size() - 1);
    const size_t i = size_t(h);
    const size_t j = std::min(i + 1, sorted.size() - 1);
    return sorted[i] + (h - double(i)) * (sorted[j] - sorted[i]);
}
}  // namespace

Box boxOf(const QString& label, std::vector<double> values)
{
    Box b;
    b.label = label;
    if (values.empty()) return b;
    std::sort(values.begin(), values.end());
    b.min = values.front();
    b.q1 = interpolated(values, 0.25);
    b.median = interpolated(values, 0.5);
    b.q3 = interpolated(values, 0.75);
    b.max = values.back();
    return b;
}

void setBoxPlots(QChart* chart, const QVector<Box>& boxes, const QString& yTitle, const QString& highlightName)
{
    chart->removeAllSeries();
    for (QAbstractAxis* axis : chart->axes()) {
        chart->removeAxis(axis);
        delete axis;
    }
    auto* normal = new QBoxPlotSeries;
    normal->setName(QObject::tr("nodes"));
    auto* flagged = new QBoxPlotSeries;
    flagged->setName(highlightName);
    flagged->setBrush(QColor(220, 80, 60, 170));
    QStringList categories;
    double lo = std::numeric_limits<double>::max(), hi = std::numeric_limits<double>::lowest();
    for (const Box& b : boxes) {
        categories << b.label;
        // Each series needs a box at every category for the boxes to line up with the axis, so
        // the other series gets an empty placeholder there.
        auto* set = new QBoxSet(b.min, b.q1, b.median, b.q3, b.max, b.label);
        auto* placeholder = new QBoxSet(b.label);
        (b.highlighted ? flagged : normal)->append(set);
        (b.highlighted ? normal : flagged)->append(placeholder);
        lo = std::min(lo, b.min);
        hi = std::max(hi, b.max);
    }
    chart->addSeries(normal);
    chart->addSeries(flagged);
    auto* x = new QBarCategoryAxis;
    x->append(categories);
    x->setLabelsAngle(-60);
    auto* y = new QValueAxis;
    y->setTitleText(yTitle);
    if (lo <= hi) y->setRange(lo - 0.05 * (hi - lo + 1e-12), hi + 0.05 * (hi - lo + 1e-12));
    chart->addAxis(x, Qt::AlignBottom);
    chart->addAxis(y, Qt::AlignLeft);
    for (QAbstractSeries* s : chart->series()) {
        s->attachAxis(x);
        s->attachAxis(y);
    }
}

}  // namespace headroom::charts
