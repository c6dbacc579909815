#pragma once
#include <QObject>
#include <QStringList>

class QWidget;

namespace headroom {

class AppContext;

// Imports files chosen in a dialog or dropped on the window: off the GUI thread, one
// transaction per file, progress and Cancel in the status bar, then a result panel listing
// every dataset, duplicate, warning and error.
class ImportController : public QObject {
    Q_OBJECT
public:
    ImportController(AppContext* context, QWidget* window);
    void chooseAndImport();
    void importFiles(const QStringList& paths);
    // Asks for a Prometheus server and query, then imports the answer as one dataset.
    void importFromPrometheus();

signals:
    void finished(const QString& summaryHtml);

private:
    AppContext* context_;
    QWidget* window_;
    int imports_ = 0;  // numbers the imports, each its own job
};

}  // namespace headroom
