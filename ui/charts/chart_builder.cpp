#include "chart_builder.h"
#include "chart_export.h"
#include "chart_reset.h"
#include "interactive_chart_view.h"

#include <QDateTime>
#include <QDateTimeAxis>
#include <QGraphicsTextItem>
#include <QTextDocument>
#include <QTextOption>
#include <QLineSeries>
#include <QPainter>
#include <QRegularExpression>
#include <QValueAxis>
#include <algorithm>
#include <cmath>
#include <limits>

namespace headroom::charts {

QChartView* makeView(QChart* chart, QWidget* parent)
{
    auto* view = new InteractiveChartView(chart, parent);
    view->setRenderHint(QPainter::Antialiasing);
    view->setMinimumHeight(180);
    // Every chart can leave the app for a slide; the file name follows the chart's title.
    QString name = chart->title().toLower();
    name.replace(QRegularExpression(QStringLiteral("[^a-z0-9]+")), QStringLiteral("-"));
    name = name.remove(QRegularExpression(QStringLiteral("^-+|-+$")));
    addExportActions(view, name.isEmpty() ? QStringLiteral("chart") : name);
    return view;
}

QChart* makeChart(const QString& title)
{
    auto* chart = new QChart;
    chart->setTitle(title);
    chart->legend()->setAlignment(Qt::AlignBottom);
    chart->setMargins(QMargins(4, 4, 4, 4));
    return chart;
}

namespace {

// A tick step of 1, 2 or 5 × 10^k giving about five ticks over `span`.
double roundStep(double span)
{
    if (!(span > 0)) return 1;
    const double raw = span / 5;
    const double magnitude = std::pow(10.0, std::floor(std::log10(raw)));
    for (double m : {1.0, 2.0, 5.0})
        if (m * magnitude >= raw) return m * magnitude;
    return 10 * magnitude;
}

}  // namespace

void roundTicks(QValueAxis* axis)
{
    axis->setTickType(QValueAxis::TicksDynamic);
    axis->setTickAnchor(0);
    axis->setTickInterval(roundStep(axis->max() - axis->min()));
}

namespace {

void clear(QChart* chart)
{
    resetChart(chart);
    chart->setProperty("hr_message", QVariant());
}

}  // namespace

void setLines(QChart* chart, const QVector<Line>& lines, bool timeAxis, const QString& yTitle, const QString& xTitle)
{
    clear(chart);
    double xmin = std::numeric_limits<double>::max(), xmax = std::numeric_limits<double>::lowest();
    double ymin = 0, ymax = std::numeric_limits<double>::lowest();
    for (const Line& line : lines) {
        auto* series = new QLineSeries;
        series->setName(line.name);
        QVector<QPointF> pts = line.points;
        if (timeAxis)
            for (QPointF& p : pts) p.setX(p.x() * 1000.0);  // QDateTimeAxis works in ms
        series->replace(pts);
        for (const QPointF& p : pts) {
            xmin = std::min(xmin, p.x());
            xmax = std::max(xmax, p.x());
            ymin = std::min(ymin, p.y());
            ymax = std::max(ymax, p.y());
        }
        // Added first: the chart's theme gives the series its colour, which the pen then keeps.
        chart->addSeries(series);
        QPen pen = series->pen();
        pen.setWidthF(1.6);
        if (line.color.isValid()) pen.setColor(line.color);
        if (line.dashed) pen.setStyle(Qt::DashLine);
        series->setPen(pen);
    }
    if (xmin > xmax) {
        xmin = 0;
        xmax = 1;
    }
    if (ymax <= ymin) ymax = ymin + 1;
    QAbstractAxis* xAxis = nullptr;
    if (timeAxis) {
        auto* axis = new QDateTimeAxis;
        const double spanDays = (xmax - xmin) / 86400e3;
        axis->setFormat(spanDays > 60 ? QStringLiteral("yyyy-MM-dd") : spanDays > 2 ? QStringLiteral("MM-dd HH:mm") : QStringLiteral("HH:mm:ss"));
        axis->setRange(QDateTime::fromMSecsSinceEpoch(qint64(xmin)), QDateTime::fromMSecsSinceEpoch(qint64(xmax)));
        xAxis = axis;
    } else {
        auto* axis = new QValueAxis;
        axis->setRange(xmin, xmax);
        roundTicks(axis);
        axis->setLabelFormat(QStringLiteral("%g"));
        xAxis = axis;
    }
    xAxis->setTitleText(xTitle);
    auto* yAxis = new QValueAxis;
    yAxis->setRange(ymin, ymax * 1.05);
    roundTicks(yAxis);
    yAxis->setTitleText(yTitle);
    yAxis->setLabelFormat(QStringLiteral("%g"));
    chart->addAxis(xAxis, Qt::AlignBottom);
    chart->addAxis(yAxis, Qt::AlignLeft);
    for (QAbstractSeries* s : chart->series()) {
        s->attachAxis(xAxis);
        s->attachAxis(yAxis);
    }
    chart->legend()->setVisible(lines.size() > 1);
}

void addHorizontalLine(QChart* chart, double y, const QString& name, const QColor& color)
{
    const auto horizontal = chart->axes(Qt::Horizontal);
    const auto vertical = chart->axes(Qt::Vertical);
    if (horizontal.isEmpty() || vertical.isEmpty()) return;
    double x0 = 0, x1 = 1;
    if (auto* dt = qobject_cast<QDateTimeAxis*>(horizontal.first())) {
        x0 = double(dt->min().toMSecsSinceEpoch());
        x1 = double(dt->max().toMSecsSinceEpoch());
    } else if (auto* v = qobject_cast<QValueAxis*>(horizontal.first())) {
        x0 = v->min();
        x1 = v->max();
    }
    auto* series = new QLineSeries;
    series->setName(name);
    series->append(x0, y);
    series->append(x1, y);
    QPen pen(color, 1.6, Qt::DashLine);
    series->setPen(pen);
    chart->addSeries(series);
    series->attachAxis(horizontal.first());
    series->attachAxis(vertical.first());
    if (auto* v = qobject_cast<QValueAxis*>(vertical.first()))
        if (y * 1.1 > v->max()) {
            v->setMax(y * 1.1);
            roundTicks(v);
        }
    chart->legend()->setVisible(true);
}

void scaleFonts(QChart* chart, double factor)
{
    if (factor == 1.0) return;
    auto scaled = [factor](QFont font) {
        font.setPointSizeF(font.pointSizeF() * factor);
        return font;
    };
    chart->setTitleFont(scaled(chart->titleFont()));
    chart->legend()->setFont(scaled(chart->legend()->font()));
    for (QAbstractAxis* axis : chart->axes()) {
        axis->setLabelsFont(scaled(axis->labelsFont()));
        axis->setTitleFont(scaled(axis->titleFont()));
    }
}

void showMessage(QChart* chart, const QString& text)
{
    clear(chart);
    // Wrapped to the chart's width and kept centred as the chart is laid out and resized: a
    // chart is still zero-sized when a page first fills it.
    auto* item = new QGraphicsTextItem(chart);
    item->setPlainText(text);
    item->setData(0, QStringLiteral("message"));
    item->setDefaultTextColor(chart->titleBrush().color());
    auto place = [chart, item] {
        const QRectF area = chart->rect();
        item->setTextWidth(std::max(40.0, area.width() - 40));
        QTextOption centred(Qt::AlignHCenter);
        centred.setWrapMode(QTextOption::WordWrap);
        item->document()->setDefaultTextOption(centred);
        item->setPos(area.center() - item->boundingRect().center());
    };
    place();
    QObject::connect(chart, &QChart::geometryChanged, item, place);
}

}  // namespace headroom::charts
