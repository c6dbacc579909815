#include "fixtures.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>

namespace headroom::test {

QString fixturePath(const QString& relative)
{
    QString dir = qEnvironmentVariable("HEADROOM_FIXTURES_DIR");
    if (dir.isEmpty()) dir = QStringLiteral(HEADROOM_FIXTURES_DIR);
    const QString path = QDir(dir).absoluteFilePath(relative);
    return QFileInfo::exists(path) ? QDir::cleanPath(path) : QString();
}

bool fixturesRequired() { return qEnvironmentVariable("HEADROOM_REQUIRE_FIXTURES") == QLatin1String("1"); }

QByteArray readFile(const QString& path)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly)) return {};
    return f.readAll();
}

QString projectDataPath(const QString& relative)
{
    return QDir(QStringLiteral(HEADROOM_TEST_DATA_DIR)).absoluteFilePath(relative);
}

QString testsPath(const QString& relative)
{
    return QDir(QStringLiteral(HEADROOM_TESTS_DIR)).absoluteFilePath(relative);
}

}  // namespace headroom::test
