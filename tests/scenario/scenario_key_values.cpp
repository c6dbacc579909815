#include "scenario_key_values.h"

#include "scenario/scenario_key_io.h"
#include "scenario/scenario_keys.h"

#include <QJsonArray>
#include <cmath>

namespace headroom::test {

using scenario_keys::Key;
using scenario_keys::ValueType;

QJsonValue valueAt(const QJsonObject& root, const QString& path)
{
    QJsonValue v = root;
    for (const QString& part : path.split(QLatin1Char('.'))) {
        if (!v.isObject()) return QJsonValue::Undefined;
        v = v.toObject().value(part);
    }
    return v;
}

QJsonObject withValue(QJsonObject root, const QString& path, const QJsonValue& v)
{
    const QString head = path.section(QLatin1Char('.'), 0, 0);
    const QString rest = path.section(QLatin1Char('.'), 1);
    if (rest.isEmpty()) {
        if (v.isUndefined()) root.remove(head);
        else root.insert(head, v);
        return root;
    }
    root.insert(head, withValue(root.value(head).toObject(), rest, v));
    return root;
}

namespace {

// The JSON of `k` at its default, or Undefined when it has none (required, optional, custom).
QJsonValue defaultJson(const Key& k)
{
    if (k.type == ValueType::Custom || k.type == ValueType::Section) return QJsonValue::Undefined;
    return scenario_keys::valueJson(k, scenario_keys::defaultScenario());
}

QJsonValue firstValue(const Key& k, const QJsonValue& current, const Scenario& parsedRoot)
{
    const std::vector<QJsonValue> values = otherValues(k, current, parsedRoot);
    return values.empty() ? QJsonValue(QJsonValue::Undefined) : values.front();
}

}  // namespace

QJsonObject completed(QJsonObject root, const QString& sectionPath, const Scenario& parsedRoot)
{
    QJsonObject object = sectionPath.isEmpty() ? root : valueAt(root, sectionPath).toObject();
    const auto at = [&](const Key& k) { return sectionPath.isEmpty() ? k.name() : sectionPath + QLatin1Char('.') + k.name(); };
    for (const Key* k : scenario_keys::childKeys(sectionPath)) {
        if (!k->appliesIn(object)) {
            if (k->refusedOtherwise) object.remove(k->name());
            continue;
        }
        if (object.contains(k->name()) || k->presence != scenario_keys::Presence::Required) continue;
        QJsonValue v = k->type == ValueType::Custom ? k->example : firstValue(*k, QJsonValue::Undefined, parsedRoot);
        if (k->type == ValueType::Section) {
            QJsonObject inner = withValue(root, at(*k), k->enableWith);
            v = valueAt(completed(inner, at(*k), parsedRoot), at(*k));
        }
        object.insert(k->name(), v);
    }
    return sectionPath.isEmpty() ? object : withValue(root, sectionPath, object);
}

QJsonObject makeRoomFor(QJsonObject root, const Key& k, const Scenario& parsedRoot)
{
    QStringList parts = k.path.split(QLatin1Char('.'));
    parts.removeLast();
    QString path;
    for (const QString& part : parts) {
        path = path.isEmpty() ? part : path + QLatin1Char('.') + part;
        if (valueAt(root, path).isObject()) continue;
        const Key* section = scenario_keys::findScenarioKey(path);
        root = completed(withValue(root, path, section ? section->enableWith : QJsonObject()), path, parsedRoot);
    }
    const QString parent = k.parentPath();
    const QJsonObject enclosing = parent.isEmpty() ? root : valueAt(root, parent).toObject();
    if (!k.appliesIn(enclosing)) {
        const QString when = parent.isEmpty() ? k.whenKey : parent + QLatin1Char('.') + k.whenKey;
        root = completed(withValue(root, when, k.whenValue), parent, parsedRoot);
    }
    return root;
}

std::vector<QJsonValue> otherValues(const Key& k, const QJsonValue& current, const Scenario& parsedRoot)
{
    const QJsonValue fallback = defaultJson(k);
    const QJsonValue now = current.isUndefined() ? fallback : current;
    std::vector<QJsonValue> out;
    const auto offer = [&](const QJsonValue& v) {
        if (!sameJson(v, now) && !sameJson(v, fallback)) out.push_back(v);
    };
    switch (k.type) {
    case ValueType::Number:
    case ValueType::Integer: {
        const scenario_json::Range r = k.rangeFor ? k.rangeFor(parsedRoot) : k.range;
        const bool integer = k.type == ValueType::Integer;
        std::vector<double> tries;
        if (now.isDouble()) tries.insert(tries.end(), {now.toDouble() * 1.5, now.toDouble() + 1});
        const double lo = std::isfinite(r.lo) ? r.lo : 0;
        if (std::isfinite(r.hi) && r.hi - lo <= 1000) tries.insert(tries.end(), {lo + (r.hi - lo) * 0.375, lo + (r.hi - lo) * 0.625});
        tries.insert(tries.end(), {lo + 7.25, lo + 2.5});
        for (double v : tries) {
            if (integer) v = std::round(v);
            if (r.contains(v)) offer(v);
        }
        break;
    }
    case ValueType::Boolean: offer(!now.toBool()); break;
    case ValueType::String: offer(QStringLiteral("example %1").arg(k.name())); break;
    case ValueType::Choice:
        for (const QString& c : k.choices) offer(c);
        break;
    case ValueType::Distribution:
        offer(QJsonObject{{QStringLiteral("dist"), QStringLiteral("lognormal")}, {QStringLiteral("mean"), 3.5}, {QStringLiteral("cv"), 0.5}});
        offer(QJsonObject{{QStringLiteral("dist"), QStringLiteral("gamma")}, {QStringLiteral("mean"), 2.0}, {QStringLiteral("cv"), 0.7}});
        break;
    case ValueType::Section:
    case ValueType::Custom: out.push_back(k.type == ValueType::Custom ? k.example : QJsonValue(k.enableWith)); break;
    }
    return out;
}

QJsonValue outOfRange(const Key& k, const Scenario& parsedRoot)
{
    const scenario_json::Range r = k.rangeFor ? k.rangeFor(parsedRoot) : k.range;
    if (std::isfinite(r.lo)) return r.loOpen ? r.lo : r.lo - 1;
    if (std::isfinite(r.hi)) return r.hiOpen ? r.hi : r.hi + 1;
    return QJsonValue::Undefined;
}

bool sameJson(const QJsonValue& a, const QJsonValue& b)
{
    if (a.isDouble() && b.isDouble()) return a.toDouble() == b.toDouble();
    return a == b;
}

}  // namespace headroom::test
