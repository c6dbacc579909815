#include "field_binder.h"

#include "distribution_editor.h"
#include "json_text.h"
#include "object_array_table_model.h"
#include "scenario_document.h"

#include <QCheckBox>
#include <QComboBox>
#include <QFormLayout>
#include <QGroupBox>
#include <QJsonArray>
#include <QJsonDocument>
#include <QLabel>
#include <QVBoxLayout>
#include <QHBoxLayout>
#include <QPushButton>
#include <QHeaderView>
#include <QTableView>
#include <QLineEdit>
#include <QSignalBlocker>

namespace headroom {

FieldBinder::FieldBinder(ScenarioDocument* doc, QObject* parent) : QObject(parent), doc_(doc)
{
    connect(doc_, &ScenarioDocument::changed, this, &FieldBinder::refreshAll);
}

QLabel* FieldBinder::makeErrorLabel(QWidget* parent)
{
    auto* error = new QLabel(parent);
    error->setWordWrap(true);
    error->setStyleSheet(QStringLiteral("color: #c62828;"));
    error->setVisible(false);
    return error;
}

QLabel* FieldBinder::addRow(QFormLayout* form, const QString& label, QWidget* editor)
{
    form->addRow(label, editor);
    QLabel* error = makeErrorLabel(form->parentWidget());
    form->addRow(QString(), error);
    form->setRowVisible(error, false);
    return error;
}

QLineEdit* FieldBinder::number(QFormLayout* form, const QString& label, const QString& path, const QString& whenEmpty)
{
    auto* edit = new QLineEdit(form->parentWidget());
    edit->setPlaceholderText(whenEmpty);
    connect(edit, &QLineEdit::editingFinished, this,
            [this, edit, path] { doc_->setValue(path, scenario_ui::numberFromText(edit->text())); });
    QLabel* error = addRow(form, label, edit);
    bindings_.push_back({path, edit, error, [this, edit, path] {
                             if (!edit->hasFocus() || !edit->isModified())
                                 edit->setText(scenario_ui::numberText(doc_->value(path)));
                             edit->setModified(false);
                         }});
    return edit;
}

QLineEdit* FieldBinder::text(QFormLayout* form, const QString& label, const QString& path)
{
    auto* edit = new QLineEdit(form->parentWidget());
    connect(edit, &QLineEdit::editingFinished, this, [this, edit, path] {
        const QString t = edit->text();
        doc_->setValue(path, t.isEmpty() ? QJsonValue(QJsonValue::Undefined) : QJsonValue(t));
    });
    QLabel* error = addRow(form, label, edit);
    bindings_.push_back({path, edit, error, [this, edit, path] { edit->setText(doc_->value(path).toString()); }});
    return edit;
}

QLineEdit* FieldBinder::numberOrText(QFormLayout* form, const QString& label, const QString& path)
{
    return number(form, label, path);
}

QComboBox* FieldBinder::choice(QFormLayout* form, const QString& label, const QString& path,
                               const QStringList& spellings, const QString& whenAbsent)
{
    auto* box = new QComboBox(form->parentWidget());
    box->addItems(spellings);
    box->setPlaceholderText(whenAbsent);
    connect(box, &QComboBox::activated, this, [this, box, path] { doc_->setValue(path, box->currentText()); });
    QLabel* error = addRow(form, label, box);
    bindings_.push_back({path, box, error, [this, box, path] {
                             // -1 shows the placeholder: key absent (or a spelling the parser rejects)
                             box->setCurrentIndex(box->findText(doc_->value(path).toString()));
                         }});
    return box;
}

QCheckBox* FieldBinder::flag(QFormLayout* form, const QString& label, const QString& path)
{
    auto* box = new QCheckBox(form->parentWidget());
    connect(box, &QCheckBox::clicked, this, [this, path](bool on) { doc_->setValue(path, on); });
    QLabel* error = addRow(form, label, box);
    bindings_.push_back({path, box, error, [this, box, path] { box->setChecked(doc_->value(path).toBool()); }});
    return box;
}

DistributionEditor* FieldBinder::distribution(QFormLayout* form, const QString& label, const QString& path,
                                              bool allowCatalog)
{
    auto* editor = new DistributionEditor(allowCatalog, form->parentWidget());
    connect(editor, &DistributionEditor::edited, this, [this, path](const QJsonValue& v) { doc_->setValue(path, v); });
    QLabel* error = addRow(form, label, editor);
    bindings_.push_back({path, editor, error, [this, editor, path] { editor->setValue(doc_->value(path)); }});
    return editor;
}

QTableView* FieldBinder::objectTable(QFormLayout* form, const QString& label, ObjectArrayTableModel* model)
{
    auto* box = new QWidget(form->parentWidget());
    auto* layout = new QVBoxLayout(box);
    layout->setContentsMargins(0, 0, 0, 0);
    auto* view = new QTableView(box);
    view->setModel(model);
    view->horizontalHeader()->setSectionResizeMode(QHeaderView::Stretch);
    view->verticalHeader()->setDefaultSectionSize(view->fontMetrics().height() + 8);
    view->setMinimumHeight(4 * (view->fontMetrics().height() + 8));
    view->setMaximumHeight(7 * (view->fontMetrics().height() + 8));
    layout->addWidget(view);
    auto* buttons = new QHBoxLayout;
    auto* add = new QPushButton(tr("Add row"), box);
    auto* remove = new QPushButton(tr("Remove row"), box);
    buttons->addWidget(add);
    buttons->addWidget(remove);
    buttons->addStretch();
    layout->addLayout(buttons);
    connect(add, &QPushButton::clicked, model, [view, model] {
        model->addRowAfter(view->currentIndex().isValid() ? view->currentIndex().row() : -1);
    });
    connect(remove, &QPushButton::clicked, model, [view, model] {
        if (view->currentIndex().isValid()) model->removeRowAt(view->currentIndex().row());
    });
    QLabel* error = addRow(form, label, box);
    // The model follows the document itself; the binding is here for the error under the table.
    bindings_.push_back({model->path(), view, error, [] {}});
    return view;
}

QGroupBox* FieldBinder::optionalSection(const QString& title, const QString& path, const QJsonObject& defaults)
{
    auto* group = new QGroupBox(title);
    group->setCheckable(true);
    connect(group, &QGroupBox::clicked, this, [this, path, defaults](bool on) {
        doc_->setValue(path, on ? QJsonValue(defaults) : QJsonValue(QJsonValue::Undefined));
    });
    QLabel* error = makeErrorLabel(group);
    bindings_.push_back({path, group, error, [this, group, path] { group->setChecked(doc_->value(path).isObject()); }});
    return group;
}

QLabel* FieldBinder::addCustom(const QString& path, QWidget* editor, std::function<void()> refresh)
{
    QLabel* error = makeErrorLabel(editor->parentWidget());
    bindings_.push_back({path, editor, error, std::move(refresh)});
    return error;
}

QWidget* FieldBinder::editorFor(const QString& path) const
{
    for (const Binding& b : bindings_)
        if (b.path == path) return b.editor;
    return nullptr;
}

QLabel* FieldBinder::errorLabelFor(const QString& path) const
{
    for (const Binding& b : bindings_)
        if (b.path == path) return b.error;
    return nullptr;
}

QString FieldBinder::fieldForError(const QString& errorPath) const
{
    QString best;
    for (const Binding& b : bindings_) {
        const bool under = errorPath == b.path ||
                           (errorPath.startsWith(b.path) && (errorPath.at(b.path.size()) == QLatin1Char('.') ||
                                                             errorPath.at(b.path.size()) == QLatin1Char('[')));
        if (under && b.path.size() > best.size()) best = b.path;
    }
    return best;
}

void FieldBinder::refreshAll()
{
    const QString errorField = doc_->isValid() ? QString() : fieldForError(doc_->errorPath());
    for (const Binding& b : bindings_) {
        {
            const QSignalBlocker block(b.editor);
            b.refresh();
        }
        const bool shown = !errorField.isEmpty() && b.path == errorField;
        b.error->setText(shown ? doc_->errorMessage() : QString());
        if (auto* form = qobject_cast<QFormLayout*>(b.error->parentWidget() ? b.error->parentWidget()->layout() : nullptr);
            form && form->indexOf(b.error) >= 0)
            form->setRowVisible(b.error, shown);
        else
            b.error->setVisible(shown);
    }
}

}  // namespace headroom
