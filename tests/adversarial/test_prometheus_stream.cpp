// Large Prometheus answers are read as a stream of JSON events (no JSON tree, no copy of the
// file): the series they give must be exactly those of the in-memory reader, and a damaged
// answer must be named by line and column or JSON path.
#include "support/fixtures.h"

#include "core/errors.h"
#include "import/prometheus_json_importer.h"

#include <QBuffer>
#include <QFile>
#include <QJsonDocument>
#include <gtest/gtest.h>
#include <map>

using namespace headroom;

namespace {

// Keeps what a streaming import hands to the dataset writer.
class RecordingSink : public StreamingSink {
public:
    struct Series {
        QString node, metric, unit;
        QJsonObject labels;
        std::vector<double> t, v;
    };
    std::vector<Series> series;
    qint64 openSeries(const QString& node, const QString& metric, const QString& unit) override
    {
        return openLabelledSeries(node, metric, unit, {});
    }
    qint64 openLabelledSeries(const QString& node, const QString& metric, const QString& unit,
                              const QJsonObject& labels) override
    {
        series.push_back({node, metric, unit, labels, {}, {}});
        return qint64(series.size() - 1);
    }
    void add(qint64 id, double t, double value) override
    {
        series[size_t(id)].t.push_back(t);
        series[size_t(id)].v.push_back(value);
    }
};

QString keyOf(const QString& node, const QString& metric, const QJsonObject& labels)
{
    return node + QLatin1Char('|') + metric + QLatin1Char('|') + QString::fromUtf8(QJsonDocument(labels).toJson(QJsonDocument::Compact));
}

ImportResult streamed(const QByteArray& bytes, RecordingSink& sink, const QString& name = QStringLiteral("answer.json"))
{
    QBuffer buffer;
    buffer.setData(bytes);
    buffer.open(QIODevice::ReadOnly);
    ImportContext context;
    context.fileName = name;
    return PrometheusJsonImporter().parseStreaming(buffer, context, sink);
}

// Both readers give the same series, points and warnings.
void expectSameAsInMemory(const QByteArray& bytes)
{
    const ImportResult whole = parsePrometheusJson(bytes, QStringLiteral("answer.json"));
    RecordingSink sink;
    const ImportResult rest = streamed(bytes, sink);
    ASSERT_EQ(sink.series.size(), whole.series.size());
    std::map<QString, const RecordingSink::Series*> byKey;
    for (const auto& s : sink.series) byKey[keyOf(s.node, s.metric, s.labels)] = &s;
    for (const Series& w : whole.series) {
        const auto it = byKey.find(keyOf(w.node, w.metric, w.labels));
        ASSERT_NE(it, byKey.end()) << keyOf(w.node, w.metric, w.labels).toStdString();
        EXPECT_EQ(it->second->unit, w.unit);
        EXPECT_EQ(it->second->t, w.t) << w.metric.toStdString();
        EXPECT_EQ(it->second->v, w.v) << w.metric.toStdString();
    }
    EXPECT_EQ(rest.labels.value(QStringLiteral("result_type")), whole.labels.value(QStringLiteral("result_type")));
    EXPECT_EQ(rest.warnings.size(), whole.warnings.size());
}

}  // namespace

TEST(PrometheusStream, RealBareResultArrayGivesTheSameSeries)
{
    QFile f(test::fixturePath(QStringLiteral("prometheus/prometheus-api-client_up_range_series_2019.json")));
    ASSERT_TRUE(f.open(QIODevice::ReadOnly));
    expectSameAsInMemory(f.readAll());
}

TEST(PrometheusStream, EnvelopeWithCpuModesCountersGaugesAndNaN)
{
    QByteArray json = R"({"status":"success","data":{"resultType":"matrix","result":[)";
    const char* modes[] = {"idle", "user", "steal", "iowait"};
    for (int m = 0; m < 4; ++m) {
        json += QStringLiteral(R"({"metric":{"__name__":"node_cpu_seconds_total","cpu":"0","instance":"a:9100","mode":"%1"},"values":[)")
                    .arg(QLatin1String(modes[m])).toUtf8();
        for (int i = 0; i < 50; ++i) json += QStringLiteral("%1[%2,\"%3\"]").arg(i ? "," : "").arg(1700000000 + 15 * i).arg(100.0 * (m + 1) + i * (m + 1) * 3.5).toUtf8();
        json += "]},";
    }
    json += R"({"metric":{"__name__":"node_memory_MemAvailable_bytes","instance":"a:9100"},"values":[[1700000000,"8e9"],[1700000015,"NaN"],[1700000030,"7.5e9"]]},)";
    json += R"({"metric":{"__name__":"http_requests_total","instance":"b:80"},"values":[[1700000000,"100"],[1700000015,"130"],[1700000030,"190"]]},)";
    json += R"({"metric":{"__name__":"custom_gauge","instance":"b:80","pool":"x"},"values":[[1700000000,"+Inf"],[1700000015,"2"]]}]}})";
    expectSameAsInMemory(json);
}

TEST(PrometheusStream, DamagedAnswersNameTheSpot)
{
    RecordingSink sink;
    const auto error = [&](const QByteArray& bytes) {
        try {
            streamed(bytes, sink);
        } catch (const InputError& e) {
            return e.text();
        }
        ADD_FAILURE() << "accepted: " << bytes.toStdString();
        return QString();
    };
    const QString truncated = error(R"({"status":"success","data":{"resultType":"matrix","result":[{"metric":{},"values":[[1,"2"],)");
    EXPECT_TRUE(truncated.startsWith(QStringLiteral("answer.json: invalid JSON: line 1, column"))) << truncated.toStdString();
    const QString badValue = error(R"({"status":"success","data":{"resultType":"matrix","result":[{"metric":{"__name__":"x"},"values":[[1,"2"],[2,"abc"]]}]}})");
    EXPECT_EQ(badValue, QStringLiteral("answer.json: $.data.result[0].values[1][1]: expected a number")) << badValue.toStdString();
    const QString triple = error(R"({"status":"success","data":{"resultType":"matrix","result":[{"metric":{"__name__":"x"},"values":[[1,"2",3]]}]}})");
    EXPECT_TRUE(triple.contains(QStringLiteral("$.data.result[0].values[0]"))) << triple.toStdString();
    const QString refused = error(R"({"status":"error","errorType":"bad_data","error":"parse error"})");
    EXPECT_TRUE(refused.contains(QStringLiteral("bad_data"))) << refused.toStdString();
    const QString empty = error(R"({"status":"success","data":{"resultType":"matrix","result":[]}})");
    EXPECT_TRUE(empty.contains(QStringLiteral("no series"))) << empty.toStdString();
}
