#pragma once
#include "import_result.h"
#include "prometheus_live.h"

#include <QByteArray>
#include <QString>
#include <QFuture>
#include <atomic>

namespace headroom {

class Workspace;

struct ImportRequest {
    QString path;          // file to read
    QString format;        // importer name; empty = detect from content
    QString node;          // overrides the node the file names
    QString instanceType;  // "provider/name"
    // Files larger than this are streamed (read in chunks, samples written as they are parsed)
    // when their importer can stream, so memory stays flat however large the file.
    qint64 streamAboveBytes = 64 * 1024 * 1024;
};

// What one import did, for the CLI's JSON and the GUI's result panel.
struct ImportOutcome {
    qint64 datasetId = 0;
    QString file;
    QString format;
    QString node;
    qsizetype measurements = 0;
    qsizetype series = 0;
    qsizetype samples = 0;
    qsizetype leadTimeEvents = 0;
    qsizetype instanceTypes = 0;
    QMap<QString, double> metrics;
    QVector<ImportWarning> warnings;
    bool duplicate = false;  // the same bytes (sha256) were imported before as datasetId
};

// Reads, recognises, parses and stores one file as one dataset (one transaction). A large file
// of a streaming format is never held in memory whole (see streamAboveBytes); its duplicate
// check then happens at the end, before the commit.
// Throws InputError for unreadable or malformed input (nothing stored), Cancelled on cancel.
ImportOutcome importFile(Workspace& ws, const ImportRequest& request, const std::atomic<bool>* cancel = nullptr);
// The same for bytes already in memory (a download, a test buffer); `request.path` names them.
ImportOutcome importBytes(Workspace& ws, const QByteArray& bytes, const ImportRequest& request,
                          const std::atomic<bool>* cancel = nullptr);
// Stores an already parsed result (e.g. from the live Prometheus importer) as one dataset.
ImportOutcome storeResult(Workspace& ws, const ImportResult& result, const QByteArray& identityBytes,
                          const ImportRequest& request, const std::atomic<bool>* cancel = nullptr);

// The same for a result whose SHA-256 is still being computed (importBytes hashes a file while it
// parses it): written meanwhile, and compared with the workspace's datasets just before the commit.
ImportOutcome storeResultWhileHashing(Workspace& ws, const ImportResult& result, const QFuture<QString>& sha,
                                      const ImportRequest& request, const std::atomic<bool>* cancel = nullptr);

// Runs a query against a Prometheus server and stores the answer as one dataset (format
// "prometheus-live", source = the request URL without credentials). The same answer twice is
// reported as a duplicate. Throws InputError for network, HTTP and answer errors.
ImportOutcome importPrometheusUrl(Workspace& ws, const PrometheusQuery& query, const std::atomic<bool>* cancel = nullptr);

}  // namespace headroom
