#include "data_quality.h"

#include "clock_offset.h"
#include "descriptive_stats.h"

#include <QJsonArray>
#include <algorithm>
#include <cmath>
#include <map>

namespace headroom::quality {

namespace {

// "disk.tps{device=sda} on web-1": the labels tell apart series of one metric on one node.
QString describe(const Series& s)
{
    QStringList parts;
    for (auto it = s.labels.begin(); it != s.labels.end(); ++it)
        if (it.value().isString() || it.value().isDouble())
            parts << it.key() + QLatin1Char('=') + it.value().toVariant().toString();
    const QString name = parts.isEmpty() ? s.metric : s.metric + QLatin1Char('{') + parts.join(QLatin1Char(',')) + QLatin1Char('}');
    return s.node.isEmpty() ? name : QStringLiteral("%1 on %2").arg(name, s.node);
}

double medianPositiveSpacing(std::vector<double> t)
{
    std::sort(t.begin(), t.end());
    std::vector<double> d;
    for (size_t i = 1; i < t.size(); ++i)
        if (t[i] > t[i - 1]) d.push_back(t[i] - t[i - 1]);
    return d.empty() ? 0 : stats::median(std::move(d));
}

int rank(Severity s) { return s == Severity::Error ? 0 : s == Severity::Warning ? 1 : 2; }

SeriesQuality checkOne(const Series& s, const Options& options, std::vector<Finding>& findings)
{
    SeriesQuality q;
    q.seriesId = s.id;
    q.node = s.node;
    q.metric = s.metric;
    const size_t n = std::min(s.t.size(), s.v.size());
    q.samples = int(n);
    auto finding = [&](const QString& kind, Severity sev, double at, int count, double value, const QString& msg) {
        findings.push_back({kind, sev, s.id, s.node, s.metric, at, count, value, msg});
    };
    if (n < 3) {
        finding(QStringLiteral("too_short"), Severity::Info, n ? s.t[0] : 0, int(n), 0,
                QStringLiteral("%1 has only %2 samples; gaps and resets cannot be judged").arg(describe(s)).arg(n));
        return q;
    }

    // Arrival order: duplicates and timestamps that go backwards.
    double firstDuplicate = 0, firstBackwards = 0;
    for (size_t i = 1; i < n; ++i) {
        if (s.t[i] == s.t[i - 1]) {
            if (q.duplicateTimestamps++ == 0) firstDuplicate = s.t[i];
        } else if (s.t[i] < s.t[i - 1]) {
            if (q.outOfOrder++ == 0) firstBackwards = s.t[i];
        }
    }
    if (q.duplicateTimestamps > 0)
        finding(QStringLiteral("duplicate_timestamp"), Severity::Warning, firstDuplicate, q.duplicateTimestamps, 0,
                QStringLiteral("%1: %2 samples repeat the previous timestamp (first at t=%3)")
                    .arg(describe(s)).arg(q.duplicateTimestamps).arg(firstDuplicate, 0, 'f', 3));
    if (q.outOfOrder > 0)
        finding(QStringLiteral("out_of_order"), Severity::Warning, firstBackwards, q.outOfOrder, 0,
                QStringLiteral("%1: %2 samples arrive with an earlier timestamp than the one before (first at t=%3)")
                    .arg(describe(s)).arg(q.outOfOrder).arg(firstBackwards, 0, 'f', 3));

    // Gaps against the series' own step, on the time-sorted samples.
    std::vector<size_t> order(n);
    for (size_t i = 0; i < n; ++i) order[i] = i;
    std::stable_sort(order.begin(), order.end(), [&](size_t a, size_t b) { return s.t[a] < s.t[b]; });
    q.stepS = medianPositiveSpacing(std::vector<double>(s.t.begin(), s.t.begin() + qsizetype(n)));
    double firstGap = 0;
    if (q.stepS > 0) {
        for (size_t k = 1; k < n; ++k) {
            const double d = s.t[order[k]] - s.t[order[k - 1]];
            if (d > options.gapFactor * q.stepS) {
                if (q.gaps++ == 0) firstGap = s.t[order[k - 1]];
                q.missingSamples += std::max(1, int(std::lround(d / q.stepS)) - 1);
                q.longestGapS = std::max(q.longestGapS, d);
            }
        }
    }
    q.coverage = double(n) / double(n + size_t(q.missingSamples));
    if (q.gaps > 0) {
        // Losing more than a tenth of the samples distorts rates and percentiles.
        const Severity sev = q.coverage < 0.9 ? Severity::Error : Severity::Warning;
        finding(QStringLiteral("gap"), sev, firstGap, q.gaps, q.missingSamples,
                QStringLiteral("%1: %2 gap(s), %3 missing samples at a %4 s step (longest gap %5 s, coverage %6 %)")
                    .arg(describe(s)).arg(q.gaps).arg(q.missingSamples).arg(q.stepS).arg(q.longestGapS)
                    .arg(100 * q.coverage, 0, 'f', 1));
    }

    // Counter resets: a counter that drops has restarted (process restart, overflow).
    q.counter = looksLikeCounter(s);
    if (q.counter) {
        double firstReset = 0;
        for (size_t k = 1; k < n; ++k) {
            if (s.v[order[k]] < s.v[order[k - 1]]) {
                if (q.counterResets++ == 0) firstReset = s.t[order[k]];
            }
        }
        if (q.counterResets > 0)
            finding(QStringLiteral("counter_reset"), Severity::Warning, firstReset, q.counterResets, 0,
                    QStringLiteral("%1: counter reset %2 times (first at t=%3); rates across a reset need rate()-style handling")
                        .arg(describe(s)).arg(q.counterResets).arg(firstReset, 0, 'f', 3));
    }
    return q;
}

}  // namespace

QString severityName(Severity s)
{
    switch (s) {
    case Severity::Error: return QStringLiteral("error");
    case Severity::Warning: return QStringLiteral("warning");
    case Severity::Info: break;
    }
    return QStringLiteral("info");
}

bool looksLikeCounter(const Series& s)
{
    if (s.labels.value(QStringLiteral("type")).toString() == QStringLiteral("counter")) return true;
    return s.metric.endsWith(QStringLiteral("_total")) || s.metric.endsWith(QStringLiteral("_count")) ||
           s.metric.endsWith(QStringLiteral("_sum"));
}

Report check(const std::vector<Series>& series, const Options& options)
{
    Report r;
    for (const Series& s : series) r.series.push_back(checkOne(s, options, r.findings));

    // Clock offsets: the same metric on several nodes, each compared with the first node.
    std::map<QString, std::vector<const Series*>> byMetric;
    for (const Series& s : series)
        if (!s.node.isEmpty() && s.t.size() >= 8) byMetric[s.metric].push_back(&s);
    for (auto& [metric, list] : byMetric) {
        std::sort(list.begin(), list.end(), [](auto* a, auto* b) { return a->node < b->node; });
        for (size_t i = 1; i < list.size(); ++i) {
            if (list[i]->node == list[0]->node) continue;
            const auto est = estimateClockOffset(list[0]->t, list[0]->v, list[i]->t, list[i]->v, options.maxLagSteps);
            if (!est || est->correlation < options.minCorrelation) continue;
            ClockOffset o{metric, list[0]->node, list[i]->node, est->offsetS, est->correlation};
            r.clockOffsets.push_back(o);
            if (std::abs(est->offsetS) >= est->stepS / 2)
                r.findings.push_back({QStringLiteral("clock_offset"), Severity::Warning, list[i]->id,
                                      list[i]->node, metric, 0, 1, est->offsetS,
                                      QStringLiteral("%1 on %2 is shifted by %3 s against %4 (correlation %5); "
                                                     "its clock may be off")
                                          .arg(metric, list[i]->node).arg(est->offsetS, 0, 'f', 1)
                                          .arg(list[0]->node).arg(est->correlation, 0, 'f', 2)});
        }
    }
    std::stable_sort(r.findings.begin(), r.findings.end(),
                     [](const Finding& a, const Finding& b) { return rank(a.severity) < rank(b.severity); });
    return r;
}

QJsonObject Finding::toJson() const
{
    return QJsonObject{{QStringLiteral("kind"), kind},
                       {QStringLiteral("severity"), severityName(severity)},
                       {QStringLiteral("series_id"), seriesId},
                       {QStringLiteral("node"), node},
                       {QStringLiteral("metric"), metric},
                       {QStringLiteral("at"), at},
                       {QStringLiteral("count"), count},
                       {QStringLiteral("value"), value},
                       {QStringLiteral("message"), message}};
}

QJsonObject SeriesQuality::toJson() const
{
    return QJsonObject{{QStringLiteral("series_id"), seriesId},
                       {QStringLiteral("node"), node},
                       {QStringLiteral("metric"), metric},
                       {QStringLiteral("samples"), samples},
                       {QStringLiteral("step_s"), stepS},
                       {QStringLiteral("gaps"), gaps},
                       {QStringLiteral("missing_samples"), missingSamples},
                       {QStringLiteral("longest_gap_s"), longestGapS},
                       {QStringLiteral("coverage"), coverage},
                       {QStringLiteral("counter"), counter},
                       {QStringLiteral("counter_resets"), counterResets},
                       {QStringLiteral("duplicate_timestamps"), duplicateTimestamps},
                       {QStringLiteral("out_of_order"), outOfOrder}};
}

QJsonObject ClockOffset::toJson() const
{
    return QJsonObject{{QStringLiteral("metric"), metric},
                       {QStringLiteral("reference_node"), referenceNode},
                       {QStringLiteral("node"), node},
                       {QStringLiteral("offset_s"), offsetS},
                       {QStringLiteral("correlation"), correlation}};
}

QJsonObject Report::toJson() const
{
    QJsonArray seriesJson, offsetsJson, findingsJson;
    int counts[3] = {0, 0, 0};
    for (const SeriesQuality& q : series) seriesJson.append(q.toJson());
    for (const ClockOffset& o : clockOffsets) offsetsJson.append(o.toJson());
    for (const Finding& f : findings) {
        findingsJson.append(f.toJson());
        ++counts[rank(f.severity)];
    }
    return QJsonObject{{QStringLiteral("series"), seriesJson},
                       {QStringLiteral("clock_offsets"), offsetsJson},
                       {QStringLiteral("findings"), findingsJson},
                       {QStringLiteral("counts"), QJsonObject{{QStringLiteral("error"), counts[0]},
                                                              {QStringLiteral("warning"), counts[1]},
                                                              {QStringLiteral("info"), counts[2]}}}};
}

}  // namespace headroom::quality
