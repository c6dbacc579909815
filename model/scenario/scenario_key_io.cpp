#include "scenario_key_io.h"

#include "distribution_json.h"
#include "scenario_keys.h"

#include <QJsonArray>
#include <QJsonDocument>

namespace headroom::scenario_keys {

namespace {

QString fromUtf8(const char* s) { return QString::fromUtf8(s); }

// The words of a `when` condition in an error: `kind "poisson"`.
QString whenWords(const Key& k, const QJsonValue& found)
{
    const QString v = found.isString() ? QLatin1Char('"') + found.toString() + QLatin1Char('"')
                                       : QString::fromUtf8(QJsonDocument(QJsonArray{found}).toJson(QJsonDocument::Compact)).mid(1).chopped(1);
    return k.whenKey + QLatin1Char(' ') + v;
}

void readValue(const Key& k, const ObjectReader& r, Scenario& s)
{
    const QString name = k.name();
    const Range range = k.rangeFor ? k.rangeFor(s) : k.range;
    std::visit(Overloaded{
                   [&](const std::monostate&) {},
                   [&](const FieldRef<double>& f) { f.get(s) = r.number(name, range); },
                   [&](const FieldRef<std::optional<double>>& f) { f.get(s) = r.number(name, range); },
                   [&](const FieldRef<int>& f) { f.get(s) = r.integer(name, range); },
                   [&](const FieldRef<std::optional<int>>& f) { f.get(s) = r.integer(name, range); },
                   [&](const FieldRef<bool>& f) { f.get(s) = r.boolean(name, false); },
                   [&](const FieldRef<QString>& f) { f.get(s) = r.string(name); },
                   [&](const FieldRef<Distribution>& f) { f.get(s) = scenario_json::readDistribution(r.at(name), r.value(name)); },
                   [&](const ChoiceRef& c) { c.set(s, r.choice(name, k.choices)); },
                   [&](const SectionRef& sec) {
                       sec.enable(s);
                       readSection(k.path, r.at(name), r.value(name), s);
                   },
               },
               k.ref);
}

void readKey(const Key& k, const ObjectReader& r, Scenario& s)
{
    const QString name = k.name();
    const bool applies = k.whenKey.isEmpty() || r.value(k.whenKey) == k.whenValue;
    if (r.has(name) && !applies && k.refusedOtherwise)
        r.at(name).fail(QStringLiteral("not used with %1").arg(whenWords(k, r.value(k.whenKey))));
    if (k.readHook) {
        if (applies || r.has(name)) k.readHook(k, r, s);
    } else if (r.has(name)) {
        readValue(k, r, s);
    } else {
        if (applies && (k.presence == Presence::Required || (k.requiredIf && k.requiredIf(s))))
            r.missing(name, expectedText(k));
        if (k.fallback) k.fallback(s);
        return;
    }
    if (k.check && r.has(name)) k.check(s, r.at(name));
}

bool isDefault(const Key& k, const Scenario& s) { return valueJson(k, s) == valueJson(k, defaultScenario()); }

bool isSet(const Key& k, const Scenario& s)
{
    const QJsonValue v = valueJson(k, s);
    return !v.isUndefined() && !(v.isString() && v.toString().isEmpty());
}

QJsonValue writeKey(const Key& k, const Scenario& s)
{
    if (k.writeHook) return k.writeHook(k, s);
    if (k.type == ValueType::Section) {
        const SectionRef& sec = std::get<SectionRef>(k.ref);
        if (!sec.present(s)) return QJsonValue::Undefined;
        const QJsonObject o = writeSection(k.path, s);
        if (k.written == Written::WhenNotEmpty && o.isEmpty()) return QJsonValue::Undefined;
        return o;
    }
    bool write = false;
    switch (k.written) {
    case Written::Always: write = true; break;
    case Written::UnlessDefault: write = !isDefault(k, s); break;
    case Written::WhenSet:
    case Written::WhenNotEmpty: write = isSet(k, s); break;
    case Written::OnlyIf: break;
    }
    if (!write && k.writeIf) write = k.writeIf(s);
    return write ? valueJson(k, s) : QJsonValue(QJsonValue::Undefined);
}

}  // namespace

void readSection(const QString& sectionPath, const json::Path& at, const QJsonValue& value, Scenario& s)
{
    const std::vector<const Key*> children = childKeys(sectionPath);
    QStringList allowed;
    for (const Key* k : children) allowed << k->name();
    const ObjectReader r(at, value, allowed);
    for (const Key* k : children) readKey(*k, r, s);
}

QJsonObject writeSection(const QString& sectionPath, const Scenario& s)
{
    QJsonObject o;
    for (const Key* k : childKeys(sectionPath)) {
        // A key that belongs to one kind only (traffic.rate_rps: poisson) is judged by what
        // has been written before it in the same object.
        if (!k->appliesIn(o)) continue;
        const QJsonValue v = writeKey(*k, s);
        if (!v.isUndefined()) o.insert(k->name(), v);
    }
    return o;
}

QJsonValue valueJson(const Key& k, const Scenario& s)
{
    QJsonValue out;
    std::visit(Overloaded{
                   [&](const std::monostate&) { out = QJsonValue::Undefined; },
                   [&](const FieldRef<double>& f) { out = f.read(s); },
                   [&](const FieldRef<std::optional<double>>& f) { out = f.read(s) ? QJsonValue(*f.read(s)) : QJsonValue(QJsonValue::Undefined); },
                   [&](const FieldRef<int>& f) { out = f.read(s); },
                   [&](const FieldRef<std::optional<int>>& f) { out = f.read(s) ? QJsonValue(*f.read(s)) : QJsonValue(QJsonValue::Undefined); },
                   [&](const FieldRef<bool>& f) { out = f.read(s); },
                   [&](const FieldRef<QString>& f) { out = f.read(s); },
                   [&](const FieldRef<Distribution>& f) { out = scenario_json::distributionToJson(f.read(s)); },
                   [&](const ChoiceRef& c) {
                       const int i = c.get(s);
                       out = i >= 0 && i < k.choices.size() ? QJsonValue(k.choices[i]) : QJsonValue(QJsonValue::Undefined);
                   },
                   [&](const SectionRef& sec) { out = sec.present(s) ? QJsonValue(writeSection(k.path, s)) : QJsonValue(QJsonValue::Undefined); },
               },
               k.ref);
    return out;
}

QString expectedText(const Key& k)
{
    const QString range = k.range.describe();
    switch (k.type) {
    case ValueType::Number: return QStringLiteral("expected a number %1").arg(range).trimmed();
    case ValueType::Integer: return QStringLiteral("expected an integer %1").arg(range).trimmed();
    case ValueType::Boolean: return QStringLiteral("expected true or false");
    case ValueType::String: return QStringLiteral("expected a string");
    case ValueType::Choice: return QStringLiteral("expected one of: %1").arg(k.choices.join(QStringLiteral(", ")));
    case ValueType::Distribution: return QStringLiteral("expected a number or a distribution object");
    case ValueType::Section: return QStringLiteral("expected an object");
    case ValueType::Custom: return QStringLiteral("expected %1").arg(fromUtf8(k.typeText));
    }
    return {};
}

}  // namespace headroom::scenario_keys
