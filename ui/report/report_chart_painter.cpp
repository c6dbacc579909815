#include "report_chart_painter.h"

#include "report_style.h"

#include <QAbstractAxis>
#include <QChart>
#include <QGraphicsLayout>
#include <QGraphicsScene>
#include <QLegend>
#include <QPainter>
#include <memory>

namespace headroom::report {

void styleChartForPrint(QChart* chart)
{
    chart->setAnimationOptions(QChart::NoAnimation);
    chart->setBackgroundRoundness(0);
    chart->setDropShadowEnabled(false);
    chart->setBackgroundBrush(Qt::white);
    chart->setMargins(QMargins(2, 2, 2, 2));
    chart->setTitleFont(style::font(10, true));
    chart->setTitleBrush(style::ink());
    chart->legend()->setFont(style::font(8));
    chart->legend()->setLabelColor(style::ink());
    for (QAbstractAxis* axis : chart->axes()) {
        axis->setLabelsFont(style::font(8));
        axis->setTitleFont(style::font(8));
        axis->setLabelsColor(style::ink());
        axis->setTitleBrush(style::ink());
    }
}

void paintChartInto(QPainter& painter, const std::function<QChart*()>& make, const QRectF& target)
{
    if (!make) return;
    QGraphicsScene scene;
    QChart* chart = make();  // the scene owns it from here
    if (!chart) return;
    scene.addItem(chart);
    styleChartForPrint(chart);
    chart->setGeometry(QRectF(QPointF(0, 0), target.size()));
    if (chart->layout()) chart->layout()->activate();
    scene.setSceneRect(QRectF(QPointF(0, 0), target.size()));
    painter.save();
    painter.setRenderHint(QPainter::Antialiasing);
    scene.render(&painter, target, scene.sceneRect(), Qt::IgnoreAspectRatio);
    painter.restore();
}

}  // namespace headroom::report
