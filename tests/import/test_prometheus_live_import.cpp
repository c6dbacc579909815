// The live Prometheus importer: against a misbehaving local HTTP server, and against a real
// Prometheus scraping a real node_exporter, both on 127.0.0.1 and stopped by the test.
#include "import/import_service.h"
#include "import/prometheus_json_importer.h"
#include "import/prometheus_live.h"
#include "import/prometheus_range_import.h"
#include "monitoring_test_helpers.h"
#include "store/sql.h"
#include "store/workspace.h"
#include "support/temp_workspace.h"

#include <QElapsedTimer>
#include <QFile>
#include <QProcess>
#include <QStandardPaths>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QThread>
#include <QTimeZone>
#include <QUrlQuery>

using namespace headroom;
using namespace headroom::test;

namespace {

// Answers every request with a canned reply chosen by the request's path; it runs in the test's
// thread and is served by the local event loop the importer spins while it waits.
class FakeServer {
public:
    FakeServer()
    {
        server_.listen(QHostAddress::LocalHost, 0);
        QObject::connect(&server_, &QTcpServer::newConnection, [this] {
            while (QTcpSocket* socket = server_.nextPendingConnection()) {
                QObject::connect(socket, &QTcpSocket::readyRead, [this, socket] {
                    buffers_[socket] += socket->readAll();
                    if (!buffers_[socket].contains("\r\n\r\n")) return;
                    lastRequest = buffers_[socket];
                    respond(socket, lastRequest);
                });
            }
        });
    }
    quint16 port() const { return server_.serverPort(); }
    QUrl url() const { return QUrl(QStringLiteral("http://127.0.0.1:%1").arg(port())); }

    QByteArray lastRequest;
    QByteArray okBody = R"({"status":"success","data":{"resultType":"vector","result":[{"metric":{"__name__":"up","instance":"a:1"},"value":[1700000000,"1"]}]}})";

private:
    void respond(QTcpSocket* s, const QByteArray& request)
    {
        const QByteArray path = request.split(' ').value(1);
        auto reply = [s](const QByteArray& head, const QByteArray& body) {
            s->write(head + "\r\nContent-Length: " + QByteArray::number(body.size()) + "\r\nConnection: close\r\n\r\n" + body);
            s->flush();
        };
        if (path.startsWith("/slow")) return;  // never answers
        if (path.startsWith("/fail")) return reply("HTTP/1.1 500 Internal Server Error", "storage is on fire");
        if (path.startsWith("/baddata"))
            return reply("HTTP/1.1 400 Bad Request", R"({"status":"error","errorType":"bad_data","error":"1:5: parse error: unexpected"})");
        if (path.startsWith("/malformed")) return reply("HTTP/1.1 200 OK\r\nContent-Type: application/json", "{\"status\":\"success\",\"data\":{\"resu");
        if (path.startsWith("/huge")) {
            s->write("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nConnection: close\r\n\r\n");
            s->write(QByteArray(3 * 1024 * 1024, ' '));  // no length given: the limit must trip while reading
            return;
        }
        if (path.startsWith("/elsewhere"))
            return reply("HTTP/1.1 302 Found\r\nLocation: http://127.0.0.2:" + QByteArray::number(port()) + "/api/v1/query", "");
        if (path.startsWith("/moved")) return reply("HTTP/1.1 301 Moved Permanently\r\nLocation: /ok/api/v1/query?query=up", "");
        if (path.startsWith("/history")) return reply("HTTP/1.1 200 OK\r\nContent-Type: application/json", history(path));
        reply("HTTP/1.1 200 OK\r\nContent-Type: application/json", okBody);
    }

    // A matrix answer for exactly the instants asked for: two series, value = time / 60.
    QByteArray history(const QByteArray& path)
    {
        const QUrlQuery params(QUrl(QString::fromLatin1(path)));
        const double start = params.queryItemValue(QStringLiteral("start")).toDouble();
        const double end = params.queryItemValue(QStringLiteral("end")).toDouble();
        const double step = params.queryItemValue(QStringLiteral("step")).toDouble();
        ++rangeRequests;
        askedFor.push_back({start, end});
        QByteArray body = R"({"status":"success","data":{"resultType":"matrix","result":[)";
        for (int node = 0; node < 2; ++node) {
            body += node ? "," : "";
            body += R"({"metric":{"__name__":"node_memory_MemAvailable_bytes","instance":"n)" + QByteArray::number(node) + R"(:9100"},"values":[)";
            for (double t = start; t <= end + 1e-9; t += step)
                body += (t > start ? "," : "") + QByteArray("[") + QByteArray::number(t, 'f', 3) + ",\"" + QByteArray::number(t / 60, 'f', 3) + "\"]";
            body += "]}";
        }
        return body + "]}}";
    }

public:
    int rangeRequests = 0;
    std::vector<std::pair<double, double>> askedFor;

private:
    QTcpServer server_;
    QHash<QTcpSocket*, QByteArray> buffers_;
};

PrometheusQuery queryAt(const FakeServer& server, const QString& prefix)
{
    PrometheusQuery q;
    q.server = server.url();
    q.server.setPath(prefix);
    q.promql = QStringLiteral("up");
    q.timeoutMs = 1500;
    q.maxBytes = 1024 * 1024;
    return q;
}

QString errorOf(const PrometheusQuery& q)
{
    try {
        fetchPrometheus(q);
    } catch (const InputError& e) {
        return e.text();
    }
    return {};
}

}  // namespace

TEST(PrometheusLive, MisbehavingServers)
{
    FakeServer server;
    QElapsedTimer clock;
    clock.start();
    const QString slow = errorOf(queryAt(server, QStringLiteral("/slow")));
    EXPECT_TRUE(slow.contains(QLatin1String("no complete answer within 1.5 s"))) << slow.toStdString();
    EXPECT_LT(clock.elapsed(), 5000);
    const QString fail = errorOf(queryAt(server, QStringLiteral("/fail")));
    EXPECT_TRUE(fail.contains(QLatin1String("HTTP 500"))) << fail.toStdString();
    EXPECT_TRUE(fail.contains(QLatin1String("storage is on fire"))) << fail.toStdString();
    const QString bad = errorOf(queryAt(server, QStringLiteral("/baddata")));
    EXPECT_TRUE(bad.contains(QLatin1String("HTTP 400"))) << bad.toStdString();
    EXPECT_TRUE(bad.contains(QLatin1String("bad_data: 1:5: parse error"))) << bad.toStdString();
    const QString huge = errorOf(queryAt(server, QStringLiteral("/huge")));
    EXPECT_TRUE(huge.contains(QLatin1String("larger than the 1.0 MiB limit"))) << huge.toStdString();
    const QString elsewhere = errorOf(queryAt(server, QStringLiteral("/elsewhere")));
    EXPECT_TRUE(elsewhere.contains(QLatin1String("redirected to another server (http://127.0.0.2"))) << elsewhere.toStdString();
    // A malformed body arrives fine and fails in the parser with a position.
    const QByteArray malformed = fetchPrometheus(queryAt(server, QStringLiteral("/malformed")));
    const QString parseError = inputErrorOf(QStringLiteral("prometheus-json"), malformed);
    EXPECT_TRUE(parseError.startsWith(QLatin1String("broken.input:1:"))) << parseError.toStdString();
    // A redirect on the same server is followed.
    EXPECT_EQ(fetchPrometheus(queryAt(server, QStringLiteral("/moved"))), server.okBody);
    EXPECT_TRUE(server.lastRequest.startsWith("GET /ok/api/v1/query?query=up ")) << server.lastRequest.toStdString();

    PrometheusQuery ftp = queryAt(server, QString());
    ftp.server = QUrl(QStringLiteral("ftp://127.0.0.1/"));
    EXPECT_TRUE(errorOf(ftp).contains(QLatin1String("expected an http:// or https:// URL")));
    PrometheusQuery closed = queryAt(server, QString());
    QTcpServer probe;
    probe.listen(QHostAddress::LocalHost, 0);
    closed.server.setPort(probe.serverPort());
    probe.close();
    EXPECT_TRUE(errorOf(closed).contains(QLatin1String("cannot read from the server"))) << errorOf(closed).toStdString();
}

TEST(PrometheusLive, CredentialsAreSentButNeverStored)
{
    FakeServer server;
    TempWorkspace tw;
    PrometheusQuery q = queryAt(server, QStringLiteral("/ok"));
    q.server.setUserName(QStringLiteral("grafana"));
    q.server.setPassword(QStringLiteral("s3cret"));
    const ImportOutcome o = importPrometheusUrl(tw.ws(), q);
    EXPECT_EQ(o.format, QStringLiteral("prometheus-live"));
    EXPECT_EQ(o.series, 1);
    EXPECT_TRUE(server.lastRequest.contains("Authorization: Basic " + QByteArray("grafana:s3cret").toBase64()));
    const QString source = sql::scalar(tw.ws().database(), QStringLiteral("SELECT source FROM dataset WHERE id = ?"), {o.datasetId}).toString();
    EXPECT_EQ(source, QStringLiteral("http://127.0.0.1:%1/ok/api/v1/query?query=up").arg(server.port()));
    EXPECT_FALSE(source.contains(QLatin1String("s3cret")));
    EXPECT_TRUE(importPrometheusUrl(tw.ws(), q).duplicate);

    PrometheusQuery bearer = queryAt(server, QStringLiteral("/ok"));
    bearer.bearerToken = QStringLiteral("tok-123");
    fetchPrometheus(bearer);
    EXPECT_TRUE(server.lastRequest.contains("Authorization: Bearer tok-123"));
}

TEST(PrometheusLive, QueryFromApiUrl)
{
    const PrometheusQuery q = prometheusQueryFromUrl(QStringLiteral(
        "https://u:p@prom.example:9090/prefix/api/v1/query_range?query=rate(node_cpu_seconds_total%5B1m%5D)&start=1700000000&end=2023-11-14T23:13:20Z&step=30"));
    EXPECT_EQ(q.server.toString(QUrl::RemoveUserInfo), QStringLiteral("https://prom.example:9090/prefix"));
    EXPECT_EQ(q.username, QStringLiteral("u"));
    EXPECT_EQ(q.promql, QStringLiteral("rate(node_cpu_seconds_total[1m])"));
    EXPECT_EQ(q.start.toSecsSinceEpoch(), 1700000000);
    EXPECT_EQ(q.end.toSecsSinceEpoch(), 1700003600);
    EXPECT_EQ(q.stepS, 30.0);
    EXPECT_THROW(prometheusQueryFromUrl(QStringLiteral("http://h/metrics")), InputError);
    EXPECT_THROW(prometheusQueryFromUrl(QStringLiteral("http://h/api/v1/query_range?query=up&start=1&end=100000000&step=1")), InputError);
}

namespace {

// Starts a program and kills it when the test ends, whatever happens.
struct ChildProcess {
    QProcess process;
    ~ChildProcess()
    {
        if (process.state() != QProcess::NotRunning) {
            process.kill();
            process.waitForFinished(5000);
        }
    }
};

quint16 freePort()
{
    QTcpServer probe;
    probe.listen(QHostAddress::LocalHost, 0);
    return probe.serverPort();
}

}  // namespace

TEST(PrometheusLive, RealPrometheusScrapingNodeExporter)
{
    const QString prometheus = QStandardPaths::findExecutable(QStringLiteral("prometheus"));
    const QString exporter = QStandardPaths::findExecutable(QStringLiteral("prometheus-node-exporter"));
    if (prometheus.isEmpty() || exporter.isEmpty()) {
        if (qEnvironmentVariableIntValue("HEADROOM_REQUIRE_TOOLS") == 1) FAIL() << "prometheus / prometheus-node-exporter not installed";
        GTEST_SKIP() << "prometheus and prometheus-node-exporter are not installed (apt-get install prometheus prometheus-node-exporter)";
    }
    QTemporaryDir dir;
    const quint16 exporterPort = freePort();
    const quint16 prometheusPort = freePort();
    QFile config(dir.filePath(QStringLiteral("prometheus.yml")));
    ASSERT_TRUE(config.open(QIODevice::WriteOnly));
    config.write(QStringLiteral("global:\n  scrape_interval: 1s\nscrape_configs:\n  - job_name: node\n    static_configs:\n"
                                "      - targets: ['127.0.0.1:%1']\n        labels:\n          node: 'test-node'\n")
                     .arg(exporterPort).toUtf8());
    config.close();
    ChildProcess nodeExporter, server;
    nodeExporter.process.start(exporter, {QStringLiteral("--web.listen-address=127.0.0.1:%1").arg(exporterPort)});
    server.process.start(prometheus, {QStringLiteral("--config.file=") + config.fileName(),
                                      QStringLiteral("--storage.tsdb.path=") + dir.filePath(QStringLiteral("tsdb")),
                                      QStringLiteral("--web.listen-address=127.0.0.1:%1").arg(prometheusPort)});
    ASSERT_TRUE(nodeExporter.process.waitForStarted(5000));
    ASSERT_TRUE(server.process.waitForStarted(5000));

    PrometheusQuery q;
    q.server = QUrl(QStringLiteral("http://127.0.0.1:%1").arg(prometheusPort));
    q.timeoutMs = 3000;
    // Wait until a few scrapes of the exporter are stored (the rate window needs two).
    const QDateTime begin = QDateTime::currentDateTimeUtc();
    int scrapes = 0;
    for (int attempt = 0; attempt < 60 && scrapes < 8; ++attempt) {
        QThread::msleep(500);
        q.promql = QStringLiteral("count_over_time(up[1m])");
        try {
            const ImportResult r = parsePrometheusJson(fetchPrometheus(q), QStringLiteral("probe"), q.promql);
            scrapes = r.series.empty() ? 0 : int(r.series[0].v.back());
        } catch (const InputError&) {
            // not listening yet
        }
    }
    ASSERT_GE(scrapes, 8) << "Prometheus did not scrape node_exporter in 30 s";

    TempWorkspace tw;
    q.promql = QStringLiteral("rate(node_cpu_seconds_total[3s])");
    q.start = begin;
    q.end = QDateTime::currentDateTimeUtc().addSecs(-2);  // past instants only: their answers no longer change
    q.stepS = 1;
    const ImportOutcome cpu = importPrometheusUrl(tw.ws(), q);
    EXPECT_FALSE(cpu.duplicate);
    QSqlDatabase db = tw.ws().database();
    // The same range in pieces of 3 s: several requests, the same stored points.
    PrometheusQuery inPieces = q;
    inPieces.chunkS = 3;
    int pieces = 0;
    const ImportOutcome pieced = importPrometheusRange(tw.ws(), inPieces, nullptr, &pieces);
    EXPECT_GE(pieces, 3);
    auto pointsOf = [&](qint64 dataset) {
        QStringList points;
        QSqlQuery rows = sql::exec(db, QStringLiteral(
            "SELECT r.node, r.metric, r.labels, s.t, s.value FROM sample s JOIN series r ON r.id = s.series_id "
            "WHERE r.dataset_id = ? ORDER BY r.node, r.metric, r.labels, s.t"), {dataset});
        while (rows.next())
            points << QStringLiteral("%1 %2 %3 %4=%5").arg(rows.value(0).toString(), rows.value(1).toString(), rows.value(2).toString(),
                                                          rows.value(3).toString(), rows.value(4).toString());
        return points;
    };
    const QStringList whole = pointsOf(cpu.datasetId);
    EXPECT_GT(whole.size(), 10);
    EXPECT_EQ(pointsOf(pieced.datasetId), whole);
    const int utilPoints = sql::scalar(db, QStringLiteral(
        "SELECT count(*) FROM sample s JOIN series r ON r.id = s.series_id WHERE r.dataset_id = ? AND r.metric = 'cpu.util_pct' "
        "AND r.node = 'test-node'"), {cpu.datasetId}).toInt();
    EXPECT_GE(utilPoints, 3);
    // Per CPU and time the mode shares add up to 100 %.
    const double worst = sql::scalar(db, QStringLiteral(
        "SELECT max(abs(total - 100)) FROM (SELECT sum(s.value) AS total FROM sample s JOIN series r ON r.id = s.series_id "
        "WHERE r.dataset_id = ? AND r.metric LIKE 'cpu.%_pct' AND r.metric != 'cpu.util_pct' GROUP BY r.labels, s.t)"),
        {cpu.datasetId}).toDouble();
    EXPECT_LT(worst, 1e-6);
    const double outside = sql::scalar(db, QStringLiteral(
        "SELECT count(*) FROM sample s JOIN series r ON r.id = s.series_id WHERE r.dataset_id = ? AND (s.value < 0 OR s.value > 100)"),
        {cpu.datasetId}).toDouble();
    EXPECT_EQ(outside, 0.0);

    // Memory: what node_exporter reported matches /proc/meminfo on this machine within 25 %.
    q.promql = QStringLiteral("node_memory_MemAvailable_bytes");
    const ImportOutcome mem = importPrometheusUrl(tw.ws(), q);
    const double available = sql::scalar(db, QStringLiteral(
        "SELECT avg(s.value) FROM sample s JOIN series r ON r.id = s.series_id WHERE r.dataset_id = ? AND r.metric = 'mem.available_bytes'"),
        {mem.datasetId}).toDouble();
    QFile meminfo(QStringLiteral("/proc/meminfo"));
    ASSERT_TRUE(meminfo.open(QIODevice::ReadOnly));
    double procAvailable = 0;
    for (const QByteArray& line : meminfo.readAll().split('\n'))
        if (line.startsWith("MemAvailable:")) procAvailable = line.simplified().split(' ').value(1).toDouble() * 1024;
    ASSERT_GT(procAvailable, 0);
    EXPECT_NEAR(available / procAvailable, 1.0, 0.25);

    // A query Prometheus rejects comes back with its own message.
    q.promql = QStringLiteral("rate(node_cpu_seconds_total[");
    try {
        fetchPrometheus(q);
        FAIL() << "a broken query was accepted";
    } catch (const InputError& e) {
        EXPECT_TRUE(e.message().contains(QLatin1String("HTTP 400"))) << e.text().toStdString();
        EXPECT_TRUE(e.message().contains(QLatin1String("bad_data"))) << e.text().toStdString();
    }
}

TEST(PrometheusRange, PiecesCoverEveryInstantOnceAndAggregationWrapsTheQuery)
{
    PrometheusQuery q;
    q.server = QUrl(QStringLiteral("http://127.0.0.1:9090"));
    q.promql = QStringLiteral("node_memory_MemAvailable_bytes{instance=\"a:9100\"}");
    q.start = QDateTime::fromSecsSinceEpoch(0, QTimeZone::utc());
    q.end = QDateTime::fromSecsSinceEpoch(95, QTimeZone::utc());
    q.stepS = 10;
    q.chunkS = 35;  // 3 instants per piece
    std::vector<double> instants;
    qint64 previousEnd = -1;
    for (const PrometheusPiece& p : prometheusPieces(q)) {
        EXPECT_GT(p.start.toSecsSinceEpoch(), previousEnd);
        previousEnd = p.end.toSecsSinceEpoch();
        for (qint64 t = p.start.toSecsSinceEpoch(); t <= p.end.toSecsSinceEpoch(); t += 10) instants.push_back(double(t));
    }
    EXPECT_EQ(prometheusPieces(q).size(), 4u);
    EXPECT_EQ(instants, (std::vector<double>{0, 10, 20, 30, 40, 50, 60, 70, 80, 90}));
    // No piece size given: 10,000 instants a piece (Prometheus allows 11,000).
    q.chunkS = 0;
    q.end = QDateTime::fromSecsSinceEpoch(3 * 86400, QTimeZone::utc());
    EXPECT_EQ(prometheusPieces(q).size(), 3u);  // 25,921 instants at 10 s

    EXPECT_EQ(aggregatedPromql(q), q.promql);
    q.aggregate = QStringLiteral("avg");
    EXPECT_EQ(aggregatedPromql(q), QStringLiteral("avg_over_time(node_memory_MemAvailable_bytes{instance=\"a:9100\"}[10s])"));
    q.aggregate = QStringLiteral("max");
    q.promql = QStringLiteral("rate(node_cpu_seconds_total[1m])");
    EXPECT_EQ(aggregatedPromql(q), QStringLiteral("max_over_time((rate(node_cpu_seconds_total[1m]))[10s:])"));
    q.aggregate = QStringLiteral("median");
    EXPECT_THROW(aggregatedPromql(q), InputError);
}

// Thirty days at one minute is 43,201 instants per series: over Prometheus' 11,000-point limit
// and, at these sizes, over the byte limit set here for one answer. In pieces it is neither.
TEST(PrometheusRange, ALongHistoryArrivesInPiecesEachUnderTheLimitAndIsStoredWhole)
{
    FakeServer server;
    PrometheusQuery q = queryAt(server, QStringLiteral("/history"));
    q.promql = QStringLiteral("node_memory_MemAvailable_bytes");
    q.start = QDateTime::fromSecsSinceEpoch(1700000000, QTimeZone::utc());
    q.end = q.start.addDays(30);
    q.stepS = 60;
    q.timeoutMs = 20000;
    q.maxBytes = 2 * 1024 * 1024;  // one piece of 10,000 points x 2 series is about 0.6 MB; the whole, 2.6 MB
    TempWorkspace tw;
    const ImportOutcome o = importPrometheusUrl(tw.ws(), q);
    EXPECT_EQ(server.rangeRequests, 5);
    EXPECT_EQ(o.series, 2);
    EXPECT_EQ(o.samples, 2 * 43201);
    for (size_t i = 1; i < server.askedFor.size(); ++i)
        EXPECT_DOUBLE_EQ(server.askedFor[i].first, server.askedFor[i - 1].second + 60);
    QSqlDatabase db = tw.ws().database();
    QSqlQuery row = sql::exec(db, QStringLiteral(
        "SELECT count(DISTINCT s.t), min(s.t), max(s.t), max(abs(s.value - s.t / 60)) FROM sample s "
        "JOIN series r ON r.id = s.series_id WHERE r.dataset_id = ?"), {o.datasetId});
    ASSERT_TRUE(row.next());
    EXPECT_EQ(row.value(0).toInt(), 43201);
    EXPECT_DOUBLE_EQ(row.value(1).toDouble(), 1700000000.0);
    EXPECT_DOUBLE_EQ(row.value(2).toDouble(), 1700000000.0 + 30 * 86400);
    EXPECT_LT(row.value(3).toDouble(), 0.0006);  // the answer rounds values to 3 decimals
    // The same history again, in the same pieces: the same answers, so a duplicate.
    const ImportOutcome again = importPrometheusUrl(tw.ws(), q);
    EXPECT_TRUE(again.duplicate);
    EXPECT_EQ(again.datasetId, o.datasetId);
}
