// headroom validate: calibrate the service from load tests at several rates, predict each rate
// with the simulator and put the prediction beside the measurement (DESIGN §5, §8).
#include "cli_support.h"

#include "analysis/calibration_evidence.h"
#include "analysis/validation.h"
#include "analysis/validation_simulated.h"
#include "analysis/validation_text.h"
#include "catalog/catalog.h"
#include "core/errors.h"
#include "runs/run_key.h"
#include "store/run_record.h"
#include "scenario/resolved_scenario.h"
#include "scenario/scenario_parser.h"
#include "scenario/scenario_writer.h"
#include "store/workspace.h"

#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonObject>
#include <cmath>
#include <cstdio>

namespace headroom::cli {

namespace {

QString calibrationText(const validation::ValidationResult& r)
{
    QString out = QStringLiteral("Calibration:\n");
    for (const QString& line : validation::calibrationLines(r.calibration)) out += QStringLiteral("  %1\n").arg(line);
    return out;
}

QString describeText(const validation::ValidationResult& r, const QString& file)
{
    QString out = QStringLiteral("Validation of %1\n\n").arg(file);
    out += calibrationText(r) + QLatin1Char('\n');
    out += r.table() + QLatin1Char('\n');
    for (const validation::LevelComparison& l : r.levels)
        if (!l.cause.isEmpty()) out += QStringLiteral("dataset %1 (%2/s), likely cause: %3\n").arg(l.measured.datasetId).arg(l.measured.rateRps, 0, 'f', 1).arg(l.cause);
    out += QLatin1Char('\n') + r.verdict + QLatin1Char('\n');
    return out;
}

}  // namespace

int runValidate(const QStringList& args)
{
    QCommandLineParser parser;
    addWorkspaceOption(parser);
    parser.addPositionalArgument(QStringLiteral("SCENARIO.json"), QStringLiteral("The scenario of the service that was load-tested."));
    parser.addOption({QStringLiteral("datasets"), QStringLiteral("Load-test datasets, one per rate (default: every load test in the workspace)."),
                      QStringLiteral("ID,…")});
    parser.addOption({QStringLiteral("replications"), QStringLiteral("Replications per rate (default: the scenario's)."), QStringLiteral("R")});
    parser.addOption({QStringLiteral("seed"), QStringLiteral("Random seed (default: the scenario's)."), QStringLiteral("S")});
    parser.addOption({QStringLiteral("write-scenario"), QStringLiteral("Write the calibrated scenario (at the calibration rate) to FILE."),
                      QStringLiteral("FILE")});
    parser.addOption({QStringLiteral("json"), QStringLiteral("Print calibration, predicted vs measured per rate and the calibrated scenario as JSON.")});
    const int early = parseOrExit(parser, args,
        QStringLiteral("Predict what was measured: calibrate the service from load tests at several request rates (CPU per "
                       "request by the utilisation law, service-time shape, fixed delay), simulate every rate and show "
                       "predicted against measured mean, p95 and p99 latency with the error and its likely cause."), 1, 1);
    if (early >= 0) return early;

    std::vector<qint64> ids;
    if (parser.isSet(QStringLiteral("datasets"))) {
        for (const QString& part : parser.value(QStringLiteral("datasets")).split(QLatin1Char(','), Qt::SkipEmptyParts)) {
            bool ok = false;
            const qint64 id = part.trimmed().toLongLong(&ok);
            if (!ok || id < 1) {
                printError(QStringLiteral("--datasets: expected dataset ids separated by commas, found \"%1\"").arg(part));
                return kUsage;
            }
            ids.push_back(id);
        }
    }
    SimulationOptions options;
    for (const char* name : {"replications", "seed"}) {
        const QString key = QString::fromLatin1(name);
        if (!parser.isSet(key)) continue;
        bool ok = false;
        const qint64 v = parser.value(key).toLongLong(&ok);
        if (!ok || v < (key == QLatin1String("seed") ? 0 : 1) || v > 100000000) {
            printError(QStringLiteral("--%1: expected a whole number, found \"%2\"").arg(key, parser.value(key)));
            return kUsage;
        }
        if (key == QLatin1String("seed")) options.seed = quint64(v);
        else options.replications = int(v);
    }

    return guarded([&] {
        const QString file = parser.positionalArguments().first();
        const Scenario doc = loadScenarioFile(file);
        auto ws = openWorkspace(parser);
        const Catalog catalog = Catalog::load(*ws);
        const ResolvedScenario resolved = resolveScenario(doc, catalog, ws.get(), file);
        if (ids.empty()) ids = calibration::loadTestDatasets(*ws);
        if (ids.empty())
            throw InputError(ws->path(), QStringLiteral("no load-test datasets (per-request http.latency_ms, or http.requests_per_s "
                                                        "with http.latency_mean_ms); import load tests at several rates"));
        const auto levels = calibration::loadLevels(*ws, ids, resolved.vcpu);
        if (stderrIsTerminal()) std::fprintf(stderr, "simulating %zu rates…\n", levels.size());
        const QDateTime started = QDateTime::currentDateTimeUtc();
        QElapsedTimer clock;
        clock.start();
        const validation::ValidationResult result = validation::validate(
            doc, levels, resolved.vcpu, resolved.workersPerNode, validation::simulatedPredictor(catalog, ws.get(), options));
        const double wallS = double(clock.nsecsElapsed()) / 1e9;
        if (parser.isSet(QStringLiteral("write-scenario")))
            saveScenarioFile(result.calibratedScenario, parser.value(QStringLiteral("write-scenario")));
        QJsonObject o = result.toJson();
        o[QStringLiteral("scenario")] = scenarioToJson(result.calibratedScenario);
        // Kept in the workspace's runs (listed by `headroom runs`); not reused, it is quick.
        QJsonArray datasetIds;
        for (const qint64 id : ids) datasetIds.append(double(id));
        const runs::RunKey key = runs::makeRunKey(
            runs::RunKind::Validate, doc, options.seed.value_or(doc.seed),
            options.replications > 0 ? options.replications : doc.replications,
            QJsonObject{{QStringLiteral("datasets"), datasetIds}}, catalog, *ws);
        runs::saveRun(*ws, key, started, wallS, result.verdict.section(QLatin1Char('.'), 0, 0).left(120), o, QJsonObject{});
        if (parser.isSet(QStringLiteral("json"))) {
            printJson(QJsonDocument(o));
        } else {
            printText(describeText(result, file));
        }
        return int(kOk);
    });
}

}  // namespace headroom::cli
