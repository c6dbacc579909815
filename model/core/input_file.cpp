#include "input_file.h"

#include "errors.h"

#include <QFile>
#include <QFileInfo>
#include <sys/stat.h>

namespace headroom {

namespace {

QString kindOf(mode_t mode)
{
    if (S_ISDIR(mode)) return QStringLiteral("a folder");
    if (S_ISCHR(mode)) return QStringLiteral("a character device");
    if (S_ISBLK(mode)) return QStringLiteral("a block device");
    if (S_ISFIFO(mode)) return QStringLiteral("a FIFO (named pipe)");
    if (S_ISSOCK(mode)) return QStringLiteral("a socket");
    return QStringLiteral("not a regular file");
}

}  // namespace

void requireRegularFile(const QString& path)
{
    struct stat st {};
    if (::stat(QFile::encodeName(path).constData(), &st) != 0)
        throw InputError(path, QFileInfo::exists(path) ? QStringLiteral("cannot read the file")
                                                       : QStringLiteral("no such file"));
    if (!S_ISREG(st.st_mode))
        throw InputError(path, QStringLiteral("is %1; only regular files are read").arg(kindOf(st.st_mode)));
}

QByteArray readRegularFile(const QString& path, qint64 maxBytes)
{
    requireRegularFile(path);
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) throw InputError(path, QStringLiteral("cannot read: ") + file.errorString());
    if (file.size() > maxBytes)
        throw InputError(path, QStringLiteral("the file is %1 MB; at most %2 MB are read for this kind of input")
                                   .arg(double(file.size()) / 1e6, 0, 'f', 1)
                                   .arg(double(maxBytes) / 1e6, 0, 'f', 0));
    return file.readAll();
}

void requireReplaceableOutput(const QString& path)
{
    struct stat st {};
    if (::stat(QFile::encodeName(path).constData(), &st) != 0) return;  // a new file
    if (!S_ISREG(st.st_mode))
        throw InputError(path, QStringLiteral("is %1; the output must be a regular file, which is then replaced")
                                   .arg(kindOf(st.st_mode)));
}

QString printable(const QString& text)
{
    QString out;
    out.reserve(text.size());
    for (const QChar c : text) {
        const char16_t u = c.unicode();
        const bool control = (u < 0x20 && u != u'\n' && u != u'\t') || u == 0x7F || (u >= 0x80 && u < 0xA0);
        if (control)
            out += QStringLiteral("\\x%1").arg(int(u), 2, 16, QLatin1Char('0'));
        else
            out += c;
    }
    return out;
}

}  // namespace headroom
