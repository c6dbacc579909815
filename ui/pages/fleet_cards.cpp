#include "fleet_cards.h"

#include <QObject>
#include <algorithm>
#include <cmath>

namespace headroom {

namespace {

QString number(double v, int digits = 3) { return std::isfinite(v) ? QString::number(v, 'g', digits) : QStringLiteral("–"); }

QString counted(int n, const QString& one, const QString& many) { return QStringLiteral("%1 %2").arg(n).arg(n == 1 ? one : many); }

}  // namespace

QString fleetCardsHtml(const analysis::FleetAnalysis& fleet, const noisy::Result& e, int maxGroups)
{
    QString text;
    int shown = 0;
    for (const auto& g : fleet.groups) {
        if (shown++ == maxGroups) {
            text += QObject::tr("<br>… and %1 more groups (pick one below, or filter with analyze on the command line)")
                        .arg(int(fleet.groups.size()) - maxGroups);
            break;
        }
        const homogeneity::Result& r = g.result;
        if (!text.isEmpty()) text += QStringLiteral("<br>");
        text += QObject::tr("<b>%1</b> · %2, %3 · between-node CV <b>%4</b> · within-node CV %5 · p10 %6 · p90 %7 "
                            "(p90/p10 %8) · outliers %9 (|modified z| &gt; %10)")
                    .arg(g.group.group.toHtmlEscaped(), counted(r.nodes, QObject::tr("node"), QObject::tr("nodes")),
                         counted(r.runs, QObject::tr("run"), QObject::tr("runs")))
                    .arg(number(r.betweenNodeCv), number(r.withinNodeCv), number(r.p10, 5), number(r.p90, 5),
                         number(r.p90OverP10), QString::number(r.outliers), QString::number(r.outlierThreshold));
        if (r.nodes >= 2) {
            const bool several = g.populations.count > 1;
            text += QStringLiteral("<br>&nbsp;&nbsp;") + (several ? QStringLiteral("<b>%1</b>") : QStringLiteral("%1")).arg(g.populations.verdict.toHtmlEscaped());
            if (!several)
                text += QObject::tr(" Speed factor: lognormal σ %1.").arg(number(r.speedFactor.sigma));
        }
        if (!g.drift.empty()) {
            double worstTrend = 0, worstRange = 0;
            for (const auto& d : g.drift) {
                worstTrend = std::max(worstTrend, std::abs(d.trendPctPer30Days));
                worstRange = std::max(worstRange, d.monthlyMeanRangePct);
            }
            text += QObject::tr("<br>&nbsp;&nbsp;Long-lived: %1, trend at most %2 % per 30 days, 30-day means within %3 %.")
                        .arg(counted(int(g.drift.size()), QObject::tr("node"), QObject::tr("nodes")), number(worstTrend, 2),
                             number(worstRange, 2));
        }
    }
    if (e.series > 0)
        text += QObject::tr("<br>Steal ≥ %1 %: %2 episodes in %3 h, %4 per hour, mean %5 s, speed during an episode ×%6")
                    .arg(e.thresholdPct).arg(e.episodes).arg(number(e.observedHours), number(e.episodesPerHour),
                                                             number(e.meanDurationS), number(e.slowdown));
    return text;
}

}  // namespace headroom
