#include "scenario_form.h"

#include "field_binder.h"
#include "object_array_table_model.h"
#include "scenario/scenario_names.h"
#include "scenario_document.h"

#include <QComboBox>
#include <QCompleter>
#include <QFormLayout>
#include <QGroupBox>
#include <QJsonArray>
#include <QJsonObject>
#include <QLabel>
#include <QLineEdit>
#include <QSignalBlocker>
#include <QVBoxLayout>

namespace headroom {

namespace {
// What the instance type box shows when the type is given inline instead of by catalog key.
QString inlineLabel() { return QObject::tr("(inline type)"); }
}  // namespace

ScenarioForm::ScenarioForm(ScenarioDocument* doc, QWidget* parent)
    : QWidget(parent), doc_(doc), binder_(new FieldBinder(doc, this)), sections_(new QVBoxLayout(this))
{
    buildGeneral();
    buildTraffic();
    buildService();
    buildCluster();
    buildAutoscaling();
    buildHealthClientSlo();
    sections_->addStretch(1);
    binder_->refreshAll();
}

QFormLayout* ScenarioForm::section(const QString& title)
{
    auto* group = new QGroupBox(title, this);
    auto* form = new QFormLayout(group);
    sections_->addWidget(group);
    return form;
}

QFormLayout* ScenarioForm::optionalSection(const QString& title, const QString& path, const QJsonObject& defaults)
{
    QGroupBox* group = binder_->optionalSection(title, path, defaults);
    group->setParent(this);
    auto* form = new QFormLayout(group);
    QLabel* error = binder_->errorLabelFor(path);
    form->addRow(error);
    form->setRowVisible(error, false);
    sections_->addWidget(group);
    return form;
}

void ScenarioForm::buildGeneral()
{
    QFormLayout* f = section(tr("General"));
    binder_->text(f, tr("Name"), QStringLiteral("name"));
    binder_->text(f, tr("Description"), QStringLiteral("description"));
    binder_->number(f, tr("Duration (s)"), QStringLiteral("duration_s"), tr("3600"));
    binder_->number(f, tr("Warm-up (s)"), QStringLiteral("warmup_s"), tr("0"));
    binder_->number(f, tr("Interval (s)"), QStringLiteral("interval_s"), tr("60"));
    binder_->number(f, tr("Seed"), QStringLiteral("seed"), tr("1"));
    binder_->number(f, tr("Replications"), QStringLiteral("replications"), tr("5"));
}

void ScenarioForm::buildTraffic()
{
    QFormLayout* f = section(tr("Traffic"));
    trafficKind_ = new QComboBox(f->parentWidget());
    trafficKind_->addItems(scenario_names::trafficKinds());
    f->addRow(tr("Kind"), trafficKind_);
    QLabel* kindError = binder_->addCustom(QStringLiteral("traffic.kind"), trafficKind_, [this] {
        trafficKind_->setCurrentIndex(trafficKind_->findText(doc_->value(QStringLiteral("traffic.kind")).toString()));
    });
    f->addRow(QString(), kindError);
    f->setRowVisible(kindError, false);
    connect(trafficKind_, &QComboBox::activated, this, [this] { changeTrafficKind(trafficKind_->currentText()); });
    binder_->number(f, tr("Rate (requests/s, poisson)"), QStringLiteral("traffic.rate_rps"));
    binder_->number(f, tr("Scale (×)"), QStringLiteral("traffic.scale"), tr("1"));
    binder_->numberOrText(f, tr("Dataset (trace: id or name)"), QStringLiteral("traffic.dataset"));
    binder_->text(f, tr("Series (trace)"), QStringLiteral("traffic.series"));
    binder_->text(f, tr("Node (trace)"), QStringLiteral("traffic.node"));
    f->addRow(new QLabel(tr("Profile points are edited in the table beside the form."), f->parentWidget()));
}

// Each traffic kind takes its own keys, so switching kind rewrites the section in one edit,
// carrying the rate over so the curve stays roughly where it was.
void ScenarioForm::changeTrafficKind(const QString& kind)
{
    const QJsonObject old = doc_->value(QStringLiteral("traffic")).toObject();
    if (old.value(QStringLiteral("kind")).toString() == kind) return;
    double rate = old.value(QStringLiteral("rate_rps")).toDouble(100);
    const QJsonArray oldPoints = old.value(QStringLiteral("points")).toArray();
    if (!oldPoints.isEmpty()) rate = oldPoints.at(0).toArray().at(1).toDouble(rate);
    const double duration = doc_->value(QStringLiteral("duration_s")).toDouble(3600);
    QJsonObject t{{QStringLiteral("kind"), kind}};
    if (old.contains(QStringLiteral("scale"))) t.insert(QStringLiteral("scale"), old.value(QStringLiteral("scale")));
    if (kind == QStringLiteral("poisson")) {
        t.insert(QStringLiteral("rate_rps"), rate);
    } else if (kind == QStringLiteral("profile")) {
        t.insert(QStringLiteral("points"), QJsonArray{QJsonArray{0, rate}, QJsonArray{duration, rate}});
    } else {
        t.insert(QStringLiteral("dataset"), QString());
        t.insert(QStringLiteral("series"), QStringLiteral("http.requests_per_s"));
    }
    doc_->setValue(QStringLiteral("traffic"), t, tr("Change traffic kind"));
}

void ScenarioForm::buildService()
{
    QFormLayout* f = section(tr("Service"));
    binder_->distribution(f, tr("CPU time per request (ms)"), QStringLiteral("service.cpu_ms"));
    binder_->number(f, tr("Reference CPU score"), QStringLiteral("service.reference_cpu_score"));
    binder_->text(f, tr("Reference instance type"), QStringLiteral("service.reference_instance_type"));

    const QJsonObject lognormal{{QStringLiteral("dist"), QStringLiteral("lognormal")}, {QStringLiteral("mean"), 1.0},
                                {QStringLiteral("cv"), 0.5}};
    QFormLayout* io = optionalSection(tr("Service: I/O round trips"), QStringLiteral("service.io"),
                                      {{QStringLiteral("calls"), 1}, {QStringLiteral("rtt_ms"), lognormal}});
    binder_->number(io, tr("Calls per request"), QStringLiteral("service.io.calls"));
    binder_->distribution(io, tr("Round trip (ms)"), QStringLiteral("service.io.rtt_ms"));

    QFormLayout* disk = optionalSection(tr("Service: disk"), QStringLiteral("service.disk"),
                                        {{QStringLiteral("ops"), 1}, {QStringLiteral("iops"), 3000},
                                         {QStringLiteral("latency_ms"), 0.5}});
    binder_->number(disk, tr("Operations per request"), QStringLiteral("service.disk.ops"));
    binder_->number(disk, tr("IOPS limit"), QStringLiteral("service.disk.iops"));
    binder_->distribution(disk, tr("Latency (ms)"), QStringLiteral("service.disk.latency_ms"));
}

void ScenarioForm::buildCluster()
{
    QFormLayout* f = section(tr("Cluster"));
    instanceType_ = new QComboBox(f->parentWidget());
    instanceType_->setEditable(true);
    instanceType_->setInsertPolicy(QComboBox::NoInsert);
    instanceType_->completer()->setFilterMode(Qt::MatchContains);
    instanceType_->completer()->setCompletionMode(QCompleter::PopupCompletion);
    instanceType_->completer()->setCaseSensitivity(Qt::CaseInsensitive);
    instanceType_->addItem(inlineLabel());
    f->addRow(tr("Instance type"), instanceType_);
    inlineType_ = new QGroupBox(tr("Inline instance type"), f->parentWidget());
    auto* inl = new QFormLayout(inlineType_);
    QLabel* typeError = binder_->addCustom(QStringLiteral("cluster.instance_type"), instanceType_, [this] {
        const QJsonValue v = doc_->value(QStringLiteral("cluster.instance_type"));
        instanceType_->setEditText(v.isObject() ? inlineLabel() : v.toString());
        inlineType_->setEnabled(v.isObject());
    });
    f->addRow(QString(), typeError);
    f->setRowVisible(typeError, false);
    connect(instanceType_, &QComboBox::activated, this, [this] { changeInstanceType(instanceType_->currentText()); });
    connect(instanceType_->lineEdit(), &QLineEdit::editingFinished, this,
            [this] { changeInstanceType(instanceType_->currentText()); });
    const QString t = QStringLiteral("cluster.instance_type.");
    binder_->number(inl, tr("vCPUs"), t + QStringLiteral("vcpu"));
    binder_->number(inl, tr("Memory (GiB)"), t + QStringLiteral("memory_gib"));
    binder_->number(inl, tr("Price per hour (USD)"), t + QStringLiteral("price_per_hour_usd"));
    binder_->number(inl, tr("CPU score"), t + QStringLiteral("cpu_score"), tr("same as the reference"));
    binder_->number(inl, tr("CPU score, all vCPUs busy"), t + QStringLiteral("cpu_score_all_cores"), tr("vCPUs × CPU score"));
    binder_->flag(inl, tr("Burstable"), t + QStringLiteral("burstable"));
    binder_->number(inl, tr("Baseline % per vCPU"), t + QStringLiteral("baseline_pct_per_vcpu"), tr("100"));
    binder_->number(inl, tr("Credits per hour"), t + QStringLiteral("credits_per_hour"));
    binder_->number(inl, tr("Max credits"), t + QStringLiteral("max_credits"));
    f->addRow(inlineType_);

    binder_->number(f, tr("Nodes"), QStringLiteral("cluster.nodes"), tr("1"));
    binder_->number(f, tr("Workers per vCPU"), QStringLiteral("cluster.workers_per_vcpu"), tr("1"));
    binder_->number(f, tr("Memory per worker (MiB)"), QStringLiteral("cluster.memory_per_worker_mib"), tr("not limited"));
    binder_->number(f, tr("Queue limit per node"), QStringLiteral("cluster.queue_limit"), tr("unbounded"));
    binder_->choice(f, tr("Balancer"), QStringLiteral("cluster.balancer"), scenario_names::balancers(),
                    QStringLiteral("round_robin"));
    binder_->number(f, tr("Node speed CV"), QStringLiteral("cluster.speed.cv"), tr("0 (all nodes equal)"));

    QFormLayout* credits = optionalSection(tr("Cluster: CPU credits"), QStringLiteral("cluster.cpu_credits"),
                                           {{QStringLiteral("mode"), QStringLiteral("standard")}});
    binder_->choice(credits, tr("Mode"), QStringLiteral("cluster.cpu_credits.mode"), scenario_names::creditModes());
    binder_->number(credits, tr("Initial credits per node"), QStringLiteral("cluster.cpu_credits.initial"), tr("full"));

    QFormLayout* noisy = optionalSection(tr("Cluster: noisy neighbour"), QStringLiteral("cluster.noisy_neighbour"),
                                         {{QStringLiteral("episodes_per_hour"), 0.2},
                                          {QStringLiteral("mean_duration_s"), 600},
                                          {QStringLiteral("slowdown"), 0.6}});
    binder_->number(noisy, tr("Episodes per hour"), QStringLiteral("cluster.noisy_neighbour.episodes_per_hour"));
    binder_->number(noisy, tr("Mean duration (s)"), QStringLiteral("cluster.noisy_neighbour.mean_duration_s"));
    binder_->number(noisy, tr("Speed during an episode (×)"), QStringLiteral("cluster.noisy_neighbour.slowdown"));

    QFormLayout* billing = optionalSection(tr("Cluster: billing"), QStringLiteral("cluster.billing"),
                                           {{QStringLiteral("granularity_s"), 1}, {QStringLiteral("minimum_s"), 60}});
    binder_->number(billing, tr("Billed in units of (s)"), QStringLiteral("cluster.billing.granularity_s"));
    binder_->number(billing, tr("Minimum billed (s)"), QStringLiteral("cluster.billing.minimum_s"));
}

void ScenarioForm::changeInstanceType(const QString& text)
{
    const QJsonValue current = doc_->value(QStringLiteral("cluster.instance_type"));
    if (text == inlineLabel()) {
        if (current.isObject()) return;
        doc_->setValue(QStringLiteral("cluster.instance_type"),
                       QJsonObject{{QStringLiteral("vcpu"), 2}, {QStringLiteral("memory_gib"), 4},
                                   {QStringLiteral("price_per_hour_usd"), 0.1}},
                       tr("Use an inline instance type"));
        return;
    }
    doc_->setValue(QStringLiteral("cluster.instance_type"), text.trimmed(), tr("Change instance type"));
}

void ScenarioForm::setInstanceTypeKeys(const QStringList& keys)
{
    const QSignalBlocker block(instanceType_);
    const QString shown = instanceType_->currentText();
    instanceType_->clear();
    instanceType_->addItem(inlineLabel());
    instanceType_->addItems(keys);
    instanceType_->setEditText(shown);
}

void ScenarioForm::buildAutoscaling()
{
    QFormLayout* f = optionalSection(tr("Autoscaling"), QStringLiteral("autoscaling"),
                                     {{QStringLiteral("policy"), QStringLiteral("target_tracking")},
                                      {QStringLiteral("metric"), QStringLiteral("cpu")},
                                      {QStringLiteral("target"), 0.6},
                                      {QStringLiteral("min"), 1},
                                      {QStringLiteral("max"), 10}});
    const QString a = QStringLiteral("autoscaling.");
    binder_->choice(f, tr("Policy"), a + QStringLiteral("policy"), scenario_names::policies());
    binder_->choice(f, tr("Metric"), a + QStringLiteral("metric"), scenario_names::metrics(), QStringLiteral("cpu"));
    binder_->number(f, tr("Target"), a + QStringLiteral("target"), tr("0.6"));
    binder_->number(f, tr("Min nodes"), a + QStringLiteral("min"), tr("1"));
    binder_->number(f, tr("Max nodes"), a + QStringLiteral("max"), tr("1"));
    binder_->number(f, tr("Metric interval (s)"), a + QStringLiteral("metric_interval_s"), tr("60 (HPA 15)"));
    binder_->number(f, tr("Cooldown (s)"), a + QStringLiteral("cooldown_s"), tr("300"));
    using Column = ObjectArrayTableModel::Column;
    binder_->objectTable(f, tr("Steps (step policy)"),
                         new ObjectArrayTableModel(doc_, a + QStringLiteral("steps"),
                                                   {Column{QStringLiteral("lower"), tr("Metric from"), 0.1},
                                                    Column{QStringLiteral("upper"), tr("Metric below (empty: no limit)"), 0.1},
                                                    Column{QStringLiteral("change"), tr("Nodes to add (− removes)"), 1}},
                                                   tr("scaling step"), this));
    binder_->objectTable(f, tr("Schedule (scheduled policy)"),
                         new ObjectArrayTableModel(doc_, a + QStringLiteral("schedule"),
                                                   {Column{QStringLiteral("at_s"), tr("From (s)"), 3600},
                                                    Column{QStringLiteral("nodes"), tr("Nodes"), 0}},
                                                   tr("schedule entry"), this));
    binder_->number(f, tr("HPA tolerance"), a + QStringLiteral("tolerance"), tr("0.1"));
    binder_->number(f, tr("HPA stabilisation (s)"), a + QStringLiteral("stabilisation_s"), tr("300"));
    binder_->number(f, tr("HPA readiness delay (s)"), a + QStringLiteral("readiness_delay_s"), tr("30"));

    const QString l = QStringLiteral("autoscaling.lead_time.");
    f->addRow(new QLabel(tr("<b>Lead time of a new node</b>"), f->parentWidget()));
    binder_->distribution(f, tr("Provisioning (s)"), l + QStringLiteral("provisioning_s"));
    binder_->distribution(f, tr("Boot (s)"), l + QStringLiteral("boot_s"), true);
    binder_->number(f, tr("Image size (bytes)"), l + QStringLiteral("image_bytes"), tr("0"));
    binder_->number(f, tr("Pull speed (bytes/s)"), l + QStringLiteral("pull_bytes_per_s"), tr("image cached"));
    binder_->distribution(f, tr("Start (s)"), l + QStringLiteral("start_s"));
    binder_->distribution(f, tr("Readiness (s)"), l + QStringLiteral("readiness_s"));
    binder_->distribution(f, tr("Registration (s)"), l + QStringLiteral("registration_s"));
}

void ScenarioForm::buildHealthClientSlo()
{
    QFormLayout* h = optionalSection(tr("Health check"), QStringLiteral("health_check"),
                                     {{QStringLiteral("interval_s"), 5}, {QStringLiteral("timeout_ms"), 1000},
                                      {QStringLiteral("unhealthy"), 3}, {QStringLiteral("healthy"), 2},
                                      {QStringLiteral("queued"), true}});
    binder_->number(h, tr("Interval (s)"), QStringLiteral("health_check.interval_s"), tr("5"));
    binder_->number(h, tr("Timeout (ms)"), QStringLiteral("health_check.timeout_ms"), tr("1000"));
    binder_->number(h, tr("Failures to leave"), QStringLiteral("health_check.unhealthy"), tr("3"));
    binder_->number(h, tr("Successes to return"), QStringLiteral("health_check.healthy"), tr("2"));
    binder_->flag(h, tr("Queued behind requests"), QStringLiteral("health_check.queued"));
    binder_->number(h, tr("CPU per check (ms)"), QStringLiteral("health_check.cpu_ms"), tr("1"));

    QFormLayout* c = optionalSection(tr("Client"), QStringLiteral("client"),
                                     {{QStringLiteral("timeout_ms"), 5000}, {QStringLiteral("retries"), 0},
                                      {QStringLiteral("backoff_ms"), 100}});
    binder_->number(c, tr("Timeout (ms)"), QStringLiteral("client.timeout_ms"), tr("never gives up"));
    binder_->number(c, tr("Retries"), QStringLiteral("client.retries"), tr("0"));
    binder_->number(c, tr("Backoff (ms)"), QStringLiteral("client.backoff_ms"), tr("0"));
    binder_->number(c, tr("Retry budget (share of requests)"), QStringLiteral("client.retry_budget"), tr("unlimited"));

    QFormLayout* s = optionalSection(tr("Service level objective"), QStringLiteral("slo"),
                                     {{QStringLiteral("latency_p95_ms"), 300}, {QStringLiteral("error_rate"), 0.001}});
    binder_->number(s, tr("p95 latency (ms)"), QStringLiteral("slo.latency_p95_ms"));
    binder_->number(s, tr("Error rate"), QStringLiteral("slo.error_rate"), tr("0.001"));
    binder_->number(s, tr("p95 queue wait (ms)"), QStringLiteral("slo.queue_wait_p95_ms"), tr("not checked"));
}

}  // namespace headroom
