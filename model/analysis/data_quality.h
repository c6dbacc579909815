#pragma once
#include <QJsonObject>
#include <QString>
#include "store/series.h"
#include <vector>

namespace headroom::quality {

enum class Severity { Info, Warning, Error };
QString severityName(Severity s);  // "info", "warning", "error"

// One thing worth telling the user, with where it is.
struct Finding {
    QString kind;      // "gap", "counter_reset", "duplicate_timestamp", "out_of_order", "clock_offset", "too_short"
    Severity severity = Severity::Info;
    qint64 seriesId = 0;
    QString node;
    QString metric;
    double at = 0;     // timestamp where it happens (first occurrence), 0 when not tied to a time
    int count = 0;     // how many times in this series
    double value = 0;  // size: missing samples, seconds of offset, …
    QString message;
    QJsonObject toJson() const;
};

// Per-series figures behind the findings.
struct SeriesQuality {
    qint64 seriesId = 0;
    QString node;
    QString metric;
    int samples = 0;
    double stepS = 0;           // median spacing
    int gaps = 0;               // spacings above 1.5 steps
    int missingSamples = 0;     // samples those gaps should have held
    double longestGapS = 0;
    double coverage = 1;        // samples / (samples + missing)
    bool counter = false;       // treated as a monotone counter
    int counterResets = 0;
    int duplicateTimestamps = 0;
    int outOfOrder = 0;
    QJsonObject toJson() const;
};

struct ClockOffset {
    QString metric;
    QString referenceNode;
    QString node;
    double offsetS = 0;      // positive: `node`'s clock runs ahead (its pattern appears later)
    double correlation = 0;  // peak cross-correlation of the differenced series
    QJsonObject toJson() const;
};

struct Options {
    double gapFactor = 1.5;          // a spacing above this many steps is a gap
    double minCorrelation = 0.6;     // below this a clock-offset estimate is not reported
    int maxLagSteps = 30;            // cross-correlation searches ± this many steps
};

struct Report {
    std::vector<SeriesQuality> series;
    std::vector<ClockOffset> clockOffsets;
    std::vector<Finding> findings;  // most severe first
    // {"series":[{"series_id","node","metric","samples","step_s","gaps","missing_samples",
    //  "longest_gap_s","coverage","counter","counter_resets","duplicate_timestamps","out_of_order"}],
    //  "clock_offsets":[{"metric","reference_node","node","offset_s","correlation"}],
    //  "findings":[{"kind","severity","series_id","node","metric","at","count","value","message"}],
    //  "counts":{"error","warning","info"}}
    QJsonObject toJson() const;
};

// Series as they were recorded (samples in arrival order, not sorted, so out-of-order timestamps
// stay visible: seriesAsRecorded in store/series_queries.h).
Report check(const std::vector<Series>& series, const Options& options = {});

// Whether a series counts up and is only ever reset: its name says so (Prometheus `_total`,
// `_count`, `_sum`, or labels {"type":"counter"}).
bool looksLikeCounter(const Series& s);

}  // namespace headroom::quality
