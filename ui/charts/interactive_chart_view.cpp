#include "interactive_chart_view.h"
#include "chart_builder.h"

#include <QDateTime>
#include <QDateTimeAxis>
#include <QKeyEvent>
#include <QMouseEvent>
#include <QRubberBand>
#include <QToolTip>
#include <QValueAxis>
#include <QWheelEvent>
#include <QXYSeries>
#include <cmath>

namespace headroom::charts {

namespace {

// How far (in pixels along x) the pointer may be from a series' point for the read-out to name it.
constexpr double kReadoutReachPx = 24;
// A drag shorter than this is a click, not a zoom.
constexpr int kMinZoomDragPx = 6;
// One wheel notch zooms by this factor.
constexpr double kWheelZoomFactor = 1.25;

QAbstractAxis* horizontalAxis(const QChart* chart)
{
    const auto axes = chart->axes(Qt::Horizontal);
    return axes.isEmpty() ? nullptr : axes.first();
}

QString formatNumber(double v)
{
    return QString::number(v, 'g', std::abs(v) >= 1e5 ? 7 : 4);
}

}  // namespace

InteractiveChartView::InteractiveChartView(QChart* chart, QWidget* parent) : QChartView(chart, parent)
{
    setMouseTracking(true);
    setFocusPolicy(Qt::ClickFocus);
}

bool InteractiveChartView::zoomable() const
{
    const QAbstractAxis* axis = chart() ? horizontalAxis(chart()) : nullptr;
    return qobject_cast<const QValueAxis*>(axis) || qobject_cast<const QDateTimeAxis*>(axis);
}

QString InteractiveChartView::readoutAt(const QPoint& viewPos) const
{
    QChart* c = chart();
    if (!c) return {};
    const QPointF inChart = c->mapFromScene(mapToScene(viewPos));
    if (!c->plotArea().contains(inChart)) return {};
    QStringList lines;
    double shownX = std::nan("");
    for (QAbstractSeries* abstract : c->series()) {
        auto* series = qobject_cast<QXYSeries*>(abstract);
        if (!series || !series->isVisible() || series->count() == 0) continue;
        // Nearest point along x, measured in pixels so that the reach is the same at any zoom.
        const QList<QPointF> points = series->points();
        double bestDx = kReadoutReachPx;
        const QPointF* best = nullptr;
        for (const QPointF& p : points) {
            const double dx = std::abs(c->mapToPosition(p, series).x() - inChart.x());
            if (dx <= bestDx) {
                bestDx = dx;
                best = &p;
            }
        }
        if (!best) continue;
        if (std::isnan(shownX)) shownX = best->x();
        const QString name = series->name().isEmpty() ? tr("value") : series->name();
        lines << QStringLiteral("%1: %2").arg(name, formatNumber(best->y()));
    }
    if (lines.isEmpty()) return {};
    QString xText;
    if (auto* dt = qobject_cast<QDateTimeAxis*>(horizontalAxis(c)))
        xText = QDateTime::fromMSecsSinceEpoch(qint64(shownX)).toString(dt->format());
    else
        xText = formatNumber(shownX);
    if (QAbstractAxis* axis = horizontalAxis(c); axis && !axis->titleText().isEmpty())
        xText = QStringLiteral("%1 = %2").arg(axis->titleText(), xText);
    lines.prepend(xText);
    return lines.join(QLatin1Char('\n'));
}

void InteractiveChartView::zoomToSpan(int fromViewX, int toViewX)
{
    if (!zoomable()) return;
    QChart* c = chart();
    const QRectF plot = c->plotArea();
    const double x0 = c->mapFromScene(mapToScene(QPoint(std::min(fromViewX, toViewX), 0))).x();
    const double x1 = c->mapFromScene(mapToScene(QPoint(std::max(fromViewX, toViewX), 0))).x();
    const double left = std::max(plot.left(), x0), right = std::min(plot.right(), x1);
    if (right - left < 1) return;
    c->zoomIn(QRectF(left, plot.top(), right - left, plot.height()));
    afterRangeChange();
}

void InteractiveChartView::zoomAround(int viewX, double factor)
{
    if (!zoomable() || factor <= 0) return;
    QChart* c = chart();
    const QRectF plot = c->plotArea();
    const double anchor = std::clamp(c->mapFromScene(mapToScene(QPoint(viewX, 0))).x(), plot.left(), plot.right());
    // Keep the value under the pointer where it is: its share of the width stays the same.
    const double share = (anchor - plot.left()) / plot.width();
    const double width = plot.width() / factor;
    c->zoomIn(QRectF(anchor - share * width, plot.top(), width, plot.height()));
    afterRangeChange();
}

void InteractiveChartView::panBy(int dxPixels)
{
    if (!zoomable() || dxPixels == 0) return;
    chart()->scroll(-dxPixels, 0);
    afterRangeChange();
}

void InteractiveChartView::resetZoom()
{
    if (!chart()) return;
    chart()->zoomReset();
    afterRangeChange();
}

void InteractiveChartView::afterRangeChange()
{
    // Ticks stay at round values for the new span, and a date axis shows what the span needs.
    QAbstractAxis* axis = horizontalAxis(chart());
    if (auto* v = qobject_cast<QValueAxis*>(axis)) {
        roundTicks(v);
    } else if (auto* dt = qobject_cast<QDateTimeAxis*>(axis)) {
        const qint64 spanMs = dt->min().msecsTo(dt->max());
        dt->setFormat(spanMs > 2 * 86400000LL ? QStringLiteral("MM-dd HH:mm")
                      : spanMs > 600000LL     ? QStringLiteral("HH:mm")
                                              : QStringLiteral("HH:mm:ss"));
    }
}

void InteractiveChartView::mousePressEvent(QMouseEvent* event)
{
    if (!zoomable() || !(event->button() == Qt::LeftButton || event->button() == Qt::MiddleButton)) {
        QChartView::mousePressEvent(event);
        return;
    }
    const bool pan = event->button() == Qt::MiddleButton || (event->modifiers() & Qt::ShiftModifier);
    drag_ = pan ? Drag::Pan : Drag::Zoom;
    dragStart_ = lastPan_ = event->position().toPoint();
    if (drag_ == Drag::Zoom) {
        if (!band_) band_ = new QRubberBand(QRubberBand::Rectangle, this);
        band_->setGeometry(QRect(dragStart_, QSize()));
        band_->show();
    }
    event->accept();
}

void InteractiveChartView::mouseMoveEvent(QMouseEvent* event)
{
    const QPoint pos = event->position().toPoint();
    if (drag_ == Drag::Zoom && band_) {
        const QRectF plot = chart()->plotArea();
        const QRect plotInView = mapFromScene(chart()->mapToScene(plot)).boundingRect();
        band_->setGeometry(QRect(QPoint(std::min(dragStart_.x(), pos.x()), plotInView.top()),
                                 QPoint(std::max(dragStart_.x(), pos.x()), plotInView.bottom())));
    } else if (drag_ == Drag::Pan) {
        panBy(pos.x() - lastPan_.x());
        lastPan_ = pos;
    } else {
        const QString text = readoutAt(pos);
        if (text.isEmpty())
            QToolTip::hideText();
        else
            QToolTip::showText(event->globalPosition().toPoint(), text, this);
    }
    event->accept();
}

void InteractiveChartView::mouseReleaseEvent(QMouseEvent* event)
{
    if (drag_ == Drag::None) {
        QChartView::mouseReleaseEvent(event);
        return;
    }
    if (drag_ == Drag::Zoom) {
        if (band_) band_->hide();
        const int x = event->position().toPoint().x();
        if (std::abs(x - dragStart_.x()) >= kMinZoomDragPx) zoomToSpan(dragStart_.x(), x);
    }
    drag_ = Drag::None;
    event->accept();
}

void InteractiveChartView::mouseDoubleClickEvent(QMouseEvent* event)
{
    if (event->button() == Qt::LeftButton && zoomable()) {
        resetZoom();
        event->accept();
        return;
    }
    QChartView::mouseDoubleClickEvent(event);
}

void InteractiveChartView::wheelEvent(QWheelEvent* event)
{
    if (!zoomable() || event->angleDelta().y() == 0) {
        QChartView::wheelEvent(event);
        return;
    }
    const double notches = event->angleDelta().y() / 120.0;
    zoomAround(event->position().toPoint().x(), std::pow(kWheelZoomFactor, notches));
    event->accept();
}

void InteractiveChartView::keyPressEvent(QKeyEvent* event)
{
    if (event->key() == Qt::Key_Escape && chart() && chart()->isZoomed()) {
        resetZoom();
        event->accept();
        return;
    }
    QChartView::keyPressEvent(event);
}

void InteractiveChartView::leaveEvent(QEvent* event)
{
    QToolTip::hideText();
    QChartView::leaveEvent(event);
}

}  // namespace headroom::charts
