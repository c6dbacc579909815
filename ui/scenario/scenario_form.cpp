#include "scenario_form.h"

#include "distribution_editor.h"
#include "field_binder.h"
#include "object_array_table_model.h"
#include "scenario/scenario_keys.h"
#include "scenario/scenario_keys_reference.h"
#include "scenario/scenario_names.h"
#include "scenario_document.h"

#include <QComboBox>
#include <QCheckBox>
#include <QCoreApplication>
#include <QTableView>
#include <QCompleter>
#include <QFormLayout>
#include <QGroupBox>
#include <QJsonArray>
#include <QJsonObject>
#include <QLabel>
#include <QLineEdit>
#include <QSignalBlocker>
#include <QVBoxLayout>

namespace headroom {

namespace {
// What the instance type box shows when the type is given inline instead of by catalog key.
QString inlineLabel() { return QObject::tr("(inline type)"); }
}  // namespace

ScenarioForm::ScenarioForm(ScenarioDocument* doc, QWidget* parent)
    : QWidget(parent), doc_(doc), binder_(new FieldBinder(doc, this)), sections_(new QVBoxLayout(this))
{
    buildKeys(QString(), section(tr("General")));
    sections_->addStretch(1);
    binder_->refreshAll();
}

QFormLayout* ScenarioForm::section(const QString& title)
{
    auto* group = new QGroupBox(title, this);
    auto* form = new QFormLayout(group);
    sections_->addWidget(group);
    return form;
}

QFormLayout* ScenarioForm::optionalSection(const QString& title, const QString& path, const QJsonObject& defaults)
{
    QGroupBox* group = binder_->optionalSection(title, path, defaults);
    group->setParent(this);
    auto* form = new QFormLayout(group);
    QLabel* error = binder_->errorLabelFor(path);
    form->addRow(error);
    form->setRowVisible(error, false);
    sections_->addWidget(group);
    return form;
}

void ScenarioForm::buildKeys(const QString& sectionPath, QFormLayout* form)
{
    using scenario_keys::Widget;
    for (const scenario_keys::Key* k : scenario_keys::childKeys(sectionPath)) {
        if (k->type == scenario_keys::ValueType::Section && !k->label && k->widget != Widget::Custom) {
            buildKeys(k->path, form);  // an object without a group of its own (cluster.speed)
            continue;
        }
        if (!k->label) continue;  // not edited on the form
        const QString label = QCoreApplication::translate("ScenarioKeys", k->label);
        const QString placeholder = scenario_keys::defaultWords(*k) == QStringLiteral("required")
                                        ? QString() : scenario_keys::defaultWords(*k);
        QWidget* editor = nullptr;
        switch (k->widget) {
        case Widget::None: break;
        case Widget::Group: buildKeys(k->path, section(label)); break;
        case Widget::OptionalGroup: buildKeys(k->path, optionalSection(label, k->path, k->enableWith)); break;
        case Widget::Heading:
            form->addRow(new QLabel(QStringLiteral("<b>%1</b>").arg(label.toHtmlEscaped()), form->parentWidget()));
            buildKeys(k->path, form);
            break;
        case Widget::Number: editor = binder_->number(form, label, k->path, placeholder); break;
        case Widget::NumberOrText: editor = binder_->numberOrText(form, label, k->path); break;
        case Widget::Text: editor = binder_->text(form, label, k->path); break;
        case Widget::Choice: editor = binder_->choice(form, label, k->path, k->choices, placeholder); break;
        case Widget::Flag: editor = binder_->flag(form, label, k->path); break;
        case Widget::Distribution: editor = binder_->distribution(form, label, k->path); break;
        case Widget::DistributionOrCatalog: editor = binder_->distribution(form, label, k->path, true); break;
        case Widget::Custom: editor = buildCustom(k->path, label, form); break;
        }
        QWidget* tipped = editor ? editor : binder_->editorFor(k->path);
        if (tipped) tipped->setToolTip(QCoreApplication::translate("ScenarioKeys", k->helpText));
    }
}

// Keys whose editor is more than one field: each is named by its table entry's path.
QWidget* ScenarioForm::buildCustom(const QString& path, const QString& label, QFormLayout* form)
{
    using Column = ObjectArrayTableModel::Column;
    if (path == QStringLiteral("traffic.kind")) return buildTrafficKind(label, form);
    if (path == QStringLiteral("cluster.instance_type")) {
        QWidget* box = buildInstanceType(label, form);
        buildKeys(path, inlineTypeForm_);
        return box;
    }
    if (path == QStringLiteral("autoscaling.steps"))
        return binder_->objectTable(form, label,
                                    new ObjectArrayTableModel(doc_, path,
                                                              {Column{QStringLiteral("lower"), tr("Metric from"), 0.1},
                                                               Column{QStringLiteral("upper"), tr("Metric below (empty: no limit)"), 0.1},
                                                               Column{QStringLiteral("change"), tr("Nodes to add (− removes)"), 1}},
                                                              tr("scaling step"), this));
    if (path == QStringLiteral("autoscaling.schedule"))
        return binder_->objectTable(form, label,
                                    new ObjectArrayTableModel(doc_, path,
                                                              {Column{QStringLiteral("at_s"), tr("From (s)"), 3600},
                                                               Column{QStringLiteral("nodes"), tr("Nodes"), 0}},
                                                              tr("schedule entry"), this));
    return nullptr;  // a key the form has no editor for yet; the form test names it
}

QWidget* ScenarioForm::buildTrafficKind(const QString& label, QFormLayout* f)
{
    trafficKind_ = new QComboBox(f->parentWidget());
    trafficKind_->addItems(scenario_names::trafficKinds());
    f->addRow(label, trafficKind_);
    QLabel* kindError = binder_->addCustom(QStringLiteral("traffic.kind"), trafficKind_, [this] {
        trafficKind_->setCurrentIndex(trafficKind_->findText(doc_->value(QStringLiteral("traffic.kind")).toString()));
    });
    f->addRow(QString(), kindError);
    f->setRowVisible(kindError, false);
    connect(trafficKind_, &QComboBox::activated, this, [this] { changeTrafficKind(trafficKind_->currentText()); });
    f->addRow(new QLabel(tr("Profile points are edited in the table beside the form."), f->parentWidget()));
    return trafficKind_;
}

// Each traffic kind takes its own keys, so switching kind rewrites the section in one edit,
// carrying the rate over so the curve stays roughly where it was.
void ScenarioForm::changeTrafficKind(const QString& kind)
{
    const QJsonObject old = doc_->value(QStringLiteral("traffic")).toObject();
    if (old.value(QStringLiteral("kind")).toString() == kind) return;
    double rate = old.value(QStringLiteral("rate_rps")).toDouble(100);
    const QJsonArray oldPoints = old.value(QStringLiteral("points")).toArray();
    if (!oldPoints.isEmpty()) rate = oldPoints.at(0).toArray().at(1).toDouble(rate);
    const double duration = doc_->value(QStringLiteral("duration_s")).toDouble(3600);
    QJsonObject t{{QStringLiteral("kind"), kind}};
    if (old.contains(QStringLiteral("scale"))) t.insert(QStringLiteral("scale"), old.value(QStringLiteral("scale")));
    if (kind == QStringLiteral("poisson")) {
        t.insert(QStringLiteral("rate_rps"), rate);
    } else if (kind == QStringLiteral("profile")) {
        t.insert(QStringLiteral("points"), QJsonArray{QJsonArray{0, rate}, QJsonArray{duration, rate}});
    } else {
        t.insert(QStringLiteral("dataset"), QString());
        t.insert(QStringLiteral("series"), QStringLiteral("http.requests_per_s"));
    }
    doc_->setValue(QStringLiteral("traffic"), t, tr("Change traffic kind"));
}

QWidget* ScenarioForm::buildInstanceType(const QString& label, QFormLayout* f)
{
    instanceType_ = new QComboBox(f->parentWidget());
    instanceType_->setEditable(true);
    instanceType_->setInsertPolicy(QComboBox::NoInsert);
    instanceType_->completer()->setFilterMode(Qt::MatchContains);
    instanceType_->completer()->setCompletionMode(QCompleter::PopupCompletion);
    instanceType_->completer()->setCaseSensitivity(Qt::CaseInsensitive);
    instanceType_->addItem(inlineLabel());
    f->addRow(label, instanceType_);
    inlineType_ = new QGroupBox(tr("Inline instance type"), f->parentWidget());
    inlineTypeForm_ = new QFormLayout(inlineType_);
    QLabel* typeError = binder_->addCustom(QStringLiteral("cluster.instance_type"), instanceType_, [this] {
        const QJsonValue v = doc_->value(QStringLiteral("cluster.instance_type"));
        instanceType_->setEditText(v.isObject() ? inlineLabel() : v.toString());
        inlineType_->setEnabled(v.isObject());
    });
    f->addRow(QString(), typeError);
    f->setRowVisible(typeError, false);
    connect(instanceType_, &QComboBox::activated, this, [this] { changeInstanceType(instanceType_->currentText()); });
    connect(instanceType_->lineEdit(), &QLineEdit::editingFinished, this,
            [this] { changeInstanceType(instanceType_->currentText()); });
    f->addRow(inlineType_);
    return instanceType_;
}

void ScenarioForm::changeInstanceType(const QString& text)
{
    const QJsonValue current = doc_->value(QStringLiteral("cluster.instance_type"));
    if (text == inlineLabel()) {
        if (current.isObject()) return;
        doc_->setValue(QStringLiteral("cluster.instance_type"),
                       scenario_keys::findScenarioKey(QStringLiteral("cluster.instance_type"))->enableWith,
                       tr("Use an inline instance type"));
        return;
    }
    doc_->setValue(QStringLiteral("cluster.instance_type"), text.trimmed(), tr("Change instance type"));
}

void ScenarioForm::setInstanceTypeKeys(const QStringList& keys)
{
    const QSignalBlocker block(instanceType_);
    const QString shown = instanceType_->currentText();
    instanceType_->clear();
    instanceType_->addItem(inlineLabel());
    instanceType_->addItems(keys);
    instanceType_->setEditText(shown);
}

}  // namespace headroom
