#pragma once
#include "scenario/scenario.h"

#include <QJsonObject>
#include <QJsonValue>
#include <QObject>
#include <QString>
#include <optional>

class QUndoStack;

namespace headroom {

// The scenario being edited, held as its JSON object so that a half-typed or out-of-range value
// can live in it and be reported by the real parser with its JSON path. Every edit goes through
// the undo stack; after every change the document is re-parsed and the first error is kept.
class ScenarioDocument : public QObject {
    Q_OBJECT
public:
    explicit ScenarioDocument(QObject* parent = nullptr);

    // Replaces the whole document (load, new) and forgets the undo history.
    void reset(const QJsonObject& root, const QString& fileName);
    const QJsonObject& json() const { return root_; }
    QString fileName() const { return fileName_; }
    void setFileName(const QString& fileName);

    // Paths are dotted keys below the root, e.g. "cluster.nodes"; an absent key is Undefined.
    QJsonValue value(const QString& path) const;
    // Records an undoable edit; Undefined removes the key. Does nothing when the value is unchanged.
    void setValue(const QString& path, const QJsonValue& value, const QString& description = {});
    QUndoStack* undoStack() const { return undo_; }

    bool isValid() const { return scenario_.has_value(); }
    const std::optional<Scenario>& scenario() const { return scenario_; }
    // The parser's complaint: the JSON path below the root ("cluster.nodes", "traffic.points[2][1]")
    // and what was expected. Both empty when the document is valid.
    QString errorPath() const { return errorPath_; }
    QString errorMessage() const { return errorMessage_; }
    QString errorText() const { return errorText_; }

    // Applies a value without recording it; used by the undo commands.
    void apply(const QString& path, const QJsonValue& value);

signals:
    void changed();

private:
    void revalidate();

    QJsonObject root_;
    QString fileName_;
    QUndoStack* undo_;
    std::optional<Scenario> scenario_;
    QString errorPath_;
    QString errorMessage_;
    QString errorText_;
};

}  // namespace headroom
