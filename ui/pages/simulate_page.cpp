#include "simulate_page.h"

#include "app_context.h"
#include "charts/simulation_charts.h"
#include "core/errors.h"
#include "scenario/resolved_scenario.h"
#include "scenario/scenario_parser.h"
#include "runs/stored_results.h"
#include "job_runner.h"
#include "widgets/summary_card.h"

#include <QFileDialog>
#include <QFileInfo>
#include <QFormLayout>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QRegularExpressionValidator>
#include <QSpinBox>
#include <QVBoxLayout>

namespace headroom {

namespace {

// The largest seed the JSON output carries exactly (2^53 − 1), as the CLI accepts.
constexpr quint64 kMaxSeed = 9007199254740991ULL;

// What the worker hands back. Errors and Cancel travel as exceptions to the runner.
struct RunOutcome {
    SimulationResult result;
    bool hasSlo = false;
    double sloP95Ms = 0;
    bool burstable = false;
    QString madeAt;  // set when the result was taken from the workspace: "made at 17:05 on …"
};

QString msText(double v) { return QStringLiteral("%1 ms").arg(v, 0, 'f', v < 10 ? 2 : 1); }

// "± h (95 % CI lo … hi)"; with one replication there is no interval to show.
QString ciText(const Estimate& e, int replications, int decimals, const QString& unit = {})
{
    if (replications < 2) return QObject::tr("one replication: no confidence interval");
    return QObject::tr("± %1%4 (95 %: %2 … %3)")
        .arg(e.halfWidth(), 0, 'f', decimals).arg(e.low, 0, 'f', decimals).arg(e.high, 0, 'f', decimals).arg(unit);
}

}  // namespace

SimulatePage::SimulatePage(AppContext* context, QWidget* parent) : Page(context, parent)
{
    scenarioName_ = new QLabel(tr("No scenario: open one here or on the Scenario page."), this);
    scenarioName_->setWordWrap(true);
    auto* open = new QPushButton(tr("Open scenario…"), this);
    error_ = new QLabel(this);
    error_->setWordWrap(true);
    error_->setTextInteractionFlags(Qt::TextSelectableByMouse);
    error_->setStyleSheet(QStringLiteral("color: #c62828"));
    error_->hide();

    seed_ = new QLineEdit(this);
    seed_->setValidator(new QRegularExpressionValidator(QRegularExpression(QStringLiteral("\\d{0,16}")), seed_));
    seed_->setPlaceholderText(tr("the scenario's"));
    seed_->setToolTip(tr("The same seed gives the same numbers, here and in headroom simulate."));
    replications_ = new QSpinBox(this);
    replications_->setRange(1, 10000);
    replications_->setValue(5);
    replications_->setToolTip(tr("Independent runs; the cards show their mean and 95 % confidence interval."));
    run_ = new QPushButton(tr("Run"), this);
    run_->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_R));
    run_->setEnabled(false);
    cancel_ = new QPushButton(tr("Cancel"), this);
    cancel_->setEnabled(false);
    progress_ = new QProgressBar(this);
    progress_->setRange(0, 1000);
    progress_->setTextVisible(false);
    status_ = new QLabel(this);
    status_->setWordWrap(true);

    auto* top = new QHBoxLayout;
    top->addWidget(scenarioName_, 1);
    top->addWidget(open);
    auto* controls = new QHBoxLayout;
    auto* form = new QFormLayout;
    form->addRow(tr("Seed"), seed_);
    form->addRow(tr("Replications"), replications_);
    controls->addLayout(form);
    controls->addWidget(run_);
    controls->addWidget(cancel_);
    controls->addWidget(progress_, 1);

    auto* cardGrid = new QGridLayout;
    const std::pair<QString, QString> captions[] = {
        {QStringLiteral("p50"), tr("Latency p50")},      {QStringLiteral("p95"), tr("Latency p95")},
        {QStringLiteral("p99"), tr("Latency p99")},      {QStringLiteral("errors"), tr("Error rate")},
        {QStringLiteral("attempts"), tr("Attempts per request")}, {QStringLiteral("nodeHours"), tr("Node-hours")},
        {QStringLiteral("cost"), tr("Cost (list prices)")}, {QStringLiteral("slo"), tr("SLO")},
        {QStringLiteral("overSlo"), tr("Time over the SLO")}};
    int index = 0;
    for (const auto& [key, caption] : captions) {
        auto* card = new SummaryCard(caption, this);
        card->setObjectName(key);
        cards_.insert(key, card);
        cardGrid->addWidget(card, index / 5, index % 5);
        ++index;
    }
    charts_ = new SimulationCharts(this);

    auto* layout = new QVBoxLayout(this);
    layout->addLayout(top);
    layout->addWidget(error_);
    layout->addLayout(controls);
    layout->addWidget(status_);
    layout->addLayout(cardGrid);
    layout->addWidget(charts_, 1);

    connect(open, &QPushButton::clicked, this, &SimulatePage::openScenario);
    connect(run_, &QPushButton::clicked, this, &SimulatePage::run);
    connect(cancel_, &QPushButton::clicked, this, &SimulatePage::cancel);
    connect(context, &AppContext::scenarioChanged, this, [this](const QString& path) {
        if (!running_ && !path.isEmpty()) setScenarioFile(path);
    });
    if (!context->scenarioPath().isEmpty()) setScenarioFile(context->scenarioPath());
}

void SimulatePage::openScenario()
{
    const QString start = scenarioPath_.isEmpty() ? QString() : QFileInfo(scenarioPath_).absolutePath();
    const QString path = QFileDialog::getOpenFileName(this, tr("Open scenario"), start, tr("Scenario (*.json);;All files (*)"));
    if (!path.isEmpty()) setScenarioFile(path);
}

void SimulatePage::setScenarioFile(const QString& path)
{
    scenarioPath_ = path;
    scenarioOk_ = false;
    error_->hide();
    try {
        const Scenario doc = loadScenarioFile(path);
        const QString name = doc.name.isEmpty() ? QFileInfo(path).fileName() : doc.name;
        scenarioName_->setText(tr("<b>%1</b><br><small>%2</small>").arg(name.toHtmlEscaped(), path.toHtmlEscaped()));
        seed_->setText(QString::number(doc.seed));
        replications_->setValue(doc.replications);
        scenarioOk_ = true;
    } catch (const InputError& e) {
        scenarioName_->setText(tr("<b>%1</b> (cannot be used)").arg(QFileInfo(path).fileName().toHtmlEscaped()));
        error_->setText(e.text());
        error_->show();
    }
    run_->setEnabled(scenarioOk_ && !running_);
}

void SimulatePage::setSeed(quint64 seed) { seed_->setText(QString::number(seed)); }
void SimulatePage::setReplications(int replications) { replications_->setValue(replications); }

QString SimulatePage::errorText() const { return error_->isHidden() ? QString() : error_->text(); }
QString SimulatePage::statusText() const { return status_->text(); }

void SimulatePage::run()
{
    if (running_ || scenarioPath_.isEmpty()) return;
    std::optional<quint64> seed;
    if (!seed_->text().isEmpty()) {
        bool ok = false;
        const quint64 value = seed_->text().toULongLong(&ok);
        if (!ok || value > kMaxSeed) {
            error_->setText(tr("Seed: expected a whole number from 0 to %1").arg(kMaxSeed));
            error_->show();
            return;
        }
        seed = value;
    }
    error_->hide();
    running_ = true;
    run_->setEnabled(false);
    cancel_->setEnabled(true);
    progress_->setRange(0, 1000);
    progress_->setValue(0);
    status_->setText(tr("Simulating…"));
    result_.reset();
    clearCards();
    charts_->showMessage(tr("Simulating…"));

    // The file is read again so edits saved on the Scenario page since it was opened count.
    const QString path = scenarioPath_;
    const Catalog catalog = context()->catalog();
    std::shared_ptr<const Workspace> ws = context()->sharedWorkspace();
    const int replications = replications_->value();
    JobHandlers<RunOutcome> handlers;
    handlers.done = [this](const RunOutcome& outcome) {
        result_ = outcome.result;
        showResult(outcome.result, outcome.hasSlo);
        charts_->showResult(outcome.result, outcome.sloP95Ms, outcome.burstable);
        QString text = tr("%1 replication(s) of %2 h, seed %3.")
                           .arg(outcome.result.replications)
                           .arg(outcome.result.durationS / 3600, 0, 'g', 3)
                           .arg(outcome.result.seed);
        if (!outcome.madeAt.isEmpty())
            text += QLatin1Char(' ') + tr("Result %1, stored in the workspace for these inputs.").arg(outcome.madeAt);
        endRun(text);
    };
    handlers.failed = [this](const QString& message) {
        error_->setText(message);
        error_->show();
        charts_->showMessage(tr("The scenario could not be simulated."));
        endRun(tr("Failed."));
    };
    handlers.stopped = [this] {
        charts_->showMessage(tr("Cancelled."));
        endRun(tr("Cancelled; nothing was kept."));
    };
    handlers.progress = [this](int permille) { progress_->setValue(permille); };
    context()->jobs()->run(
        this, QStringLiteral("simulate"), tr("Simulate %1").arg(QFileInfo(scenarioPath_).fileName()),
        [path, catalog, ws, seed, replications](JobControl& control) {
            RunOutcome outcome;
            const ResolvedScenario resolved = resolveScenario(loadScenarioFile(path), catalog, ws.get(), path);
            outcome.hasSlo = resolved.doc.slo.has_value();
            outcome.sloP95Ms = resolved.doc.slo ? resolved.doc.slo->latencyP95Ms : 0;
            outcome.burstable = resolved.burstable;
            SimulationOptions options;
            options.seed = seed;
            options.replications = replications;
            options.cancel = control.cancelFlag();
            options.progress = [&control](double fraction) { control.setProgress(fraction); };
            if (ws) {
                // Kept in the workspace; the same inputs again take the stored result.
                runs::SimulationOutcome stored = runs::simulateStored(*ws, catalog, resolved, options);
                outcome.result = std::move(stored.result);
                if (stored.reused) outcome.madeAt = stored.run.madeAtText();
            } else {
                outcome.result = simulate(resolved, options);
            }
            return outcome;
        },
        std::move(handlers));
}

void SimulatePage::cancel()
{
    if (!running_) return;
    context()->jobs()->cancel(this, QStringLiteral("simulate"));
    cancel_->setEnabled(false);
    status_->setText(tr("Cancelling…"));
}

void SimulatePage::endRun(const QString& status)
{
    running_ = false;
    cancel_->setEnabled(false);
    run_->setEnabled(scenarioOk_);
    progress_->setRange(0, 1000);
    progress_->setValue(result_ ? 1000 : 0);
    status_->setText(status);
    emit finished();
}

void SimulatePage::clearCards()
{
    for (SummaryCard* card : std::as_const(cards_)) card->clear();
}

void SimulatePage::showResult(const SimulationResult& r, bool hasSlo)
{
    const SimulationSummary& m = r.summary;
    const int n = r.replications;
    using Tone = SummaryCard::Tone;
    cards_[QStringLiteral("p50")]->setFigure(msText(m.latencyP50.mean), ciText(m.latencyP50, n, 2, tr(" ms")));
    cards_[QStringLiteral("p95")]->setFigure(msText(m.latencyP95.mean), ciText(m.latencyP95, n, 2, tr(" ms")));
    cards_[QStringLiteral("p99")]->setFigure(msText(m.latencyP99.mean), ciText(m.latencyP99, n, 2, tr(" ms")));
    Estimate errorPercent{m.errorRate.mean * 100, m.errorRate.low * 100, m.errorRate.high * 100};
    cards_[QStringLiteral("errors")]->setFigure(QStringLiteral("%1 %").arg(errorPercent.mean, 0, 'f', 3),
                                                ciText(errorPercent, n, 3, tr(" %")));
    cards_[QStringLiteral("attempts")]->setFigure(QString::number(m.attemptsPerRequest.mean, 'f', 3),
                                                  ciText(m.attemptsPerRequest, n, 3));
    cards_[QStringLiteral("nodeHours")]->setFigure(QString::number(m.nodeHours.mean, 'f', 2), ciText(m.nodeHours, n, 2));
    cards_[QStringLiteral("cost")]->setFigure(QStringLiteral("%1 USD").arg(m.costUsd.mean, 0, 'f', 2),
                                              ciText(m.costUsd, n, 2, tr(" USD")));
    if (hasSlo) {
        cards_[QStringLiteral("slo")]->setFigure(m.sloMet ? tr("Met") : tr("Missed"),
                                                 tr("met in %1 of %2 replications (%3 %)")
                                                     .arg(int(m.sloAttainment * n + 0.5)).arg(n)
                                                     .arg(m.sloAttainment * 100, 0, 'f', 0),
                                                 m.sloMet ? Tone::Good : Tone::Bad);
        cards_[QStringLiteral("overSlo")]->setFigure(tr("%1 min").arg(m.minutesOverSlo.mean, 0, 'f', 1),
                                                     ciText(m.minutesOverSlo, n, 1, tr(" min")));
    } else {
        cards_[QStringLiteral("slo")]->setFigure(tr("No SLO"), tr("add \"slo\" to the scenario for a verdict"));
        cards_[QStringLiteral("overSlo")]->setFigure(QStringLiteral("–"), tr("no SLO to measure against"));
    }
}

}  // namespace headroom
