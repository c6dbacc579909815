#include "stacked_bar_chart.h"

#include "chart_builder.h"
#include "chart_reset.h"

#include <QBarCategoryAxis>
#include <QBarSet>
#include <QHorizontalStackedBarSeries>
#include <QValueAxis>
#include <algorithm>
#include <iterator>

namespace headroom::charts {

void setStackedBars(QChart* chart, const QStringList& categories, const QStringList& layers,
                    const QVector<QVector<double>>& values, const QString& valueTitle)
{
    resetChart(chart);
    auto* series = new QHorizontalStackedBarSeries;
    QVector<double> totals(categories.size(), 0.0);
    // Fixed colours per layer position, so a phase has the same colour on screen and in the report.
    const QColor palette[] = {QColor(0x1f, 0x5f, 0x9f), QColor(0x4c, 0x9a, 0x2a), QColor(0xe6, 0x7e, 0x22),
                              QColor(0x8e, 0x44, 0xad), QColor(0x16, 0xa0, 0x85), QColor(0xc0, 0x39, 0x2b),
                              QColor(0x7f, 0x8c, 0x8d), QColor(0xd4, 0xac, 0x0d), QColor(0x2c, 0x3e, 0x50)};
    for (qsizetype l = 0; l < layers.size(); ++l) {
        auto* set = new QBarSet(layers[l]);
        set->setColor(palette[l % std::size(palette)]);
        set->setBorderColor(Qt::white);
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
    roundTicks(x);
    chart->addAxis(y, Qt::AlignLeft);
    chart->addAxis(x, Qt::AlignBottom);
    series->attachAxis(y);
    series->attachAxis(x);
    series->setBarWidth(0.6);
}

}  // namespace headroom::charts
