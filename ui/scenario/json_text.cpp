#include "json_text.h"

namespace headroom::scenario_ui {

QString numberText(const QJsonValue& v)
{
    if (v.isDouble()) return QString::number(v.toDouble(), 'g', 15);
    if (v.isString()) return v.toString();
    if (v.isBool()) return v.toBool() ? QStringLiteral("true") : QStringLiteral("false");
    return {};
}

QJsonValue numberFromText(const QString& text)
{
    const QString t = text.trimmed();
    if (t.isEmpty()) return QJsonValue(QJsonValue::Undefined);
    bool ok = false;
    const double d = t.toDouble(&ok);
    if (ok) return d;
    return t;
}

}  // namespace headroom::scenario_ui
