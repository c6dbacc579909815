#include "distribution_editor.h"

#include "json_text.h"

#include <QComboBox>
#include <QHBoxLayout>
#include <QJsonArray>
#include <QJsonObject>
#include <QLineEdit>
#include <QSignalBlocker>

namespace headroom {

namespace {
// Combo data: the "dist" spelling, or these two for the forms that are not objects.
const QString kConstant = QStringLiteral("constant");
const QString kCatalog = QStringLiteral("catalog");
}  // namespace

DistributionEditor::DistributionEditor(bool allowCatalog, QWidget* parent)
    : QWidget(parent), kind_(new QComboBox(this)), mean_(new QLineEdit(this)), cv_(new QLineEdit(this)),
      values_(new QLineEdit(this))
{
    kind_->addItem(tr("constant"), kConstant);
    kind_->addItem(tr("exponential"), QStringLiteral("exponential"));
    kind_->addItem(tr("lognormal"), QStringLiteral("lognormal"));
    kind_->addItem(tr("gamma"), QStringLiteral("gamma"));
    kind_->addItem(tr("deterministic"), QStringLiteral("deterministic"));
    kind_->addItem(tr("empirical"), QStringLiteral("empirical"));
    if (allowCatalog) kind_->addItem(tr("catalog boot times"), kCatalog);
    mean_->setPlaceholderText(tr("mean"));
    cv_->setPlaceholderText(tr("cv"));
    values_->setPlaceholderText(tr("values, comma separated"));
    auto* row = new QHBoxLayout(this);
    row->setContentsMargins(0, 0, 0, 0);
    row->addWidget(kind_);
    row->addWidget(mean_);
    row->addWidget(cv_);
    row->addWidget(values_, 1);
    connect(kind_, &QComboBox::activated, this, [this] {
        updateVisibility();
        commit();
    });
    for (QLineEdit* e : {mean_, cv_, values_}) connect(e, &QLineEdit::editingFinished, this, &DistributionEditor::commit);
    updateVisibility();
}

void DistributionEditor::setValue(const QJsonValue& v)
{
    const QSignalBlocker block(this);
    QString kind = kConstant;
    mean_->clear();
    cv_->clear();
    values_->clear();
    if (v.isString() && v.toString() == kCatalog) {
        kind = kCatalog;
    } else if (v.isObject()) {
        const QJsonObject o = v.toObject();
        kind = o.value(QStringLiteral("dist")).toString();
        mean_->setText(scenario_ui::numberText(o.value(kind == QStringLiteral("deterministic") ? QStringLiteral("value")
                                                                                             : QStringLiteral("mean"))));
        cv_->setText(scenario_ui::numberText(o.value(QStringLiteral("cv"))));
        QStringList parts;
        for (const QJsonValue& x : o.value(QStringLiteral("values")).toArray()) parts << scenario_ui::numberText(x);
        values_->setText(parts.join(QStringLiteral(", ")));
    } else {
        mean_->setText(scenario_ui::numberText(v));
    }
    const int index = kind_->findData(kind);
    kind_->setCurrentIndex(index);  // -1 (blank) for a spelling the parser will reject anyway
    updateVisibility();
}

QJsonValue DistributionEditor::value() const
{
    const QString kind = kind_->currentData().toString();
    if (kind == kCatalog) return kCatalog;
    const QJsonValue mean = scenario_ui::numberFromText(mean_->text());
    if (kind == kConstant || kind.isEmpty()) return mean;
    QJsonObject o{{QStringLiteral("dist"), kind}};
    if (kind == QStringLiteral("deterministic")) {
        if (!mean.isUndefined()) o.insert(QStringLiteral("value"), mean);
    } else if (kind == QStringLiteral("empirical")) {
        QJsonArray values;
        for (const QString& part : values_->text().split(QLatin1Char(','), Qt::SkipEmptyParts))
            values.append(scenario_ui::numberFromText(part));
        o.insert(QStringLiteral("values"), values);
    } else {
        if (!mean.isUndefined()) o.insert(QStringLiteral("mean"), mean);
        const QJsonValue cv = scenario_ui::numberFromText(cv_->text());
        if (kind != QStringLiteral("exponential") && !cv.isUndefined()) o.insert(QStringLiteral("cv"), cv);
    }
    return o;
}

void DistributionEditor::updateVisibility()
{
    const QString kind = kind_->currentData().toString();
    mean_->setVisible(kind != kCatalog && kind != QStringLiteral("empirical"));
    cv_->setVisible(kind == QStringLiteral("lognormal") || kind == QStringLiteral("gamma"));
    values_->setVisible(kind == QStringLiteral("empirical"));
}

void DistributionEditor::commit()
{
    emit edited(value());
}

}  // namespace headroom
