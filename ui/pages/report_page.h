#pragma once
#include "page.h"

#include <memory>

class QLabel;
class QPushButton;
class QSpinBox;
class QCheckBox;

namespace headroom {

namespace report {
class ReportDocument;
class ReportPreview;
struct ReportData;
}

// Preview and Export PDF of the capacity report for the scenario the Scenario page has open
// (or one chosen here). The models run off the GUI thread through the job runner, with
// progress and Cancel in the status bar; the preview and the PDF are painted by the same
// ReportDocument, so what is previewed is what is written.
class ReportPage : public Page {
    Q_OBJECT
public:
    explicit ReportPage(AppContext* context, QWidget* parent = nullptr);
    ~ReportPage() override;
    QString title() const override { return tr("Report"); }
    QString iconName() const override { return QStringLiteral("x-office-document"); }

    void setScenarioPath(const QString& path);
    void setIncludeRecommendation(bool on);
    QString scenarioPath() const { return scenarioPath_; }
    // Runs the models in the background and shows the pages when done. Simulations and the
    // recommendation stored in the workspace for the same inputs are taken as they are unless
    // `recompute` (the Recompute button) asks for them to be run again.
    void generate(bool recompute = false);
    // Writes the previewed report to `path` (after generating it if needed). Returns false and
    // says why in the page when it could not.
    bool exportPdf(const QString& path);
    const report::ReportDocument* document() const;
    report::ReportPreview* preview() const { return preview_; }
    QString statusText() const;
    QPushButton* recomputeButton() const { return recomputeButton_; }

signals:
    void reportReady();
    void reportFailed(const QString& message);
    void exported(const QString& path);

private:
    void chooseScenario();
    void chooseAndExport();
    void setBusy(bool busy);
    void showStatus(const QString& text);

    QString scenarioPath_;
    QString pendingExport_;
    bool busy_ = false;
    std::shared_ptr<const report::ReportDocument> document_;
    report::ReportPreview* preview_;
    QLabel* scenarioLabel_;
    QLabel* status_;
    QPushButton* generateButton_;
    QPushButton* exportButton_;
    QPushButton* cancelButton_;
    QPushButton* recomputeButton_;
    QCheckBox* recommend_;
};

}  // namespace headroom
