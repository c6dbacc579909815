#include "chart_reset.h"

#include <QAbstractAxis>
#include <QGraphicsItem>

namespace headroom::charts {

void resetChart(QChart* chart)
{
    chart->removeAllSeries();
    for (QAbstractAxis* axis : chart->axes()) {
        chart->removeAxis(axis);
        delete axis;
    }
    for (QGraphicsItem* item : chart->childItems())
        if (item->data(0).toString() == QLatin1String("message")) delete item;
}

}  // namespace headroom::charts
