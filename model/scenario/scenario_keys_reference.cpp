#include "scenario_keys_reference.h"

#include "scenario_key_io.h"
#include "scenario_keys.h"

namespace headroom::scenario_keys {

namespace {

QString plain(const QJsonValue& v)
{
    if (v.isString()) return v.toString();
    if (v.isBool()) return v.toBool() ? QStringLiteral("true") : QStringLiteral("false");
    if (v.isDouble()) return QString::number(v.toDouble(), 'g', 10);
    if (v.isObject() && v.toObject().value(QStringLiteral("dist")) == QStringLiteral("deterministic"))
        return QString::number(v.toObject().value(QStringLiteral("value")).toDouble(), 'g', 10);
    return {};
}

// Markdown table cells must not contain a bare '|'.
QString cell(QString s) { return s.replace(QLatin1Char('|'), QStringLiteral("\\|")); }

}  // namespace

QString typeWords(const Key& k)
{
    if (k.typeText) return QString::fromUtf8(k.typeText);
    switch (k.type) {
    case ValueType::Section: return QStringLiteral("object");
    case ValueType::Number: return QStringLiteral("number");
    case ValueType::Integer: return QStringLiteral("integer");
    case ValueType::Boolean: return QStringLiteral("true/false");
    case ValueType::String: return QStringLiteral("string");
    case ValueType::Choice: return QStringLiteral("one of: %1").arg(k.choices.join(QStringLiteral(", ")));
    case ValueType::Distribution: return QStringLiteral("distribution");
    case ValueType::Custom: return QString::fromUtf8(k.typeText);
    }
    return {};
}

QString rangeWords(const Key& k)
{
    QStringList parts;
    const QString r = k.range.describe();
    if (!r.isEmpty()) parts << r;
    if (k.rangeNote) parts << QString::fromUtf8(k.rangeNote);
    return parts.join(QStringLiteral(", "));
}

QString defaultWords(const Key& k)
{
    if (k.absentText) return QString::fromUtf8(k.absentText);
    if (k.presence == Presence::Required) return QStringLiteral("required");
    if (k.presence == Presence::Optional || k.type == ValueType::Custom || k.type == ValueType::Section) return {};
    return plain(valueJson(k, defaultScenario()));
}

QString scenarioKeysMarkdown()
{
    QStringList lines{QStringLiteral("| key | type | range | when left out | meaning |"),
                      QStringLiteral("| --- | --- | --- | --- | --- |")};
    for (const Key& k : scenarioKeys()) {
        QString when = defaultWords(k);
        if (k.presence == Presence::Required && k.absentText) when = QStringLiteral("required");
        QString meaning = QString::fromUtf8(k.helpText);
        if (!k.whenKey.isEmpty())
            meaning = QStringLiteral("Only with `%1`: `%2`. %3").arg(k.whenKey, plain(k.whenValue), meaning);
        lines << QStringLiteral("| `%1` | %2 | %3 | %4 | %5 |")
                     .arg(k.path, cell(typeWords(k)), cell(rangeWords(k)), cell(when), cell(meaning));
    }
    return lines.join(QLatin1Char('\n')) + QLatin1Char('\n');
}

}  // namespace headroom::scenario_keys
