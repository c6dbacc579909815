#pragma once
#include <QCryptographicHash>
#include <QIODevice>

namespace headroom {

// A read-only pass-through over another device that feeds every byte read into SHA-256, so a
// file streamed through a parser is hashed in the same single pass, chunk by chunk.
class HashingReader : public QIODevice {
public:
    explicit HashingReader(QIODevice& source);
    bool isSequential() const override { return true; }
    // Reads (and hashes) whatever the parser left unread, then returns the hex digest.
    QString finishHex();

protected:
    qint64 readData(char* data, qint64 maxSize) override;
    qint64 writeData(const char*, qint64) override { return -1; }

private:
    QIODevice& source_;
    QCryptographicHash hash_{QCryptographicHash::Sha256};
};

}  // namespace headroom
