#include "lead_time_page.h"

#include "analysis/lead_time.h"
#include "analysis/measured_lead_time.h"
#include "analysis/lead_time_total.h"
#include "app_context.h"
#include "charts/chart_builder.h"
#include "charts/stacked_bar_chart.h"
#include "store/workspace.h"
#include "job_runner.h"

#include <QCheckBox>
#include <QChartView>
#include <QComboBox>
#include <QDoubleSpinBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QPushButton>
#include <QSplitter>
#include <QTableWidget>
#include <QVBoxLayout>
#include <cmath>
#include <map>
#include <memory>

namespace headroom {

namespace {

// Everything the page shows, computed on a worker.
struct LeadTimeView {
    leadtime::Report report;
    leadtime::TotalDistribution total;
    QStringList events;              // one bar per node or pod
    QStringList phases;              // phases that occur in those events, in order
    QVector<QVector<double>> stacks; // [phase][event]
};

constexpr int kMaxEventBars = 25;

std::shared_ptr<LeadTimeView> compute(const Workspace& ws, const Catalog& catalog, const QString& provider,
                                      const leadtime::TotalOptions& options)
{
    Selection selection;
    selection.provider = provider;
    std::optional<ProviderBootTimes> defaults;
    if (!provider.isEmpty()) defaults = catalog.bootTimesOf(provider);
    // The same call as the report's lead-time section.
    const analysis::MeasuredLeadTime measured = analysis::measuredLeadTime(ws, selection, defaults);
    const std::vector<leadtime::Observation>& observations = measured.observations;
    auto view = std::make_shared<LeadTimeView>();
    view->report = measured.report;
    view->total = leadtime::simulateTotal(view->report, options);

    // A scale-out event here is what happened to one node or pod: its phases add up.
    std::map<QString, std::map<QString, double>> byNode;
    for (const auto& o : observations)
        if (!o.node.isEmpty()) byNode[o.node][o.phase] += o.durationS;
    for (const auto& [node, phases] : byNode) {
        if (view->events.size() >= kMaxEventBars) break;
        view->events << node;
    }
    for (const QString& phase : leadtime::phaseOrder()) {
        QVector<double> row;
        bool any = false;
        for (const QString& node : view->events) {
            const auto& phases = byNode[node];
            const auto it = phases.find(phase);
            row << (it == phases.end() ? 0.0 : it->second);
            any = any || (it != phases.end() && it->second > 0);
        }
        if (!any) continue;
        view->phases << phase;
        view->stacks << row;
    }
    return view;
}

QString seconds(double v) { return std::isfinite(v) ? QString::number(v, 'g', 4) : QStringLiteral("–"); }

}  // namespace

LeadTimePage::LeadTimePage(AppContext* context, QWidget* parent) : Page(context, parent)
{
    provider_ = new QComboBox;
    bootScale_ = new QDoubleSpinBox;
    bootScale_->setRange(0.25, 5);
    bootScale_->setSingleStep(0.25);
    bootScale_->setValue(1);
    bootScale_->setSuffix(QStringLiteral(" ×"));
    imageMb_ = new QDoubleSpinBox;
    imageMb_->setRange(0, 50000);
    imageMb_->setDecimals(0);
    imageMb_->setSingleStep(100);
    imageMb_->setSpecialValueText(tr("as observed"));
    imageMb_->setSuffix(QStringLiteral(" MB"));
    cached_ = new QCheckBox(tr("Image already on the node"));
    auto* refresh = new QPushButton(tr("Refresh"));

    auto* controls = new QFormLayout;
    controls->addRow(tr("Provider (catalog defaults):"), provider_);
    controls->addRow(tr("Boot and provisioning:"), bootScale_);
    controls->addRow(tr("Image size:"), imageMb_);
    controls->addRow(QString(), cached_);
    controls->addRow(QString(), refresh);

    table_ = new QTableWidget(0, 6);
    table_->setHorizontalHeaderLabels({tr("Phase"), tr("Events"), tr("p50 s"), tr("p90 s"), tr("p95 s"), tr("Source")});
    table_->horizontalHeader()->setStretchLastSection(true);
    table_->setEditTriggers(QAbstractItemView::NoEditTriggers);
    table_->verticalHeader()->hide();
    summary_ = new QLabel;
    summary_->setWordWrap(true);
    summary_->setTextInteractionFlags(Qt::TextSelectableByMouse);

    eventsChart_ = charts::makeChart(tr("Phases per scale-out event"));
    auto* eventsView = charts::makeView(eventsChart_);
    totalChart_ = charts::makeChart(tr("Total lead time (cumulative probability)"));
    auto* totalView = charts::makeView(totalChart_);

    auto* left = new QWidget;
    auto* leftLayout = new QVBoxLayout(left);
    leftLayout->addLayout(controls);
    leftLayout->addWidget(summary_);
    leftLayout->addWidget(table_, 1);
    auto* chartsBox = new QSplitter(Qt::Vertical);
    chartsBox->addWidget(eventsView);
    chartsBox->addWidget(totalView);
    auto* split = new QSplitter(Qt::Horizontal);
    split->addWidget(left);
    split->addWidget(chartsBox);
    split->setStretchFactor(0, 2);
    split->setStretchFactor(1, 3);
    // Stretch factors share only the space left over by the size hints, and a table's hint is
    // wide: the first layout is given as proportions, 2 : 3 in favour of the charts.
    split->setSizes({400, 600});
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(split);

    connect(refresh, &QPushButton::clicked, this, &LeadTimePage::refresh);
    connect(provider_, &QComboBox::currentIndexChanged, this, &LeadTimePage::refresh);
    connect(cached_, &QCheckBox::toggled, this, &LeadTimePage::refresh);
    connect(bootScale_, &QDoubleSpinBox::editingFinished, this, &LeadTimePage::refresh);
    connect(imageMb_, &QDoubleSpinBox::editingFinished, this, &LeadTimePage::refresh);
    connect(context, &AppContext::workspaceChanged, this, &LeadTimePage::activated);
    connect(context, &AppContext::datasetsChanged, this, &LeadTimePage::refresh);
    connect(context, &AppContext::catalogChanged, this, &LeadTimePage::fillProviders);
    fillProviders();
}

void LeadTimePage::fillProviders()
{
    QSignalBlocker block(provider_);
    const QString current = provider_->currentData().toString();
    provider_->clear();
    provider_->addItem(tr("all (no defaults)"), QString());
    for (const QString& p : context()->catalog().providers()) provider_->addItem(p, p);
    provider_->setCurrentIndex(std::max(0, provider_->findData(current)));
}

void LeadTimePage::activated() { refresh(); }

void LeadTimePage::refresh()
{
    std::shared_ptr<const Workspace> ws = context()->sharedWorkspace();
    if (!ws) return;
    const Catalog catalog = context()->catalog();
    const QString provider = provider_->currentData().toString();
    leadtime::TotalOptions options;
    options.whatIf.bootScale = bootScale_->value();
    if (imageMb_->value() > 0) options.whatIf.imageBytes = imageMb_->value() * 1e6;
    options.whatIf.cachedImage = cached_->isChecked();
    charts::showMessage(totalChart_, tr("Computing…"));
    context()->jobs()->run(
        this, QStringLiteral("refresh"), tr("Lead time"),
        [ws, catalog, provider, options](JobControl&) { return compute(*ws, catalog, provider, options); },
        [this](std::shared_ptr<LeadTimeView> view) {
            const leadtime::Report& r = view->report;
            std::vector<const leadtime::PhaseModel*> rows;
            for (const auto& m : r.phases) rows.push_back(&m);
            if (r.pullCached) rows.push_back(&*r.pullCached);
            if (r.pullCold) rows.push_back(&*r.pullCold);
            table_->setRowCount(int(rows.size()));
            for (int i = 0; i < int(rows.size()); ++i) {
                const auto* m = rows[size_t(i)];
                const QString name = m->subset.isEmpty() ? m->phase : QStringLiteral("%1 (%2)").arg(m->phase, m->subset);
                const QStringList cells = {name, QString::number(m->count), seconds(m->p50), seconds(m->p90), seconds(m->p95),
                                           m->source + (m->weakEvidence ? tr(" – weak evidence") : QString())};
                for (int c = 0; c < cells.size(); ++c) table_->setItem(i, c, new QTableWidgetItem(cells[c]));
            }
            table_->resizeColumnsToContents();
            QString text = tr("%1 events. ").arg(r.observations);
            if (r.providersSeen.size() > 1) text += tr("Providers pooled: %1 – pick one above. ").arg(r.providersSeen.join(QStringLiteral(", ")));
            if (r.pullModel.valid)
                text += tr("Image pull ≈ %1 s + size ÷ %2 MB/s (R² %3). ")
                            .arg(seconds(r.pullModel.overheadS), seconds(r.pullModel.bytesPerS / 1e6), seconds(r.pullModel.rSquared));
            if (!r.phasesWithoutData.isEmpty()) text += tr("No data (set in the scenario): %1. ").arg(r.phasesWithoutData.join(QStringLiteral(", ")));
            const auto& t = view->total;
            if (!t.phases.isEmpty())
                text += tr("Total: p50 %1 s, p90 %2 s, p95 %3 s.").arg(seconds(t.p50), seconds(t.p90), seconds(t.p95));
            summary_->setText(text);

            if (view->events.isEmpty()) {
                charts::showMessage(eventsChart_, tr("No lead-time events imported (Kubernetes events, boot timings)"));
            } else {
                charts::setStackedBars(eventsChart_, view->events, view->phases, view->stacks, tr("seconds"));
            }
            if (t.sorted.empty() || t.phases.isEmpty()) {
                charts::showMessage(totalChart_, tr("Nothing to add up: no phase has data or a default"));
            } else {
                // The empirical CDF at 200 evenly spaced probabilities is plenty for the eye.
                QVector<QPointF> cdf;
                for (int i = 0; i <= 200; ++i) {
                    const size_t k = std::min(t.sorted.size() - 1, size_t(double(i) / 200 * double(t.sorted.size() - 1)));
                    cdf << QPointF(t.sorted[k], double(i) / 200);
                }
                charts::setLines(totalChart_, {{tr("total"), cdf, {}, false}}, false, tr("probability"), tr("seconds"));
            }
            emit refreshed();
        });
}

}  // namespace headroom
