#pragma once
#include "importer.h"

namespace headroom {

// Generic time-series CSV (DESIGN §4), built for large files:
// - long:  time,node,metric,value[,unit] — header names recognised in any order and under
//   common aliases (timestamp, host, instance, name, …); node optional;
// - wide:  a time column and one column per metric (optionally a node column).
// Separator ',', ';' or TAB (from the header). Time as ISO 8601 or epoch seconds. Rows are split
// by hand over the bytes; numbers go through std::from_chars; repeated timestamps are parsed once.
class GenericCsvImporter : public Importer {
public:
    QString name() const override { return QStringLiteral("csv"); }
    QString description() const override { return QStringLiteral("Generic time-series CSV (long or wide)"); }
    QStringList filePatterns() const override { return {QStringLiteral("*.csv"), QStringLiteral("*.tsv")}; }
    int sniff(const QByteArray& head, const QString& fileName) const override;
    ImportResult parse(QIODevice& in, const ImportContext& context) const override;
    // Large files: read in chunks, samples written as they are parsed.
    bool canStream() const override { return true; }
    ImportResult parseStreaming(QIODevice& in, const ImportContext& context, StreamingSink& sink) const override;
};

}  // namespace headroom
