#include "cli_support.h"
#include "recommend_shards.h"

#include "catalog/catalog.h"
#include "core/errors.h"
#include "plan/candidate_config.h"
#include "plan/recommendation_json.h"
#include "plan/recommender.h"
#include "plan/sensitivity.h"
#include "runs/stored_results.h"
#include "scenario/scenario_parser.h"
#include "store/workspace.h"

#include <QFileInfo>
#include <algorithm>
#include <cstdio>

namespace headroom::cli {

namespace {

QStringList listOption(const QCommandLineParser& parser, const QString& name)
{
    QStringList out;
    for (const QString& value : parser.values(name))
        for (const QString& part : value.split(QLatin1Char(','), Qt::SkipEmptyParts)) out << part.trimmed();
    return out;
}

QString tableText(const Recommendation& r, int top)
{
    QString text;
    if (const CandidateResult* w = r.winner()) {
        text += QStringLiteral("Recommended: %1 × %2 (%3), $%4/month, p95 %5 ms (SLO %6 ms)\n\n")
                    .arg(w->nodesMin() == w->nodesMax() ? QString::number(w->nodesMin())
                                                        : QStringLiteral("%1–%2").arg(w->nodesMin()).arg(w->nodesMax()),
                         w->type.key(), w->policy)
                    .arg(w->costPerMonthUsd(), 0, 'f', 2)
                    .arg(w->chosen->p95Ms, 0, 'f', 1)
                    .arg(r.sloP95Ms, 0, 'f', 0);
        // A winner judged without a CPU score may only look cheap: say so where it is named.
        if (const CpuCapacity cpu = w->cpuAssumed(); !cpu.speedKnown())
            text.insert(text.size() - 2, QStringLiteral("\nCaution: %1").arg(cpu.describe()));
    } else {
        text += QStringLiteral("No candidate meets the SLO (p95 %1 ms).\n\n").arg(r.sloP95Ms, 0, 'f', 0);
    }
    // A sweep over policies names each row's policy next to its type.
    const bool policiesCompared = std::any_of(r.candidates.begin(), r.candidates.end(), [&](const CandidateResult& c) {
        return c.policy != r.candidates.front().policy;
    });
    int rank = 0;
    for (const CandidateResult& c : r.candidates) {
        if (top > 0 && rank >= top) break;
        ++rank;
        text += QStringLiteral("%1. %2 %3 nodes %4 %5  %6\n")
                    .arg(rank, 3)
                    .arg((policiesCompared ? QStringLiteral("%1 %2").arg(c.type.key(), c.policy) : c.type.key()).leftJustified(26))
                    .arg(c.nodesMin() == c.nodesMax() ? QString::number(c.nodesMin())
                                                      : QStringLiteral("%1–%2").arg(c.nodesMin()).arg(c.nodesMax()), 6)
                    .arg(QStringLiteral("$%1/mo").arg(c.costPerMonthUsd(), 0, 'f', 2), 12)
                    .arg(c.chosen ? QStringLiteral("p95 %1 ms").arg(c.chosen->p95Ms, 0, 'f', 1) : QStringLiteral("not simulated"), 16)
                    .arg(c.why);
        text += QStringLiteral("     CPU score: %1\n").arg(c.cpuAssumed().brief());
    }
    if (const auto& base = r.sensitivityBase.result; base && !r.sensitivity.empty())
        text += QStringLiteral("\n  What-ifs %1; the recommended fleet there: p95 %2 ms, up to %3 nodes, SLO %4")
                    .arg(whereWhatIfsRan(r.sensitivityBase))
                    .arg(base->p95Ms, 0, 'f', 1)
                    .arg(base->peakNodes, 0, 'f', 1)
                    .arg(base->meetsSlo ? QStringLiteral("holds") : QStringLiteral("broken"));
    for (const SensitivityCase& s : r.sensitivity) {
        if (s.result)
            text += QStringLiteral("\n  %1: p95 %2 ms, up to %3 nodes, SLO %4").arg(s.label).arg(s.result->p95Ms, 0, 'f', 1)
                        .arg(s.result->peakNodes, 0, 'f', 1)
                        .arg(s.result->meetsSlo ? QStringLiteral("holds") : QStringLiteral("broken"));
        else
            text += QStringLiteral("\n  %1: not applicable (%2)").arg(s.label, s.note);
    }
    text += QStringLiteral("\n\n%1 configurations simulated in %2 s; prices are list prices (see headroom catalog).")
                .arg(r.simulations)
                .arg(r.elapsedS, 0, 'f', 1);
    return text;
}

}  // namespace

int runRecommend(const QStringList& args)
{
    QCommandLineParser parser;
    addWorkspaceOption(parser);
    parser.addOption({QStringLiteral("providers"), QStringLiteral("Only these providers (comma-separated)."), QStringLiteral("a,b")});
    parser.addOption({QStringLiteral("instance-types"),
                      QStringLiteral("Only these instance types (provider/name or name, comma-separated)."), QStringLiteral("x,y")});
    parser.addOption({QStringLiteral("top"), QStringLiteral("Show only the K best candidates."), QStringLiteral("K")});
    parser.addOption({QStringLiteral("confidence"),
                      QStringLiteral("Share of replications that must meet the SLO (default 0.9)."), QStringLiteral("C")});
    parser.addOption({QStringLiteral("no-sensitivity"),
                      QStringLiteral("Skip the sensitivity runs of the winner (a faster answer, no tornado).")});
    parser.addOption({QStringLiteral("recompute"),
                      QStringLiteral("Run the recommendation again even when the workspace holds one of the same inputs.")});
    parser.addOption({QStringLiteral("json"), QStringLiteral("Print the recommendation as JSON.")});
    parser.addOption({QStringLiteral("shard"),
                      QStringLiteral("Evaluate only shard I of N (0 ≤ I < N) of the candidates; needs --out."), QStringLiteral("I/N")});
    parser.addOption({QStringLiteral("out"), QStringLiteral("Where --shard writes its part file."), QStringLiteral("PART.json")});
    parser.addOption({QStringLiteral("bar-dir"),
                      QStringLiteral("With --shard: share the cost bar with the sweep's other shards running at the same time "
                                     "through this directory (one every shard sees); fewer full runs, the same answer."),
                      QStringLiteral("DIR")});
    parser.addOption({QStringLiteral("merge"),
                      QStringLiteral("Merge the part files given as arguments (one per shard) into the recommendation.")});
    const int early = parseOrExit(parser, args,
        QStringLiteral("Find the cheapest instance type and node count (or autoscaling range) that keeps the "
                       "scenario's SLO: Erlang C screens the catalog, the simulator runs the finalists."), 1);
    if (early >= 0) return early;
    const bool merging = parser.isSet(QStringLiteral("merge"));
    if (!merging && parser.positionalArguments().size() != 1) {
        printError(QStringLiteral("recommend expects 1 scenario file (or --merge PART.json…), got %1 arguments")
                       .arg(parser.positionalArguments().size()));
        return int(kUsage);
    }
    if (merging) {
        // What was computed is fixed by the shards' part files; a merge cannot change it.
        for (const char* name : {"shard", "out", "bar-dir", "providers", "instance-types", "confidence", "no-sensitivity", "recompute"})
            if (parser.isSet(QLatin1String(name))) {
                printError(QStringLiteral("--merge takes part files only: --%1 belongs to the shards that made them")
                               .arg(QLatin1String(name)));
                return int(kUsage);
            }
    }
    int shardIndex = 0, shardCount = 0;
    if (parser.isSet(QStringLiteral("shard")) != parser.isSet(QStringLiteral("out"))) {
        printError(QStringLiteral("--shard I/N and --out PART.json go together"));
        return int(kUsage);
    }
    if (parser.isSet(QStringLiteral("bar-dir")) && !parser.isSet(QStringLiteral("shard"))) {
        printError(QStringLiteral("--bar-dir DIR is for shards (--shard I/N --out PART.json): one process has the whole sweep's bar"));
        return int(kUsage);
    }
    if (parser.isSet(QStringLiteral("shard"))) {
        if (const QString problem = parseShardSpec(parser.value(QStringLiteral("shard")), &shardIndex, &shardCount); !problem.isEmpty()) {
            printError(problem);
            return int(kUsage);
        }
    }

    RecommendOptions options;
    options.providers = listOption(parser, QStringLiteral("providers"));
    options.instanceTypes = listOption(parser, QStringLiteral("instance-types"));
    options.sensitivity = !parser.isSet(QStringLiteral("no-sensitivity"));
    int top = 0;
    if (parser.isSet(QStringLiteral("top"))) {
        bool ok = false;
        top = parser.value(QStringLiteral("top")).toInt(&ok);
        if (!ok || top < 1) {
            printError(QStringLiteral("--top: expected a whole number ≥ 1, got \"%1\"").arg(parser.value(QStringLiteral("top"))));
            return int(kUsage);
        }
    }
    if (parser.isSet(QStringLiteral("confidence"))) {
        bool ok = false;
        options.confidence = parser.value(QStringLiteral("confidence")).toDouble(&ok);
        if (!ok || options.confidence <= 0 || options.confidence > 1) {
            printError(QStringLiteral("--confidence: expected a number in (0, 1], got \"%1\"")
                           .arg(parser.value(QStringLiteral("confidence"))));
            return int(kUsage);
        }
    }
    if (merging)
        return guarded([&] {
            QString note;
            const Recommendation r = mergeShards(parser.positionalArguments(), options, &note);
            std::fprintf(stderr, "headroom: %s\n", qPrintable(note));
            if (parser.isSet(QStringLiteral("json")))
                printJson(QJsonDocument(recommendationToJson(r, top)));
            else
                printText(tableText(r, top));
            return int(kOk);
        });
    return guarded([&] {
        const QString path = parser.positionalArguments().constFirst();
        const Scenario scenario = loadScenarioFile(path);
        auto ws = openWorkspace(parser);
        const Catalog catalog = Catalog::load(*ws);
        if (const QString problem = filterProblem(catalog, options); !problem.isEmpty()) {
            printError(problem);
            return int(kUsage);
        }
        if (stderrIsTerminal()) {
            options.progress = [last = -1](double fraction) mutable {
                const int percent = int(fraction * 100);
                if (percent == last) return;
                last = percent;
                std::fprintf(stderr, "\rrecommending… %3d %%", percent);
                std::fflush(stderr);
            };
        }
        if (shardCount > 0) {
            // A shard is one piece of a sweep: its part file is the result, nothing is stored.
            const QString line = writeShard(scenario, catalog, ws.get(), QFileInfo(path).fileName(), options, shardIndex,
                                            shardCount, parser.value(QStringLiteral("out")), parser.value(QStringLiteral("bar-dir")));
            if (stderrIsTerminal()) std::fprintf(stderr, "\r\033[K");
            std::fprintf(stderr, "headroom: %s\n", qPrintable(line));
            return int(kOk);
        }
        // The answer is printed as soon as it is stored; the simulation of the scenario as
        // written that a report will want may still be finishing beside it.
        const auto print = [&](const runs::RecommendationOutcome& outcome) {
            const Recommendation& r = outcome.result;
            if (stderrIsTerminal()) std::fprintf(stderr, "\r\033[K");
            if (outcome.reused) noteReusedRun(QStringLiteral("recommendation"), outcome.run.id, outcome.run.madeAtText());
            if (parser.isSet(QStringLiteral("json")))
                printJson(QJsonDocument(recommendationToJson(r, top)));
            else
                printText(tableText(r, top));
            std::fflush(stdout);
            if (!outcome.reused && stderrIsTerminal())
                std::fprintf(stderr, "headroom: keeping a simulation of the scenario as written for the report…\r");
        };
        runs::recommendStored(*ws, catalog, scenario, QFileInfo(path).fileName(), options,
                              parser.isSet(QStringLiteral("recompute")) ? runs::Reuse::Recompute : runs::Reuse::Allowed, print);
        if (stderrIsTerminal()) std::fprintf(stderr, "\r\033[K");
        return int(kOk);
    });
}

}  // namespace headroom::cli
