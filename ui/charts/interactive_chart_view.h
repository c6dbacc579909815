#pragma once
#include <QChartView>
#include <QPoint>
#include <QString>

class QRubberBand;

namespace headroom::charts {

// A chart view for meetings: the 3 p.m. spike is fifteen minutes of a 24-hour chart, so a
// time-series chart must zoom into it and say what the value under the pointer is.
//
//   drag with the left button     zoom the x axis to the dragged span
//   wheel                         zoom the x axis in or out around the pointer
//   Shift+drag or middle drag     pan along x
//   double click or Escape        back to the whole range
//   hover                         the x value and each line's nearest y, as a tooltip
//
// Only charts whose horizontal axis is a value or date-time axis zoom (a box plot's categories
// do not); every chart gets the read-out where it has line or scatter series, and the copy/save
// actions of chart_export.h.
class InteractiveChartView : public QChartView {
    Q_OBJECT
public:
    explicit InteractiveChartView(QChart* chart, QWidget* parent = nullptr);

    // The read-out for a point in view coordinates ("" where no series has data nearby), as the
    // tooltip shows it; public so that tests and the status bar can ask for it.
    QString readoutAt(const QPoint& viewPos) const;
    // Zoom steps the user can also take with the mouse, in view coordinates.
    void zoomToSpan(int fromViewX, int toViewX);
    void zoomAround(int viewX, double factor);
    void panBy(int dxPixels);
    void resetZoom();
    bool zoomable() const;

protected:
    void mousePressEvent(QMouseEvent* event) override;
    void mouseMoveEvent(QMouseEvent* event) override;
    void mouseReleaseEvent(QMouseEvent* event) override;
    void mouseDoubleClickEvent(QMouseEvent* event) override;
    void wheelEvent(QWheelEvent* event) override;
    void keyPressEvent(QKeyEvent* event) override;
    void leaveEvent(QEvent* event) override;

private:
    void afterRangeChange();

    enum class Drag { None, Zoom, Pan };
    Drag drag_ = Drag::None;
    QPoint dragStart_;
    QPoint lastPan_;
    QRubberBand* band_ = nullptr;
};

}  // namespace headroom::charts
