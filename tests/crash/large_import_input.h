#pragma once
// The big input the kill tests import: a long-format CSV of a million-plus rows when the generic
// CSV importer is registered, otherwise a large fio JSON built from a real fixture's jobs (fio is
// the first importer the registry had), so the kill trials exercise a real import either way.
#include <QString>

namespace headroom::crash {

struct LargeImportInput {
    QString format;               // --format value
    QString file;                 // the file written
    qint64 expectedSamples = -1;  // rows of the CSV (each row is one sample); -1 when not a CSV
    QString description;
};

// Whether `headroom import --format FORMAT` accepts a small file of that format.
bool formatWorks(const QString& format, const QString& dir);

// Writes the input into `dir`; empty `format` when neither importer works. Different `variant`s
// give different files (so the sha256 dedupe does not merge them) of about the same size.
LargeImportInput writeLargeImportInput(const QString& dir, qint64 csvRows, int variant = 0);

}  // namespace headroom::crash
