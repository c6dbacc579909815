#include "scenario_document.h"

#include "core/errors.h"
#include "scenario/scenario_parser.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QUndoCommand>
#include <QUndoStack>

namespace headroom {

namespace {

QJsonValue valueIn(const QJsonObject& object, const QStringList& keys, qsizetype i)
{
    const QJsonValue v = object.value(keys[i]);
    if (i + 1 == keys.size()) return v;
    if (!v.isObject()) return QJsonValue(QJsonValue::Undefined);
    return valueIn(v.toObject(), keys, i + 1);
}

// Sets (or removes, for Undefined) a nested key, creating objects on the way. An object left
// empty by a removal is removed too, so switching a field back to "default" leaves no `{}` the
// parser would reject for a missing key.
void setIn(QJsonObject& object, const QStringList& keys, qsizetype i, const QJsonValue& value)
{
    const QString& key = keys[i];
    if (i + 1 == keys.size()) {
        if (value.isUndefined()) object.remove(key);
        else object.insert(key, value);
        return;
    }
    QJsonObject child = object.value(key).toObject();
    if (value.isUndefined() && !object.value(key).isObject()) return;
    setIn(child, keys, i + 1, value);
    if (child.isEmpty() && value.isUndefined()) object.remove(key);
    else object.insert(key, child);
}

// Equal as the file would show them: 4 and 4.0 are the same number to the user, though
// QJsonValue keeps integers and doubles apart.
bool sameValue(const QJsonValue& a, const QJsonValue& b)
{
    if (a.isUndefined() || b.isUndefined()) return a.isUndefined() == b.isUndefined();
    return QJsonDocument(QJsonArray{a}).toJson(QJsonDocument::Compact) ==
           QJsonDocument(QJsonArray{b}).toJson(QJsonDocument::Compact);
}

class SetValueCommand : public QUndoCommand {
public:
    SetValueCommand(ScenarioDocument* doc, QString path, QJsonValue before, QJsonValue after, const QString& text)
        : QUndoCommand(text), doc_(doc), path_(std::move(path)), before_(std::move(before)), after_(std::move(after))
    {
    }
    void redo() override { doc_->apply(path_, after_); }
    void undo() override { doc_->apply(path_, before_); }

private:
    ScenarioDocument* doc_;
    QString path_;
    QJsonValue before_;
    QJsonValue after_;
};

}  // namespace

ScenarioDocument::ScenarioDocument(QObject* parent) : QObject(parent), undo_(new QUndoStack(this)) {}

void ScenarioDocument::reset(const QJsonObject& root, const QString& fileName)
{
    root_ = root;
    fileName_ = fileName;
    undo_->clear();
    revalidate();
    emit changed();
}

void ScenarioDocument::setFileName(const QString& fileName)
{
    fileName_ = fileName;
    revalidate();
    emit changed();
}

QJsonValue ScenarioDocument::value(const QString& path) const
{
    return valueIn(root_, path.split(QLatin1Char('.')), 0);
}

void ScenarioDocument::setValue(const QString& path, const QJsonValue& value, const QString& description)
{
    const QJsonValue before = this->value(path);
    if (sameValue(before, value)) return;
    undo_->push(new SetValueCommand(this, path, before, value,
                                    description.isEmpty() ? QStringLiteral("Edit %1").arg(path) : description));
}

void ScenarioDocument::apply(const QString& path, const QJsonValue& value)
{
    setIn(root_, path.split(QLatin1Char('.')), 0, value);
    revalidate();
    emit changed();
}

void ScenarioDocument::revalidate()
{
    const QString name = fileName_.isEmpty() ? QStringLiteral("untitled.json") : fileName_;
    errorPath_.clear();
    errorMessage_.clear();
    errorText_.clear();
    try {
        scenario_ = parseScenarioObject(root_, name);
    } catch (const InputError& e) {
        scenario_.reset();
        errorMessage_ = e.message();
        errorText_ = e.text();
        // "FILE: $.cluster.nodes" -> "cluster.nodes"; a root-level complaint keeps an empty path.
        const qsizetype at = e.where().lastIndexOf(QStringLiteral(": $"));
        if (at >= 0) {
            errorPath_ = e.where().mid(at + 3);
            if (errorPath_.startsWith(QLatin1Char('.'))) errorPath_.remove(0, 1);
        }
    }
}

}  // namespace headroom
