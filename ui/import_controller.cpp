#include "import_controller.h"

#include "app_context.h"
#include "core/errors.h"
#include "import/import_paths.h"
#include "import/import_service.h"
#include "import/importer_registry.h"
#include "prometheus_dialog.h"
#include "job_runner.h"
#include "store/workspace.h"

#include <QFileDialog>
#include <QMessageBox>
#include <QSettings>

namespace headroom {

namespace {

struct FileOutcome {
    QString path;
    ImportOutcome outcome;
    QString error;
};

struct ImportRun {
    QVector<FileOutcome> files;
    bool cancelled = false;
};

QString describe(const QVector<FileOutcome>& results, bool cancelled)
{
    QString html = QStringLiteral("<table cellspacing=6>");
    int ok = 0, failed = 0;
    for (const FileOutcome& r : results) {
        if (!r.error.isEmpty()) {
            ++failed;
            html += QStringLiteral("<tr><td style='color:#c62828'>✗</td><td>%1</td></tr>").arg(r.error.toHtmlEscaped());
            continue;
        }
        ++ok;
        const ImportOutcome& o = r.outcome;
        if (o.duplicate) {
            html += QObject::tr("<tr><td>=</td><td>%1: already imported as dataset %2; not stored again</td></tr>")
                        .arg(r.path.toHtmlEscaped()).arg(o.datasetId);
            continue;
        }
        html += QObject::tr("<tr><td style='color:#2e7d32'>✓</td><td>%1 → dataset %2 (%3): %4 measurements, %5 series, "
                            "%6 samples, %7 lead-time events</td></tr>")
                    .arg(r.path.toHtmlEscaped()).arg(o.datasetId).arg(o.format).arg(o.measurements).arg(o.series)
                    .arg(o.samples).arg(o.leadTimeEvents);
        for (const ImportWarning& w : o.warnings)
            html += QObject::tr("<tr><td style='color:#ef6c00'>!</td><td>%1%2</td></tr>")
                        .arg(w.line > 0 ? QObject::tr("line %1: ").arg(w.line) : w.jsonPath.isEmpty() ? QString() : w.jsonPath + QStringLiteral(": "),
                             w.message.toHtmlEscaped());
    }
    html += QStringLiteral("</table>");
    QString head = QObject::tr("<p><b>%1 file(s) imported, %2 failed%3.</b></p>").arg(ok).arg(failed)
                       .arg(cancelled ? QObject::tr(", the rest cancelled (nothing of the cancelled file was kept)") : QString());
    return head + html;
}

}  // namespace

ImportController::ImportController(AppContext* context, QWidget* window)
    : QObject(window), context_(context), window_(window)
{
}

void ImportController::chooseAndImport()
{
    QSettings settings;
    const QStringList paths = QFileDialog::getOpenFileNames(
        window_, tr("Import files"), settings.value(QStringLiteral("import/lastDir")).toString(),
        tr("Benchmarks, load tests, monitoring, events (*.json *.txt *.csv *.log *.out *.yaml *.yml *.jsonl *.ndjson);;All files (*)"));
    if (paths.isEmpty()) return;
    settings.setValue(QStringLiteral("import/lastDir"), QFileInfo(paths.first()).absolutePath());
    importFiles(paths);
}

void ImportController::importFiles(const QStringList& paths)
{
    std::shared_ptr<Workspace> ws = context_->sharedWorkspace();
    if (!ws || paths.isEmpty()) return;
    // Every import has a key of its own: a second drop runs beside the first, not instead of it.
    context_->jobs()->run(
        this, QStringLiteral("import %1").arg(++imports_),
        tr("Importing %n file(s)", nullptr, int(paths.size())),
        [ws, dropped = paths](JobControl& control) {
            ImportRun run;
            const QStringList paths = expandImportPaths(dropped).files;  // a dropped folder: its files
            for (int i = 0; i < paths.size(); ++i) {
                if (control.cancelled()) {
                    run.cancelled = true;
                    break;
                }
                control.setProgress(double(i) / paths.size());
                FileOutcome r;
                r.path = paths[i];
                try {
                    r.outcome = importFile(*ws, ImportRequest{paths[i], {}, {}, {}}, control.cancelFlag());
                } catch (const InputError& e) {
                    r.error = e.text();
                } catch (const Cancelled&) {
                    run.cancelled = true;
                    break;
                }
                run.files.append(r);
            }
            // Returned even after Cancel: the files imported before it are kept and listed.
            return run;
        },
        [this](const ImportRun& run) {
            context_->notifyDatasetsChanged();
            bool catalogRows = false;
            for (const FileOutcome& r : run.files) catalogRows |= r.outcome.instanceTypes > 0;
            if (catalogRows) context_->reloadCatalog();
            emit finished(describe(run.files, run.cancelled));
        });
}

}  // namespace headroom

namespace headroom {

void ImportController::importFromPrometheus()
{
    std::shared_ptr<Workspace> ws = context_->sharedWorkspace();
    if (!ws) return;
    PrometheusDialog dialog(window_);
    if (dialog.exec() != QDialog::Accepted) return;
    const PrometheusQuery query = dialog.query();
    context_->jobs()->run(
        this, QStringLiteral("import %1").arg(++imports_), tr("Importing from Prometheus"),
        [ws, query](JobControl& control) {
            FileOutcome r;
            r.path = prometheusSourceUrl(query);
            try {
                r.outcome = importPrometheusUrl(*ws, query, control.cancelFlag());
            } catch (const InputError& e) {
                r.error = e.text();
            }
            return r;
        },
        [this](const FileOutcome& r) {
            context_->notifyDatasetsChanged();
            emit finished(describe({r}, false));
        });
}

}  // namespace headroom
