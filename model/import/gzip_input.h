#pragma once
#include <QByteArray>
#include <QString>

namespace headroom {

// True when the bytes start with the gzip magic number (1F 8B).
bool isGzip(const QByteArray& head);

// The uncompressed content of a gzip file (all members). Throws InputError naming `fileName`
// when the data is corrupt or ends early, or when it would inflate beyond `maxBytes`.
QByteArray gunzip(const QByteArray& compressed, const QString& fileName, qint64 maxBytes = qint64(2) << 30);

}  // namespace headroom
