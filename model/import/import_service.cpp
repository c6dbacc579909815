#include "import_service.h"

#include "core/errors.h"
#include "core/input_file.h"
#include "core/logging.h"
#include "dataset_writer.h"
#include "hashing_reader.h"
#include "importer_registry.h"
#include "prometheus_json_importer.h"
#include "prometheus_range_import.h"
#include "store/database_error.h"
#include "store/dataset_repository.h"
#include "store/workspace.h"

#include <QBuffer>
#include <QCryptographicHash>
#include <QFile>
#include <QFileInfo>
#include <QElapsedTimer>
#include <QFuture>
#include <QUuid>
#include <QtConcurrent/QtConcurrentRun>

namespace headroom {

namespace {

const Importer& chooseImporter(const QByteArray& bytes, const ImportRequest& request)
{
    const auto& registry = ImporterRegistry::instance();
    if (!request.format.isEmpty()) {
        const Importer* byName = registry.byName(request.format);
        if (!byName)
            throw InputError(request.path, QStringLiteral("unknown format '%1'; expected one of: %2")
                                               .arg(request.format, registry.names().join(QStringLiteral(", "))));
        return *byName;
    }
    const Importer* detected = registry.detect(bytes.left(64 * 1024), QFileInfo(request.path).fileName());
    if (!detected)
        throw InputError(request.path, QStringLiteral("format not recognised; expected output of one of: %1 "
                                                      "(or name it with --format)")
                                           .arg(registry.names().join(QStringLiteral(", "))));
    return *detected;
}

ImportOutcome outcomeOf(const ImportResult& r, const ImportRequest& request)
{
    ImportOutcome o;
    o.file = request.path;
    o.format = r.format;
    o.node = request.node.isEmpty() ? r.node : request.node;
    o.measurements = r.measurements.size();
    o.series = qsizetype(r.series.size());
    o.samples = r.sampleCount();
    o.leadTimeEvents = r.leadTimeEvents.size();
    o.instanceTypes = r.instanceTypes.size();
    o.metrics = r.metrics;
    o.warnings = r.warnings;
    return o;
}

// A database failure while storing names the workspace and the input it was storing.
template <typename Store>
ImportOutcome namingInput(const Workspace& ws, const QString& input, Store&& store)
{
    try {
        return store();
    } catch (const DatabaseFailure& e) {
        throw DatabaseFailure(ws.path(), QStringLiteral("%1 was not imported: %2").arg(input, e.words()));
    }
}

}  // namespace

static QString sha256Hex(const QByteArray& bytes)
{
    return QString::fromLatin1(QCryptographicHash::hash(bytes, QCryptographicHash::Sha256).toHex());
}

static DatasetOrigin originOf(const ImportRequest& request)
{
    DatasetOrigin origin;
    const QFileInfo info(request.path);
    origin.name = info.exists() ? info.fileName() : request.path;
    origin.source = info.exists() ? info.absoluteFilePath() : request.path;
    origin.node = request.node;
    origin.instanceType = request.instanceType;
    return origin;
}

// The origin of a parsed result: its title, when the importer found a better name than the
// file's, whichever way it is stored.
static DatasetOrigin originOf(const ImportRequest& request, const ImportResult& result)
{
    DatasetOrigin origin = originOf(request);
    if (!result.title.isEmpty()) origin.name = result.title;
    return origin;
}

static ImportOutcome storeWithSha(Workspace& ws, const ImportResult& result, const QString& sha, const ImportRequest& request,
                                  const std::atomic<bool>* cancel)
{
    ImportOutcome outcome = outcomeOf(result, request);
    if (const std::optional<qint64> existing = datasetWithHash(ws, sha)) {
        outcome.duplicate = true;
        outcome.datasetId = *existing;
        return outcome;
    }
    if (result.isEmpty())
        throw InputError(request.path, QStringLiteral("the %1 input holds no results to import").arg(result.format));
    DatasetOrigin origin = originOf(request, result);
    origin.sha256 = sha;
    qint64 duplicateOf = 0;
    outcome.datasetId = writeDataset(ws, origin, result, cancel, &duplicateOf);
    if (duplicateOf > 0) {
        outcome.duplicate = true;
        outcome.datasetId = duplicateOf;
    }
    return outcome;
}

// A large file's hash may still be running when parsing ends: write meanwhile and compare the
// hash just before the commit (a repeated file is then rolled back instead of never written).
static ImportOutcome storeWithPendingSha(Workspace& ws, const ImportResult& result, const QFuture<QString>& sha,
                                         const ImportRequest& request, const std::atomic<bool>* cancel)
{
    if (sha.isFinished()) return storeWithSha(ws, result, sha.result(), request, cancel);
    if (result.isEmpty())
        throw InputError(request.path, QStringLiteral("the %1 input holds no results to import").arg(result.format));
    ImportOutcome outcome = outcomeOf(result, request);
    // Named as storeWithSha names it: which of the two runs depends only on the machine's load.
    DatasetOrigin origin = originOf(request, result);
    origin.sha256 = QStringLiteral("pending:") + QUuid::createUuid().toString(QUuid::WithoutBraces);
    origin.pendingSha256 = [&sha] { return sha.result(); };
    qint64 duplicateOf = 0;
    outcome.datasetId = writeDataset(ws, origin, result, cancel, &duplicateOf);
    if (duplicateOf > 0) {
        outcome.duplicate = true;
        outcome.datasetId = duplicateOf;
    }
    return outcome;
}

ImportOutcome storeResultWhileHashing(Workspace& ws, const ImportResult& result, const QFuture<QString>& sha,
                                      const ImportRequest& request, const std::atomic<bool>* cancel)
{
    return namingInput(ws, request.path, [&] { return storeWithPendingSha(ws, result, sha, request, cancel); });
}

ImportOutcome storeResult(Workspace& ws, const ImportResult& result, const QByteArray& identityBytes,
                          const ImportRequest& request, const std::atomic<bool>* cancel)
{
    return namingInput(ws, request.path, [&] { return storeWithSha(ws, result, sha256Hex(identityBytes), request, cancel); });
}

ImportOutcome importBytes(Workspace& ws, const QByteArray& bytes, const ImportRequest& request,
                          const std::atomic<bool>* cancel)
{
    if (bytes.isEmpty()) throw InputError(request.path, QStringLiteral("the file is empty"));
    const Importer& importer = chooseImporter(bytes, request);
    QBuffer buffer;
    buffer.setData(bytes);
    buffer.open(QIODevice::ReadOnly);
    ImportContext context;
    context.fileName = request.path;
    context.cancel = cancel;
    // Hashing a large file takes as long as parsing it; do both at once on two cores.
    QFuture<QString> sha = QtConcurrent::run(sha256Hex, bytes);
    ImportResult result;
    try {
        result = importer.parse(buffer, context);
    } catch (...) {
        sha.waitForFinished();
        throw;
    }
    if (result.format.isEmpty()) result.format = importer.name();
    return storeResultWhileHashing(ws, result, sha, request, cancel);
}

// Parses and writes at once: the file passes through the parser in chunks, hashed on the way,
// and samples land in the open transaction as they are read.
static ImportOutcome importStreaming(Workspace& ws, QFile& file, const Importer& importer, const ImportRequest& request,
                                     const std::atomic<bool>* cancel)
{
    ImportContext context;
    context.fileName = request.path;
    context.cancel = cancel;
    DatasetOrigin origin = originOf(request);
    origin.sha256 = QStringLiteral("pending:") + QUuid::createUuid().toString(QUuid::WithoutBraces);
    // About 40 bytes per sample in a long CSV row; only decides how the sample index is rebuilt.
    const qint64 expectedSamples = file.size() / 40;
    StreamingDatasetWriter writer(ws, origin, importer.name(), expectedSamples, cancel);
    HashingReader hashed(file);
    ImportResult rest = importer.parseStreaming(hashed, context, writer);
    if (rest.format.isEmpty()) rest.format = importer.name();
    ImportOutcome outcome = outcomeOf(rest, request);
    outcome.series = qsizetype(writer.seriesCount());
    outcome.samples = qsizetype(writer.sampleCount());
    qint64 duplicateOf = 0;
    outcome.datasetId = writer.finish(rest, hashed.finishHex(), &duplicateOf);
    if (duplicateOf > 0) {
        outcome.duplicate = true;
        outcome.datasetId = duplicateOf;
    }
    return outcome;
}

static void logOutcome(const ImportOutcome& o, const QElapsedTimer& clock, bool streamed)
{
    qCInfo(logImport).noquote() << QStringLiteral("%1: %2 as %3%4: %5 series, %6 samples, %7 measurements in %8 s")
                                       .arg(o.file, o.duplicate ? QStringLiteral("already dataset %1").arg(o.datasetId)
                                                                : QStringLiteral("dataset %1").arg(o.datasetId),
                                            o.format, streamed ? QStringLiteral(" (streamed)") : QString())
                                       .arg(o.series).arg(o.samples).arg(o.measurements)
                                       .arg(clock.elapsed() / 1000.0, 0, 'f', 2);
}

ImportOutcome importFile(Workspace& ws, const ImportRequest& request, const std::atomic<bool>* cancel)
{
    QElapsedTimer clock;
    clock.start();
    // Before opening: opening a FIFO with no writer blocks, a device never ends. (A folder is
    // left to the folder import.)
    if (!QFileInfo(request.path).isDir()) requireRegularFile(request.path);
    QFile file(request.path);
    if (!file.open(QIODevice::ReadOnly))
        throw InputError(request.path, QStringLiteral("cannot read: ") + file.errorString());
    if (file.size() > request.streamAboveBytes) {
        const QByteArray head = file.peek(64 * 1024);
        if (!head.isEmpty()) {
            const Importer& importer = chooseImporter(head, request);
            if (importer.canStream()) {
                const ImportOutcome o = namingInput(ws, request.path, [&] { return importStreaming(ws, file, importer, request, cancel); });
                logOutcome(o, clock, true);
                return o;
            }
        }
    }
    const ImportOutcome o = importBytes(ws, file.readAll(), request, cancel);
    logOutcome(o, clock, false);
    return o;
}

ImportOutcome importPrometheusUrl(Workspace& ws, const PrometheusQuery& query, const std::atomic<bool>* cancel)
{
    if (query.start.isValid() && query.end.isValid()) {
        // A history: in pieces, aggregated on the server when asked (DESIGN §12).
        QElapsedTimer clock;
        clock.start();
        int pieces = 0;
        const ImportOutcome o = namingInput(ws, prometheusSourceUrl(query), [&] { return importPrometheusRange(ws, query, cancel, &pieces); });
        qCInfo(logImport).noquote() << QStringLiteral("%1: asked for in %2 piece(s)").arg(o.file).arg(pieces);
        logOutcome(o, clock, true);
        return o;
    }
    const QByteArray body = fetchPrometheus(query, cancel);
    ImportRequest request;
    request.path = prometheusSourceUrl(query);
    ImportResult result = parsePrometheusJson(body, request.path, query.promql);
    result.format = QStringLiteral("prometheus-live");
    return storeResult(ws, result, body, request, cancel);
}

}  // namespace headroom
