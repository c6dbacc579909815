// loadNodeGroups (analysis_inputs.h): which nodes may be compared with which.
#include "analysis_inputs.h"

#include "store/dataset_repository.h"
#include "store/metric_runs.h"

#include <QHash>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <cmath>
#include <map>

namespace headroom::analysis {

namespace {

// What a row says about where it ran, from its own labels or its dataset's.
struct Placement {
    QString instanceType;
    QString zone;
    QString region;
    QString label;  // the value of the group-by label
    bool loopback = false;
};

QString firstOf(const QJsonObject& o, std::initializer_list<const char*> keys)
{
    for (const char* k : keys) {
        const QJsonValue v = o.value(QLatin1String(k));
        if (!v.isUndefined() && !v.isNull()) return v.toVariant().toString();
    }
    return {};
}

bool isLoopback(const QString& host)
{
    return host == QLatin1String("127.0.0.1") || host == QLatin1String("::1") || host.compare(QLatin1String("localhost"), Qt::CaseInsensitive) == 0;
}

// GCP "us-central1-a" and AWS "us-east-1a" name their region before the zone letter.
QString regionOfZone(const QString& zone)
{
    static const QRegularExpression re(QStringLiteral("^(.*\\d)-?[a-z]$"));
    const auto m = re.match(zone);
    return m.hasMatch() ? m.captured(1) : zone;
}

// Labels of a row and its dataset, the row's first.
struct RowLabels {
    const QJsonObject& own;
    const QJsonObject& dataset;
    QString value(std::initializer_list<const char*> keys) const
    {
        const QString v = firstOf(own, keys);
        return v.isEmpty() ? firstOf(dataset, keys) : v;
    }
};

Placement placementOf(const RowLabels& labels, const QString& datasetType, const QString& groupByLabel)
{
    Placement p;
    p.instanceType = datasetType;
    if (p.instanceType.isEmpty()) p.instanceType = labels.value({"instance_type"});
    if (p.instanceType.isEmpty()) {
        // PerfKit samples name the machine type of each run, and the cloud.
        const QString machine = labels.value({"machine_type", "sending_machine_type", "vm_sku"});
        if (!machine.isEmpty()) {
            const QString cloud = labels.value({"cloud", "provider"}).toLower();
            p.instanceType = cloud.isEmpty() ? machine : cloud + QLatin1Char('/') + machine;
        }
    }
    p.zone = labels.value({"zone", "sending_zone", "vm_zone", "availability_zone"});
    p.region = labels.value({"region", "vm_region"});
    if (p.region.isEmpty() && !p.zone.isEmpty()) p.region = regionOfZone(p.zone);
    p.loopback = isLoopback(labels.value({"remote_host", "server", "target_host"}));
    if (!groupByLabel.isEmpty()) {
        if (groupByLabel == QLatin1String("zone")) p.label = p.zone;
        else if (groupByLabel == QLatin1String("region")) p.label = p.region;
        else p.label = labels.value({groupByLabel.toUtf8().constData()});
        if (p.label.isEmpty()) p.label = QStringLiteral("(no %1)").arg(groupByLabel);
    }
    return p;
}

bool matches(const Selection& f, const QString& type, const QString& datasetProvider)
{
    if (!f.instanceType.isEmpty() && type.compare(f.instanceType, Qt::CaseInsensitive) != 0) return false;
    if (!f.provider.isEmpty()) {
        const bool byProvider = datasetProvider.compare(f.provider, Qt::CaseInsensitive) == 0;
        const bool byType = type.startsWith(f.provider + QLatin1Char('/'), Qt::CaseInsensitive);
        if (!byProvider && !byType) return false;
    }
    return true;
}

struct Collector {
    struct Group {
        QString instanceType, label;
        std::map<QString, homogeneity::NodeRuns> nodes;
    };
    std::map<QString, Group> groups;  // by display name

    void add(const Placement& p, const QString& node, double value, double t)
    {
        const QString type = p.loopback ? QStringLiteral("loopback") : p.instanceType;
        QString name = type.isEmpty() ? QStringLiteral("(no instance type)") : type;
        if (p.loopback) name = QStringLiteral("loopback (one machine talking to itself)");
        if (!p.label.isEmpty()) name += QStringLiteral(" · ") + p.label;
        Group& g = groups[name];
        g.instanceType = type;
        g.label = p.label;
        homogeneity::NodeRuns& runs = g.nodes[node];
        if (runs.node.isEmpty()) runs.node = node;
        runs.values.push_back(value);
        runs.t.push_back(t);
    }

    std::vector<NodeGroup> take()
    {
        std::vector<NodeGroup> out;
        for (auto& [name, g] : groups) {
            NodeGroup ng{name, g.instanceType, g.label, {}};
            ng.nodes.reserve(g.nodes.size());
            for (auto& [node, runs] : g.nodes) {
                // Times are kept only when every run has one.
                bool allTimed = true;
                for (double t : runs.t) allTimed = allTimed && std::isfinite(t);
                if (!allTimed) runs.t.clear();
                ng.nodes.push_back(std::move(runs));
            }
            out.push_back(std::move(ng));
        }
        return out;
    }
};

}  // namespace

std::vector<NodeGroup> loadNodeGroups(const Workspace& ws, const Selection& selection, const QString& groupByLabel)
{
    QHash<qint64, QJsonObject> datasetLabelsById;
    auto labelsOfDataset = [&](qint64 id) -> const QJsonObject& {
        auto it = datasetLabelsById.find(id);
        if (it == datasetLabelsById.end()) it = datasetLabelsById.insert(id, datasetLabels(ws, id));
        return *it;
    };
    Collector collector;
    QHash<QString, Placement> placements;  // by (dataset, row label summary): most rows share one
    auto consume = [&](const MetricRun& run) {
        const QString key = QString::number(run.datasetId) + QLatin1Char('|') + run.placementLabels;
        auto it = placements.find(key);
        if (it == placements.end()) {
            QJsonObject own = QJsonDocument::fromJson(run.placementLabels.toUtf8()).object();
            if (own.contains(QStringLiteral("by"))) own.insert(groupByLabel, own.take(QStringLiteral("by")));
            const QJsonObject& ds = labelsOfDataset(run.datasetId);
            Placement p = placementOf(RowLabels{own, ds}, run.datasetInstanceType, groupByLabel);
            if (!matches(selection, p.loopback ? QString() : p.instanceType, run.datasetProvider)) p.instanceType = QStringLiteral("\x01skip");
            it = placements.insert(key, p);
        }
        if (it->instanceType == QLatin1String("\x01skip")) return;
        collector.add(*it, run.node, run.value, run.t);
    };
    forEachMeasuredRun(ws, selection, groupByLabel, consume);
    // No benchmark runs of this metric: the samples of its series, with their own times.
    if (collector.groups.empty()) forEachSampledRun(ws, selection, groupByLabel, consume);
    return collector.take();
}

}  // namespace headroom::analysis
