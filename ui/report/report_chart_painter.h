#pragma once
#include <QRectF>
#include <functional>

class QChart;
class QPainter;

namespace headroom::report {

// Paints a chart as vectors: the chart is put in a graphics scene of the target's size (in
// points) and the scene is rendered into the painter, so in a PDF every line and label stays a
// path or text, never a bitmap. Fonts, background and colours are set for print first.
void paintChartInto(QPainter& painter, const std::function<QChart*()>& make, const QRectF& target);

// Print look: white background, no shadow or animation, small pixel-sized fonts.
void styleChartForPrint(QChart* chart);

}  // namespace headroom::report
