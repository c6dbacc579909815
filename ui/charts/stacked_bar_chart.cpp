#include "stacked_bar_chart.h"

#include "chart_reset.h"

#include <QBarCategoryAxis>
#include <QBarSet>
#include <QHorizontalStackedBarSeries>
#include <QValueAxis>
#include <algorithm>

namespace headroom::charts {

void setStackedBars(QChart* chart, const QStringList& categories, const QStringList& layers,
                    const QVector<QVector<double>>& values, const QString& valueTitle)
{
    resetChart(chart);
    auto* series = new QHorizontalStackedBarSeries;
    QVector<double> totals(categories.size(), 0.0);
    for (qsizetype l = 0; l < layers.size(); ++l) {
        auto* set = new QBarSet(layers[l]);
        for (qsizetype c = 0; c < categories.size(); ++c) {
            const double v = l < values.size() && c < values[l].size() ? values[l][c] : 0.0;
            set->append(v);
            totals[c] += v;
        }
        series->append(set);
    }
    chart->addSeries(series);
    auto* y = new QBarCategoryAxis;
    y->append(categories);
    auto* x = new QValueAxis;
    x->setTitleText(valueTitle);
    x->setRange(0, totals.isEmpty() ? 1 : std::max(1.0, *std::max_element(totals.begin(), totals.end()) * 1.05));
    chart->addAxis(y, Qt::AlignLeft);
    chart->addAxis(x, Qt::AlignBottom);
    series->attachAxis(y);
    series->attachAxis(x);
}

}  // namespace headroom::charts
