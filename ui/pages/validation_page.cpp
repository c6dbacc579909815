#include "validation_page.h"

#include "analysis/calibration_evidence.h"
#include "analysis/validation_simulated.h"
#include "analysis/validation_text.h"
#include "app_context.h"
#include "charts/chart_builder.h"
#include "charts/validation_chart.h"
#include "core/errors.h"
#include "scenario/scenario_parser.h"
#include "store/dataset_repository.h"
#include "job_runner.h"

#include <QFileDialog>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QListWidget>
#include <QProgressBar>
#include <QPushButton>
#include <QSpinBox>
#include <QSplitter>
#include <QTableWidget>
#include <QVBoxLayout>
#include <cmath>

namespace headroom {

namespace {

QString pct(double e) { return std::isfinite(e) ? QStringLiteral("%1%2 %").arg(e > 0 ? QStringLiteral("+") : QString()).arg(e, 0, 'f', 1) : QStringLiteral("–"); }
QString ms(double v) { return std::isfinite(v) ? QString::number(v, 'f', v < 10 ? 2 : 1) : QStringLiteral("–"); }

}  // namespace

ValidationPage::ValidationPage(AppContext* context, QWidget* parent) : Page(context, parent)
{
    scenarioName_ = new QLabel(tr("No scenario: open the one describing the server that was load-tested."), this);
    scenarioName_->setWordWrap(true);
    auto* open = new QPushButton(tr("Open scenario…"), this);
    datasets_ = new QListWidget(this);
    datasets_->setToolTip(tr("Load tests, one per request rate. The lowest rate calibrates the model; every rate is predicted."));
    datasets_->setMaximumHeight(120);
    replications_ = new QSpinBox(this);
    replications_->setRange(1, 1000);
    replications_->setValue(4);
    replications_->setPrefix(tr("replications: "));
    run_ = new QPushButton(tr("Validate"), this);
    run_->setEnabled(false);
    cancel_ = new QPushButton(tr("Cancel"), this);
    cancel_->setEnabled(false);
    progress_ = new QProgressBar(this);
    progress_->setRange(0, 1000);
    progress_->setTextVisible(false);
    status_ = new QLabel(this);
    status_->setWordWrap(true);
    status_->setTextInteractionFlags(Qt::TextSelectableByMouse);
    calibration_ = new QLabel(this);
    calibration_->setWordWrap(true);
    calibration_->setTextInteractionFlags(Qt::TextSelectableByMouse);

    table_ = new QTableWidget(0, 13, this);
    table_->setHorizontalHeaderLabels({tr("Dataset"), tr("Rate /s"), tr("Busy"), tr("Mean meas."), tr("Mean pred."), tr("Error"),
                                       tr("p95 meas."), tr("p95 pred."), tr("Error"), tr("p99 meas."), tr("p99 pred."),
                                       tr("Error"), tr("Likely cause")});
    table_->horizontalHeader()->setStretchLastSection(true);
    table_->setEditTriggers(QAbstractItemView::NoEditTriggers);
    table_->verticalHeader()->hide();
    chart_ = charts::makeChart(tr("Latency against load: measured and predicted"));
    charts::showMessage(chart_, tr("Choose a scenario and load tests, then Validate."));

    auto* top = new QHBoxLayout;
    top->addWidget(scenarioName_, 1);
    top->addWidget(open);
    auto* controls = new QHBoxLayout;
    controls->addWidget(replications_);
    controls->addWidget(run_);
    controls->addWidget(cancel_);
    controls->addWidget(progress_, 1);
    auto* split = new QSplitter(Qt::Vertical, this);
    split->addWidget(table_);
    split->addWidget(charts::makeView(chart_, this));
    auto* layout = new QVBoxLayout(this);
    layout->addLayout(top);
    layout->addWidget(datasets_);
    layout->addLayout(controls);
    layout->addWidget(status_);
    layout->addWidget(calibration_);
    layout->addWidget(split, 1);

    connect(open, &QPushButton::clicked, this, [this] {
        const QString path = QFileDialog::getOpenFileName(this, tr("Open scenario"), QString(), tr("Scenario (*.json);;All files (*)"));
        if (!path.isEmpty()) setScenarioFile(path);
    });
    connect(run_, &QPushButton::clicked, this, &ValidationPage::run);
    connect(cancel_, &QPushButton::clicked, this, &ValidationPage::cancel);
    connect(context, &AppContext::scenarioChanged, this, [this](const QString& path) {
        if (!running_ && !path.isEmpty()) setScenarioFile(path);
    });
    connect(context, &AppContext::datasetsChanged, this, &ValidationPage::reloadDatasets);
    connect(context, &AppContext::workspaceChanged, this, &ValidationPage::reloadDatasets);
    if (!context->scenarioPath().isEmpty()) setScenarioFile(context->scenarioPath());
    reloadDatasets();
}

void ValidationPage::reloadDatasets()
{
    const std::vector<qint64> wasChecked = checkedDatasets();
    const bool first = datasets_->count() == 0;
    datasets_->clear();
    const Workspace* ws = context()->workspace();
    if (!ws) return;
    const std::vector<qint64> ids = calibration::loadTestDatasets(*ws);
    for (const DatasetSummary& d : listDatasets(*ws)) {
        if (std::find(ids.begin(), ids.end(), d.id) == ids.end()) continue;
        auto* item = new QListWidgetItem(QStringLiteral("%1  %2").arg(d.id).arg(d.name), datasets_);
        item->setData(Qt::UserRole, d.id);
        item->setFlags(item->flags() | Qt::ItemIsUserCheckable);
        const bool on = first || std::find(wasChecked.begin(), wasChecked.end(), d.id) != wasChecked.end();
        item->setCheckState(on ? Qt::Checked : Qt::Unchecked);
    }
}

void ValidationPage::setDatasets(const std::vector<qint64>& ids)
{
    for (int i = 0; i < datasets_->count(); ++i) {
        QListWidgetItem* item = datasets_->item(i);
        const bool on = std::find(ids.begin(), ids.end(), item->data(Qt::UserRole).toLongLong()) != ids.end();
        item->setCheckState(on ? Qt::Checked : Qt::Unchecked);
    }
}

std::vector<qint64> ValidationPage::checkedDatasets() const
{
    std::vector<qint64> ids;
    for (int i = 0; i < datasets_->count(); ++i)
        if (datasets_->item(i)->checkState() == Qt::Checked) ids.push_back(datasets_->item(i)->data(Qt::UserRole).toLongLong());
    return ids;
}

void ValidationPage::setReplications(int replications) { replications_->setValue(replications); }
QString ValidationPage::statusText() const { return status_->text(); }
QString ValidationPage::calibrationText() const { return calibration_->text(); }

void ValidationPage::setScenarioFile(const QString& path)
{
    scenarioPath_ = path;
    try {
        const Scenario doc = loadScenarioFile(path);
        scenarioName_->setText(tr("<b>%1</b><br><small>%2</small>")
                                   .arg((doc.name.isEmpty() ? QFileInfo(path).fileName() : doc.name).toHtmlEscaped(), path.toHtmlEscaped()));
        run_->setEnabled(!running_);
        status_->clear();
    } catch (const InputError& e) {
        scenarioName_->setText(tr("<b>%1</b> (cannot be used)").arg(QFileInfo(path).fileName().toHtmlEscaped()));
        status_->setText(e.text());
        run_->setEnabled(false);
    }
}

void ValidationPage::run()
{
    if (running_ || scenarioPath_.isEmpty() || !context()->workspace()) return;
    const std::vector<qint64> ids = checkedDatasets();
    if (ids.empty()) {
        status_->setText(tr("Check at least one load-test dataset (one per request rate)."));
        return;
    }
    running_ = true;
    run_->setEnabled(false);
    cancel_->setEnabled(true);
    progress_->setValue(0);
    status_->setText(tr("Calibrating and simulating %1 rates…").arg(ids.size()));
    charts::showMessage(chart_, tr("Simulating…"));
    table_->setRowCount(0);
    result_.reset();
    const QString path = scenarioPath_;
    const Catalog catalog = context()->catalog();
    std::shared_ptr<const Workspace> ws = context()->sharedWorkspace();
    const int replications = replications_->value();
    JobHandlers<validation::ValidationResult> handlers;
    handlers.done = [this](const validation::ValidationResult& result) {
        result_ = result;
        showResult(result);
        endRun(result.verdict);
    };
    handlers.failed = [this](const QString& message) {
        charts::showMessage(chart_, tr("No result."));
        endRun(message);
    };
    handlers.stopped = [this] {
        charts::showMessage(chart_, tr("Cancelled."));
        endRun(tr("Cancelled; nothing was kept."));
    };
    handlers.progress = [this](int permille) { progress_->setValue(permille); };
    context()->jobs()->run(
        this, QStringLiteral("validate"), tr("Validate %1").arg(QFileInfo(scenarioPath_).fileName()),
        [path, catalog, ws, replications, ids](JobControl& control) {
            const Scenario doc = loadScenarioFile(path);
            const ResolvedScenario resolved = resolveScenario(doc, catalog, ws.get(), path);
            const auto levels = calibration::loadLevels(*ws, ids, resolved.vcpu);
            size_t done = 0;
            const validation::Predictor predict = [&](const Scenario& s) {
                SimulationOptions o;
                o.replications = replications;
                o.cancel = control.cancelFlag();
                o.progress = [&](double f) { control.setProgress((double(done) + f) / double(levels.size())); };
                const validation::Prediction p = validation::simulatedPredictor(catalog, ws.get(), o)(s);
                ++done;
                return p;
            };
            return validation::validate(doc, levels, resolved.vcpu, resolved.workersPerNode, predict);
        },
        std::move(handlers));
}

void ValidationPage::cancel()
{
    if (running_) context()->jobs()->cancel(this, QStringLiteral("validate"));
}

void ValidationPage::endRun(const QString& status)
{
    running_ = false;
    run_->setEnabled(!scenarioPath_.isEmpty());
    cancel_->setEnabled(false);
    progress_->setValue(result_ ? 1000 : 0);
    status_->setText(status);
    emit finished();
}

void ValidationPage::showResult(const validation::ValidationResult& r)
{
    calibration_->setText(validation::calibrationLines(r.calibration).join(QLatin1Char('\n')));
    table_->setRowCount(int(r.levels.size()));
    int row = 0;
    for (const validation::LevelComparison& l : r.levels) {
        const auto& m = l.measured.latency;
        const QStringList cells = {QString::number(l.measured.datasetId) + (l.calibrationLevel ? tr(" (calibration)") : QString()),
                                   QString::number(l.measured.rateRps, 'f', 1), QStringLiteral("%1 %").arg(l.utilization * 100, 0, 'f', 0),
                                   ms(m.mean), ms(l.predicted.mean), pct(l.errorMeanPct),
                                   ms(m.p95), ms(l.predicted.p95), pct(l.errorP95Pct),
                                   ms(m.p99), ms(l.predicted.p99), pct(l.errorP99Pct), l.cause};
        for (int c = 0; c < cells.size(); ++c) {
            auto* item = new QTableWidgetItem(cells[c]);
            if (c > 0 && c < 12) item->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
            const double err = c == 5 ? l.errorMeanPct : c == 8 ? l.errorP95Pct : c == 11 ? l.errorP99Pct : 0;
            if (std::abs(err) > validation::kLargeErrorPct) item->setForeground(QColor(0xc6, 0x28, 0x28));
            if (c == 12) item->setToolTip(l.cause);
            table_->setItem(row, c, item);
        }
        ++row;
    }
    table_->resizeColumnsToContents();
    charts::showValidation(chart_, r);
}

}  // namespace headroom
