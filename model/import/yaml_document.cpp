#include "yaml_document.h"

#include "core/errors.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QRegularExpression>
#include <yaml-cpp/yaml.h>

namespace headroom::yaml {

namespace {

// YAML 1.2 core schema resolution of a plain (unquoted) scalar.
QJsonValue plainScalar(const std::string& raw)
{
    const QString s = QString::fromStdString(raw);
    static const QRegularExpression null(QStringLiteral("^(~|null|Null|NULL|)$"));
    static const QRegularExpression truth(QStringLiteral("^(true|True|TRUE)$"));
    static const QRegularExpression falsity(QStringLiteral("^(false|False|FALSE)$"));
    static const QRegularExpression decimal(QStringLiteral("^[-+]?(\\.[0-9]+|[0-9]+(\\.[0-9]*)?)([eE][-+]?[0-9]+)?$"));
    static const QRegularExpression octal(QStringLiteral("^0o[0-7]+$"));
    static const QRegularExpression hex(QStringLiteral("^0x[0-9a-fA-F]+$"));
    if (null.match(s).hasMatch()) return QJsonValue::Null;
    if (truth.match(s).hasMatch()) return true;
    if (falsity.match(s).hasMatch()) return false;
    if (decimal.match(s).hasMatch()) return s.toDouble();
    if (octal.match(s).hasMatch()) return double(s.mid(2).toULongLong(nullptr, 8));
    if (hex.match(s).hasMatch()) return double(s.mid(2).toULongLong(nullptr, 16));
    // Everything else is text, .inf and .nan included: JSON has no place for them.
    return s;
}

QJsonValue toJson(const YAML::Node& node, const QString& fileName)
{
    switch (node.Type()) {
    case YAML::NodeType::Undefined:
    case YAML::NodeType::Null:
        return QJsonValue::Null;
    case YAML::NodeType::Scalar:
        // yaml-cpp tags a plain scalar "?" and a quoted or block scalar "!".
        return node.Tag() == "?" ? plainScalar(node.Scalar()) : QJsonValue(QString::fromStdString(node.Scalar()));
    case YAML::NodeType::Sequence: {
        QJsonArray array;
        for (const YAML::Node& item : node) array.append(toJson(item, fileName));
        return array;
    }
    case YAML::NodeType::Map: {
        QJsonObject object;
        for (const auto& entry : node) {
            if (!entry.first.IsScalar()) {
                const YAML::Mark m = entry.first.Mark();
                throw InputError(formatWhere(fileName, m.line + 1, m.column + 1),
                                 QStringLiteral("a mapping key that is a collection; expected a plain key"));
            }
            object.insert(QString::fromStdString(entry.first.Scalar()), toJson(entry.second, fileName));
        }
        return object;
    }
    }
    return QJsonValue::Null;
}

std::vector<YAML::Node> loadAll(const QByteArray& text, const QString& fileName)
{
    try {
        return YAML::LoadAll(text.toStdString());
    } catch (const YAML::Exception& e) {
        // Marks are 0-based; an error without a position (end of input) has line -1.
        const int line = e.mark.line >= 0 ? e.mark.line + 1 : int(text.count('\n')) + 1;
        const int column = e.mark.column >= 0 ? e.mark.column + 1 : 1;
        throw InputError(formatWhere(fileName, line, column), QString::fromStdString(e.msg));
    }
}

}  // namespace

QJsonValue parse(const QByteArray& text, const QString& fileName)
{
    // yaml-cpp 0.7 closes a quoted scalar left open when the input ends in a line break, so a
    // file cut inside a message would be read as if whole; without the final line breaks it
    // reports "illegal EOF in scalar". That second reading only checks; the first is the value.
    QByteArray trimmed = text;
    while (trimmed.endsWith('\n') || trimmed.endsWith('\r')) trimmed.chop(1);
    if (trimmed.size() != text.size()) loadAll(trimmed, fileName);
    const std::vector<YAML::Node> documents = loadAll(text, fileName);
    if (documents.size() > 1) {
        const YAML::Mark m = documents[1].Mark();
        throw InputError(formatWhere(fileName, m.line + 1, 1), QStringLiteral("several YAML documents; expected one"));
    }
    return documents.empty() ? QJsonValue(QJsonValue::Null) : toJson(documents.front(), fileName);
}

}  // namespace headroom::yaml
