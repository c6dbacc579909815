#include "report_page.h"

#include "app_context.h"
#include "report/report_data.h"
#include "report/report_generator.h"
#include "report/report_pdf.h"
#include "report/report_preview.h"
#include "core/errors.h"
#include "job_runner.h"

#include <QCheckBox>
#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QScrollArea>
#include <QVBoxLayout>

namespace headroom {

ReportPage::ReportPage(AppContext* context, QWidget* parent)
    : Page(context, parent), preview_(new report::ReportPreview), scenarioLabel_(new QLabel), status_(new QLabel),
      generateButton_(new QPushButton(QIcon::fromTheme(QStringLiteral("view-refresh")), tr("Generate preview"))),
      exportButton_(new QPushButton(QIcon::fromTheme(QStringLiteral("document-save-as")), tr("Export PDF…"))),
      cancelButton_(new QPushButton(QIcon::fromTheme(QStringLiteral("process-stop")), tr("Cancel"))),
      recomputeButton_(new QPushButton(QIcon::fromTheme(QStringLiteral("view-refresh")), tr("Recompute"))),
      recommend_(new QCheckBox(tr("Include the recommendation (slower)")))
{
    auto* choose = new QPushButton(QIcon::fromTheme(QStringLiteral("document-open")), tr("Choose scenario…"));
    recommend_->setChecked(true);
    recommend_->setToolTip(tr("Runs the recommender over the whole catalog for the executive summary, the provider "
                              "comparison, the Pareto and the tornado charts."));
    cancelButton_->setEnabled(false);
    recomputeButton_->setEnabled(false);
    recomputeButton_->setToolTip(tr("Simulate and recommend again instead of using the results stored in the workspace."));
    scenarioLabel_->setTextFormat(Qt::PlainText);
    scenarioLabel_->setTextInteractionFlags(Qt::TextSelectableByMouse);
    status_->setTextFormat(Qt::PlainText);
    status_->setWordWrap(true);

    auto* bar = new QHBoxLayout;
    bar->addWidget(new QLabel(tr("Scenario:")));
    bar->addWidget(scenarioLabel_, 1);
    bar->addWidget(choose);
    auto* actions = new QHBoxLayout;
    actions->addWidget(generateButton_);
    actions->addWidget(exportButton_);
    actions->addWidget(cancelButton_);
    actions->addWidget(recomputeButton_);
    actions->addWidget(recommend_);
    actions->addStretch();
    auto* scroll = new QScrollArea;
    scroll->setWidget(preview_);
    scroll->setWidgetResizable(true);
    scroll->setBackgroundRole(QPalette::Dark);
    auto* layout = new QVBoxLayout(this);
    layout->addLayout(bar);
    layout->addLayout(actions);
    layout->addWidget(status_);
    layout->addWidget(scroll, 1);

    connect(choose, &QPushButton::clicked, this, &ReportPage::chooseScenario);
    connect(generateButton_, &QPushButton::clicked, this, [this] { generate(); });
    connect(recomputeButton_, &QPushButton::clicked, this, [this] { generate(true); });
    connect(exportButton_, &QPushButton::clicked, this, &ReportPage::chooseAndExport);
    connect(cancelButton_, &QPushButton::clicked, this, [this] { this->context()->jobs()->cancel(this, QStringLiteral("report")); });
    connect(context, &AppContext::scenarioChanged, this, &ReportPage::setScenarioPath);
    setScenarioPath(context->scenarioPath());
}

ReportPage::~ReportPage() = default;

const report::ReportDocument* ReportPage::document() const { return document_.get(); }

QString ReportPage::statusText() const { return status_->text(); }

void ReportPage::setScenarioPath(const QString& path)
{
    scenarioPath_ = path;
    scenarioLabel_->setText(path.isEmpty() ? tr("none chosen") : QFileInfo(path).absoluteFilePath());
    generateButton_->setEnabled(!path.isEmpty() && !busy_);
    exportButton_->setEnabled(!path.isEmpty() && !busy_);
    if (!busy_)
        showStatus(path.isEmpty() ? tr("Open a scenario on the Scenario page or choose one here.")
                                  : tr("Generate the preview to see the report of this scenario."));
}

void ReportPage::setIncludeRecommendation(bool on) { recommend_->setChecked(on); }

void ReportPage::chooseScenario()
{
    const QString path = QFileDialog::getOpenFileName(this, tr("Scenario"), QFileInfo(scenarioPath_).path(),
                                                      tr("Scenarios (*.json);;All files (*)"));
    if (!path.isEmpty()) setScenarioPath(path);
}

void ReportPage::chooseAndExport()
{
    QString suggestion = QFileInfo(scenarioPath_).completeBaseName() + QStringLiteral("-report.pdf");
    const QString path = QFileDialog::getSaveFileName(this, tr("Export report"), suggestion, tr("PDF (*.pdf)"));
    if (!path.isEmpty()) exportPdf(path);
}

void ReportPage::setBusy(bool busy)
{
    busy_ = busy;
    generateButton_->setEnabled(!busy && !scenarioPath_.isEmpty());
    exportButton_->setEnabled(!busy && !scenarioPath_.isEmpty());
    cancelButton_->setEnabled(busy);
    if (busy) recomputeButton_->setEnabled(false);
}

void ReportPage::showStatus(const QString& text) { status_->setText(text); }

namespace {

// "The simulation and the recommendation were made at 17:05 on 2026-11-26 by Headroom 0.4.0
// and are kept in the workspace; Recompute runs them again." Empty when all were made now.
QString storedRunsText(const report::ReportData& data)
{
    QStringList parts;
    for (const report::ReportData::RunUsed& used : data.runsUsed)
        if (used.reused) parts << QObject::tr("the %1 was %2").arg(used.what, used.run.madeAtText());
    if (parts.isEmpty()) return {};
    QString text = parts.join(QStringLiteral("; "));
    text[0] = text[0].toUpper();
    return parts.size() == 1 ? QObject::tr("%1 (stored in the workspace for the same inputs). Recompute runs it again.").arg(text)
                             : QObject::tr("%1 (stored in the workspace for the same inputs). Recompute runs them again.").arg(text);
}

}  // namespace

void ReportPage::generate(bool recompute)
{
    std::shared_ptr<const Workspace> ws = context()->sharedWorkspace();
    if (!ws || scenarioPath_.isEmpty() || busy_) return;
    setBusy(true);
    showStatus(tr("Running the models for the report…"));
    report::ReportRequest base;
    base.scenarioPath = scenarioPath_;
    base.recommend = recommend_->isChecked();
    base.reuseStored = !recompute;
    JobHandlers<std::shared_ptr<report::ReportData>> handlers;
    handlers.done = [this](std::shared_ptr<report::ReportData> data) {
        // Charts are graphics items, so the layout and painting happen here on the GUI thread.
        document_ = report::layoutReport(*data);
        preview_->setDocument(document_);
        setBusy(false);
        const QString stored = storedRunsText(*data);
        recomputeButton_->setEnabled(!stored.isEmpty());
        showStatus(tr("%n page(s).", nullptr, document_->pageCount()) + (stored.isEmpty() ? QString() : QLatin1Char(' ') + stored));
        emit reportReady();
        if (!pendingExport_.isEmpty()) exportPdf(std::exchange(pendingExport_, QString()));
    };
    handlers.failed = [this](const QString& message) {
        setBusy(false);
        pendingExport_.clear();
        showStatus(tr("The report could not be prepared: %1").arg(message));
        emit reportFailed(message);
    };
    handlers.stopped = [this] {
        setBusy(false);
        pendingExport_.clear();
        showStatus(tr("Cancelled; nothing was written."));
    };
    context()->jobs()->run(
        this, QStringLiteral("report"), tr("Preparing the report"),
        [ws, base](JobControl& control) {
            report::ReportRequest request = base;
            request.cancel = control.cancelFlag();
            request.progress = [&control](double f) { control.setProgress(f); };
            return std::make_shared<report::ReportData>(report::gatherReportData(*ws, request));
        },
        std::move(handlers));
}

bool ReportPage::exportPdf(const QString& path)
{
    if (!document_) {
        pendingExport_ = path;  // written as soon as the report is ready
        generate();
        return false;
    }
    try {
        report::PdfOptions options;
        options.title = document_->content().title.subtitle;
        report::writePdf(*document_, path, options);
    } catch (const RuntimeFailure& e) {
        showStatus(tr("The PDF was not written: %1").arg(e.text()));
        emit reportFailed(e.text());
        return false;
    }
    showStatus(tr("Wrote %1 (%n page(s)).", nullptr, document_->pageCount()).arg(QDir::toNativeSeparators(path)));
    emit exported(path);
    return true;
}

}  // namespace headroom
