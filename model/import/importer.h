#pragma once
#include "core/errors.h"
#include "import_result.h"

#include <QByteArray>
#include <QIODevice>
#include <QStringList>
#include <atomic>
#include <memory>

namespace headroom {

// What the caller knows about the input besides its bytes.
struct ImportContext {
    QString fileName;                          // shown in errors: "FILE:LINE:COL: …"
    const std::atomic<bool>* cancel = nullptr; // parsers poll it in long loops and throw Cancelled
    bool cancelled() const { return cancel && cancel->load(std::memory_order_relaxed); }
};

// Where a streaming parser puts samples as it reads them, so a file of any length needs only
// per-series bookkeeping in memory (the dataset writer, inside the file's one transaction).
class StreamingSink {
public:
    virtual ~StreamingSink() = default;
    // Called once per series, when its first value is read; returns the id add() takes.
    virtual qint64 openSeries(const QString& node, const QString& metric, const QString& unit) = 0;
    // The same for a series with labels (a Prometheus label set); a sink may drop them.
    virtual qint64 openLabelledSeries(const QString& node, const QString& metric, const QString& unit,
                                      const QJsonObject& labels)
    {
        Q_UNUSED(labels);
        return openSeries(node, metric, unit);
    }
    virtual void add(qint64 series, double t, double value) = 0;
};

// One importer per input format. Parsers are pure: they read the device and return a result,
// or throw InputError (where = "FILE:LINE:COL" or "FILE: $.json.path") for bad input.
class Importer {
public:
    virtual ~Importer() = default;
    virtual QString name() const = 0;              // "fio", "wrk", "prometheus-json", …
    virtual QString description() const = 0;       // one line for --help and the file dialog
    virtual QStringList filePatterns() const = 0;  // "*.json", "*_stats.csv", …
    // 0 = certainly not this format, 100 = certainly this format. `head` is at most the first 64 KiB.
    virtual int sniff(const QByteArray& head, const QString& fileName) const = 0;
    virtual ImportResult parse(QIODevice& in, const ImportContext& context) const = 0;

    // Optional, for large row-oriented files: reads the device in chunks and hands every sample to
    // `sink` as it is read. The result then holds no series; only what is not a sample (format,
    // labels, warnings, measurements).
    virtual bool canStream() const { return false; }
    virtual ImportResult parseStreaming(QIODevice& in, const ImportContext& context, StreamingSink& sink) const
    {
        Q_UNUSED(in);
        Q_UNUSED(sink);
        throw RuntimeFailure(QStringLiteral("%1: the %2 importer cannot stream").arg(context.fileName, name()));
    }
};

using ImporterList = std::vector<std::unique_ptr<Importer>>;

}  // namespace headroom
