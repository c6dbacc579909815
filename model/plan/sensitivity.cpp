#include "sensitivity.h"

#include "candidate_config.h"

#include <cmath>

namespace headroom {

namespace {

SensitivityVariant variant(const ResolvedScenario& base, const QString& id, const QString& label)
{
    SensitivityVariant v;
    v.description.id = id;
    v.description.label = label;
    v.scenario = base;
    return v;
}

void scaleTraffic(ResolvedScenario& r, double factor)
{
    for (auto& point : r.ratePoints) point.second *= factor;
    r.peakRateRps *= factor;
    r.doc.traffic.scale *= factor;
}

QString clockTime(double s)
{
    const long minutes = std::lround(s / 60);
    return QStringLiteral("%1:%2").arg(minutes / 60).arg(minutes % 60, 2, 10, QLatin1Char('0'));
}

}  // namespace

QString whereWhatIfsRan(const SensitivityBase& base)
{
    if (!base.peakWindow) return QStringLiteral("over the whole run");
    return QStringLiteral("around the traffic peak, %1–%2 of the scenario's clock").arg(clockTime(base.fromS), clockTime(base.toS));
}

double whatIfBaseP95Ms(const Recommendation& r)
{
    if (r.sensitivityBase.result) return r.sensitivityBase.result->p95Ms;
    const CandidateResult* winner = r.winner();
    return winner ? winner->chosen->p95Ms : 0;
}

std::vector<SensitivityVariant> sensitivityVariants(const ResolvedScenario& configured)
{
    std::vector<SensitivityVariant> out;
    const bool scaling = autoscales(configured.doc);

    for (double factor : {0.8, 1.2}) {
        SensitivityVariant v = variant(configured, QStringLiteral("traffic_x%1").arg(factor),
                                       QStringLiteral("traffic ×%1").arg(factor));
        scaleTraffic(v.scenario, factor);
        out.push_back(v);
    }

    SensitivityVariant boot = variant(configured, QStringLiteral("boot_x2"), QStringLiteral("boot time ×2"));
    if (scaling) {
        boot.scenario.bootS = boot.scenario.bootS.scaled(2);
        boot.scenario.provisioningS = boot.scenario.provisioningS.scaled(2);
    } else {
        boot.description.applicable = false;
        boot.description.note = QStringLiteral("a fixed fleet never boots nodes during the run");
    }
    out.push_back(boot);

    SensitivityVariant speed = variant(configured, QStringLiteral("speed_cv_x2"), QStringLiteral("node speed CV ×2"));
    if (configured.doc.cluster.speedCv > 0) {
        speed.scenario.doc.cluster.speedCv *= 2;
    } else {
        speed.description.applicable = false;
        speed.description.note = QStringLiteral("the scenario assumes identical nodes (speed CV 0)");
    }
    out.push_back(speed);

    SensitivityVariant lost = variant(configured, QStringLiteral("node_lost"), QStringLiteral("one node lost"));
    Scenario& doc = lost.scenario.doc;
    if (scaling) {
        // The autoscaler cannot replace the lost capacity: every bound is one node lower.
        if (doc.autoscaling->max > 1) {
            doc.autoscaling->max -= 1;
            doc.autoscaling->min = std::max(1, doc.autoscaling->min - 1);
            doc.cluster.nodes = std::clamp(doc.cluster.nodes - 1, doc.autoscaling->min, doc.autoscaling->max);
        } else {
            lost.description.applicable = false;
            lost.description.note = QStringLiteral("a single node: losing it is an outage");
        }
    } else if (doc.cluster.nodes > 1) {
        doc.cluster.nodes -= 1;
    } else {
        lost.description.applicable = false;
        lost.description.note = QStringLiteral("a single node: losing it is an outage");
    }
    out.push_back(lost);
    return out;
}

}  // namespace headroom
