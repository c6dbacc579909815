#pragma once
#include "cpu_scores.h"
#include "instance_type.h"

#include <QVector>

namespace headroom {

// Reads the catalog file formats: the shipped CSVs in data/catalog/ and user CSVs with the
// same columns. Throws InputError naming the file, line and column for bad rows.
// Currencies a price may be stated in: those CurrencyRates converts (catalog.h). Any other is
// refused rather than shown as if it were dollars.
QStringList knownCurrencies();

// Prices, sizes and burst rules are checked: finite, not negative, a baseline of at most 100 %
// per vCPU, a known currency.
QVector<InstanceType> parseInstanceTypesCsv(const QByteArray& text, const QString& fileName);
QVector<ProviderBootTimes> parseBootTimesCsv(const QByteArray& text, const QString& fileName);
// CPU scores: both figures finite and > 0, a whole vCPU count.
QVector<CpuScoreRow> parseCpuScoresCsv(const QByteArray& text, const QString& fileName);

// The catalog shipped in dataDirectory()/catalog.
QVector<InstanceType> loadShippedInstanceTypes();
QVector<ProviderBootTimes> loadShippedBootTimes();
QVector<CpuScoreRow> loadShippedCpuScores();
inline QString shippedCpuScoresFile() { return QStringLiteral("catalog/cpu_scores.csv"); }

}  // namespace headroom
