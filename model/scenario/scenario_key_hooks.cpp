#include "scenario_key_hooks.h"

#include "distribution_json.h"
#include "scenario_key_io.h"

#include <QJsonArray>
#include <QJsonObject>

namespace headroom::scenario_keys::hooks {

using scenario_json::above;
using scenario_json::atLeast;
using scenario_json::between;
using scenario_json::keys;
using json::Path;

namespace {

// A required array that must not be empty; returns it.
QJsonArray nonEmptyArray(const ObjectReader& r, const QString& name, const QString& what)
{
    if (!r.has(name)) r.missing(name, QStringLiteral("expected %1").arg(what));
    const QJsonValue v = r.value(name);
    if (!v.isArray() || v.toArray().isEmpty()) r.at(name).fail(QStringLiteral("expected a non-empty %1").arg(what.mid(what.indexOf(QLatin1Char(' ')) + 1)));
    return v.toArray();
}

}  // namespace

void readSchema(const Key& k, const ObjectReader& r, Scenario&)
{
    const QString schema = r.string(k.name());
    if (schema != QString::fromLatin1(kScenarioSchema))
        r.at(k.name()).fail(QStringLiteral("expected \"%1\", found \"%2\"").arg(QString::fromLatin1(kScenarioSchema), schema));
}

QJsonValue writeSchema(const Key&, const Scenario&) { return QString::fromLatin1(kScenarioSchema); }

// A JSON number holds integers exactly up to 2^53, so that is the largest seed a file can hold.
void readSeed(const Key& k, const ObjectReader& r, Scenario& s)
{
    if (!r.has(k.name())) return;
    const double v = scenario_json::numberAt(r.at(k.name()), r.value(k.name()), k.range);
    s.seed = quint64(v);
    if (v != double(s.seed)) r.at(k.name()).fail(QStringLiteral("expected an integer ≥ 0"));
}

QJsonValue writeSeed(const Key&, const Scenario& s) { return double(s.seed); }

void readProfilePoints(const Key& k, const ObjectReader& r, Scenario& s)
{
    const QJsonArray a = nonEmptyArray(r, k.name(), QStringLiteral("an array of [t_s, rate_rps] pairs"));
    const Path pp = r.at(k.name());
    std::vector<std::pair<double, double>>& points = s.traffic.points;
    for (qsizetype i = 0; i < a.size(); ++i) {
        const Path ip = pp.index(i);
        if (!a[i].isArray() || a[i].toArray().size() != 2) ip.fail(QStringLiteral("expected a pair [t_s, rate_rps]"));
        const QJsonArray pair = a[i].toArray();
        const double tS = scenario_json::numberAt(ip.index(0), pair[0], atLeast(0));
        const double rate = scenario_json::numberAt(ip.index(1), pair[1], atLeast(0));
        if (!points.empty() && tS <= points.back().first)
            ip.index(0).fail(QStringLiteral("expected a time after the previous point's %1 s").arg(points.back().first));
        points.emplace_back(tS, rate);
    }
}

QJsonValue writeProfilePoints(const Key&, const Scenario& s)
{
    QJsonArray points;
    for (const auto& [tS, rate] : s.traffic.points) points.append(QJsonArray{tS, rate});
    return points;
}

void readTraceDataset(const Key& k, const ObjectReader& r, Scenario& s)
{
    if (!r.has(k.name())) r.missing(k.name(), QStringLiteral("expected a dataset id or name"));
    const QJsonValue dv = r.value(k.name());
    if (dv.isString() && !dv.toString().isEmpty()) s.traffic.dataset = dv.toString();
    else s.traffic.dataset = qint64(scenario_json::integerAt(r.at(k.name()), dv, atLeast(1)));
}

QJsonValue writeTraceDataset(const Key&, const Scenario& s)
{
    const QVariant& d = s.traffic.dataset;
    return d.typeId() == QMetaType::QString ? QJsonValue(d.toString()) : QJsonValue(d.toLongLong());
}

void readInstanceType(const Key& k, const ObjectReader& r, Scenario& s)
{
    const QString expected = QStringLiteral("expected a catalog key \"provider/name\" or an object");
    if (!r.has(k.name())) r.missing(k.name(), expected);
    const QJsonValue it = r.value(k.name());
    if (it.isString()) {
        s.cluster.instanceTypeKey = it.toString();
        if (!s.cluster.instanceTypeKey.contains(QLatin1Char('/')))
            r.at(k.name()).fail(QStringLiteral("expected a catalog key \"provider/name\", found \"%1\"").arg(s.cluster.instanceTypeKey));
    } else if (it.isObject()) {
        std::get<SectionRef>(k.ref).enable(s);
        readSection(k.path, r.at(k.name()), it, s);
    } else {
        r.at(k.name()).fail(expected);
    }
}

QJsonValue writeInstanceType(const Key& k, const Scenario& s)
{
    return s.cluster.inlineType ? QJsonValue(writeSection(k.path, s)) : QJsonValue(s.cluster.instanceTypeKey);
}

void readSpeedEvidence(const Key& k, const ObjectReader& r, Scenario& s)
{
    if (!r.has(k.name())) return;
    const QJsonValue v = r.value(k.name());  // a dataset id, name or instance type
    s.cluster.speedFromDataset = v.isDouble() ? QString::number(scenario_json::integerAt(r.at(k.name()), v, atLeast(1)))
                                              : r.string(k.name()).trimmed();
    if (s.cluster.speedFromDataset.isEmpty())
        r.at(k.name()).fail(QStringLiteral("a dataset name or id, an instance type \"provider/name\", or \"instance_type\""));
}

QJsonValue writeSpeedEvidence(const Key&, const Scenario& s)
{
    return s.cluster.speedFromDataset.isEmpty() ? QJsonValue(QJsonValue::Undefined) : QJsonValue(s.cluster.speedFromDataset);
}

void readScalingSteps(const Key& k, const ObjectReader& r, Scenario& s)
{
    Autoscaling& a = *s.autoscaling;
    if (!r.has(k.name()) && a.policy != Autoscaling::Policy::Step) return;
    if (!r.has(k.name())) r.missing(k.name(), QStringLiteral("expected an array of {lower, upper, change} for policy \"step\""));
    const QJsonArray steps = nonEmptyArray(r, k.name(), QStringLiteral("an array of {lower, upper, change}"));
    for (qsizetype i = 0; i < steps.size(); ++i) {
        const ObjectReader st(r.at(k.name()).index(i), steps[i], keys({"lower", "upper", "change"}));
        ScalingStep step;
        step.lower = st.number(QStringLiteral("lower"), atLeast(0));
        step.upper = st.optionalNumber(QStringLiteral("upper"), above(step.lower));
        step.change = st.integer(QStringLiteral("change"), between(-100000, 100000));
        a.steps.push_back(step);
    }
}

QJsonValue writeScalingSteps(const Key&, const Scenario& s)
{
    if (s.autoscaling->steps.empty()) return QJsonValue::Undefined;
    QJsonArray steps;
    for (const ScalingStep& st : s.autoscaling->steps) {
        QJsonObject step{{QStringLiteral("lower"), st.lower}, {QStringLiteral("change"), st.change}};
        if (st.upper) step.insert(QStringLiteral("upper"), *st.upper);
        steps.append(step);
    }
    return steps;
}

void readSchedule(const Key& k, const ObjectReader& r, Scenario& s)
{
    Autoscaling& a = *s.autoscaling;
    if (!r.has(k.name()) && a.policy != Autoscaling::Policy::Scheduled) return;
    if (!r.has(k.name())) r.missing(k.name(), QStringLiteral("expected an array of {at_s, nodes} for policy \"scheduled\""));
    const QJsonArray entries = nonEmptyArray(r, k.name(), QStringLiteral("an array of {at_s, nodes}"));
    const Path sp = r.at(k.name());
    for (qsizetype i = 0; i < entries.size(); ++i) {
        const ObjectReader e(sp.index(i), entries[i], keys({"at_s", "nodes"}));
        const ScheduledCapacity c{e.number(QStringLiteral("at_s"), atLeast(0)), e.integer(QStringLiteral("nodes"), between(0, 100000))};
        if (!a.schedule.empty() && c.atS <= a.schedule.back().atS)
            sp.index(i).key(QStringLiteral("at_s")).fail(QStringLiteral("expected a time after the previous entry's %1 s").arg(a.schedule.back().atS));
        a.schedule.push_back(c);
    }
}

QJsonValue writeSchedule(const Key&, const Scenario& s)
{
    if (s.autoscaling->schedule.empty()) return QJsonValue::Undefined;
    QJsonArray entries;
    for (const ScheduledCapacity& e : s.autoscaling->schedule)
        entries.append(QJsonObject{{QStringLiteral("at_s"), e.atS}, {QStringLiteral("nodes"), e.nodes}});
    return entries;
}

// Variations of `autoscaling` that `headroom recommend` compares with it (a sweep dimension):
// each entry changes some of its keys, [{"target": 0.4}, {"policy": "k8s_hpa"}], and is read
// as the whole section would be, its errors naming the entry.
void readComparePolicies(const Key& k, const ObjectReader& r, Scenario& s)
{
    if (!r.has(k.name())) return;
    const Path at = r.at(k.name());
    if (!s.autoscaling) at.fail(QStringLiteral("expected \"autoscaling\" too: the policies compared are variations of it"));
    const QJsonArray entries = nonEmptyArray(r, k.name(), QStringLiteral("an array of objects"));
    for (qsizetype i = 0; i < entries.size(); ++i) {
        if (!entries[i].isObject()) at.index(i).fail(QStringLiteral("expected an object"));
        QJsonObject merged = r.value(QStringLiteral("autoscaling")).toObject();
        const QJsonObject entry = entries[i].toObject();
        for (auto it = entry.begin(); it != entry.end(); ++it) merged.insert(it.key(), it.value());
        Scenario variant = s;
        variant.autoscaling.emplace();
        readSection(QStringLiteral("autoscaling"), at.index(i), merged, variant);
        s.comparePolicies.push_back(*variant.autoscaling);
    }
}

// Each variation as the keys in which it differs from `autoscaling` (a whole object such as
// lead_time when anything in it differs), which is what reading merges back.
QJsonValue writeComparePolicies(const Key&, const Scenario& s)
{
    if (s.comparePolicies.empty() || !s.autoscaling) return QJsonValue::Undefined;
    const QJsonObject base = writeSection(QStringLiteral("autoscaling"), s);
    QJsonArray entries;
    for (const Autoscaling& a : s.comparePolicies) {
        Scenario variant = s;
        variant.autoscaling = a;
        const QJsonObject whole = writeSection(QStringLiteral("autoscaling"), variant);
        QJsonObject changed;
        for (auto it = whole.begin(); it != whole.end(); ++it)
            if (base.value(it.key()) != it.value()) changed.insert(it.key(), it.value());
        entries.append(changed);
    }
    return entries;
}

// "catalog" takes the provider's measured boot times instead of a distribution.
void readBootTime(const Key& k, const ObjectReader& r, Scenario& s)
{
    LeadTime& lt = s.autoscaling->leadTime;
    if (!r.has(k.name())) return;
    if (r.value(k.name()) == QJsonValue(QStringLiteral("catalog"))) lt.bootFromCatalog = true;
    else lt.bootS = scenario_json::readDistribution(r.at(k.name()), r.value(k.name()));
}

QJsonValue writeBootTime(const Key&, const Scenario& s)
{
    const LeadTime& lt = s.autoscaling->leadTime;
    return lt.bootFromCatalog ? QJsonValue(QStringLiteral("catalog")) : scenario_json::distributionToJson(lt.bootS);
}

}  // namespace headroom::scenario_keys::hooks
