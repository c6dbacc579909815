#include "cli_support.h"

#include "analysis/analysis_inputs.h"
#include "analysis/calibration.h"
#include "analysis/data_quality.h"
#include "analysis/fleet_analysis.h"
#include "analysis/fleet_series.h"
#include "analysis/homogeneity.h"
#include "analysis/lead_time.h"
#include "analysis/lead_time_total.h"
#include "analysis/noisy_neighbour.h"
#include "catalog/catalog.h"
#include "core/errors.h"
#include "store/series_queries.h"
#include "store/workspace.h"
#include "store/workspace_metrics.h"

#include <QJsonArray>
#include <QJsonObject>
#include <cmath>

namespace headroom::cli {

namespace {

const char* const kDescription = R"(Models from the imported evidence.

  homogeneity  how alike the nodes of an instance type are for one metric (--metric required),
               plus noisy-neighbour episodes from cpu.steal_pct series
  leadtime     scale-out lead time per phase, with catalog defaults where there is no data,
               and the total by Monte Carlo
  quality      gaps, counter resets, duplicate / out-of-order timestamps, clock offsets
  calibration  service demand per request from a fleet's cpu.util_pct and http.requests_per_s
               series (utilisation law D = U c / X; --instance-type required), projected onto
               --to P/T at --target-util PCT by the ratio of per-vCPU benchmark scores

Filters: --provider P, --instance-type P/T, --dataset ID, --node N, --metric M.

--json output:
  homogeneity: {"metric","unit","group_by","bins":{"low","width","count"},
    "groups":[{"metric","group","instance_type","label","nodes","runs","grand_mean","between_node_cv","within_node_cv",
               "p10","p50","p90","p90_over_p10","median_of_means","mad_of_means",
               "outlier_rule":{"statistic","threshold"},"outliers",
               "speed_factor":{"dist":"lognormal","mean":1,"cv","mu","sigma"},
               "per_node":[{"node","count","mean","std_dev","cv","min","max","robust_z","outlier"}],
               "populations":{"count","populations":[{"share","mean","sd","nodes"}],
                              "mixture_components","bic_one","bic_best","verdict"},
               "drift":[{"node","runs","mean","first_t","last_t","days","trend_pct_per_30_days",
                         "monthly_mean_range_pct"}],
               "histogram":[node count per shared bin]}],
    "noisy_neighbour":{"threshold_pct","series","samples","observed_hours","episodes",
               "episodes_per_hour","mean_duration_s","mean_steal_in_episodes_pct",
               "baseline_steal_pct","slowdown","episode_list":[{"node","start","end",
               "duration_s","mean_steal_pct"}],"scenario":{"episodes_per_hour",
               "mean_duration_s","slowdown"}}}
  leadtime: {"provider","observations",
    "phases":[{"phase","subset","source","from_data","weak_evidence","count","mean","min","max",
               "p50","p90","p95","fit":{"dist":"lognormal","mean","cv","mu","sigma"}|null,"note"}],
    "image_pull_cached":{…phase…}|null,"image_pull_cold":{…phase…}|null,
    "pull_size_model":{"valid","points","bytes_per_s","overhead_s","per_layer_s","uses_layers","r_squared"},
    "providers_seen":[…],"phases_without_data":[…],"unknown_phases":[…],
    "total":{"draws","mean","p50","p90","p95","p99","phases":[…]}}
  quality: {"series":[{"series_id","node","metric","samples","step_s","gaps","missing_samples",
               "longest_gap_s","coverage","counter","counter_resets","duplicate_timestamps",
               "out_of_order"}],
    "clock_offsets":[{"metric","reference_node","node","offset_s","correlation"}],
    "findings":[{"kind","severity","series_id","node","metric","at","count","value","message"}],
    "counts":{"error","warning","info"}}
  calibration: {"demand":{"intervals","nodes","vcpu_per_node","mean_util_pct","mean_rate_rps",
               "demand_ms":{"mean","pooled","median","p10","p90","cv"},
               "service":{"cpu_ms":{"dist":"exponential","mean"},"reference_cpu_score"}},
    "projection":{"from","to","nodes_from","util_from_pct","target_util_pct","score_from",
               "score_to","speed_ratio","nodes_exact","nodes_needed","demand_on_target_ms","text"}|null}
Times are in seconds; null stands for a value that does not exist (no data, infinite).)";

QString num(double v, int digits = 4)
{
    return std::isfinite(v) ? QString::number(v, 'g', digits) : QStringLiteral("-");
}

Selection filterFrom(const QCommandLineParser& p)
{
    Selection f;
    f.metric = p.value(QStringLiteral("metric"));
    f.provider = p.value(QStringLiteral("provider"));
    f.instanceType = p.value(QStringLiteral("instance-type"));
    f.node = p.value(QStringLiteral("node"));
    if (p.isSet(QStringLiteral("dataset"))) {
        bool ok = false;
        f.datasetId = p.value(QStringLiteral("dataset")).toLongLong(&ok);
        if (!ok || f.datasetId <= 0)
            throw InputError(QStringLiteral("--dataset"),
                             QStringLiteral("expected a dataset id (see headroom datasets), got \"%1\"").arg(p.value(QStringLiteral("dataset"))));
    }
    return f;
}

double numberOption(const QCommandLineParser& p, const QString& name, double fallback)
{
    if (!p.isSet(name)) return fallback;
    bool ok = false;
    const double v = p.value(name).toDouble(&ok);
    if (!ok || !std::isfinite(v) || v < 0)
        throw InputError(QStringLiteral("--") + name, QStringLiteral("expected a number ≥ 0, got \"%1\"").arg(p.value(name)));
    return v;
}

// A few of the workspace's metric names for an error message: a workspace with imported
// benchmark suites has tens of thousands, and a message must stay a message.
QString someMetrics(Workspace& ws)
{
    const QStringList all = metricsInWorkspace(ws);
    constexpr qsizetype kShown = 12;
    if (all.isEmpty()) return QStringLiteral("(none; import some data first)");
    QString text = all.mid(0, kShown).join(QStringLiteral(", "));
    if (all.size() > kShown) text += QStringLiteral(" … and %1 more").arg(all.size() - kShown);
    return text;
}

int homogeneityCommand(const QCommandLineParser& p, Workspace& ws)
{
    const Selection filter = filterFrom(p);
    if (filter.metric.isEmpty())
        throw InputError(QStringLiteral("--metric"), QStringLiteral("homogeneity needs a metric; the workspace has: %1")
                                                         .arg(someMetrics(ws)));
    const QString groupBy = p.value(QStringLiteral("group-by"));
    homogeneity::Options options;
    options.outlierThreshold = numberOption(p, QStringLiteral("outlier-threshold"), options.outlierThreshold);
    const analysis::FleetAnalysis fleet = analysis::analyzeFleet(ws, filter, groupBy, options);
    if (fleet.groups.empty())
        throw InputError(QStringLiteral("--metric ") + filter.metric,
                         QStringLiteral("no measurements or series of this metric match the filters; the workspace has: %1")
                             .arg(someMetrics(ws)));
    noisy::Options steal;
    steal.thresholdPct = numberOption(p, QStringLiteral("steal-threshold"), steal.thresholdPct);
    Selection stealFilter = filter;
    stealFilter.metric.clear();
    const noisy::Result episodes = noisy::detect(analysis::loadStealSeries(ws, stealFilter), steal);

    if (p.isSet(QStringLiteral("json"))) {
        QJsonObject o = fleet.toJson();
        o.insert(QStringLiteral("noisy_neighbour"), episodes.toJson());
        printJson(QJsonDocument(o));
        return kOk;
    }
    QString text;
    for (const auto& g : fleet.groups) {
        const homogeneity::Result& r = g.result;
        text += QStringLiteral("%1  %2: %3 nodes, %4 runs\n").arg(filter.metric, g.group.group).arg(r.nodes).arg(r.runs);
        text += QStringLiteral("  mean %1  between-node CV %2  within-node CV %3  p10 %4  p90 %5  (p90/p10 %6)\n")
                    .arg(num(r.grandMean, 6), num(r.betweenNodeCv), num(r.withinNodeCv), num(r.p10, 6), num(r.p90, 6),
                         num(r.p90OverP10));
        text += QStringLiteral("  %1\n").arg(g.populations.verdict);
        text += QStringLiteral("  outliers (|modified z| > %1): %2\n").arg(r.outlierThreshold).arg(r.outliers);
        int shown = 0;
        for (const auto& n : r.perNode)
            if (n.outlier && ++shown <= 20) text += QStringLiteral("    %1  mean %2  z %3\n").arg(n.node, num(n.mean, 6), num(n.robustZ, 3));
        if (shown > 20) text += QStringLiteral("    … and %1 more (--json lists them all)\n").arg(shown - 20);
        for (const auto& d : g.drift)
            text += QStringLiteral("  drift of %1 (%2 runs over %3 days): trend %4 % per 30 days, 30-day means within %5 %\n")
                        .arg(d.node).arg(d.runs).arg(num((d.lastT - d.firstT) / 86400, 4), num(d.trendPctPer30Days, 2),
                                                      num(d.monthlyMeanRangePct, 2));
        text += g.populations.count > 1
                    ? QStringLiteral("  speed factor: empirical (the node means over their mean), not lognormal\n")
                    : QStringLiteral("  speed factor: lognormal, mean 1, sigma %1\n").arg(num(r.speedFactor.sigma));
    }
    if (episodes.series > 0)
        text += QStringLiteral("steal ≥ %1 %: %2 episodes in %3 h (%4 per hour, mean %5 s, speed during episodes ×%6)\n")
                    .arg(episodes.thresholdPct).arg(episodes.episodes).arg(num(episodes.observedHours))
                    .arg(num(episodes.episodesPerHour), num(episodes.meanDurationS), num(episodes.slowdown, 3));
    else
        text += QStringLiteral("no cpu.steal_pct series: noisy-neighbour episodes not estimated\n");
    printText(text);
    return kOk;
}

int leadTimeCommand(const QCommandLineParser& p, Workspace& ws)
{
    const Selection filter = filterFrom(p);
    const auto observations = analysis::loadLeadTimeObservations(ws, filter);
    // Catalog defaults: the provider asked for, else the one every observation shares.
    QString provider = filter.provider;
    if (provider.isEmpty() && !filter.instanceType.isEmpty()) provider = filter.instanceType.section(QLatin1Char('/'), 0, 0);
    if (provider.isEmpty() && !observations.empty()) {
        provider = observations.front().provider;
        for (const auto& o : observations)
            if (o.provider != provider) provider.clear();
    }
    std::optional<ProviderBootTimes> defaults;
    if (!provider.isEmpty()) defaults = Catalog::load(ws).bootTimesOf(provider);
    const leadtime::Report report = leadtime::analyze(observations, defaults);

    leadtime::TotalOptions total;
    total.draws = int(numberOption(p, QStringLiteral("draws"), total.draws));
    total.seed = quint64(numberOption(p, QStringLiteral("seed"), double(total.seed)));
    total.whatIf.bootScale = numberOption(p, QStringLiteral("boot-scale"), 1);
    if (p.isSet(QStringLiteral("image-bytes"))) total.whatIf.imageBytes = numberOption(p, QStringLiteral("image-bytes"), 0);
    total.whatIf.cachedImage = p.isSet(QStringLiteral("cached-image"));
    const leadtime::TotalDistribution dist = leadtime::simulateTotal(report, total);

    if (p.isSet(QStringLiteral("json"))) {
        QJsonObject o = report.toJson();
        o[QStringLiteral("total")] = dist.toJson();
        printJson(QJsonDocument(o));
        return kOk;
    }
    QString text = QStringLiteral("%1 lead-time events%2\n")
                       .arg(report.observations)
                       .arg(provider.isEmpty() ? QString() : QStringLiteral(", defaults for %1").arg(provider));
    text += QStringLiteral("  %1 %2 %3 %4 %5  source\n")
                .arg(QStringLiteral("phase").leftJustified(14), QStringLiteral("n").rightJustified(5),
                     QStringLiteral("p50 s").rightJustified(9), QStringLiteral("p90 s").rightJustified(9),
                     QStringLiteral("p95 s").rightJustified(9));
    auto row = [&](const leadtime::PhaseModel& m) {
        const QString name = m.subset.isEmpty() ? m.phase : m.phase + QStringLiteral(" (") + m.subset + QLatin1Char(')');
        text += QStringLiteral("  %1 %2 %3 %4 %5  %6\n")
                    .arg(name.leftJustified(14), QString::number(m.count).rightJustified(5), num(m.p50).rightJustified(9),
                         num(m.p90).rightJustified(9), num(m.p95).rightJustified(9), m.source);
    };
    for (const auto& m : report.phases) row(m);
    if (report.pullCached) row(*report.pullCached);
    if (report.pullCold) row(*report.pullCold);
    if (report.providersSeen.size() > 1)
        text += QStringLiteral("  note: events of %1 providers pooled (%2); narrow with --provider\n")
                    .arg(report.providersSeen.size()).arg(report.providersSeen.join(QStringLiteral(", ")));
    if (report.pullModel.valid)
        text += QStringLiteral("  image pull ≈ %1 s + size / %2 MB/s (R² %3)\n")
                    .arg(num(report.pullModel.overheadS), num(report.pullModel.bytesPerS / 1e6), num(report.pullModel.rSquared, 3));
    if (!report.phasesWithoutData.isEmpty())
        text += QStringLiteral("  no data (set in the scenario): %1\n").arg(report.phasesWithoutData.join(QStringLiteral(", ")));
    text += dist.phases.isEmpty()
                ? QStringLiteral("  total: nothing to add up\n")
                : QStringLiteral("  total (%1 draws): p50 %2 s, p90 %3 s, p95 %4 s\n")
                      .arg(dist.draws).arg(num(dist.p50), num(dist.p90), num(dist.p95));
    printText(text);
    return kOk;
}

int qualityCommand(const QCommandLineParser& p, Workspace& ws)
{
    const quality::Report report = quality::check(seriesAsRecorded(ws, filterFrom(p)));
    if (p.isSet(QStringLiteral("json"))) {
        printJson(QJsonDocument(report.toJson()));
        return kOk;
    }
    QString text = QStringLiteral("%1 series checked, %2 findings\n").arg(report.series.size()).arg(report.findings.size());
    for (const auto& f : report.findings)
        text += QStringLiteral("  %1  %2\n").arg(quality::severityName(f.severity).leftJustified(7), f.message);
    printText(text);
    return kOk;
}

int calibrationCommand(const QCommandLineParser& p, Workspace& ws)
{
    const Selection filter = filterFrom(p);
    const Catalog catalog = Catalog::load(ws);
    auto typeOf = [&](const QString& option) {
        const QString key = p.value(option);
        if (key.isEmpty()) throw InputError(QStringLiteral("--") + option, QStringLiteral("expected an instance type, provider/name"));
        std::optional<InstanceType> t = catalog.find(key);
        if (!t) throw InputError(QStringLiteral("--") + option, QStringLiteral("\"%1\" is not in the catalog (see headroom catalog)").arg(key));
        return *t;
    };
    InstanceType from = typeOf(QStringLiteral("instance-type"));
    from.cpuScore = numberOption(p, QStringLiteral("from-score"), from.cpuScore);
    calibration::FleetSeries fleet = analysis::loadFleetSeries(ws, filter);
    fleet.vcpuPerNode = from.vcpu;
    fleet.cpuScore = from.cpuScore;
    if (p.isSet(QStringLiteral("nodes"))) fleet.nodes = int(numberOption(p, QStringLiteral("nodes"), fleet.nodes));
    const calibration::Demand demand = calibration::serviceDemand(fleet, QStringLiteral("workspace"));
    std::optional<calibration::Projection> projection;
    if (p.isSet(QStringLiteral("to"))) {
        InstanceType to = typeOf(QStringLiteral("to"));
        to.cpuScore = numberOption(p, QStringLiteral("to-score"), to.cpuScore);
        projection = calibration::project(fleet.nodes, demand.meanUtilPct, from, to,
                                          numberOption(p, QStringLiteral("target-util"), 60), demand.pooledMs);
    }
    if (p.isSet(QStringLiteral("json"))) {
        printJson(QJsonDocument(QJsonObject{{QStringLiteral("demand"), demand.toJson()},
                                            {QStringLiteral("projection"), projection ? QJsonValue(projection->toJson())
                                                                                      : QJsonValue(QJsonValue::Null)}}));
        return kOk;
    }
    QString text = QStringLiteral("%1 × %2, %3 intervals: mean CPU %4 %, %5 requests/s\n")
                       .arg(fleet.nodes).arg(from.key()).arg(demand.intervals).arg(num(demand.meanUtilPct), num(demand.meanRateRps));
    text += QStringLiteral("  CPU per request %1 ms (p10 %2, p90 %3, CV over time %4)\n")
                .arg(num(demand.pooledMs), num(demand.p10Ms), num(demand.p90Ms), num(demand.cv, 3));
    if (projection) text += QStringLiteral("  %1 (speed ratio %2)\n").arg(projection->text, num(projection->speedRatio, 3));
    printText(text);
    return kOk;
}

}  // namespace

int runAnalyze(const QStringList& args)
{
    QCommandLineParser parser;
    parser.addPositionalArgument(QStringLiteral("MODEL"), QStringLiteral("homogeneity, leadtime, quality or calibration."));
    addWorkspaceOption(parser);
    parser.addOptions({
        {QStringLiteral("metric"), QStringLiteral("Metric to analyse (homogeneity: required; quality: optional)."), QStringLiteral("M")},
        {QStringLiteral("provider"), QStringLiteral("Only datasets of this provider; leadtime: whose catalog defaults."), QStringLiteral("P")},
        {QStringLiteral("instance-type"), QStringLiteral("Only datasets of this instance type (provider/name)."), QStringLiteral("P/T")},
        {QStringLiteral("dataset"), QStringLiteral("Only this dataset id."), QStringLiteral("ID")},
        {QStringLiteral("node"), QStringLiteral("Only this node."), QStringLiteral("N")},
        {QStringLiteral("group-by"), QStringLiteral("homogeneity: split each instance type further by this label (zone, region, or any label)."), QStringLiteral("LABEL")},
        {QStringLiteral("outlier-threshold"), QStringLiteral("homogeneity: modified z-score cut-off (default 3.5)."), QStringLiteral("Z")},
        {QStringLiteral("steal-threshold"), QStringLiteral("homogeneity: steal percentage that starts an episode (default 5)."), QStringLiteral("PCT")},
        {QStringLiteral("draws"), QStringLiteral("leadtime: Monte Carlo draws for the total (default 20000)."), QStringLiteral("N")},
        {QStringLiteral("seed"), QStringLiteral("leadtime: random seed (default 1)."), QStringLiteral("S")},
        {QStringLiteral("boot-scale"), QStringLiteral("leadtime what-if: multiply provisioning and boot."), QStringLiteral("X")},
        {QStringLiteral("image-bytes"), QStringLiteral("leadtime what-if: image size for the pull-time model."), QStringLiteral("BYTES")},
        {QStringLiteral("cached-image"), QStringLiteral("leadtime what-if: the image is already on the node.")},
        {QStringLiteral("to"), QStringLiteral("calibration: instance type to project the fleet onto."), QStringLiteral("P/T")},
        {QStringLiteral("target-util"), QStringLiteral("calibration: CPU utilisation to plan for on --to (default 60)."), QStringLiteral("PCT")},
        {QStringLiteral("nodes"), QStringLiteral("calibration: fleet size, when not every node has a CPU series."), QStringLiteral("N")},
        {QStringLiteral("from-score"), QStringLiteral("calibration: per-vCPU score of the fleet's type (overrides the catalog)."), QStringLiteral("S")},
        {QStringLiteral("to-score"), QStringLiteral("calibration: per-vCPU score of --to (overrides the catalog)."), QStringLiteral("S")},
        {QStringLiteral("json"), QStringLiteral("Print one JSON document on stdout (keys above).")},
    });
    const int early = parseOrExit(parser, args, QString::fromUtf8(kDescription), 1, 1);
    if (early >= 0) return early;
    const QString model = parser.positionalArguments().front();
    using Handler = int (*)(const QCommandLineParser&, Workspace&);
    Handler handler = model == QStringLiteral("homogeneity") ? homogeneityCommand
                      : model == QStringLiteral("leadtime")  ? leadTimeCommand
                      : model == QStringLiteral("quality")   ? qualityCommand
                      : model == QStringLiteral("calibration") ? calibrationCommand
                                                             : nullptr;
    if (!handler) {
        printError(QStringLiteral("unknown model \"%1\"; expected homogeneity, leadtime, quality or calibration").arg(model));
        return kUsage;
    }
    return guarded([&] {
        auto ws = openWorkspace(parser, WorkspaceUse::ReadOnly);
        return handler(parser, *ws);
    });
}

}  // namespace headroom::cli
