#pragma once
#include "importer.h"

namespace headroom {

// Prometheus HTTP API answers saved to a file: query (vector, scalar) and query_range (matrix),
// with or without the {"status","data"} envelope, a bare result array, or wrapped by other
// tools (leading JSON header lines, the payload's `data` inside another object).
class PrometheusJsonImporter : public Importer {
public:
    QString name() const override { return QStringLiteral("prometheus-json"); }
    QString description() const override { return QStringLiteral("Prometheus query / query_range JSON"); }
    QStringList filePatterns() const override { return {QStringLiteral("*.json"), QStringLiteral("*.txt")}; }
    int sniff(const QByteArray& head, const QString& fileName) const override;
    ImportResult parse(QIODevice& in, const ImportContext& context) const override;
    // Large answers (the standard envelope or a bare result array) are read as a stream of JSON
    // events: memory holds the points, not the file or a JSON tree.
    bool canStream() const override { return true; }
    ImportResult parseStreaming(QIODevice& in, const ImportContext& context, StreamingSink& sink) const override;
};

// Parses an API answer already in memory; `query` is the PromQL when the caller knows it
// (the live importer), used to name and interpret the series. Throws InputError naming the
// JSON path, or the Prometheus error for {"status":"error"} answers.
ImportResult parsePrometheusJson(const QByteArray& bytes, const QString& fileName, const QString& query = QString());

}  // namespace headroom
