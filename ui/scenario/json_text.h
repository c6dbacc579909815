#pragma once
#include <QJsonValue>
#include <QString>

namespace headroom::scenario_ui {

// How a field shows a JSON value, and how typed text goes back into the document. Text that is
// not a number stays a string, so the parser (not the form) says what was expected and where.
QString numberText(const QJsonValue& v);
QJsonValue numberFromText(const QString& text);  // empty text = Undefined (key left out)

}  // namespace headroom::scenario_ui
