#pragma once
#include <QString>

class QWidget;
class QChartView;

namespace headroom::charts {

// Getting a chart or a card out of the app and onto a slide.

// Renders the widget (a chart view, a headline card) into an image on the clipboard, at the
// screen's device pixel ratio so it stays sharp on high-DPI displays.
void copyWidgetImage(QWidget* widget);
// Saves the chart as PNG (raster, twice the on-screen size) or SVG (vector), chosen by the
// file's suffix. Returns false, with the reason in `error`, when the file cannot be written.
bool saveChart(QChartView* view, const QString& path, QString* error = nullptr);
// Asks for a file name and saves; used by the pages' "Save chart…" actions.
void saveChartWithDialog(QChartView* view, QWidget* parent, const QString& suggestedName);
// Adds "Copy as image" and "Save as PNG/SVG…" to the view's context menu.
void addExportActions(QChartView* view, const QString& suggestedName);

}  // namespace headroom::charts
