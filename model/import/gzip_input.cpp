#include "gzip_input.h"

#include "core/errors.h"

#include <zlib.h>

namespace headroom {

bool isGzip(const QByteArray& head)
{
    return head.size() >= 2 && uchar(head[0]) == 0x1F && uchar(head[1]) == 0x8B;
}

QByteArray gunzip(const QByteArray& compressed, const QString& fileName, qint64 maxBytes)
{
    z_stream zs{};
    // 16 + MAX_WBITS: expect a gzip header and trailer, not a raw zlib stream.
    if (inflateInit2(&zs, 16 + MAX_WBITS) != Z_OK) throw RuntimeFailure(QStringLiteral("%1: zlib could not start").arg(fileName));
    QByteArray out;
    char buffer[64 * 1024];
    zs.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(compressed.constData()));
    zs.avail_in = uInt(compressed.size());
    int rc = Z_OK;
    for (;;) {
        zs.next_out = reinterpret_cast<Bytef*>(buffer);
        zs.avail_out = sizeof buffer;
        rc = inflate(&zs, Z_NO_FLUSH);
        if (rc != Z_OK && rc != Z_STREAM_END) break;
        out.append(buffer, qsizetype(sizeof buffer - zs.avail_out));
        if (out.size() > maxBytes) {
            inflateEnd(&zs);
            throw InputError(fileName, QStringLiteral("the gzip data inflates beyond %1 bytes; refused").arg(maxBytes));
        }
        if (rc == Z_STREAM_END) {
            if (zs.avail_in == 0) break;
            inflateReset(&zs);  // a further gzip member follows (concatenated .gz files)
            continue;
        }
        if (zs.avail_in == 0 && zs.avail_out != 0) break;  // all input used, stream not finished
    }
    const bool complete = rc == Z_STREAM_END;
    const QString why = zs.msg ? QString::fromLatin1(zs.msg) : QString();
    inflateEnd(&zs);
    if (!complete)
        throw InputError(fileName, why.isEmpty() ? QStringLiteral("the gzip data ends early (input ended early); expected a complete .gz file")
                                                 : QStringLiteral("corrupt gzip data (%1)").arg(why));
    return out;
}

}  // namespace headroom
