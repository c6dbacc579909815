// The Scenario page's form is made from the key table: every key with a form label has an
// editor bound to its JSON path, carrying the key's help as its tooltip, and typing into a
// number field puts that number at the key's path. With HEADROOM_SCREENSHOT_DIR set, the form
// is saved as a picture.
#include "scenario/field_binder.h"
#include "scenario/scenario_document.h"
#include "scenario/scenario_form.h"
#include "scenario/scenario_keys.h"
#include "scenario/scenario_keys_reference.h"
#include "support/fixtures.h"

#include <QCoreApplication>
#include <QDir>
#include <QGroupBox>
#include <QJsonDocument>
#include <QLineEdit>
#include <gtest/gtest.h>

using namespace headroom;
using scenario_keys::Key;
using scenario_keys::Widget;

namespace {

QJsonObject example()
{
    return QJsonDocument::fromJson(test::readFile(test::projectDataPath(QStringLiteral("scenarios/python_web_api.json")))).object();
}

bool onForm(const Key& k)
{
    // Group and Heading sections are titles, not editors; their keys are checked one by one.
    return k.label && k.widget != Widget::None && k.widget != Widget::Group && k.widget != Widget::Heading;
}

}  // namespace

TEST(ScenarioFormKeys, EveryFormKeyHasAnEditorWithItsHelpAsTooltip)
{
    ScenarioDocument doc;
    doc.reset(example(), QStringLiteral("example.json"));
    ScenarioForm form(&doc);
    int editors = 0;
    for (const Key& k : scenario_keys::scenarioKeys()) {
        if (!onForm(k)) continue;
        SCOPED_TRACE(k.path.toStdString());
        QWidget* editor = form.binder()->editorFor(k.path);
        ASSERT_NE(editor, nullptr) << "no editor on the form";
        EXPECT_EQ(editor->toolTip(), QCoreApplication::translate("ScenarioKeys", k.helpText));
        if (k.widget == Widget::OptionalGroup) {
            EXPECT_NE(qobject_cast<QGroupBox*>(editor), nullptr);
        }
        if (k.widget == Widget::Number) {
            auto* edit = qobject_cast<QLineEdit*>(editor);
            ASSERT_NE(edit, nullptr);
            const QString words = scenario_keys::defaultWords(k);
            EXPECT_EQ(edit->placeholderText(), words == QStringLiteral("required") ? QString() : words);
        }
        ++editors;
    }
    EXPECT_GE(editors, 70);
    // With HEADROOM_SCREENSHOT_DIR set, the whole form is saved there to be looked at.
    if (const QString shots = qEnvironmentVariable("HEADROOM_SCREENSHOT_DIR"); !shots.isEmpty()) {
        form.resize(560, form.sizeHint().height());
        form.grab().save(QDir(shots).filePath(QStringLiteral("scenario_form.png")));
    }
}

TEST(ScenarioFormKeys, TypingIntoAGeneratedNumberFieldSetsItsKey)
{
    ScenarioDocument doc;
    doc.reset(example(), QStringLiteral("example.json"));
    ScenarioForm form(&doc);
    int typed = 0;
    for (const Key& k : scenario_keys::scenarioKeys()) {
        if (!onForm(k) || k.widget != Widget::Number) continue;
        auto* edit = qobject_cast<QLineEdit*>(form.binder()->editorFor(k.path));
        const bool sectionOn = k.parentPath().isEmpty() || doc.value(k.parentPath()).isObject();
        if (!edit || !sectionOn) continue;  // inside a section that is off
        SCOPED_TRACE(k.path.toStdString());
        edit->setText(QStringLiteral("7"));
        emit edit->editingFinished();
        EXPECT_TRUE(doc.value(k.path).isDouble());
        EXPECT_EQ(doc.value(k.path).toDouble(), 7);
        ++typed;
    }
    EXPECT_GE(typed, 20);
}
