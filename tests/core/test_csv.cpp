#include "core/csv.h"
#include "core/errors.h"
#include "core/json_input.h"

#include <gtest/gtest.h>

using namespace headroom;

TEST(Csv, QuotesCrLfBomAndEmbeddedNewlines)
{
    const QByteArray text = "\xEF\xBB\xBF" "a,b,c\r\n1,\"x, \"\"quoted\"\"\",3\r\n\"multi\nline\",,z\r\n\r\n";
    const auto rows = csv::parse(text, QStringLiteral("t.csv"));
    ASSERT_EQ(rows.size(), 3u);
    EXPECT_EQ(rows[0].fields, (QStringList{QStringLiteral("a"), QStringLiteral("b"), QStringLiteral("c")}));
    EXPECT_EQ(rows[1].fields[1], QStringLiteral("x, \"quoted\""));
    EXPECT_EQ(rows[2].fields[0], QStringLiteral("multi\nline"));
    EXPECT_EQ(rows[2].fields[1], QString());
    EXPECT_EQ(rows[2].line, 3);
}

TEST(Csv, UnclosedQuoteNamesLineAndColumn)
{
    try {
        csv::parse("a,b\n1,\"open\n2,3\n", QStringLiteral("t.csv"));
        FAIL();
    } catch (const InputError& e) {
        EXPECT_EQ(e.where(), QStringLiteral("t.csv:2:3"));
    }
}

TEST(JsonInput, ErrorsPointAtLineAndColumnAfterPreamble)
{
    const QByteArray text = "note: fio says hello\n{\n  \"a\": 1,\n  \"b\": ]\n}\n";
    try {
        json::parseDocument(text, QStringLiteral("f.json"));
        FAIL();
    } catch (const InputError& e) {
        EXPECT_TRUE(e.where().startsWith(QStringLiteral("f.json:4:"))) << e.where().toStdString();
    }
    const QJsonDocument ok = json::parseDocument("junk {\"x\": \"NaN\", \"y\": \"0.45\"}", QStringLiteral("g.json"));
    const json::Path root(QStringLiteral("g.json"));
    EXPECT_TRUE(std::isnan(root.key(QStringLiteral("x")).number(ok.object().value(QStringLiteral("x")))));
    EXPECT_DOUBLE_EQ(root.key(QStringLiteral("y")).number(ok.object().value(QStringLiteral("y"))), 0.45);
    try {
        root.key(QStringLiteral("jobs")).index(2).number(QJsonValue(QStringLiteral("abc")));
        FAIL();
    } catch (const InputError& e) {
        EXPECT_EQ(e.where(), QStringLiteral("g.json: $.jobs[2]"));
    }
}

TEST(Csv, DoubledCarriageReturnEndsOneLine)
{
    const auto rows = csv::parse("a,b\r\r\n1,2\r\r\n3,4", QStringLiteral("t.csv"));
    ASSERT_EQ(rows.size(), 3u);
    EXPECT_EQ(rows[1].line, 2);
    EXPECT_EQ(rows[2].line, 3);
    EXPECT_EQ(rows[2].fields.value(1), QStringLiteral("4"));
}
