#include "candidate_hash.h"

#include <QCryptographicHash>

namespace headroom {

namespace {

// The first eight bytes of SHA-256, big-endian: fixed by the standard, unlike std::hash or
// qHash (which are seeded per process).
quint64 stableHash(const QByteArray& text)
{
    const QByteArray digest = QCryptographicHash::hash(text, QCryptographicHash::Sha256);
    quint64 value = 0;
    for (int i = 0; i < 8; ++i) value = (value << 8) | quint8(digest[i]);
    return value;
}

// Seeds stay below 2^53 so that JSON carries them exactly.
constexpr quint64 kSeedMask = (quint64(1) << 53) - 1;

}  // namespace

quint64 candidateSeed(quint64 scenarioSeed, const QString& candidateId)
{
    return stableHash("seed\n" + QByteArray::number(scenarioSeed) + '\n' + candidateId.toUtf8()) & kSeedMask;
}

int candidateShard(const QString& candidateId, int count)
{
    if (count <= 1) return 0;
    return int(stableHash("shard\n" + candidateId.toUtf8()) % quint64(count));
}

}  // namespace headroom
