#include "noisy_neighbour.h"

#include "descriptive_stats.h"

#include <QJsonArray>
#include <cmath>
#include <limits>

namespace headroom::noisy {

namespace {
QJsonValue number(double v) { return std::isfinite(v) ? QJsonValue(v) : QJsonValue(QJsonValue::Null); }
}  // namespace

double typicalStep(const std::vector<double>& t)
{
    std::vector<double> diffs;
    for (size_t i = 1; i < t.size(); ++i)
        if (t[i] > t[i - 1]) diffs.push_back(t[i] - t[i - 1]);
    return diffs.empty() ? 0 : stats::median(std::move(diffs));
}

Result detect(const std::vector<Series>& series, const Options& options)
{
    Result r;
    r.thresholdPct = options.thresholdPct;
    double observedS = 0;
    double stealInSum = 0, stealOutSum = 0;
    int samplesIn = 0, samplesOut = 0;
    for (const Series& s : series) {
        const size_t n = std::min(s.t.size(), s.v.size());
        if (n == 0) continue;
        ++r.series;
        r.samples += int(n);
        // A single sample gives no step; it then covers nothing and only counts as a sample.
        const double step = typicalStep(s.t);
        observedS += step * double(n);
        bool inEpisode = false;
        Episode current;
        int currentCount = 0;
        auto close = [&] {
            if (!inEpisode) return;
            current.meanStealPct /= currentCount;
            r.list.push_back(current);
            inEpisode = false;
        };
        for (size_t i = 0; i < n; ++i) {
            const double v = s.v[i];
            if (!std::isfinite(v)) continue;
            const bool above = v >= options.thresholdPct;
            const bool gap = i > 0 && step > 0 && s.t[i] - s.t[i - 1] > options.maxGapSteps * step;
            if (gap) close();
            if (above) {
                stealInSum += v;
                ++samplesIn;
                if (!inEpisode) {
                    inEpisode = true;
                    current = Episode{s.node, s.t[i] - step, s.t[i], 0};
                    currentCount = 0;
                }
                current.end = s.t[i];
                current.meanStealPct += v;
                ++currentCount;
            } else {
                stealOutSum += v;
                ++samplesOut;
                close();
            }
        }
        close();
    }
    constexpr double nan = std::numeric_limits<double>::quiet_NaN();
    r.observedHours = observedS / 3600;
    r.episodes = int(r.list.size());
    r.episodesPerHour = r.observedHours > 0 ? r.episodes / r.observedHours : nan;
    double durations = 0;
    for (const Episode& e : r.list) durations += e.durationS();
    r.meanDurationS = r.episodes > 0 ? durations / r.episodes : nan;
    r.meanStealInEpisodesPct = samplesIn > 0 ? stealInSum / samplesIn : nan;
    r.baselineStealPct = samplesOut > 0 ? stealOutSum / samplesOut : 0;
    r.slowdown = samplesIn > 0 ? (1 - r.meanStealInEpisodesPct / 100) / (1 - r.baselineStealPct / 100) : 1;
    return r;
}

QJsonObject Result::toJson() const
{
    QJsonArray episodesJson;
    for (const Episode& e : list)
        episodesJson.append(QJsonObject{{QStringLiteral("node"), e.node},
                                        {QStringLiteral("start"), e.start},
                                        {QStringLiteral("end"), e.end},
                                        {QStringLiteral("duration_s"), e.durationS()},
                                        {QStringLiteral("mean_steal_pct"), e.meanStealPct}});
    return QJsonObject{
        {QStringLiteral("threshold_pct"), thresholdPct},
        {QStringLiteral("series"), series},
        {QStringLiteral("samples"), samples},
        {QStringLiteral("observed_hours"), observedHours},
        {QStringLiteral("episodes"), episodes},
        {QStringLiteral("episodes_per_hour"), number(episodesPerHour)},
        {QStringLiteral("mean_duration_s"), number(meanDurationS)},
        {QStringLiteral("mean_steal_in_episodes_pct"), number(meanStealInEpisodesPct)},
        {QStringLiteral("baseline_steal_pct"), number(baselineStealPct)},
        {QStringLiteral("slowdown"), number(slowdown)},
        {QStringLiteral("episode_list"), episodesJson},
        {QStringLiteral("scenario"), QJsonObject{{QStringLiteral("episodes_per_hour"), number(episodesPerHour)},
                                                 {QStringLiteral("mean_duration_s"), number(meanDurationS)},
                                                 {QStringLiteral("slowdown"), number(slowdown)}}},
    };
}

}  // namespace headroom::noisy
