#pragma once
#include <QString>
#include <QStringList>

namespace headroom {

// The roles of a generic CSV's header: which column holds the time, node, metric, value and
// unit. Long layout when metric and value are present, wide otherwise.
struct CsvColumns {
    char separator = ',';
    QStringList names;  // as written, unquoted and trimmed
    int time = -1;
    int node = -1;
    int metric = -1;
    int value = -1;
    int unit = -1;
    bool isLong() const { return metric >= 0 && value >= 0; }
};

// Reads the header line; separator is the most frequent of ',', ';' and TAB in it.
CsvColumns recogniseCsvHeader(const QByteArray& headerLine);

}  // namespace headroom
