#pragma once
#include "catalog/instance_type.h"
#include "store/series.h"

#include <QJsonObject>
#include <QMap>
#include <QString>
#include <QVector>
#include <optional>
#include <vector>

namespace headroom {

// A single benchmark result ("disk.read_iops = 12034.5").
struct Measurement {
    QString node;          // empty: the dataset's node
    QString metric;        // canonical name, DESIGN §4
    double value = 0;
    QString unit;          // "", "ms", "bytes/s", … (units also sit in the metric name)
    QJsonObject labels;    // job name, endpoint, percentile, stream, …
};

// One phase of a scale-out or boot observed in events or logs.
// Phases: metric_delay, decision, provisioning, scheduled, boot, image_pull, app_start,
// warm_up, readiness, registration.
struct LeadTimeEvent {
    QString node;          // node or pod
    QString phase;
    double startedAt = 0;  // Unix seconds; 0 when unknown
    double durationS = 0;
    std::optional<qint64> imageBytes;
    std::optional<bool> imageCached;  // true: "already present on machine"
    QJsonObject labels;    // image name, reason, count of repeats, …
};

// Something skipped or guessed while parsing; kept with the dataset and shown to the user.
struct ImportWarning {
    int line = 0;          // 1-based, 0 when not line-oriented
    int column = 0;
    QString jsonPath;      // "$.jobs[2].read" for JSON inputs
    QString message;
};

// Everything one file yields. Parsers fill it; the store writes it in one transaction.
struct ImportResult {
    QString format;        // importer name, e.g. "fio"
    QString node;          // node name found in the file (host name), may be empty
    QString instanceType;  // "provider/name" when the file names it (a partition folder), may be empty
    QString title;         // a better dataset name than the file's (partition files are all "unit=….csv"), may be empty
    QString toolVersion;   // "fio-3.30", "sysbench 1.0.20", …
    QVector<Measurement> measurements;
    std::vector<Series> series;
    QVector<LeadTimeEvent> leadTimeEvents;
    QVector<InstanceType> instanceTypes;   // catalog imports only
    QVector<ImportWarning> warnings;
    // Headline values exactly as the tool printed them (throughputs summed over jobs/streams,
    // latency percentiles of the aggregate or of the single job).
    QMap<QString, double> metrics;
    QJsonObject labels;    // dataset-level labels (tool options, test name, …)

    void addMeasurement(const QString& metric, double value, const QString& unit, const QJsonObject& labels = {});
    qsizetype sampleCount() const;
    bool isEmpty() const;
};

}  // namespace headroom
