// Every key of the key table, one at a time: a value other than its default survives writing
// and reading back; a value outside its range is refused naming the key's JSON path and the
// range; and the README's reference is the table's.
#include "scenario_key_values.h"
#include "scenario_samples.h"

#include "core/errors.h"
#include "scenario/scenario_keys.h"
#include "scenario/scenario_keys_reference.h"
#include "scenario/scenario_parser.h"
#include "scenario/scenario_writer.h"

#include <QFile>
#include <QJsonDocument>
#include <QSet>
#include <gtest/gtest.h>

using namespace headroom;
using scenario_keys::Key;
using scenario_keys::ValueType;

namespace {

QJsonObject fullDocument() { return QJsonDocument::fromJson(test::fullScenarioJson()).object(); }
QString text(const QJsonValue& v) { return QString::fromUtf8(QJsonDocument(QJsonArray{v}).toJson(QJsonDocument::Compact)); }

}  // namespace

TEST(ScenarioKeys, TableNamesEachKeyOnceAndEveryParentBeforeItsChildren)
{
    QSet<QString> seen;
    for (const Key& k : scenario_keys::scenarioKeys()) {
        EXPECT_FALSE(seen.contains(k.path)) << k.path.toStdString();
        if (!k.parentPath().isEmpty()) {
            EXPECT_TRUE(seen.contains(k.parentPath())) << k.path.toStdString();
        }
        EXPECT_FALSE(QString::fromUtf8(k.helpText).isEmpty()) << k.path.toStdString() << " has no help";
        if (k.type == ValueType::Choice) {
            EXPECT_FALSE(k.choices.isEmpty()) << k.path.toStdString();
        }
        seen.insert(k.path);
    }
    EXPECT_GE(seen.size(), 90);
}

TEST(ScenarioKeys, EveryKeyRoundTripsAValueOtherThanItsDefault)
{
    const QJsonObject full = fullDocument();
    for (const Key& k : scenario_keys::scenarioKeys()) {
        SCOPED_TRACE(k.path.toStdString());
        const Scenario base = parseScenarioObject(full, QStringLiteral("full.json"));
        const QJsonObject room = test::makeRoomFor(full, k, base);
        const Scenario before = parseScenarioObject(room, QStringLiteral("room.json"));
        const QJsonValue current = test::valueAt(room, k.path);
        const std::vector<QJsonValue> values = test::otherValues(k, current, before);
        ASSERT_FALSE(values.empty()) << "no other value to try";
        QString refusals;
        bool tried = false;
        for (const QJsonValue& v : values) {
            QJsonObject doc = test::withValue(room, k.path, v);
            if (k.type == ValueType::Section) doc = test::completed(doc, k.path, before);
            doc = test::completed(doc, k.parentPath(), before);
            Scenario first;
            try {
                first = parseScenarioObject(doc, QStringLiteral("edited.json"));
            } catch (const InputError& e) {
                refusals += text(v) + QStringLiteral(": ") + e.message() + QLatin1Char('\n');
                continue;  // a value its neighbours do not allow; try the next one
            }
            tried = true;
            const QJsonObject written = scenarioToJson(first);
            const Scenario second = parseScenarioObject(written, QStringLiteral("written.json"));
            EXPECT_TRUE(first == second) << "changed by writing and reading back: " << text(v).toStdString();
            // The value reached the model (not merely the file) and was written back as given.
            if (!test::sameJson(current, v)) {
                EXPECT_FALSE(first == before) << "had no effect: " << text(v).toStdString();
            }
            if (k.type != ValueType::Section) {
                EXPECT_TRUE(test::sameJson(test::valueAt(written, k.path), v))
                    << "written as " << text(test::valueAt(written, k.path)).toStdString() << ", set " << text(v).toStdString();
            }
            break;
        }
        EXPECT_TRUE(tried) << "every value was refused:\n" << refusals.toStdString();
    }
}

TEST(ScenarioKeys, AValueOutsideItsRangeIsRefusedNamingThePathAndTheRange)
{
    const QJsonObject full = fullDocument();
    int checked = 0;
    for (const Key& k : scenario_keys::scenarioKeys()) {
        const Scenario base = parseScenarioObject(full, QStringLiteral("full.json"));
        const QJsonValue bad = test::outOfRange(k, base);
        if (bad.isUndefined()) continue;
        SCOPED_TRACE(k.path.toStdString());
        const QJsonObject room = test::makeRoomFor(full, k, base);
        const Scenario before = parseScenarioObject(room, QStringLiteral("room.json"));
        const QString range = (k.rangeFor ? k.rangeFor(before) : k.range).describe();
        const QJsonObject doc = test::completed(test::withValue(room, k.path, bad), k.parentPath(), before);
        try {
            parseScenarioObject(doc, QStringLiteral("scn.json"));
            ADD_FAILURE() << "accepted " << text(bad).toStdString();
        } catch (const InputError& e) {
            EXPECT_EQ(e.where(), QStringLiteral("scn.json: $.") + k.path) << e.what();
            EXPECT_TRUE(e.message().contains(range)) << e.what() << " does not say " << range.toStdString();
            EXPECT_TRUE(e.message().contains(QStringLiteral("found ") + QString::number(bad.toDouble(), 'g', 10))) << e.what();
        }
        ++checked;
    }
    EXPECT_GE(checked, 50);
}

TEST(ScenarioKeys, ReadmeReferenceIsTheTable)
{
    const QString readmePath = QStringLiteral(HEADROOM_TESTS_DIR "/../README.md");
    QFile f(readmePath);
    ASSERT_TRUE(f.open(QIODevice::ReadOnly)) << readmePath.toStdString();
    const QString readme = QString::fromUtf8(f.readAll());
    f.close();
    const QString begin = QStringLiteral("<!-- scenario-keys:begin (made from model/scenario/scenario_keys.cpp) -->\n");
    const QString end = QStringLiteral("<!-- scenario-keys:end -->");
    const qsizetype from = readme.indexOf(begin);
    const qsizetype to = readme.indexOf(end);
    ASSERT_TRUE(from >= 0 && to > from) << "README.md lacks the markers " << begin.toStdString();
    const QString generated = scenario_keys::scenarioKeysMarkdown();
    const QString current = readme.mid(from + begin.size(), to - from - begin.size());
    if (current != generated && qEnvironmentVariableIsSet("HEADROOM_UPDATE_README")) {
        ASSERT_TRUE(f.open(QIODevice::WriteOnly | QIODevice::Truncate));
        f.write((readme.left(from + begin.size()) + generated + readme.mid(to)).toUtf8());
        return;
    }
    EXPECT_EQ(current.toStdString(), generated.toStdString())
        << "README.md's scenario key reference differs from the table; run this test with "
           "HEADROOM_UPDATE_README=1 to rewrite it";
}
