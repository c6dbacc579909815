#include "lead_time.h"

#include "descriptive_stats.h"

#include <QJsonArray>
#include <cmath>
#include <map>

namespace headroom::leadtime {

namespace {

QJsonValue number(double v) { return std::isfinite(v) ? QJsonValue(v) : QJsonValue(QJsonValue::Null); }

PhaseModel fromSamples(const QString& phase, const QString& subset, std::vector<double> samples)
{
    PhaseModel m;
    m.phase = phase;
    m.subset = subset;
    m.fromData = true;
    m.count = int(samples.size());
    m.source = QStringLiteral("data (%1 events)").arg(m.count);
    m.weakEvidence = m.count < 5;
    m.mean = stats::mean(samples);
    m.min = stats::quantile(samples, 0);
    m.max = stats::quantile(samples, 1);
    m.p50 = stats::quantile(samples, 0.50);
    m.p90 = stats::quantile(samples, 0.90);
    m.p95 = stats::quantile(samples, 0.95);
    // A lognormal needs positive durations and some spread; zero-length phases (events
    // stamped in the same second) are common, so they are left out of the fit and said so.
    std::vector<double> positive;
    for (double s : samples)
        if (s > 0) positive.push_back(s);
    if (positive.size() >= 2) {
        m.fit = stats::Lognormal::fit(positive);
        m.fitValid = std::isfinite(m.fit.sigma);
        if (positive.size() < samples.size())
            m.note = QStringLiteral("%1 zero-length observations left out of the lognormal fit")
                         .arg(samples.size() - positive.size());
    }
    m.samples = std::move(samples);
    return m;
}

// Least squares y = X b for 2 or 3 columns through the normal equations.
bool leastSquares(const std::vector<std::vector<double>>& rows, const std::vector<double>& y, std::vector<double>& b)
{
    const size_t k = rows.front().size();
    std::vector<std::vector<double>> a(k, std::vector<double>(k + 1, 0));
    for (size_t r = 0; r < rows.size(); ++r)
        for (size_t i = 0; i < k; ++i) {
            for (size_t j = 0; j < k; ++j) a[i][j] += rows[r][i] * rows[r][j];
            a[i][k] += rows[r][i] * y[r];
        }
    for (size_t c = 0; c < k; ++c) {
        size_t p = c;
        for (size_t r = c + 1; r < k; ++r)
            if (std::abs(a[r][c]) > std::abs(a[p][c])) p = r;
        if (std::abs(a[p][c]) < 1e-300) return false;
        std::swap(a[c], a[p]);
        for (size_t r = 0; r < k; ++r) {
            if (r == c) continue;
            const double f = a[r][c] / a[c][c];
            for (size_t j = c; j <= k; ++j) a[r][j] -= f * a[c][j];
        }
    }
    b.resize(k);
    for (size_t i = 0; i < k; ++i) b[i] = a[i][k] / a[i][i];
    return true;
}

PullSizeModel fitPullModel(const std::vector<Observation>& pulls)
{
    PullSizeModel m;
    std::vector<const Observation*> sized;
    bool allLayers = true;
    for (const Observation& o : pulls) {
        if (!o.imageBytes || *o.imageBytes <= 0 || o.imageCached.value_or(false)) continue;
        sized.push_back(&o);
        allLayers = allLayers && o.imageLayers.has_value();
    }
    m.points = int(sized.size());
    m.usesLayers = allLayers && sized.size() >= 4;
    std::vector<std::vector<double>> rows;
    std::vector<double> y;
    for (const Observation* o : sized) {
        // Column order: 1 (fixed overhead), bytes, [layers].
        std::vector<double> row = {1.0, *o->imageBytes};
        if (m.usesLayers) row.push_back(double(*o->imageLayers));
        rows.push_back(row);
        y.push_back(o->durationS);
    }
    if (rows.size() < 2 + (m.usesLayers ? 1u : 0u)) return m;
    std::vector<double> b;
    if (!leastSquares(rows, y, b) || !(b[1] > 0)) return m;
    m.valid = true;
    m.overheadS = b[0];
    m.bytesPerS = 1 / b[1];
    m.perLayerS = m.usesLayers ? b[2] : 0;
    const double meanY = stats::mean(y);
    double sse = 0, sst = 0;
    for (size_t i = 0; i < y.size(); ++i) {
        double fitted = 0;
        for (size_t j = 0; j < b.size(); ++j) fitted += b[j] * rows[i][j];
        sse += (y[i] - fitted) * (y[i] - fitted);
        sst += (y[i] - meanY) * (y[i] - meanY);
    }
    m.rSquared = sst > 0 ? 1 - sse / sst : 1;
    return m;
}

}  // namespace

const QStringList& phaseOrder()
{
    static const QStringList order = {
        QStringLiteral("metric_delay"), QStringLiteral("decision"), QStringLiteral("provisioning"),
        QStringLiteral("scheduled"), QStringLiteral("boot"), QStringLiteral("image_pull"),
        QStringLiteral("app_start"), QStringLiteral("warm_up"), QStringLiteral("readiness"),
        QStringLiteral("registration")};
    return order;
}

stats::Lognormal lognormalFromP50P95(double p50, double p95)
{
    stats::Lognormal l;
    l.mu = std::log(p50);
    l.sigma = p95 > p50 ? std::log(p95 / p50) / stats::normalQuantile(0.95) : 0;
    return l;
}

double PullSizeModel::predict(double bytes, int layers) const
{
    return overheadS + perLayerS * layers + bytes / bytesPerS;
}

Report analyze(const std::vector<Observation>& observations, const std::optional<ProviderBootTimes>& defaults)
{
    Report r;
    r.observations = int(observations.size());
    if (defaults) r.provider = defaults->provider;
    std::map<QString, std::vector<double>> byPhase;
    std::vector<double> cached, cold;
    std::vector<Observation> pulls;
    for (const Observation& o : observations) {
        if (!std::isfinite(o.durationS) || o.durationS < 0) continue;
        if (!phaseOrder().contains(o.phase)) {
            if (!r.unknownPhases.contains(o.phase)) r.unknownPhases << o.phase;
            continue;
        }
        byPhase[o.phase].push_back(o.durationS);
        if (!o.provider.isEmpty() && !r.providersSeen.contains(o.provider)) r.providersSeen << o.provider;
        if (o.phase == QStringLiteral("image_pull")) {
            pulls.push_back(o);
            if (o.imageCached.has_value()) (*o.imageCached ? cached : cold).push_back(o.durationS);
        }
    }
    for (const QString& phase : phaseOrder()) {
        auto it = byPhase.find(phase);
        if (it != byPhase.end()) {
            r.phases.push_back(fromSamples(phase, QString(), it->second));
            continue;
        }
        if (phase == QStringLiteral("boot") && defaults && defaults->userDataStartP50 > 0) {
            PhaseModel m;
            m.phase = phase;
            m.source = QStringLiteral("catalog: %1 (%2)").arg(defaults->source, defaults->sourceDate);
            m.weakEvidence = defaults->weakEvidence();
            m.p50 = defaults->userDataStartP50;
            m.p90 = defaults->userDataStartP90;
            m.p95 = defaults->userDataStartP95;
            m.fit = lognormalFromP50P95(m.p50, m.p95);
            m.fitValid = true;
            m.mean = m.fit.mean();
            m.count = defaults->runs;
            m.note = QStringLiteral("%1 default: create call to user data running (provisioning and boot together)")
                         .arg(defaults->provider);
            r.phases.push_back(m);
            continue;
        }
        if (phase == QStringLiteral("provisioning") && defaults && !byPhase.count(QStringLiteral("boot")))
            continue;  // the catalog's boot default already covers provisioning
        r.phasesWithoutData << phase;
    }
    if (!cached.empty()) r.pullCached = fromSamples(QStringLiteral("image_pull"), QStringLiteral("cached"), cached);
    if (!cold.empty()) r.pullCold = fromSamples(QStringLiteral("image_pull"), QStringLiteral("cold"), cold);
    r.pullModel = fitPullModel(pulls);
    return r;
}

const PhaseModel* Report::phase(const QString& name) const
{
    for (const PhaseModel& m : phases)
        if (m.phase == name) return &m;
    return nullptr;
}

QJsonObject PhaseModel::toJson() const
{
    return QJsonObject{{QStringLiteral("phase"), phase},
                       {QStringLiteral("subset"), subset},
                       {QStringLiteral("source"), source},
                       {QStringLiteral("from_data"), fromData},
                       {QStringLiteral("weak_evidence"), weakEvidence},
                       {QStringLiteral("count"), count},
                       {QStringLiteral("mean"), number(mean)},
                       {QStringLiteral("min"), fromData ? number(min) : QJsonValue(QJsonValue::Null)},
                       {QStringLiteral("max"), fromData ? number(max) : QJsonValue(QJsonValue::Null)},
                       {QStringLiteral("p50"), number(p50)},
                       {QStringLiteral("p90"), number(p90)},
                       {QStringLiteral("p95"), number(p95)},
                       {QStringLiteral("fit"), fitValid ? QJsonValue(fit.toJson()) : QJsonValue(QJsonValue::Null)},
                       {QStringLiteral("note"), note}};
}

QJsonObject PullSizeModel::toJson() const
{
    return QJsonObject{{QStringLiteral("valid"), valid},
                       {QStringLiteral("points"), points},
                       {QStringLiteral("bytes_per_s"), valid ? number(bytesPerS) : QJsonValue(QJsonValue::Null)},
                       {QStringLiteral("overhead_s"), valid ? number(overheadS) : QJsonValue(QJsonValue::Null)},
                       {QStringLiteral("per_layer_s"), number(perLayerS)},
                       {QStringLiteral("uses_layers"), usesLayers},
                       {QStringLiteral("r_squared"), valid ? number(rSquared) : QJsonValue(QJsonValue::Null)}};
}

QJsonObject Report::toJson() const
{
    QJsonArray phasesJson;
    for (const PhaseModel& m : phases) phasesJson.append(m.toJson());
    return QJsonObject{
        {QStringLiteral("provider"), provider},
        {QStringLiteral("observations"), observations},
        {QStringLiteral("phases"), phasesJson},
        {QStringLiteral("image_pull_cached"), pullCached ? QJsonValue(pullCached->toJson()) : QJsonValue(QJsonValue::Null)},
        {QStringLiteral("image_pull_cold"), pullCold ? QJsonValue(pullCold->toJson()) : QJsonValue(QJsonValue::Null)},
        {QStringLiteral("providers_seen"), QJsonArray::fromStringList(providersSeen)},
        {QStringLiteral("pull_size_model"), pullModel.toJson()},
        {QStringLiteral("phases_without_data"), QJsonArray::fromStringList(phasesWithoutData)},
        {QStringLiteral("unknown_phases"), QJsonArray::fromStringList(unknownPhases)},
    };
}

}  // namespace headroom::leadtime
