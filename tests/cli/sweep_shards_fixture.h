#pragma once
// What the sharded-sweep tests (test_recommend_shards.cpp, test_recommend_shared_bar.cpp) share:
// one small scenario, its instance types, and JSON file helpers.
#include <QByteArray>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QStringList>
#include <gtest/gtest.h>

namespace headroom::test {

// 100 requests/s of exponential 20 ms CPU time on a fixed fleet; five minutes, so a shard takes
// about a second.
inline const QByteArray kScenario = R"({"schema":"headroom.scenario/1","name":"api","duration_s":300,"warmup_s":30,"seed":5,
  "replications":3,"traffic":{"kind":"poisson","rate_rps":100},"service":{"cpu_ms":{"dist":"exponential","mean":20}},
  "cluster":{"instance_type":"aws/c6i.large","nodes":1,"balancer":"random"},"slo":{"latency_p95_ms":100}})";

// Types that meet the SLO at a few nodes and one that needs many (its searches run under cost
// bars the shards cannot know, so the merge simulates some of its node counts itself).
inline const QStringList kTypes{QStringLiteral("--instance-types"),
                                     QStringLiteral("aws/c6i.large,aws/m6i.large,gcp/n2-standard-2,hetzner/CX22")};

// Wall time differs between any two runs, sharded or not; every other byte must not.
inline QByteArray withoutElapsed(QByteArray json)
{
    static const QRegularExpression elapsed(QStringLiteral("\\n *\"elapsed_s\": [-0-9.e+]+,?"));
    return QString::fromUtf8(json).remove(elapsed).toUtf8();
}

inline QJsonObject readJson(const QString& path)
{
    QFile f(path);
    EXPECT_TRUE(f.open(QIODevice::ReadOnly)) << path.toStdString();
    return QJsonDocument::fromJson(f.readAll()).object();
}

inline void writeJson(const QString& path, const QJsonObject& o)
{
    QFile f(path);
    ASSERT_TRUE(f.open(QIODevice::WriteOnly));
    f.write(QJsonDocument(o).toJson());
}

}  // namespace headroom::test
