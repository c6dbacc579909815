#include "charts/report_plan_charts.h"
#include "plan/ranking.h"
#include "plan/sensitivity.h"
#include "report_format.h"
#include "report_sections.h"

#include <algorithm>
#include <cmath>

namespace headroom::report {

namespace {

QString configuration(const CandidateResult& c)
{
    const int lo = c.nodesMin(), hi = c.nodesMax();
    const QString count = hi > lo ? QStringLiteral("%1–%2").arg(lo).arg(hi) : QString::number(lo);
    return QStringLiteral("%1 × %2").arg(count, c.type.key());
}

QString attainmentText(const Evaluation& e)
{
    return QObject::tr("%1 (95 % CI %2 – %3)")
        .arg(fmt::percent(e.attainment, 0), fmt::percent(e.attainmentLow, 0), fmt::percent(e.attainmentHigh, 0));
}

QString statusText(CandidateResult::Status s)
{
    switch (s) {
    case CandidateResult::Status::Recommended: return QObject::tr("recommended");
    case CandidateResult::Status::Meets: return QObject::tr("meets");
    case CandidateResult::Status::Fails: return QObject::tr("fails");
    case CandidateResult::Status::Inconclusive: return QObject::tr("inconclusive");
    case CandidateResult::Status::Unconfirmed: return QObject::tr("short window only");
    case CandidateResult::Status::Estimate: return QObject::tr("estimate");
    case CandidateResult::Status::RuledOut: break;
    }
    return QObject::tr("ruled out");
}

}  // namespace

void addRecommendationSummary(Content& c, const ReportData& d)
{
    if (!d.recommendation) {
        para(c, QObject::tr("No recommendation: %1. The figures below are those of the scenario as written.")
                    .arg(fmt::esc(d.recommendSkipped)));
        return;
    }
    const Recommendation& r = *d.recommendation;
    const CandidateResult* w = r.winner();
    if (!w) {
        para(c, QObject::tr("<b>No configuration among the %1 candidates met the SLO</b> (p95 ≤ %2, error rate ≤ %3, "
                            "with the 95 % confidence interval of attainment at or above %4). The closest is listed first in the comparison.")
                    .arg(r.candidates.size())
                    .arg(fmt::ms(r.sloP95Ms), fmt::percent(r.sloErrorRate, 3), fmt::percent(r.confidence, 0)));
        return;
    }
    const Evaluation& e = *w->chosen;
    para(c, QObject::tr("<b>Recommended: %1 (%2) at %3.</b> It keeps p95 latency at <b>%4</b> against an SLO of %5 "
                        "and meets the SLO in %6 of replications; the interval's lower bound clears the required confidence of %7.")
                .arg(fmt::esc(configuration(*w)), fmt::esc(w->policy == QLatin1String("none") ? QObject::tr("fixed fleet") : w->policy),
                     fmt::usdPerMonth(w->costPerMonthUsd()), fmt::ms(e.p95Ms), fmt::ms(r.sloP95Ms),
                     fmt::esc(attainmentText(e)), fmt::percent(r.confidence, 0)));
    if (!w->why.isEmpty()) para(c, QObject::tr("Why: %1").arg(fmt::esc(w->why)));
    // A winner judged without a CPU score may only look cheap because its vCPUs were taken at face value.
    if (const CpuCapacity cpu = w->cpuAssumed(); !cpu.speedKnown())
        para(c, QObject::tr("<b>Caution:</b> %1; measure it (stress-ng) before relying on this.").arg(fmt::esc(cpu.describe())));
    Table t;
    t.headers = {QObject::tr("Rank"), QObject::tr("Configuration"), QObject::tr("Cost per month"), QObject::tr("p95"),
                 QObject::tr("SLO attainment"), QObject::tr("Verdict")};
    t.widths = {0.5, 2.1, 1.2, 0.9, 1, 1.15};
    t.numeric = {true, false, true, true, true, false};
    int shown = 0;
    for (size_t i = 0; i < r.candidates.size() && shown < 3; ++i) {
        const CandidateResult& cand = r.candidates[i];
        if (!cand.simulated()) continue;
        t.rows << QStringList{QString::number(i + 1), configuration(cand), fmt::usd(cand.costPerMonthUsd()),
                              fmt::ms(cand.chosen->p95Ms), fmt::percent(cand.chosen->attainment, 0),
                              statusText(cand.status)};
        ++shown;
    }
    t.caption = QObject::tr("The recommendation and the two runners-up, from %1 candidates and %2 simulated "
                            "configurations.").arg(r.candidates.size()).arg(r.simulations);
    table(c, std::move(t));
}

void addProviderComparison(Content& c, const ReportData& d)
{
    heading(c, QObject::tr("Provider comparison"));
    if (!d.recommendation) {
        para(c, QObject::tr("Not available: %1.").arg(fmt::esc(d.recommendSkipped)));
        return;
    }
    const Recommendation& r = *d.recommendation;
    para(c, QObject::tr("Every candidate instance type, ranked: lowest monthly cost among those meeting the SLO "
                        "first (730 h, list prices converted to USD), then those that miss it, then those ruled out "
                        "by the analytic screen without simulation. Costs of simulated candidates come from the "
                        "simulation; ruled-out ones show the analytic estimate."));
    heading(c, QObject::tr("Best per provider"), 2);
    Table best;
    best.headers = {QObject::tr("Provider"), QObject::tr("Configuration"), QObject::tr("Cost per month"),
                    QObject::tr("p95"), QObject::tr("Verdict")};
    best.widths = {1, 2.4, 1.2, 1, 1};
    best.numeric = {false, false, true, true, false};
    QStringList seen;
    for (const CandidateResult& cand : r.candidates) {
        if (seen.contains(cand.type.provider)) continue;
        seen << cand.type.provider;
        best.rows << QStringList{cand.type.provider, configuration(cand), fmt::usd(cand.costPerMonthUsd()),
                                 cand.chosen ? fmt::ms(cand.chosen->p95Ms) : QObject::tr("not simulated"),
                                 statusText(cand.status)};
    }
    table(c, std::move(best));

    heading(c, QObject::tr("All candidates"), 2);
    Table t;
    // Every candidate runs the scenario's own policy, so it is said once instead of in a column.
    para(c, QObject::tr("Every candidate runs the scenario's policy: %1.").arg(fmt::esc(policyDescription(d.scenario.doc))));
    // The CPU scores each row was judged with (stress-ng bogo ops/s), or that it had none.
    para(c, QObject::tr("CPU score: stress-ng single-core / all-core bogo ops/s of the type; speed is its single-core "
                        "score over the reference's, \"ref. vCPUs busy\" what a fully busy node gives in vCPUs of the "
                        "reference. A type without a score is counted as its vCPUs at the reference's speed, and says so."));
    t.headers = {QObject::tr("#"), QObject::tr("Configuration"), QObject::tr("p95"), QObject::tr("SLO met"),
                 QObject::tr("Cost per month"), QObject::tr("Verdict"), QObject::tr("CPU score"), QObject::tr("Why")};
    t.widths = {0.35, 1.6, 0.8, 0.7, 0.95, 1.05, 1.3, 2.6};
    t.numeric = {true, false, true, true, true, false, false, false};
    for (size_t i = 0; i < r.candidates.size(); ++i) {
        const CandidateResult& cand = r.candidates[i];
        t.rows << QStringList{QString::number(i + 1), configuration(cand),
                              cand.chosen ? fmt::ms(cand.chosen->p95Ms) : QStringLiteral("–"),
                              cand.chosen ? fmt::percent(cand.chosen->attainment, 0) : QStringLiteral("–"),
                              fmt::usd(cand.costPerMonthUsd()), statusText(cand.status), cand.cpuAssumed().brief(),
                              cand.why};
    }
    table(c, std::move(t));
}

void addSensitivity(Content& c, const ReportData& d)
{
    heading(c, QObject::tr("Cost against latency, and sensitivity"));
    if (!d.recommendation) {
        para(c, QObject::tr("Not available: %1.").arg(fmt::esc(d.recommendSkipped)));
        return;
    }
    const Recommendation& r = *d.recommendation;
    const CandidateResult* w = r.winner();
    QVector<charts::CostLatencyPoint> points;
    for (const ParetoPoint& p : r.pareto) {
        points << charts::CostLatencyPoint{paretoLabel(p, r.pareto), p.costPerMonthUsd, p.p95Ms, p.meetsSlo, p.onFront,
                                           isWinnersPoint(p, w), p.fullLength};
    }
    const double slo = r.sloP95Ms;
    const auto windowOnly = std::count_if(r.pareto.begin(), r.pareto.end(), [](const ParetoPoint& p) { return !p.fullLength; });
    para(c, QObject::tr("Every simulated configuration as a point of monthly cost and p95 latency. The Pareto front "
                        "joins the full-day runs no other full-day run beats on both counts; the recommendation is the "
                        "cheapest point below the SLO line that also meets the error-rate and confidence conditions."));
    if (windowOnly > 0)
        para(c, QObject::tr("Hollow grey points were only simulated in the short window around the traffic peak: "
                            "their p95 is the busiest minutes' and their cost is the peak's fleet priced for a month "
                            "(for an autoscaled fleet, more than its day costs), so they are not on the front "
                            "and do not compare with the filled points."));
    chart(c, [points, slo] { return charts::costVsLatency(points, slo); }, 260,
          QObject::tr("%1 simulated configurations, %2 of them in the peak window only; orange: the recommendation.")
              .arg(points.size())
              .arg(windowOnly));
    Table front;
    front.headers = {QObject::tr("On the Pareto front"), QObject::tr("Nodes"), QObject::tr("Cost per month"),
                     QObject::tr("p95"), QObject::tr("Meets the SLO")};
    front.widths = {2, 0.8, 1.2, 1, 1};
    front.numeric = {false, true, true, true, false};
    for (const ParetoPoint& p : r.pareto)
        if (p.onFront)
            front.rows << QStringList{paretoName(p, r.pareto), paretoNodes(p), fmt::usd(p.costPerMonthUsd), fmt::ms(p.p95Ms), p.meetsSlo ? QObject::tr("yes") : QObject::tr("no")};
    table(c, std::move(front));

    heading(c, QObject::tr("Sensitivity of the recommendation"), 2);
    if (!w) {
        para(c, QObject::tr("No configuration met the SLO, so there is no recommendation to stress."));
        return;
    }
    if (r.sensitivity.empty()) {
        para(c, QObject::tr("Not run: the recommendation was made without its sensitivity runs (--no-sensitivity)."));
        return;
    }
    QVector<charts::TornadoBar> bars;
    Table t;
    // A window's fleet priced for a month is not what the fleet costs: around the peak the table
    // shows the most nodes it needed instead.
    const SensitivityBase& where = r.sensitivityBase;
    const bool window = where.peakWindow;
    t.headers = {QObject::tr("Change"), QObject::tr("p95"), QObject::tr("SLO attainment"),
                 window ? QObject::tr("Most nodes") : QObject::tr("Cost per month"), QObject::tr("Still meets the SLO")};
    t.widths = {1.6, 1, 1.1, 1.2, 1.4};
    t.numeric = {false, true, true, true, false};
    auto row = [&](const QString& label, const Evaluation& e) {
        return QStringList{label, fmt::ms(e.p95Ms), fmt::percent(e.attainment, 0),
                           window ? QString::number(e.peakNodes, 'f', 1) : fmt::usd(e.costPerMonthUsd),
                           e.meetsSlo ? QObject::tr("yes") : QObject::tr("no")};
    };
    // The row the bars are measured from first.
    if (where.result) t.rows << row(QObject::tr("none (as recommended)"), *where.result);
    for (const SensitivityCase& sc : r.sensitivity) {
        if (sc.result) {
            bars << charts::TornadoBar{sc.label, sc.result->p95Ms};
            t.rows << row(sc.label, *sc.result);
        } else {
            t.rows << QStringList{sc.label, QStringLiteral("–"), QStringLiteral("–"), QStringLiteral("–"),
                                  sc.note.isEmpty() ? QObject::tr("not applicable") : sc.note};
        }
    }
    const double base = whatIfBaseP95Ms(r);
    // An autoscaled fleet does not start the window as it started the day.
    const QString start = w->nodesMin() == w->nodesMax()
                              ? QString()
                              : QObject::tr(" The fleet starts the window with the nodes its policy needs for the traffic then, "
                                            "and scales from there.");
    if (window)
        para(c, QObject::tr("The recommended fleet re-simulated with one assumption moved at a time, %1, where its "
                            "margin is thinnest: over a whole day the quiet hours dilute the peak's p95.%2 Bars show how far "
                            "the window's p95 moves from the fleet's own %3 there, on the same random traffic. \"Meets the "
                            "SLO\" holds the window to the whole run's objective, a stricter test than the whole run.")
                     .arg(fmt::esc(whereWhatIfsRan(where)), start, fmt::ms(base)));
    else
        para(c, QObject::tr("The recommended fleet re-simulated with one assumption moved at a time, %1. Bars show how far "
                            "p95 moves from the base %2.").arg(fmt::esc(whereWhatIfsRan(where)), fmt::ms(base)));
    if (!bars.isEmpty())
        chart(c, [bars, base, slo, window] { return charts::tornado(bars, base, slo, window); }, 40.0 + 28.0 * bars.size() + 50,
              QObject::tr("Widest swing on top; red: slower, green: faster than the base."));
    table(c, std::move(t));
}

}  // namespace headroom::report
