#include "cli_support.h"

#include "catalog/catalog.h"
#include "scenario/resolved_scenario.h"
#include "runs/stored_results.h"
#include "scenario/scenario_parser.h"
#include "sim/simulator.h"
#include "store/workspace.h"

#include <QJsonObject>
#include <cstdio>

namespace headroom::cli {

namespace {

QString ms(double v) { return QStringLiteral("%1 ms").arg(v, 0, 'f', v < 10 ? 2 : 1); }
QString withCi(const Estimate& e, int replications)
{
    if (replications < 2) return ms(e.mean);
    return QStringLiteral("%1   (95 % CI %2 … %3)").arg(ms(e.mean).leftJustified(10)).arg(e.low, 0, 'f', 2).arg(e.high, 0, 'f', 2);
}

QString describeText(const ResolvedScenario& s, const SimulationResult& r, const QString& file)
{
    const Scenario& d = s.doc;
    const SimulationSummary& m = r.summary;
    QString out;
    out += QStringLiteral("Scenario: %1 (%2)\n").arg(d.name.isEmpty() ? QStringLiteral("unnamed") : d.name, file);
    out += QStringLiteral("Simulated %1 h of traffic (peak %2 requests/s), %3 replication(s), seed %4.\n")
               .arg(d.durationS / 3600, 0, 'g', 3).arg(s.peakRateRps, 0, 'g', 4).arg(r.replications).arg(r.seed);
    out += QStringLiteral("Cluster: %1 × %2 (%3 vCPU, %4 workers per node, speed %5× the reference%6), %7 USD/h per node.\n")
               .arg(d.cluster.nodes).arg(s.instanceType.key()).arg(s.vcpu).arg(s.workersPerNode)
               .arg(s.nodeSpeed, 0, 'g', 3)
               .arg(s.speedFromScores ? QString() : QStringLiteral(", no CPU scores to compare"))
               .arg(s.pricePerHourUsd, 0, 'f', 4);
    out += QStringLiteral("CPU score: %1.\n").arg(s.cpu.describe());
    out += QStringLiteral("\nLatency of completed requests after the %1 s warm-up (mean of replications):\n").arg(d.warmupS);
    out += QStringLiteral("  mean  %1\n  p50   %2\n  p95   %3\n  p99   %4\n")
               .arg(withCi(m.latencyMean, r.replications), withCi(m.latencyP50, r.replications),
                    withCi(m.latencyP95, r.replications), withCi(m.latencyP99, r.replications));
    if (d.slo && d.slo->queueWaitP95Ms)
        out += QStringLiteral("  waiting for a worker, p95: %1\n").arg(withCi(m.queueWaitP95, r.replications));
    out += QStringLiteral("\nRequests: %1 arrived, %2 completed, %3 failed (%4 %), %5 attempts per request.\n")
               .arg(m.requests, 0, 'f', 0).arg(m.completed, 0, 'f', 0).arg(m.errors, 0, 'f', 0)
               .arg(m.errorRate.mean * 100, 0, 'g', 3).arg(m.attemptsPerRequest.mean, 0, 'f', 3);
    out += QStringLiteral("Nodes: %1 node-hours; cost %2 USD for the simulated period at list prices (check current prices).\n")
               .arg(m.nodeHours.mean, 0, 'f', 2).arg(m.costUsd.mean, 0, 'f', 2);
    if (d.slo) {
        QStringList terms;
        if (d.slo->latencyP95Ms > 0) terms << QStringLiteral("p95 ≤ %1 ms").arg(d.slo->latencyP95Ms);
        if (d.slo->queueWaitP95Ms) terms << QStringLiteral("queue wait p95 ≤ %1 ms").arg(*d.slo->queueWaitP95Ms);
        terms << QStringLiteral("errors ≤ %1 %").arg(d.slo->errorRate * 100);
        out += QStringLiteral("SLO (%1): %2 — met in %3 of %4 replications; %5 minutes over the SLO on average.\n")
                   .arg(terms.join(QStringLiteral(", ")), m.sloMet ? QStringLiteral("MET") : QStringLiteral("MISSED"))
                   .arg(int(m.sloAttainment * r.replications + 0.5)).arg(r.replications)
                   .arg(m.minutesOverSlo.mean, 0, 'f', 1);
    } else {
        out += QStringLiteral("No SLO in the scenario; add \"slo\" to get a verdict.\n");
    }
    return out;
}

}  // namespace

int runSimulate(const QStringList& args)
{
    QCommandLineParser parser;
    addWorkspaceOption(parser);
    parser.addPositionalArgument(QStringLiteral("SCENARIO.json"), QStringLiteral("The scenario document (headroom.scenario/1)."));
    parser.addOption({QStringLiteral("seed"), QStringLiteral("Random seed (default: the scenario's)."), QStringLiteral("S")});
    parser.addOption({QStringLiteral("replications"), QStringLiteral("Independent runs (default: the scenario's)."), QStringLiteral("R")});
    parser.addOption({QStringLiteral("threads"), QStringLiteral("Threads to use (default: all cores)."), QStringLiteral("N")});
    parser.addOption({QStringLiteral("recompute"),
                      QStringLiteral("Simulate again even when the workspace holds a simulation of the same inputs.")});
    parser.addOption({QStringLiteral("json"), QStringLiteral("Print the summary and time series as one JSON document.")});
    const int early = parseOrExit(parser, args,
        QStringLiteral("Simulate a scenario: replications of a discrete-event model of the cluster, with the mean and "
                       "95 % confidence interval of latency, errors, nodes and cost."), 1, 1);
    if (early >= 0) return early;

    auto positiveInt = [&](const char* name, qint64 max, qint64& out) {
        if (!parser.isSet(QString::fromLatin1(name))) return true;
        bool ok = false;
        out = parser.value(QString::fromLatin1(name)).toLongLong(&ok);
        if (!ok || out < (QByteArray(name) == "seed" ? 0 : 1) || out > max) {
            printError(QStringLiteral("--%1: expected a whole number, found \"%2\"")
                           .arg(QString::fromLatin1(name), parser.value(QString::fromLatin1(name))));
            return false;
        }
        return true;
    };
    qint64 seed = -1, replications = 0, threads = 0;
    if (!positiveInt("seed", 9007199254740991LL, seed) || !positiveInt("replications", 10000, replications)
        || !positiveInt("threads", 1024, threads))
        return kUsage;

    return guarded([&] {
        const QString file = parser.positionalArguments().first();
        const Scenario doc = loadScenarioFile(file);
        auto ws = openWorkspace(parser);
        const Catalog catalog = Catalog::load(*ws);
        const ResolvedScenario resolved = resolveScenario(doc, catalog, ws.get(), file);

        SimulationOptions options;
        if (parser.isSet(QStringLiteral("seed"))) options.seed = quint64(seed);
        options.replications = int(replications);
        options.threads = int(threads);
        if (stderrIsTerminal()) {
            options.progress = [last = -1](double f) mutable {
                const int pct = int(f * 100);
                if (pct == last) return;
                last = pct;
                std::fprintf(stderr, "\rsimulating… %3d %%", pct);
                std::fflush(stderr);
            };
        }
        const runs::SimulationOutcome outcome = runs::simulateStored(
            *ws, catalog, resolved, options,
            parser.isSet(QStringLiteral("recompute")) ? runs::Reuse::Recompute : runs::Reuse::Allowed);
        const SimulationResult& result = outcome.result;
        if (stderrIsTerminal()) std::fprintf(stderr, "\r%*s\r", 20, "");
        if (outcome.reused) noteReusedRun(QStringLiteral("simulation"), outcome.run.id, outcome.run.madeAtText());
        if (parser.isSet(QStringLiteral("json"))) printJson(QJsonDocument(toJson(result)));
        else printText(describeText(resolved, result, file));
        return int(kOk);
    });
}

}  // namespace headroom::cli
