#include "why_text.h"

#include <cmath>

namespace headroom {

namespace {

QString ms(double v) { return QStringLiteral("%1 ms").arg(v, 0, 'f', v < 10 ? 1 : 0); }
QString usd(double v) { return QStringLiteral("$%1/month").arg(v, 0, 'f', v < 100 ? 2 : 0); }
QString pct(double share) { return QStringLiteral("%1 %").arg(share * 100, 0, 'f', share < 0.1 ? 1 : 0); }

QString fleetText(int nodes, int nodesMax, bool autoscaled)
{
    if (autoscaled) return QStringLiteral("%1–%2 nodes").arg(nodes).arg(nodesMax);
    return nodes == 1 ? QStringLiteral("1 node") : QStringLiteral("%1 nodes").arg(nodes);
}

QString withFleet(int nodes, int nodesMax, bool autoscaled)
{
    return autoscaled ? QStringLiteral("with a minimum of %1 (maximum %2)").arg(nodes).arg(nodesMax)
                      : QStringLiteral("with ") + fleetText(nodes, nodesMax, false);
}

QString objectiveName(const Recommendation& r)
{
    return r.sloOnQueueWait ? QStringLiteral("queue-wait p95") : QStringLiteral("p95");
}

// The next candidate that meets the SLO after `index`, or null.
const CandidateResult* nextMeeting(const Recommendation& r, size_t index)
{
    for (size_t i = index + 1; i < r.candidates.size(); ++i)
        if (r.candidates[i].meetsSlo()) return &r.candidates[i];
    return nullptr;
}

QString holdsText(const CandidateResult& c, const Recommendation& r, size_t index)
{
    const Evaluation& e = *c.chosen;
    const bool autoscaled = c.policy != QStringLiteral("none");
    QString text = QStringLiteral("holds the SLO with %1 (%5 %2 ≤ %3; met in %4 of %6 runs, attainment ≥ %7 at 95 % confidence)")
                       .arg(fleetText(e.nodes, e.nodesMax, autoscaled), ms(e.p95Ms), ms(r.sloP95Ms), pct(e.attainment), objectiveName(r))
                       .arg(e.replications)
                       .arg(pct(e.attainmentLow));
    if (c.status == CandidateResult::Status::Recommended) {
        if (const CandidateResult* next = nextMeeting(r, index)) {
            const double saving = 1.0 - e.costPerMonthUsd / next->costPerMonthUsd();
            text += saving > 0.0005
                        ? QStringLiteral("; %1 cheaper than the next, %2 at %3").arg(pct(saving), next->type.key(), usd(next->costPerMonthUsd()))
                        : QStringLiteral("; same cost as %1, chosen for its lower p95 (%2 vs %3)")
                              .arg(next->type.key(), ms(e.p95Ms), ms(next->chosen->p95Ms));
        } else {
            text += QStringLiteral("; the only candidate that does");
        }
    } else if (const CandidateResult* w = r.winner()) {
        const double extra = e.costPerMonthUsd / w->costPerMonthUsd() - 1.0;
        text += extra > 0.0005 ? QStringLiteral("; %1 dearer than %2").arg(pct(extra), w->type.key())
                               : QStringLiteral("; same cost as %1, whose p95 is lower").arg(w->type.key());
    }
    return text;
}

}  // namespace

QString clockText(double seconds)
{
    const qint64 minutes = qint64(std::floor(seconds / 60.0 + 1e-9));
    return QStringLiteral("%1:%2").arg(minutes / 60, 2, 10, QLatin1Char('0')).arg(minutes % 60, 2, 10, QLatin1Char('0'));
}

QString failureText(const Evaluation& e, const Recommendation& r, bool autoscaled)
{
    const QString fleet = withFleet(e.nodes, e.nodesMax, autoscaled);
    if (e.fullLength && e.verdict == SloVerdict::Inconclusive)
        return QStringLiteral("inconclusive %1: after %2 runs the 95 % interval of attainment is %3–%4, "
                              "straddling the %5 required (%6 %7 against %8)")
            .arg(fleet)
            .arg(e.replications)
            .arg(pct(e.attainmentLow), pct(e.attainmentHigh), pct(r.confidence), objectiveName(r), ms(e.p95Ms), ms(r.sloP95Ms));
    if (e.creditsExhausted && e.breachAtS)
        return QStringLiteral("fails at %1 when CPU credits run out (%2)").arg(clockText(*e.breachAtS), fleet);
    if (e.errorRate > r.sloErrorRate)
        return QStringLiteral("error rate %1 > %2 %3 (requests time out or find the queue full)")
            .arg(pct(e.errorRate), pct(r.sloErrorRate), fleet);
    if (e.p95Ms > r.sloP95Ms) {
        QString when;
        if (e.breachAtS)
            when = e.breachAtPeak ? QStringLiteral(" at the %1 peak").arg(clockText(*e.breachAtS))
                                  : QStringLiteral(" from %1").arg(clockText(*e.breachAtS));
        return QStringLiteral("%5 %1 > %2%3 %4").arg(ms(e.p95Ms), ms(r.sloP95Ms), when, fleet, objectiveName(r));
    }
    return QStringLiteral("%6 %1 is within %2 on average but the SLO held in only %3 of replications %4 (%5 needed)")
        .arg(ms(e.p95Ms), ms(r.sloP95Ms), pct(e.attainment), fleet, pct(r.confidence), objectiveName(r));
}

void explainCandidates(Recommendation& r)
{
    for (size_t i = 0; i < r.candidates.size(); ++i) {
        CandidateResult& c = r.candidates[i];
        const bool autoscaled = c.policy != QStringLiteral("none");
        if (!c.chosen && c.pending) {
            c.why = QStringLiteral("estimate, not yet simulated: about %1 by the analytic screen")
                        .arg(usd(c.costPerMonthUsd()));
            continue;
        }
        if (!c.chosen) {
            c.why = c.screening.reason;
            continue;
        }
        if (c.meetsSlo()) {
            QString text;
            if (c.fewer)
                text = failureText(*c.fewer, r, autoscaled)
                     + QStringLiteral("; %1 needed. ").arg(autoscaled ? QStringLiteral("a minimum of %1").arg(c.chosen->nodes)
                                                                      : QString::number(c.chosen->nodes));
            const QString holds = holdsText(c, r, i);
            c.why = text.isEmpty() ? holds : text + holds.left(1).toUpper() + holds.mid(1);
        } else if (c.passedShortWindow()) {
            const QString floor = c.fullRunCostFloorUsd > 0 ? QStringLiteral(" (%1)").arg(usd(c.fullRunCostFloorUsd)) : QString();
            // An autoscaled window's own cost is the peak's fleet, not a month's: left out.
            c.why = QStringLiteral("passed a window around the peak with %1%2, not run in full: %3 costs more "
                                   "than a configuration that meets the SLO in full runs")
                        .arg(fleetText(c.chosen->nodes, c.chosen->nodesMax, autoscaled),
                             autoscaled ? QString() : QStringLiteral(" at %1").arg(usd(c.chosen->costPerMonthUsd)),
                             (autoscaled ? QStringLiteral("the least its scaling policy keeps running for this traffic%1")
                                         : QStringLiteral("even its cheapest possible fleet%1"))
                                 .arg(floor));
        } else {
            c.why = QStringLiteral("%1 (search limit)").arg(failureText(*c.chosen, r, autoscaled));
        }
        // Where the figures come from, so estimates are never read as results.
        if (c.figures == CandidateResult::Figures::ShortWindow) c.why += QStringLiteral(" [short window, not a full run]");
        else if (c.figures == CandidateResult::Figures::FullRun) c.why += QStringLiteral(" [full run]");
    }
}

}  // namespace headroom
