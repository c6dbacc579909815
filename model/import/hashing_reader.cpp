#include "hashing_reader.h"

#include "core/errors.h"

#include <QByteArray>

namespace headroom {

HashingReader::HashingReader(QIODevice& source) : source_(source)
{
    // Unbuffered: the parser's own chunk is the only copy of the bytes in memory.
    open(QIODevice::ReadOnly | QIODevice::Unbuffered);
}

qint64 HashingReader::readData(char* data, qint64 maxSize)
{
    const qint64 got = source_.read(data, maxSize);
    if (got > 0) hash_.addData(QByteArrayView(data, got));
    return got;  // 0 at the end of the file, -1 on a read error
}

QString HashingReader::finishHex()
{
    QByteArray rest(1024 * 1024, Qt::Uninitialized);
    for (;;) {
        const qint64 got = source_.read(rest.data(), rest.size());
        if (got < 0) throw RuntimeFailure(QStringLiteral("cannot read: ") + source_.errorString());
        if (got == 0) break;
        hash_.addData(QByteArrayView(rest.constData(), got));
    }
    return QString::fromLatin1(hash_.result().toHex());
}

}  // namespace headroom
