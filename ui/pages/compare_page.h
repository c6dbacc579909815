#pragma once
#include "page.h"
#include "scenario/scenario.h"

#include <QMetaType>
#include <QVector>

class QChartView;
class QGridLayout;
class QLabel;
class QSlider;
class QTimer;

namespace headroom {

// One configuration to compare: a scenario already set to its instance type and fleet.
struct CompareCandidate {
    QString label;               // "4 × aws/c6i.large"
    Scenario scenario;
};

// What the room wants to try: multipliers and overrides applied to every candidate alike.
struct WhatIf {
    double traffic = 1;          // × the request rate
    double boot = 1;             // × boot and provisioning time
    double imageMb = -1;         // container image size; < 0 = as in the scenario
    double speedCv = -1;         // node speed CV; < 0 = as in the scenario
};

// The headline figures of one candidate under the current what-if: first an analytic estimate
// (at once), then a short simulation (compare_figures.h).
struct CompareFigures {
    bool estimate = false;       // analytic, shown while the simulation runs
    double costPerMonthUsd = 0;
    double p95Ms = 0;
    double sloP95Ms = 0;
    double attainment = 0;       // share of intervals within the SLO; NaN in an estimate
    double leadTimeS = 0;        // from the scale-out decision to serving
    QString leadTimeBasis;
    QString homogeneityRisk;     // "low", "medium", "high" with the reason
    QVector<QPointF> p95Series;  // (minutes, ms)
};

// Compare (meeting mode): two to four candidates side by side, headline cards with the best
// figure of each row highlighted, p95 over time on shared axes, what-if sliders answered with
// an analytic estimate at once and short simulations after it, F11 for a full-screen presenter view with large
// type, and every card and chart copyable as an image.
class ComparePage : public Page {
    Q_OBJECT
public:
    static constexpr int kMaxCandidates = 4;
    explicit ComparePage(AppContext* context, QWidget* parent = nullptr);
    QString title() const override { return tr("Compare"); }
    QString iconName() const override { return QStringLiteral("view-split-left-right"); }

    // Adds a candidate (the oldest makes room beyond four) and re-evaluates.
    void addCandidate(const headroom::CompareCandidate& candidate);
    void clearCandidates();
    int candidateCount() const { return int(candidates_.size()); }
    void setWhatIf(const WhatIf& whatIf);
    const QVector<CompareFigures>& figures() const { return figures_; }
    bool presenterMode() const { return presenter_; }
    void setPresenterMode(bool on);

signals:
    void estimated();            // figures() hold the current what-if's analytic estimates
    void evaluated();            // figures() hold the current what-if's simulated answers

private:
    void scheduleEvaluation();
    void evaluate();
    void rebuild();
    QWidget* makeCard(int index);

    QVector<CompareCandidate> candidates_;
    QVector<CompareFigures> figures_;
    WhatIf whatIf_;
    QSlider* traffic_;
    QSlider* boot_;
    QSlider* image_;
    QSlider* speedCv_;
    QLabel* whatIfLabel_;
    QLabel* status_;
    QGridLayout* grid_;
    QWidget* gridHost_;
    QTimer* debounce_;
    bool presenter_ = false;
};

}  // namespace headroom

Q_DECLARE_METATYPE(headroom::CompareCandidate)
