#include "lead_time_total.h"

#include "descriptive_stats.h"

#include <QJsonArray>
#include <algorithm>
#include <cmath>
#include <functional>
#include <random>

namespace headroom::leadtime {

namespace {

using Sampler = std::function<double(std::mt19937_64&)>;

std::optional<Sampler> samplerFor(const PhaseModel& m)
{
    if (m.fromData && m.samples.size() >= 5) {
        const std::vector<double> samples = m.samples;
        return Sampler([samples](std::mt19937_64& rng) {
            std::uniform_int_distribution<size_t> pick(0, samples.size() - 1);
            return samples[pick(rng)];
        });
    }
    if (m.fitValid && m.fit.sigma > 0) {
        const stats::Lognormal l = m.fit;
        return Sampler([l](std::mt19937_64& rng) {
            std::normal_distribution<double> z(0, 1);
            return std::exp(l.mu + l.sigma * z(rng));
        });
    }
    if (m.count >= 1 && std::isfinite(m.mean)) {
        const double v = m.mean;
        return Sampler([v](std::mt19937_64&) { return v; });
    }
    return std::nullopt;
}

}  // namespace

TotalDistribution simulateTotal(const Report& report, const TotalOptions& options)
{
    TotalDistribution out;
    std::vector<Sampler> samplers;
    for (const PhaseModel& m : report.phases) {
        std::optional<Sampler> s;
        const bool bootLike = m.phase == QStringLiteral("boot") || m.phase == QStringLiteral("provisioning");
        if (m.phase == QStringLiteral("image_pull")) {
            const WhatIf& w = options.whatIf;
            if (w.cachedImage && report.pullCached) {
                s = samplerFor(*report.pullCached);
            } else if (!w.cachedImage && w.imageBytes && report.pullModel.valid) {
                const double v = report.pullModel.predict(*w.imageBytes, w.imageLayers.value_or(0));
                s = Sampler([v](std::mt19937_64&) { return v; });
            } else if (!w.cachedImage && report.pullCold) {
                s = samplerFor(*report.pullCold);
            }
        }
        if (!s) s = samplerFor(m);
        if (!s) continue;
        if (bootLike && options.whatIf.bootScale != 1) {
            const double scale = options.whatIf.bootScale;
            Sampler inner = *s;
            s = Sampler([inner, scale](std::mt19937_64& rng) { return scale * inner(rng); });
        }
        samplers.push_back(*s);
        out.phases << m.phase;
    }
    std::mt19937_64 rng(options.seed);
    out.draws = std::max(0, options.draws);
    out.sorted.reserve(size_t(out.draws));
    for (int i = 0; i < out.draws; ++i) {
        double total = 0;
        for (const Sampler& s : samplers) total += s(rng);
        out.sorted.push_back(total);
    }
    std::sort(out.sorted.begin(), out.sorted.end());
    out.mean = stats::mean(out.sorted);
    out.p50 = stats::quantile(out.sorted, 0.50);
    out.p90 = stats::quantile(out.sorted, 0.90);
    out.p95 = stats::quantile(out.sorted, 0.95);
    out.p99 = stats::quantile(out.sorted, 0.99);
    return out;
}

QJsonObject TotalDistribution::toJson() const
{
    auto num = [](double v) { return std::isfinite(v) ? QJsonValue(v) : QJsonValue(QJsonValue::Null); };
    return QJsonObject{{QStringLiteral("draws"), draws},
                       {QStringLiteral("mean"), num(mean)},
                       {QStringLiteral("p50"), num(p50)},
                       {QStringLiteral("p90"), num(p90)},
                       {QStringLiteral("p95"), num(p95)},
                       {QStringLiteral("p99"), num(p99)},
                       {QStringLiteral("phases"), QJsonArray::fromStringList(phases)}};
}

}  // namespace headroom::leadtime
