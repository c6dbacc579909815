// Kubernetes events (YAML, table, JSON) and kubectl describe pod into lead-time events;
// durations and sizes read off the fixture files.
#include "import/kubernetes_event_messages.h"
#include "import/yaml_document.h"
#include "monitoring_test_helpers.h"

#include <QJsonArray>
#include <QJsonObject>

using namespace headroom;
using namespace headroom::test;

namespace {

QVector<LeadTimeEvent> phase(const ImportResult& r, const QString& name)
{
    QVector<LeadTimeEvent> out;
    for (const LeadTimeEvent& e : r.leadTimeEvents)
        if (e.phase == name) out.push_back(e);
    return out;
}

}  // namespace

TEST(KubernetesEvents, GkeYamlGivesPullsSchedulingStartsAndNodeReadiness)
{
    HEADROOM_FIXTURE(path, "k8s_events/pkb_kubectl_get_events_gke.yaml");
    const ImportResult r = parseFixture(QStringLiteral("k8s-events"), path);
    EXPECT_EQ(r.labels.value(QStringLiteral("events")).toInt(), 39);
    const auto pulls = phase(r, QStringLiteral("image_pull"));
    ASSERT_EQ(pulls.size(), 3);
    // In time order: hello-world0 (22:43:51), daemon-set-njnkj (22:44:00), daemon-set-jntzg (22:44:52).
    EXPECT_NEAR(pulls[0].durationS, 0.971998511, 1e-12);
    EXPECT_EQ(pulls[0].labels.value(QStringLiteral("image")).toString(), QStringLiteral("hello-world"));
    EXPECT_NEAR(pulls[1].durationS, 0.561115079, 1e-12);
    EXPECT_NEAR(pulls[2].durationS, 1.252108014, 1e-12);
    // The folded YAML line "(3.296669096s including\n    waiting)" is read whole.
    EXPECT_NEAR(pulls[2].labels.value(QStringLiteral("including_waiting_s")).toDouble(), 3.296669096, 1e-12);
    EXPECT_EQ(pulls[2].node, QStringLiteral("gke-pkb-74f3ec93-default-pool-3dcae581-9dw1"));
    EXPECT_EQ(pulls[2].imageCached, std::optional<bool>(false));
    EXPECT_FALSE(pulls[2].imageBytes.has_value());
    // Pulled at 22:44:52Z, so the pull started 1.252 s before.
    EXPECT_NEAR(pulls[2].startedAt, 1700606692.0 - 1.252108014, 1e-6);

    const auto scheduled = phase(r, QStringLiteral("scheduled"));
    ASSERT_EQ(scheduled.size(), 2);  // hello-world0 has no "Created pod" event
    EXPECT_EQ(scheduled[0].durationS, 0.0);
    EXPECT_DOUBLE_EQ(scheduled[0].startedAt, 1700606639.0);  // 22:43:59Z

    const auto starts = phase(r, QStringLiteral("app_start"));
    ASSERT_EQ(starts.size(), 3);
    EXPECT_EQ(starts[0].labels.value(QStringLiteral("pod")).toString(), QStringLiteral("hello-world0"));
    EXPECT_EQ(starts[0].durationS, 1.0);  // Pulled 22:43:51 → Started 22:43:52

    const auto ready = phase(r, QStringLiteral("readiness"));
    ASSERT_EQ(ready.size(), 2);  // Starting kubelet → NodeReady on both nodes, 1 s each
    EXPECT_EQ(ready[0].node, QStringLiteral("gke-pkb-74f3ec93-default-pool-3dcae581-1f1t"));
    EXPECT_EQ(ready[0].durationS, 1.0);
    EXPECT_EQ(r.leadTimeEvents.size(), 10);
}

TEST(KubernetesEvents, HolmesTableWithRelativeAgesAndImageSize)
{
    HEADROOM_FIXTURE(path, "k8s_events/holmesgpt_kubectl_events_table.txt");
    const ImportResult r = parseFixture(QStringLiteral("k8s-events"), path);
    ASSERT_EQ(r.leadTimeEvents.size(), 1);
    const LeadTimeEvent& pull = r.leadTimeEvents[0];
    EXPECT_EQ(pull.phase, QStringLiteral("image_pull"));
    EXPECT_DOUBLE_EQ(pull.durationS, 2.703);
    EXPECT_EQ(pull.imageBytes, std::optional<qint64>(2355194));
    EXPECT_EQ(pull.labels.value(QStringLiteral("image")).toString(), QStringLiteral("jfusterm/stress"));
    EXPECT_EQ(pull.labels.value(QStringLiteral("age_s")).toDouble(), 49 * 60.0);
    EXPECT_EQ(pull.labels.value(QStringLiteral("object")).toString(), QStringLiteral("Pod/frontend-service"));
    ASSERT_FALSE(r.warnings.isEmpty());
    EXPECT_TRUE(r.warnings.back().message.contains(QLatin1String("ages")));
}

TEST(KubernetesEvents, JsonEventsK8sIoV1AndCachedImages)
{
    const QByteArray json = R"({"kind":"EventList","items":[
      {"kind":"Event","regarding":{"kind":"Pod","name":"api-1","namespace":"shop"},"reason":"Pulling",
       "note":"Pulling image \"registry/api:2\"","eventTime":"2024-05-01T10:00:00.000000Z"},
      {"kind":"Event","regarding":{"kind":"Pod","name":"api-1","namespace":"shop"},"reason":"Pulled",
       "note":"Successfully pulled image \"registry/api:2\"","eventTime":"2024-05-01T10:00:07.500000Z"},
      {"kind":"Event","regarding":{"kind":"Pod","name":"api-2","namespace":"shop"},"reason":"Pulled",
       "note":"Container image \"registry/api:2\" already present on machine","eventTime":"2024-05-01T10:01:00Z",
       "series":{"count":3}}]})";
    const ImportResult r = parseAs(QStringLiteral("k8s-events"), json);
    ASSERT_EQ(r.leadTimeEvents.size(), 2);
    // Old kubelet message without a duration: Pulling → Pulled event times.
    EXPECT_DOUBLE_EQ(r.leadTimeEvents[0].durationS, 7.5);
    EXPECT_EQ(r.leadTimeEvents[0].imageCached, std::optional<bool>(false));
    EXPECT_EQ(r.leadTimeEvents[1].imageCached, std::optional<bool>(true));
    EXPECT_EQ(r.leadTimeEvents[1].durationS, 0.0);
    EXPECT_EQ(r.leadTimeEvents[1].labels.value(QStringLiteral("repeats")).toInt(), 3);
}

TEST(KubectlDescribe, RepeatedPullsWithSizesAndRepeatRows)
{
    HEADROOM_FIXTURE(path, "k8s_events/holmesgpt_kubectl_describe_pod_oomkill_repeated_pulls.txt");
    const ImportResult r = parseFixture(QStringLiteral("k8s-describe"), path);
    EXPECT_EQ(r.node, QStringLiteral("grafana-cloud-control-plane"));
    EXPECT_EQ(r.labels.value(QStringLiteral("pod")).toString(), QStringLiteral("analytics-exporter-fast-76897854c-cw5wh"));
    const auto pulls = phase(r, QStringLiteral("image_pull"));
    ASSERT_EQ(pulls.size(), 5);
    const double expected[] = {0.901, 0.964, 0.910, 1.01, 0.271};
    for (int i = 0; i < 5; ++i) {
        EXPECT_NEAR(pulls[i].durationS, expected[i], 1e-12) << i;
        EXPECT_EQ(pulls[i].imageBytes, std::optional<qint64>(47485901));
        EXPECT_EQ(pulls[i].node, QStringLiteral("grafana-cloud-control-plane"));
    }
    EXPECT_EQ(pulls[0].labels.value(QStringLiteral("age_s")).toDouble(), 6 * 60 + 38.0);
    EXPECT_EQ(r.leadTimeEvents.size(), 5);  // ages only: no start or scheduling durations
}

TEST(KubernetesMessages, EveryKubeletPullStyle)
{
    using namespace headroom::k8s;
    EXPECT_EQ(goDuration(QStringLiteral("1m2.5s")), std::optional<double>(62.5));
    EXPECT_NEAR(*goDuration(QStringLiteral("500\u00b5s")), 0.0005, 1e-15);
    EXPECT_EQ(goDuration(QStringLiteral("2h0m0s")), std::optional<double>(7200));
    EXPECT_FALSE(goDuration(QStringLiteral("fast")).has_value());
    EXPECT_EQ(kubectlAge(QStringLiteral("2d3h")), std::optional<double>(2 * 86400 + 3 * 3600));
    const auto newest = parsePullMessage(QStringLiteral("Successfully pulled image \"x\" in 2.1s (2.1s including waiting). Image size: 99 bytes."));
    ASSERT_TRUE(newest);
    EXPECT_EQ(newest->durationS, std::optional<double>(2.1));
    EXPECT_EQ(newest->imageBytes, std::optional<qint64>(99));
    const auto noWait = parsePullMessage(QStringLiteral("Successfully pulled image \"x\" in 1.2s. Image size: 5 bytes."));
    ASSERT_TRUE(noWait);
    EXPECT_EQ(noWait->durationS, std::optional<double>(1.2));
    EXPECT_EQ(noWait->imageBytes, std::optional<qint64>(5));
    const auto repeat = parseRepeat(QStringLiteral("5m11s (x5 over 6m39s)"));
    ASSERT_TRUE(repeat);
    EXPECT_EQ(repeat->count, 5);
    EXPECT_EQ(repeat->overS, 6 * 60 + 39.0);
}

TEST(YamlDocument, KubectlShapesFoldingQuotesAndErrors)
{
    const QJsonValue v = yaml::parse("items:\n- name: a\n  message: 'it''s\n    folded'\n  count: 3\n  tags: []\n"
                                     "  nested:\n    deep: \"x\\ty\"\n- name: b\n  eventTime: null\nkind: List\n",
                                     QStringLiteral("f.yaml"));
    const QJsonArray items = v.toObject().value(QStringLiteral("items")).toArray();
    ASSERT_EQ(items.size(), 2);
    EXPECT_EQ(items[0].toObject().value(QStringLiteral("message")).toString(), QStringLiteral("it's folded"));
    EXPECT_EQ(items[0].toObject().value(QStringLiteral("count")).toDouble(), 3.0);
    EXPECT_EQ(items[0].toObject().value(QStringLiteral("nested")).toObject().value(QStringLiteral("deep")).toString(), QStringLiteral("x\ty"));
    EXPECT_TRUE(items[1].toObject().value(QStringLiteral("eventTime")).isNull());
    EXPECT_EQ(v.toObject().value(QStringLiteral("kind")).toString(), QStringLiteral("List"));
    try {
        yaml::parse("a: 1\n  b: 2\n", QStringLiteral("f.yaml"));
        FAIL() << "bad indentation accepted";
    } catch (const InputError& e) {
        EXPECT_TRUE(e.where().startsWith(QLatin1String("f.yaml:2:"))) << e.where().toStdString();
    }
    EXPECT_THROW(yaml::parse("a: 'open\n", QStringLiteral("f.yaml")), InputError);
    EXPECT_THROW(yaml::parse("items:\n- a: \"cut\n  b: 2\n\n", QStringLiteral("f.yaml")), InputError);
    EXPECT_THROW(yaml::parse("a: 1\n---\nb: 2\n", QStringLiteral("f.yaml")), InputError);
}

// What the hand-written reader got wrong: it dropped blank and '#' lines before parsing, which
// corrupts a '|' block scalar, and it left \u escapes undecoded. Anchors now resolve.
TEST(YamlDocument, BlockScalarsKeepBlankAndHashLinesAndEscapesAreDecoded)
{
    const QJsonObject v = yaml::parse("message: |\n  line one\n\n  # not a comment\n  line three\n"
                                      "note: \"caf\\u00e9 \\u2192 ok\"\n"
                                      "version: \"0123\"\nplain: 0123\nbase: &b 7\ncopy: *b\n# a real comment\n",
                                      QStringLiteral("f.yaml")).toObject();
    EXPECT_EQ(v.value(QStringLiteral("message")).toString(), QStringLiteral("line one\n\n# not a comment\nline three\n"));
    EXPECT_EQ(v.value(QStringLiteral("note")).toString(), QString::fromUtf8("caf\u00e9 \u2192 ok"));
    EXPECT_EQ(v.value(QStringLiteral("version")).toString(), QStringLiteral("0123"));
    EXPECT_EQ(v.value(QStringLiteral("plain")).toDouble(), 123.0);
    EXPECT_EQ(v.value(QStringLiteral("copy")).toDouble(), 7.0);
    EXPECT_EQ(v.size(), 6);
}

TEST(KubernetesEvents, BrokenInput)
{
    expectRefusesBrokenInput(QStringLiteral("k8s-events"));
    expectRefusesBrokenInput(QStringLiteral("k8s-describe"));
    const QString noReason = inputErrorOf(QStringLiteral("k8s-events"),
        "apiVersion: v1\nitems:\n- involvedObject:\n    kind: Pod\n    name: p\n  message: hi\nkind: List\n");
    EXPECT_TRUE(noReason.contains(QLatin1String("$.items[0].reason"))) << noReason.toStdString();
    const QString truncated = inputErrorOf(QStringLiteral("k8s-events"), R"({"kind":"EventList","items":[{"reason":)");
    EXPECT_TRUE(truncated.startsWith(QLatin1String("broken.input:1:"))) << truncated.toStdString();
    const QString wrong = inputErrorOf(QStringLiteral("k8s-events"), "time,node,metric,value\n1,a,b,2\n");
    EXPECT_FALSE(wrong.isEmpty());
    const QString describe = inputErrorOf(QStringLiteral("k8s-describe"), "Name: p\nNamespace: d\n");
    EXPECT_TRUE(describe.contains(QLatin1String("Events:"))) << describe.toStdString();
    // CRLF tables are read like LF ones.
    const ImportResult r = parseAs(QStringLiteral("k8s-events"),
        "LAST SEEN   TYPE     REASON   OBJECT   MESSAGE\r\n2m          Normal   Pulled   Pod/p    Successfully pulled image \"a\" in 3s (3s including waiting)\r\n");
    ASSERT_EQ(r.leadTimeEvents.size(), 1);
    EXPECT_EQ(r.leadTimeEvents[0].durationS, 3.0);
}
