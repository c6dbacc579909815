#include "report_content.h"

#include "report_format.h"
#include "report_sections.h"
#include "report_validation.h"

#include <QFileInfo>

namespace headroom::report {

QString policyDescription(const Scenario& s)
{
    if (!s.autoscaling || s.autoscaling->policy == Autoscaling::Policy::None) return QObject::tr("fixed fleet");
    const Autoscaling& a = *s.autoscaling;
    const QString metric = a.metric == Autoscaling::Metric::Cpu ? QObject::tr("CPU") : QObject::tr("busy workers");
    switch (a.policy) {
    case Autoscaling::Policy::TargetTracking:
        return QObject::tr("target tracking at %1 %2").arg(fmt::percent(a.target, 0), metric);
    case Autoscaling::Policy::Step: return QObject::tr("step scaling on %1").arg(metric);
    case Autoscaling::Policy::KubernetesHpa:
        return QObject::tr("Kubernetes HPA at %1 %2").arg(fmt::percent(a.target, 0), metric);
    case Autoscaling::Policy::Scheduled: return QObject::tr("scheduled capacity");
    case Autoscaling::Policy::None: break;
    }
    return QObject::tr("fixed fleet");
}

QString fleetDescription(const ReportData& d)
{
    const Scenario& s = d.scenario.doc;
    const QString type = s.cluster.instanceTypeKey.isEmpty() ? QObject::tr("inline instance type")
                                                              : s.cluster.instanceTypeKey;
    if (s.autoscaling && s.autoscaling->policy != Autoscaling::Policy::None)
        return QStringLiteral("%1–%2 × %3, %4")
            .arg(s.autoscaling->min)
            .arg(s.autoscaling->max)
            .arg(type, policyDescription(s));
    return QStringLiteral("%1 × %2").arg(s.cluster.nodes).arg(type);
}

Content buildContent(const ReportData& d)
{
    Content c;
    const QString name = d.scenario.doc.name.isEmpty() ? QFileInfo(d.scenarioPath).completeBaseName()
                                                       : d.scenario.doc.name;
    const QString when = d.generatedAt.toString(QStringLiteral("yyyy-MM-dd HH:mm 'UTC'"));
    c.title.title = QObject::tr("Capacity report");
    c.title.subtitle = name;
    c.title.facts = {
        {QObject::tr("Scenario"), name},
        {QObject::tr("Scenario file"), QFileInfo(d.scenarioPath).absoluteFilePath()},
        {QObject::tr("Configuration"), fleetDescription(d)},
        {QObject::tr("Workspace"), QFileInfo(d.workspacePath).absoluteFilePath()},
        {QObject::tr("Seed"), QStringLiteral("%1 (%2 replications)").arg(d.seed).arg(d.simulation.replications)},
        {QObject::tr("Date"), when},
        {QObject::tr("Headroom version"), d.version},
    };
    c.title.note = QObject::tr("Every figure in this report comes from the workspace and the scenario named above "
                               "and can be reproduced with “headroom simulate” and “headroom recommend” on the same "
                               "scenario and seed. Prices are list prices on the dates the catalog states.");
    c.runningTitle = QObject::tr("Headroom capacity report · %1").arg(name);
    c.footerLeft = QObject::tr("Generated %1 by Headroom %2").arg(when, d.version);

    addExecutiveSummary(c, d);
    addInputsAndProvenance(c, d);
    addFleetFindings(c, d);
    addDataQuality(c, d);
    addLeadTime(c, d);
    if (d.winnerScenario && d.winnerSimulation)
        addSimulation(c, QObject::tr("Simulation of the recommended configuration"), *d.winnerScenario,
                      *d.winnerSimulation, d.seed,
                      QObject::tr("The recommended configuration, %1, run as a scenario of its own.")
                          .arg(fmt::esc(QStringLiteral("%1–%2 × %3").arg(d.winnerScenario->doc.autoscaling ? d.winnerScenario->doc.autoscaling->min : d.winnerScenario->doc.cluster.nodes)
                                            .arg(d.winnerScenario->doc.autoscaling ? d.winnerScenario->doc.autoscaling->max : d.winnerScenario->doc.cluster.nodes)
                                            .arg(d.winnerScenario->instanceType.key()))));
    addSimulation(c, QObject::tr("Simulation of the scenario as written"), d.scenario, d.simulation, d.seed,
                  QObject::tr("The scenario exactly as its file states it (%1).").arg(fmt::esc(fleetDescription(d))));
    addProviderComparison(c, d);
    addSensitivity(c, d);
    addValidation(c, d);
    addMethodology(c, d);
    return c;
}

}  // namespace headroom::report
