#pragma once
#include "instance_type.h"

#include <QVector>

namespace headroom {

// Reads the catalog file formats: the shipped CSVs in data/catalog/ and user CSVs with the
// same columns. Throws InputError naming the file, line and column for bad rows.
QVector<InstanceType> parseInstanceTypesCsv(const QByteArray& text, const QString& fileName);
QVector<ProviderBootTimes> parseBootTimesCsv(const QByteArray& text, const QString& fileName);

// The catalog shipped in dataDirectory()/catalog.
QVector<InstanceType> loadShippedInstanceTypes();
QVector<ProviderBootTimes> loadShippedBootTimes();

}  // namespace headroom
