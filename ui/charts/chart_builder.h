#pragma once
#include <QChart>
#include <QChartView>
#include <QPointF>
#include <QString>
#include <QValueAxis>
#include <QVector>

namespace headroom::charts {

// Every chart of the app is made here, so look and behaviour (and a future change of chart
// library) live in one place. Series arrive already downsampled.
// A view that owns `chart`: zoom and pan along x, a read-out of the values under the pointer,
// and "Copy as image" / "Save as PNG/SVG…" in its context menu (interactive_chart_view.h). (A view made without a chart makes its own, which setChart() then
// leaks: the view only releases the chart it replaces.)
QChartView* makeView(QChart* chart, QWidget* parent = nullptr);
QChart* makeChart(const QString& title);
// Replaces the chart's content with one line per (name, points); x is seconds since the epoch
// when `timeAxis`, else a plain number. Returns nothing: the view shows the result.
struct Line {
    QString name;
    QVector<QPointF> points;
    QColor color;      // invalid = theme colour
    bool dashed = false;
};
void setLines(QChart* chart, const QVector<Line>& lines, bool timeAxis, const QString& yTitle, const QString& xTitle = {});
// Ticks at round values (1, 2 or 5 × 10^k apart, anchored at 0) while the axis keeps its range,
// so it ends where the data ends instead of at the next round number.
void roundTicks(QValueAxis* axis);
// A horizontal reference line (an SLO, a capacity) across the current x range.
void addHorizontalLine(QChart* chart, double y, const QString& name, const QColor& color);
// Scales the title, axis labels and titles, and legend (presenter mode: readable from the back).
void scaleFonts(QChart* chart, double factor);
// Shows a centred message instead of data (nothing to plot yet, or still computing).
void showMessage(QChart* chart, const QString& text);

}  // namespace headroom::charts
