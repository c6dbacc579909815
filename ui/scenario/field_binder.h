#pragma once
#include <QJsonObject>
#include <QObject>
#include <QString>
#include <QStringList>
#include <functional>
#include <vector>

class QCheckBox;
class QComboBox;
class QFormLayout;
class QGroupBox;
class QLabel;
class QLineEdit;
class QTableView;
class QWidget;

namespace headroom {

class DistributionEditor;
class ObjectArrayTableModel;
class ScenarioDocument;

// Ties form widgets to JSON paths of the ScenarioDocument: an edit becomes one undoable
// setValue, a document change refreshes every widget, and the parser's error is shown under
// the field whose path is the longest prefix of the error's path.
class FieldBinder : public QObject {
    Q_OBJECT
public:
    FieldBinder(ScenarioDocument* doc, QObject* parent = nullptr);

    QLineEdit* number(QFormLayout* form, const QString& label, const QString& path, const QString& whenEmpty = {});
    QLineEdit* text(QFormLayout* form, const QString& label, const QString& path);
    // Numbers stay numbers, anything else is a string (a dataset given by id or by name).
    QLineEdit* numberOrText(QFormLayout* form, const QString& label, const QString& path);
    QComboBox* choice(QFormLayout* form, const QString& label, const QString& path, const QStringList& spellings,
                      const QString& whenAbsent = {});
    QCheckBox* flag(QFormLayout* form, const QString& label, const QString& path);
    DistributionEditor* distribution(QFormLayout* form, const QString& label, const QString& path,
                                     bool allowCatalog = false);
    // A small array of flat objects (scaling steps, a schedule) as a table with Add and Remove.
    QTableView* objectTable(QFormLayout* form, const QString& label, ObjectArrayTableModel* model);
    // A section the document may leave out: checking the box inserts `defaults`, unchecking removes it.
    QGroupBox* optionalSection(const QString& title, const QString& path, const QJsonObject& defaults);
    // Any other editor; `refresh` shows the document's value in it.
    QLabel* addCustom(const QString& path, QWidget* editor, std::function<void()> refresh);

    QWidget* editorFor(const QString& path) const;
    QLabel* errorLabelFor(const QString& path) const;
    // The bound path that the parser's error path falls under ("" when none does).
    QString fieldForError(const QString& errorPath) const;

    void refreshAll();

private:
    struct Binding {
        QString path;
        QWidget* editor;
        QLabel* error;
        std::function<void()> refresh;
    };
    QLabel* addRow(QFormLayout* form, const QString& label, QWidget* editor);
    QLabel* makeErrorLabel(QWidget* parent);

    ScenarioDocument* doc_;
    std::vector<Binding> bindings_;
};

}  // namespace headroom
