#include "chart_export.h"

#include <QAction>
#include <QApplication>
#include <QChartView>
#include <QClipboard>
#include <QFileDialog>
#include <QFileInfo>
#include <QImage>
#include <QMessageBox>
#include <QPainter>
#include <QSaveFile>
#include <QSvgGenerator>

namespace headroom::charts {

void copyWidgetImage(QWidget* widget)
{
    const qreal ratio = widget->devicePixelRatioF();
    QImage image(widget->size() * ratio, QImage::Format_ARGB32_Premultiplied);
    image.setDevicePixelRatio(ratio);
    image.fill(widget->palette().window().color());
    widget->render(&image);
    QApplication::clipboard()->setImage(image);
}

bool saveChart(QChartView* view, const QString& path, QString* error)
{
    const QSize size = view->size().expandedTo(QSize(640, 400));
    if (QFileInfo(path).suffix().compare(QStringLiteral("svg"), Qt::CaseInsensitive) == 0) {
        QSvgGenerator svg;
        svg.setFileName(path);
        svg.setSize(size);
        svg.setViewBox(QRect(QPoint(0, 0), size));
        svg.setTitle(view->chart() ? view->chart()->title() : QString());
        QPainter painter;
        if (!painter.begin(&svg)) {
            if (error) *error = QObject::tr("cannot write %1").arg(path);
            return false;
        }
        view->render(&painter, QRectF(QPointF(0, 0), size), view->rect());
        painter.end();
        return QFileInfo::exists(path);
    }
    QImage image(size * 2, QImage::Format_ARGB32_Premultiplied);
    image.setDevicePixelRatio(2);
    image.fill(view->palette().window().color());
    QPainter painter(&image);
    painter.setRenderHint(QPainter::Antialiasing);
    view->render(&painter, QRectF(QPointF(0, 0), size), view->rect());
    painter.end();
    // Written to a temporary file and renamed, so a failure leaves no half-written image.
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly) || !image.save(&file, "PNG") || !file.commit()) {
        if (error) *error = QObject::tr("cannot write %1: %2").arg(path, file.errorString());
        return false;
    }
    return true;
}

void saveChartWithDialog(QChartView* view, QWidget* parent, const QString& suggestedName)
{
    const QString path = QFileDialog::getSaveFileName(parent, QObject::tr("Save chart"), suggestedName + QStringLiteral(".png"),
                                                      QObject::tr("PNG image (*.png);;SVG drawing (*.svg)"));
    if (path.isEmpty()) return;
    QString error;
    if (!saveChart(view, path, &error)) QMessageBox::warning(parent, QObject::tr("Save chart"), error);
}

void addExportActions(QChartView* view, const QString& suggestedName)
{
    // Every view made by makeView() already has the actions; a page naming its own file gets
    // the name, not a second pair of menu entries.
    const char* key = "hr_export_name";
    if (view->property(key).isValid()) {
        view->setProperty(key, suggestedName);
        return;
    }
    view->setProperty(key, suggestedName);
    view->setContextMenuPolicy(Qt::ActionsContextMenu);
    auto* copy = new QAction(QObject::tr("Copy as image"), view);
    QObject::connect(copy, &QAction::triggered, view, [view] { copyWidgetImage(view); });
    auto* save = new QAction(QObject::tr("Save as PNG/SVG…"), view);
    QObject::connect(save, &QAction::triggered, view,
                     [view, key] { saveChartWithDialog(view, view, view->property(key).toString()); });
    view->addAction(copy);
    view->addAction(save);
}

}  // namespace headroom::charts
