#pragma once
#include <QByteArray>
#include <QString>
#include <QStringList>
#include <vector>

namespace headroom::csv {

// A whole CSV text in memory (catalogs, Locust, sadf), split by RecordSplitter (csv_record.h,
// which states the quoting rules) like every other CSV the program reads; a UTF-8 BOM is
// skipped and blank lines dropped. Keeps the 1-based line where each record starts so errors
// can point at it.
struct Record {
    int line = 0;
    QStringList fields;
};

// Throws InputError("FILE:LINE:COL", …) on an unterminated quote.
std::vector<Record> parse(const QByteArray& text, const QString& fileName, char separator = ',');

// Column index by header name (case-insensitive), -1 when absent.
int column(const QStringList& header, const QString& name);

}  // namespace headroom::csv
