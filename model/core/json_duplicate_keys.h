#pragma once
#include <QByteArray>
#include <QString>

namespace headroom::json {

// Qt's JSON parser keeps the last of two equal keys in an object without a word, so
// {"nodes": 4, "nodes": 100000000} would silently become a hundred million nodes. This walks
// the text of a document that already parsed and throws InputError("FILE: $.json.path", …)
// at the first key that appears twice in one object.
void rejectDuplicateKeys(const QByteArray& bytes, qsizetype start, const QString& fileName);

}  // namespace headroom::json
