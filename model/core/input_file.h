#pragma once
#include <QByteArray>
#include <QString>

namespace headroom {

// Only regular files are read: a device (/dev/zero, /dev/urandom) never ends and a FIFO with no
// writer blocks forever, so both are refused at once with InputError naming the path. Symbolic
// links are followed. A missing or unreadable file is an InputError too.
void requireRegularFile(const QString& path);

// Reads a whole regular file of at most `maxBytes` (InputError naming the size otherwise).
QByteArray readRegularFile(const QString& path, qint64 maxBytes);

// An output path may be a new file or a regular file to replace; a device, FIFO, socket or
// folder is refused (InputError), so writing "-o /dev/null" never replaces the device.
void requireReplaceableOutput(const QString& path);

// `text` with control characters (escape sequences, bell, carriage return …) shown as \xNN,
// so a file name cannot rewrite the user's terminal. Newlines and tabs are kept.
QString printable(const QString& text);

}  // namespace headroom
