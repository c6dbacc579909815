#pragma once
#include "core/errors.h"
#include "import/import_result.h"

#include <QByteArray>
#include <QString>
#include <optional>

// Helpers for the benchmark importer tests: run one importer on a file or on bytes.
namespace headroom::test {

ImportResult parseWith(const QString& importer, const QString& path);
ImportResult parseBytesWith(const QString& importer, const QByteArray& bytes, const QString& fileName = QStringLiteral("input"));
// The InputError the importer throws for `bytes`; the test fails when it does not throw one.
std::optional<InputError> inputErrorOf(const QString& importer, const QByteArray& bytes, const QString& fileName = QStringLiteral("input"));
// The first measurement with that metric whose labels hold key = value (any when key is empty).
const Measurement* findMeasurement(const ImportResult& r, const QString& metric, const QString& key = {}, const QJsonValue& value = {});
const Series* findSeries(const ImportResult& r, const QString& metric);
// The name of the importer that sniffing picks for the file, or "" when none does.
QString detectedImporter(const QString& path);

}  // namespace headroom::test
