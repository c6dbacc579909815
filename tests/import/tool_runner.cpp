#include "tool_runner.h"

#include <QElapsedTimer>
#include <QFile>
#include <QProcess>
#include <QStandardPaths>
#include <QTcpServer>
#include <QThread>

namespace headroom::test {

QString findTool(const QString& program) { return QStandardPaths::findExecutable(program); }

bool toolsRequired() { return qEnvironmentVariable("HEADROOM_REQUIRE_TOOLS") == QLatin1String("1"); }

QByteArray runTool(const QString& program, const QStringList& args, int timeoutMs, bool& ok, QString& errorText,
                   const QString& workDir)
{
    QProcess p;
    if (!workDir.isEmpty()) p.setWorkingDirectory(workDir);
    p.start(program, args);
    ok = false;
    if (!p.waitForStarted(5000)) {
        errorText = QStringLiteral("could not start %1: %2").arg(program, p.errorString());
        return {};
    }
    if (!p.waitForFinished(timeoutMs)) {
        p.kill();
        p.waitForFinished(2000);
        errorText = QStringLiteral("%1 did not finish within %2 ms").arg(program).arg(timeoutMs);
        return p.readAllStandardOutput();
    }
    const QByteArray out = p.readAllStandardOutput();
    if (p.exitStatus() != QProcess::NormalExit || p.exitCode() != 0) {
        errorText = QStringLiteral("%1 exited with %2: %3").arg(program).arg(p.exitCode()).arg(QString::fromUtf8(p.readAllStandardError()));
        return out;
    }
    ok = true;
    return out;
}

int freeLoopbackPort()
{
    QTcpServer server;
    if (!server.listen(QHostAddress::LocalHost, 0)) return 0;
    return server.serverPort();
}

bool waitForListener(int port, int timeoutMs)
{
    // /proc/net/tcp: "sl local_address rem_address st …", 127.0.0.1:port as 0100007F:HEX, LISTEN = 0A.
    const QByteArray local = QByteArray("0100007F:") + QByteArray::number(port, 16).toUpper().rightJustified(4, '0');
    QElapsedTimer timer;
    timer.start();
    while (timer.elapsed() < timeoutMs) {
        QFile table(QStringLiteral("/proc/net/tcp"));
        if (table.open(QIODevice::ReadOnly)) {
            for (const QByteArray& line : table.readAll().split('\n')) {
                const QList<QByteArray> f = line.simplified().split(' ');
                if (f.size() > 3 && f.at(1) == local && f.at(3) == "0A") return true;
            }
        }
        QThread::msleep(20);
    }
    return false;
}

}  // namespace headroom::test
