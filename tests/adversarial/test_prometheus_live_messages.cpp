// What the live Prometheus importer says when a server sends a compression bomb or never
// answers: a message that explains, never an empty "Decompression failed: ", and no advice to
// raise a timeout that `headroom import` has no option for.
#include "core/errors.h"
#include "import/prometheus_live.h"

#include <QHostAddress>
#include <QTcpServer>
#include <QTcpSocket>
#include <gtest/gtest.h>

using namespace headroom;

namespace {

// Serves every request on 127.0.0.1 from the test's own event loop: /bomb answers with a small
// deflate body that expands a thousand times; /silent never answers.
class BombServer {
public:
    BombServer()
        // qCompress writes a 4-byte length and then a zlib stream: HTTP's "deflate". Made before
        // any query starts, so the query's time limit measures the server, not this.
        : bomb_(qCompress(QByteArray(64 * 1024 * 1024, ' '), 9).mid(4))
    {
        server_.listen(QHostAddress::LocalHost, 0);
        QObject::connect(&server_, &QTcpServer::newConnection, [this] {
            while (QTcpSocket* socket = server_.nextPendingConnection()) {
                QObject::connect(socket, &QTcpSocket::readyRead, [this, socket] {
                    request_ += socket->readAll();
                    if (!request_.contains("\r\n\r\n")) return;
                    if (request_.split(' ').value(1).startsWith("/silent")) return;
                    const QByteArray& body = bomb_;
                    socket->write("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Encoding: deflate\r\n"
                                  "Content-Length: " + QByteArray::number(body.size()) + "\r\nConnection: close\r\n\r\n" + body);
                    socket->flush();
                });
            }
        });
    }
    PrometheusQuery query(const QString& path, int timeoutMs = 1500) const
    {
        PrometheusQuery q;
        q.server = QUrl(QStringLiteral("http://127.0.0.1:%1%2").arg(server_.serverPort()).arg(path));
        q.promql = QStringLiteral("up");
        q.timeoutMs = timeoutMs;
        q.maxBytes = 512LL * 1024 * 1024;  // so the decompression's own guard is what trips
        return q;
    }

private:
    QByteArray bomb_;
    QTcpServer server_;
    QByteArray request_;
};

QString errorOf(const PrometheusQuery& q)
{
    try {
        fetchPrometheus(q);
    } catch (const InputError& e) {
        return e.text();
    }
    ADD_FAILURE() << "the query should have failed";
    return {};
}

}  // namespace

TEST(PrometheusLiveMessages, CompressionBombIsExplained)
{
    BombServer server;
    const QString message = errorOf(server.query(QStringLiteral("/bomb"), 30000));
    EXPECT_FALSE(message.trimmed().endsWith(QLatin1Char(':'))) << message.toStdString();
    EXPECT_FALSE(message.contains(QLatin1String("Decompression failed: \n"))) << message.toStdString();
    EXPECT_TRUE(message.contains(QLatin1String("compression bomb"))) << message.toStdString();
}

TEST(PrometheusLiveMessages, TimeoutGivesNoAdviceTheCommandLineCannotFollow)
{
    BombServer server;
    const QString message = errorOf(server.query(QStringLiteral("/silent")));
    EXPECT_TRUE(message.contains(QLatin1String("no complete answer within 1.5 s"))) << message.toStdString();
    EXPECT_FALSE(message.contains(QLatin1String("raise the timeout"))) << message.toStdString();
}
