#include "compare_page.h"

#include "compare_figures.h"

#include "app_context.h"
#include "charts/chart_builder.h"
#include "charts/chart_export.h"
#include "plan/monthly_cost.h"
#include "plan/short_window.h"
#include "scenario/resolved_scenario.h"
#include "core/parallel_jobs.h"
#include "job_runner.h"
#include "sim/simulator.h"

#include <QAction>
#include <QApplication>
#include <QChartView>
#include <QFrame>
#include <QGridLayout>
#include <QLabel>
#include <QPushButton>
#include <QShortcut>
#include <QSlider>
#include <QTimer>
#include <QValueAxis>
#include <QVBoxLayout>
#include <atomic>
#include <cmath>
#include <limits>
#include <memory>

namespace headroom {

namespace {

QLabel* bigLabel(const QString& text, QWidget* parent, double scale)
{
    auto* label = new QLabel(text, parent);
    QFont font = label->font();
    font.setPointSizeF(font.pointSizeF() * scale);
    label->setFont(font);
    label->setWordWrap(true);
    return label;
}

}  // namespace

ComparePage::ComparePage(AppContext* context, QWidget* parent) : Page(context, parent)
{
    qRegisterMetaType<CompareCandidate>();
    auto makeSlider = [this](int lo, int hi, int value) {
        auto* s = new QSlider(Qt::Horizontal, this);
        s->setRange(lo, hi);
        s->setValue(value);
        connect(s, &QSlider::valueChanged, this, [this] {
            whatIf_.traffic = traffic_->value() / 100.0;
            whatIf_.boot = boot_->value() / 100.0;
            whatIf_.imageMb = image_->value() == 0 ? -1 : image_->value() * 10.0;
            whatIf_.speedCv = speedCv_->value() == 0 ? -1 : (speedCv_->value() - 1) / 100.0;
            scheduleEvaluation();
        });
        return s;
    };
    traffic_ = makeSlider(50, 300, 100);   // per cent
    boot_ = makeSlider(25, 400, 100);      // per cent
    image_ = makeSlider(0, 400, 0);        // × 10 MB; 0 = as in the scenario
    speedCv_ = makeSlider(0, 51, 0);       // CV in hundredths + 1; 0 = as in the scenario
    whatIfLabel_ = new QLabel(this);
    auto* sliders = new QGridLayout;
    sliders->addWidget(new QLabel(tr("Traffic ×"), this), 0, 0);
    sliders->addWidget(traffic_, 0, 1);
    sliders->addWidget(new QLabel(tr("Boot time ×"), this), 0, 2);
    sliders->addWidget(boot_, 0, 3);
    sliders->addWidget(new QLabel(tr("Image size"), this), 1, 0);
    sliders->addWidget(image_, 1, 1);
    sliders->addWidget(new QLabel(tr("Speed CV"), this), 1, 2);
    sliders->addWidget(speedCv_, 1, 3);
    sliders->addWidget(whatIfLabel_, 2, 0, 1, 3);
    auto* clear = new QPushButton(tr("Clear"), this);
    sliders->addWidget(clear, 2, 3, Qt::AlignRight);

    status_ = new QLabel(tr("Add two to four candidates from the Recommend page (Add to Compare). F11: presenter mode."), this);
    status_->setWordWrap(true);
    gridHost_ = new QWidget(this);
    grid_ = new QGridLayout(gridHost_);
    auto* layout = new QVBoxLayout(this);
    layout->addLayout(sliders);
    layout->addWidget(status_);
    layout->addWidget(gridHost_, 1);

    debounce_ = new QTimer(this);
    debounce_->setSingleShot(true);
    debounce_->setInterval(250);
    connect(debounce_, &QTimer::timeout, this, &ComparePage::evaluate);
    connect(clear, &QPushButton::clicked, this, &ComparePage::clearCandidates);
    auto* f11 = new QShortcut(QKeySequence(Qt::Key_F11), this);
    f11->setContext(Qt::WindowShortcut);
    connect(f11, &QShortcut::activated, this, [this] { setPresenterMode(!presenter_); });
    auto* esc = new QShortcut(QKeySequence(Qt::Key_Escape), this);
    connect(esc, &QShortcut::activated, this, [this] { if (presenter_) setPresenterMode(false); });
    rebuild();
}

void ComparePage::addCandidate(const CompareCandidate& candidate)
{
    if (candidates_.size() >= kMaxCandidates) candidates_.removeFirst();
    candidates_ << candidate;
    figures_.clear();
    rebuild();
    scheduleEvaluation();
}

void ComparePage::clearCandidates()
{
    candidates_.clear();
    figures_.clear();
    context()->jobs()->discard(this, QStringLiteral("evaluate"));
    rebuild();
}

void ComparePage::setWhatIf(const WhatIf& whatIf)
{
    whatIf_ = whatIf;
    scheduleEvaluation();
}

void ComparePage::setPresenterMode(bool on)
{
    presenter_ = on;
    if (QWidget* w = window()) on ? w->showFullScreen() : w->showNormal();
    // Everything on the page grows for the back of the room: sliders, their labels, the cards
    // (whose sizes are relative to this font) and, in rebuild(), the charts.
    QFont pageFont = font();
    pageFont.setPointSizeF(QApplication::font().pointSizeF() * (on ? 1.5 : 1.0));
    setFont(pageFont);
    rebuild();
}

void ComparePage::scheduleEvaluation()
{
    whatIfLabel_->setText(tr("traffic ×%1, boot ×%2, image %3, speed CV %4")
                              .arg(whatIf_.traffic, 0, 'f', 2)
                              .arg(whatIf_.boot, 0, 'f', 2)
                              .arg(whatIf_.imageMb < 0 ? tr("as in the scenario") : tr("%1 MB").arg(whatIf_.imageMb))
                              .arg(whatIf_.speedCv < 0 ? tr("as in the scenario") : QString::number(whatIf_.speedCv)));
    if (!candidates_.isEmpty()) debounce_->start();
}

void ComparePage::evaluate()
{
    if (candidates_.isEmpty()) return;
    // The analytic estimate answers at once, for every move, while the simulations follow.
    {
        const Catalog& catalog = context()->catalog();
        QVector<CompareFigures> estimates;
        for (const CompareCandidate& c : candidates_) estimates << estimateFigures(c, whatIf_, catalog);
        figures_ = estimates;
        status_->setText(tr("Estimates (each node an M/M/c queue at the peak); simulating %1 candidates…").arg(candidates_.size()));
        rebuild();
        emit estimated();
    }
    // A newer what-if replaces the simulations of the older one, which stop where they are.
    const auto candidates = candidates_;
    const WhatIf whatIf = whatIf_;
    const Catalog catalog = context()->catalog();
    std::shared_ptr<const Workspace> ws = context()->sharedWorkspace();
    context()->jobs()->run(
        this, QStringLiteral("evaluate"), tr("Compare what-if"),
        [candidates, whatIf, catalog, ws](JobControl& control) {
            // One candidate per core: each short simulation is single-threaded and independent,
            // so the answer is the same as one after the other, only sooner.
            std::vector<CompareFigures> figures(size_t(candidates.size()));
            runParallel(
                int(candidates.size()), 0,
                [&](int i) { figures[size_t(i)] = simulatedFigures(candidates[i], whatIf, catalog, ws.get(), control.cancelFlag()); },
                [&](int done) { control.setProgress(double(done) / double(candidates.size())); }, control.cancelFlag());
            return QVector<CompareFigures>(figures.begin(), figures.end());
        },
        [this](QVector<CompareFigures> figures) {
            figures_ = std::move(figures);
            status_->setText(tr("Short simulations (one replication around the peak); the Recommend page runs them in full."));
            rebuild();
            emit evaluated();
        },
        [this](const QString& message) { status_->setText(message); });
}

QWidget* ComparePage::makeCard(int index)
{
    const double scale = 1.3;  // × the page font, which presenter mode enlarges
    auto* card = new QFrame(gridHost_);
    card->setFrameShape(QFrame::StyledPanel);
    auto* layout = new QVBoxLayout(card);
    layout->addWidget(bigLabel(QStringLiteral("<b>%1</b>").arg(candidates_[index].label.toHtmlEscaped()), card, scale));
    if (index < figures_.size()) {
        const CompareFigures& f = figures_[index];
        // The best figure of each row across the candidates is highlighted.
        auto best = [this](auto value, bool lower) {
            double b = lower ? 1e300 : -1e300;
            for (const CompareFigures& g : figures_) b = lower ? std::min(b, value(g)) : std::max(b, value(g));
            return b;
        };
        auto mark = [](const QString& text, bool isBest) { return isBest ? QStringLiteral("<span style='color:#2e7d32'><b>%1</b></span>").arg(text) : text; };
        const bool cheapest = f.costPerMonthUsd <= best([](const CompareFigures& g) { return g.costPerMonthUsd; }, true);
        const bool fastest = f.p95Ms <= best([](const CompareFigures& g) { return g.p95Ms; }, true);
        const bool steadiest = f.attainment >= best([](const CompareFigures& g) { return g.attainment; }, false);
        const bool quickest = f.leadTimeS <= best([](const CompareFigures& g) { return g.leadTimeS; }, true);
        const bool withinSlo = f.sloP95Ms <= 0 || f.p95Ms <= f.sloP95Ms;
        // An estimate says so on every figure it gives ("≈") and leaves out what only a simulation knows.
        const QString about = f.estimate ? QStringLiteral("≈ ") : QString();
        layout->addWidget(bigLabel(mark(about + tr("$%1 / month").arg(f.costPerMonthUsd, 0, 'f', 0), cheapest), card, scale * 1.4));
        const QString p95 = std::isfinite(f.p95Ms) ? tr("p95 %1 ms").arg(f.p95Ms, 0, 'f', 0) : tr("p95 unbounded (overloaded)");
        layout->addWidget(bigLabel(QStringLiteral("<span style='color:%1'>%2</span>")
                                       .arg(withinSlo ? QStringLiteral("#2e7d32") : QStringLiteral("#c62828"),
                                            mark(about + p95 + tr(" vs SLO %1 ms").arg(f.sloP95Ms, 0, 'f', 0), fastest)),
                                   card, scale));
        layout->addWidget(bigLabel(f.estimate ? tr("<i>estimate at the peak; simulating…</i>")
                                              : mark(tr("SLO held in %1 % of minutes").arg(f.attainment * 100, 0, 'f', 0), steadiest),
                                   card, scale * 0.8));
        layout->addWidget(bigLabel(mark(tr("Lead time to add capacity: %1 s").arg(f.leadTimeS, 0, 'f', 0), quickest)
                                       + QStringLiteral(" <small>(%1)</small>").arg(f.leadTimeBasis.toHtmlEscaped()),
                                   card, scale * 0.8));
        layout->addWidget(bigLabel(tr("Homogeneity risk: %1").arg(f.homogeneityRisk.toHtmlEscaped()), card, scale * 0.8));
    } else {
        layout->addWidget(new QLabel(tr("simulating…"), card));
    }
    card->setContextMenuPolicy(Qt::ActionsContextMenu);
    auto* copy = new QAction(tr("Copy as image"), card);
    connect(copy, &QAction::triggered, card, [card] { charts::copyWidgetImage(card); });
    card->addAction(copy);
    return card;
}

void ComparePage::rebuild()
{
    while (QLayoutItem* item = grid_->takeAt(0)) {
        delete item->widget();
        delete item;
    }
    // Shared axes: every chart spans the same time and latency range (the window simulated
    // around the peak, not the day from midnight).
    double xMin = std::numeric_limits<double>::max(), xMax = std::numeric_limits<double>::lowest(), yMax = 1;
    for (const CompareFigures& f : figures_) {
        for (const QPointF& p : f.p95Series) {
            xMin = std::min(xMin, p.x());
            xMax = std::max(xMax, p.x());
            yMax = std::max(yMax, p.y());
        }
        yMax = std::max(yMax, f.sloP95Ms * 1.1);
    }
    if (xMin >= xMax) xMin = 0, xMax = std::max(xMin + 1, xMax);
    const double chartScale = presenter_ ? 1.8 : 1.0;
    for (int i = 0; i < candidates_.size(); ++i) {
        grid_->addWidget(makeCard(i), 0, i);
        grid_->setColumnStretch(i, 1);  // every candidate gets the same width, whatever its text
        QChart* chart = charts::makeChart(tr("p95 over time"));
        auto* view = charts::makeView(chart, gridHost_);
        if (i < figures_.size()) {
            const CompareFigures& f = figures_[i];
            charts::setLines(chart, {charts::Line{tr("p95"), f.p95Series, QColor(), false}}, false, tr("ms"), tr("minutes"));
            if (f.sloP95Ms > 0) charts::addHorizontalLine(chart, f.sloP95Ms, tr("SLO"), QColor(0xc6, 0x28, 0x28));
            for (QAbstractAxis* axis : chart->axes(Qt::Horizontal)) {
                axis->setRange(xMin, xMax);
                if (auto* v = qobject_cast<QValueAxis*>(axis)) charts::roundTicks(v);
            }
            for (QAbstractAxis* axis : chart->axes(Qt::Vertical)) {
                axis->setRange(0.0, yMax);
                if (auto* v = qobject_cast<QValueAxis*>(axis)) charts::roundTicks(v);  // same yMax, same ticks
            }
        } else {
            charts::showMessage(chart, tr("simulating…"));
        }
        charts::scaleFonts(chart, chartScale);
        view->setMinimumHeight(int(180 * chartScale));
        charts::addExportActions(view, QStringLiteral("compare-%1").arg(i + 1));
        grid_->addWidget(view, 1, i);
    }
    for (int i = int(candidates_.size()); i < kMaxCandidates; ++i) grid_->setColumnStretch(i, 0);
}

}  // namespace headroom
