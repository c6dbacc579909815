#pragma once
#include "import_result.h"
#include "importer.h"

#include <QDateTime>
#include <functional>
#include <memory>

namespace headroom {

class Workspace;

// Where a dataset came from, stored next to its data for provenance.
struct DatasetOrigin {
    QString name;          // shown in tables: the file's base name or the query
    QString source;        // absolute path or URL (never with credentials)
    QString sha256;        // of the bytes imported
    QString node;          // --node, else the node the file names
    QString instanceType;  // --instance-type "provider/name", may be empty
    QDateTime importedAt = QDateTime::currentDateTimeUtc();
    // Set when the sha256 is still being computed (a large file is hashed while it is parsed
    // and written): `sha256` then holds a unique placeholder, and this yields the real value
    // just before the commit.
    std::function<QString()> pendingSha256;
};

// Writes one parsed file as one dataset in a single transaction: either every measurement,
// series, sample and event is stored, or (on any error or cancel) nothing is.
// Samples go through one reused prepared statement on the raw SQLite handle.
// With a pending sha256 that turns out to match an earlier dataset, everything is rolled back,
// 0 is returned and `duplicateOf` receives the earlier dataset's id.
qint64 writeDataset(Workspace& ws, const DatasetOrigin& origin, const ImportResult& result,
                    const std::atomic<bool>* cancel = nullptr, qint64* duplicateOf = nullptr);

// Writes one dataset whose samples arrive while the file is still being parsed: the dataset row
// goes in first (with `origin.sha256` as a placeholder), series rows as new (node, metric) pairs
// appear, samples in batches as they come, all inside one transaction that only finish()
// commits. Destroying it unfinished (parse error, cancel) rolls everything back.
class StreamingDatasetWriter : public StreamingSink {
public:
    // `expectedSamples` (a guess from the file size) decides whether the sample index is rebuilt
    // after the load instead of updated row by row.
    StreamingDatasetWriter(Workspace& ws, const DatasetOrigin& origin, const QString& format, qint64 expectedSamples,
                           const std::atomic<bool>* cancel = nullptr);
    ~StreamingDatasetWriter() override;
    StreamingDatasetWriter(const StreamingDatasetWriter&) = delete;
    StreamingDatasetWriter& operator=(const StreamingDatasetWriter&) = delete;

    qint64 openSeries(const QString& node, const QString& metric, const QString& unit) override;
    qint64 openLabelledSeries(const QString& node, const QString& metric, const QString& unit,
                              const QJsonObject& labels) override;
    void add(qint64 series, double t, double value) override;

    // Stores the rest of the parsed result (labels, metrics, warnings, measurements) and the real
    // sha256, then commits and returns the dataset id. When an earlier dataset has that sha256,
    // rolls back instead, returns 0 and sets `duplicateOf`.
    qint64 finish(const ImportResult& rest, const QString& sha256, qint64* duplicateOf);

    qint64 seriesCount() const;
    qint64 sampleCount() const;

private:
    struct State;
    std::unique_ptr<State> d_;
};

}  // namespace headroom
