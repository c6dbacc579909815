#include "dataset_writer.h"

#include "catalog/catalog.h"
#include "core/errors.h"
#include "store/bulk_load.h"
#include "store/dataset_rows.h"
#include "store/sample_rows.h"
#include "store/transaction.h"
#include "store/workspace.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <optional>

namespace headroom {

namespace {

QString compactJson(const QJsonObject& o) { return QString::fromUtf8(QJsonDocument(o).toJson(QJsonDocument::Compact)); }

QString warningsJson(const QVector<ImportWarning>& warnings)
{
    QJsonArray arr;
    for (const ImportWarning& w : warnings) {
        QJsonObject o{{QStringLiteral("message"), w.message}};
        if (w.line > 0) o.insert(QStringLiteral("line"), w.line);
        if (w.column > 0) o.insert(QStringLiteral("column"), w.column);
        if (!w.jsonPath.isEmpty()) o.insert(QStringLiteral("json_path"), w.jsonPath);
        arr.append(o);
    }
    return QString::fromUtf8(QJsonDocument(arr).toJson(QJsonDocument::Compact));
}

QString metricsJson(const QMap<QString, double>& metrics)
{
    QJsonObject o;
    for (auto it = metrics.cbegin(); it != metrics.cend(); ++it) o.insert(it.key(), it.value());
    return compactJson(o);
}

void insertMeasurements(const QSqlDatabase& db, qint64 datasetId, const QString& node, const QVector<Measurement>& rows)
{
    MeasurementRows m(db);
    for (const Measurement& x : rows) m.insert(datasetId, x.node.isEmpty() ? node : x.node, x.metric, x.value, x.unit, compactJson(x.labels));
}

// Lists such as Spare Cores' carry shapes but no prices. A user row overrides the shipped one,
// so an unpriced row takes the price, billing and burst rules of the row it replaces instead of
// turning a priced type into a free one.
QVector<InstanceType> withKnownPrices(Workspace& ws, QVector<InstanceType> rows)
{
    const Catalog current = Catalog::load(ws);
    for (InstanceType& t : rows) {
        if (t.pricePerHour > 0) continue;
        const std::optional<InstanceType> known = current.find(t.key());
        if (!known) continue;
        t.name = known->name;  // same spelling, so the user row replaces exactly that type
        t.region = t.region.isEmpty() ? known->region : t.region;
        t.pricePerHour = known->pricePerHour;
        t.currency = known->currency;
        t.priceBasis = known->priceBasis;
        t.monthlyCap = known->monthlyCap;
        t.burstable = known->burstable;
        t.baselinePctPerVcpu = known->baselinePctPerVcpu;
        t.creditsPerHour = known->creditsPerHour;
        t.maxCredits = known->maxCredits;
        if (t.networkGbps <= 0) t.networkGbps = known->networkGbps;
        // Only a score the user stated travels with the row; shipped and measured scores attach by key.
        if (t.cpuScore <= 0 && known->cpuScoreOrigin == InstanceType::CpuScoreOrigin::CatalogRow) t.cpuScore = known->cpuScore;
        t.source += QStringLiteral("; price from ") + known->source;
    }
    return rows;
}

DatasetRow datasetRow(const DatasetOrigin& origin, const QString& format, const QString& node)
{
    DatasetRow row;
    row.name = origin.name;
    row.format = format;
    row.source = origin.source;
    row.sha256 = origin.sha256;
    row.importedAt = origin.importedAt;
    row.node = node;
    row.instanceType = origin.instanceType;
    return row;
}

}  // namespace

qint64 writeDataset(Workspace& ws, const DatasetOrigin& origin, const ImportResult& result, const std::atomic<bool>* cancel,
                    qint64* duplicateOf)
{
    QSqlDatabase db = ws.database();
    const BulkLoadSettings bulk(db, result.sampleCount());
    Transaction tx(db);
    // Checked again inside the write transaction: another process may have stored the same
    // file since the caller looked (four first starts at once import the same samples).
    if (!origin.pendingSha256) {
        if (const std::optional<qint64> earlier = datasetWithHash(db, origin.sha256)) {
            if (duplicateOf) *duplicateOf = *earlier;
            return 0;
        }
    }

    const QString node = origin.node.isEmpty() ? result.node : origin.node;
    DatasetOrigin typed = origin;  // --instance-type wins over the type the file names
    if (typed.instanceType.isEmpty()) typed.instanceType = result.instanceType;
    DatasetRow row = datasetRow(typed, result.format, node);
    row.toolVersion = result.toolVersion;
    row.labelsJson = compactJson(result.labels);
    row.metricsJson = metricsJson(result.metrics);
    row.warningsJson = warningsJson(result.warnings);
    const qint64 datasetId = insertDatasetRow(db, row);

    insertMeasurements(db, datasetId, node, result.measurements);

    // Indexes after the load (see dropSampleIndexForLoad).
    const QString sampleIndexSql = dropSampleIndexForLoad(db, result.sampleCount());
    SeriesRows seriesRows(db);
    std::optional<SampleRows> samples;
    if (!result.series.empty()) samples.emplace(db, cancel);
    for (const Series& x : result.series) {
        const qint64 seriesId = seriesRows.insert(datasetId, x.node.isEmpty() ? node : x.node, x.metric, x.unit, compactJson(x.labels));
        samples->insertSeries(seriesId, x.t, x.v);
    }
    rebuildSampleIndex(db, sampleIndexSql);

    LeadTimeEventRows events(db);
    for (const LeadTimeEvent& x : result.leadTimeEvents)
        events.insert(datasetId, x.node.isEmpty() ? node : x.node, x.phase, x.startedAt, x.durationS, x.imageBytes, x.imageCached,
                      compactJson(x.labels));

    if (!result.instanceTypes.isEmpty()) Catalog::upsertRows(db, withKnownPrices(ws, result.instanceTypes), true);

    if (cancel && cancel->load()) throw Cancelled();
    if (origin.pendingSha256) {
        const QString sha = origin.pendingSha256();
        if (const std::optional<qint64> earlier = datasetWithHash(db, sha)) {
            if (duplicateOf) *duplicateOf = *earlier;
            return 0;  // the transaction rolls back as it goes out of scope
        }
        setDatasetSha256(db, datasetId, sha);
    }
    tx.commit();
    return datasetId;
}

// Page cache while streaming: enough for the table's growing edge and the index rebuild's sort
// runs; more would only add to resident memory, since nothing is read back during the load.
constexpr int kStreamingCacheKiB = 32 * 1024;

struct StreamingDatasetWriter::State {
    State(Workspace& w, qint64 expectedSamples)
        : ws(w), db(w.database()), bulk(db, qsizetype(expectedSamples), kStreamingCacheKiB), tx(db) {}

    Workspace& ws;
    QSqlDatabase db;
    BulkLoadSettings bulk;  // before the transaction: pragmas cannot change inside one
    Transaction tx;
    const std::atomic<bool>* cancel = nullptr;
    qint64 datasetId = 0;
    QString node;
    QString sampleIndexSql;
    std::optional<SeriesRows> seriesRows;
    std::optional<SampleRows> samples;
    qint64 series = 0;
};

StreamingDatasetWriter::StreamingDatasetWriter(Workspace& ws, const DatasetOrigin& origin, const QString& format,
                                               qint64 expectedSamples, const std::atomic<bool>* cancel)
    : d_(std::make_unique<State>(ws, expectedSamples))
{
    QSqlDatabase& db = d_->db;
    d_->cancel = cancel;
    d_->node = origin.node;
    // Labels, metrics and warnings are known only at the end; finish() fills them in.
    d_->datasetId = insertDatasetRow(db, datasetRow(origin, format, origin.node));
    d_->sampleIndexSql = dropSampleIndexForLoad(db, expectedSamples);
    d_->seriesRows.emplace(db);
    d_->samples.emplace(db, cancel);
}

StreamingDatasetWriter::~StreamingDatasetWriter() = default;

qint64 StreamingDatasetWriter::openSeries(const QString& node, const QString& metric, const QString& unit)
{
    return openLabelledSeries(node, metric, unit, QJsonObject());
}

qint64 StreamingDatasetWriter::openLabelledSeries(const QString& node, const QString& metric, const QString& unit,
                                                  const QJsonObject& labels)
{
    const qint64 id = d_->seriesRows->insert(d_->datasetId, node.isEmpty() ? d_->node : node, metric, unit, compactJson(labels));
    ++d_->series;
    return id;
}

void StreamingDatasetWriter::add(qint64 series, double t, double value) { d_->samples->add(series, t, value); }

qint64 StreamingDatasetWriter::finish(const ImportResult& rest, const QString& sha256, qint64* duplicateOf)
{
    QSqlDatabase& db = d_->db;
    d_->samples->flush();
    const QString node = d_->node.isEmpty() ? rest.node : d_->node;
    insertMeasurements(db, d_->datasetId, node, rest.measurements);
    rebuildSampleIndex(db, d_->sampleIndexSql);
    if (d_->cancel && d_->cancel->load()) throw Cancelled();
    if (const std::optional<qint64> earlier = datasetWithHash(db, sha256)) {
        if (duplicateOf) *duplicateOf = *earlier;
        return 0;  // the transaction rolls back when the writer is destroyed
    }
    completeDatasetRow(db, d_->datasetId, sha256, node, rest.toolVersion, compactJson(rest.labels), metricsJson(rest.metrics),
                       warningsJson(rest.warnings));
    d_->tx.commit();
    return d_->datasetId;
}

qint64 StreamingDatasetWriter::seriesCount() const { return d_->series; }
qint64 StreamingDatasetWriter::sampleCount() const { return d_->samples->added(); }

}  // namespace headroom
