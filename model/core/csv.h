#pragma once
#include <QByteArray>
#include <QString>
#include <QStringList>
#include <vector>

namespace headroom::csv {

// An RFC 4180 reader for small and medium files (catalogs, Locust, sadf): quoted fields with
// doubled quotes and embedded newlines, CRLF or LF, a UTF-8 BOM skipped. Keeps the 1-based line
// where each record starts so errors can point at it.
struct Record {
    int line = 0;
    QStringList fields;
};

// Throws InputError("FILE:LINE:COL", …) on an unterminated quote.
std::vector<Record> parse(const QByteArray& text, const QString& fileName, char separator = ',');

// Column index by header name (case-insensitive), -1 when absent.
int column(const QStringList& header, const QString& name);

}  // namespace headroom::csv
