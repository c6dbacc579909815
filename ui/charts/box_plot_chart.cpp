#include "box_plot_chart.h"

#include "chart_builder.h"
#include "chart_reset.h"

#include <QBarCategoryAxis>
#include <QBoxPlotSeries>
#include <QBoxSet>
#include <QPen>
#include <QValueAxis>
#include <algorithm>
#include <cmath>
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
    resetChart(chart);
    // One series so every box sits on its own category; highlighted boxes get their own brush,
    // and the legend (which lists series, not boxes) is replaced by the title's wording.
    auto* series = new QBoxPlotSeries;
    series->setName(highlightName.isEmpty() ? QObject::tr("nodes") : QObject::tr("nodes (red: %1)").arg(highlightName));
    QStringList categories;
    double lo = std::numeric_limits<double>::max(), hi = std::numeric_limits<double>::lowest();
    for (const Box& b : boxes) {
        categories << b.label;
        auto* set = new QBoxSet(b.min, b.q1, b.median, b.q3, b.max, b.label);
        set->setBrush(b.highlighted ? QColor(0xe7, 0x8a, 0x80) : QColor(0x9c, 0xbd, 0xe0));
        set->setPen(QPen(b.highlighted ? QColor(0xc0, 0x39, 0x2b) : QColor(0x1f, 0x5f, 0x9f), 0.8));
        series->append(set);
        lo = std::min(lo, b.min);
        hi = std::max(hi, b.max);
    }
    chart->addSeries(series);
    auto* x = new QBarCategoryAxis;
    x->append(categories);
    x->setLabelsAngle(categories.size() > 6 ? -45 : 0);
    // Dozens of node names overlap into noise; the boxes speak for themselves then.
    x->setLabelsVisible(boxes.size() <= 24);
    auto* y = new QValueAxis;
    y->setTitleText(yTitle);
    y->setLabelFormat(QStringLiteral("%.3g"));
    if (lo <= hi) {
        const double pad = 0.05 * std::max(hi - lo, std::abs(hi) * 1e-6 + 1e-12);
        y->setRange(lo - pad, hi + pad);
        roundTicks(y);
    }
    chart->addAxis(x, Qt::AlignBottom);
    chart->addAxis(y, Qt::AlignLeft);
    series->attachAxis(x);
    series->attachAxis(y);
}

}  // namespace headroom::charts
