#include "cli_runner.h"
#include "support/fixtures.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonObject>
#include <gtest/gtest.h>

using headroom::test::Cli;

TEST(CliBasics, HelpListsEverySubcommandAndEachHasItsOwnHelp)
{
    Cli cli;
    const auto help = cli.run({QStringLiteral("--help")});
    EXPECT_EQ(help.exitCode, 0);
    const QStringList commands = {QStringLiteral("import"), QStringLiteral("datasets"), QStringLiteral("catalog"),
                                  QStringLiteral("analyze"), QStringLiteral("fit-usl"), QStringLiteral("simulate"),
                                  QStringLiteral("recommend"), QStringLiteral("report")};
    for (const QString& c : commands) {
        EXPECT_TRUE(help.out.contains(c.toUtf8())) << c.toStdString();
        const auto own = cli.run({c, QStringLiteral("--help")});
        EXPECT_EQ(own.exitCode, 0) << c.toStdString();
        EXPECT_TRUE(own.out.contains(("headroom " + c).toUtf8())) << c.toStdString() << own.out.toStdString();
    }
}

TEST(CliBasics, VersionAndUsageErrors)
{
    Cli cli;
    const auto version = cli.run({QStringLiteral("--version")});
    EXPECT_EQ(version.exitCode, 0);
    EXPECT_TRUE(version.out.startsWith("headroom "));
    const auto unknownOption = cli.run({QStringLiteral("catalog"), QStringLiteral("--frobnicate")});
    EXPECT_EQ(unknownOption.exitCode, 2);
    EXPECT_TRUE(unknownOption.err.startsWith("headroom: error: ")) << unknownOption.err.toStdString();
    const auto unknownCommand = cli.run({QStringLiteral("frobnicate"), QStringLiteral("x")});
    EXPECT_EQ(unknownCommand.exitCode, 2);
    const auto missingFile = cli.run({QStringLiteral("import")});
    EXPECT_EQ(missingFile.exitCode, 2);
}

TEST(CliBasics, CatalogJsonListsShippedTypesWithSources)
{
    Cli cli;
    const auto r = cli.run({QStringLiteral("catalog"), QStringLiteral("--json"), QStringLiteral("--provider"), QStringLiteral("hetzner")});
    ASSERT_EQ(r.exitCode, 0) << r.err.toStdString();
    const QJsonArray types = r.json().object().value(QStringLiteral("instance_types")).toArray();
    ASSERT_FALSE(types.isEmpty());
    bool sawCcx23 = false;
    for (const QJsonValue& v : types) {
        const QJsonObject t = v.toObject();
        EXPECT_EQ(t.value(QStringLiteral("provider")).toString(), QStringLiteral("hetzner"));
        EXPECT_FALSE(t.value(QStringLiteral("source")).toString().isEmpty());
        if (t.value(QStringLiteral("name")).toString() == QLatin1String("CCX23")) {
            sawCcx23 = true;
            EXPECT_EQ(t.value(QStringLiteral("vcpu")).toInt(), 4);
            EXPECT_DOUBLE_EQ(t.value(QStringLiteral("price_per_hour")).toDouble(), 0.0392);
            EXPECT_EQ(t.value(QStringLiteral("currency")).toString(), QStringLiteral("EUR"));
        }
    }
    EXPECT_TRUE(sawCcx23);
    const auto unknown = cli.run({QStringLiteral("catalog"), QStringLiteral("--provider"), QStringLiteral("nowhere")});
    EXPECT_EQ(unknown.exitCode, 2);
}

TEST(CliBasics, BadWorkspaceIsExitThreeAndUntouched)
{
    Cli cli;
    const QString path = cli.home() + QStringLiteral("/notes.headroom");
    QFile f(path);
    ASSERT_TRUE(f.open(QIODevice::WriteOnly));
    f.write("these are my notes, not a database\n");
    f.close();
    const auto r = cli.run({QStringLiteral("datasets"), QStringLiteral("-w"), path});
    EXPECT_EQ(r.exitCode, 3);
    EXPECT_TRUE(r.err.startsWith(("headroom: error: " + path).toUtf8())) << r.err.toStdString();
    EXPECT_EQ(headroom::test::readFile(path), QByteArray("these are my notes, not a database\n"));
}

TEST(CliBasics, DatasetsJsonOnAnEmptyWorkspace)
{
    Cli cli;
    const QString ws = cli.home() + QStringLiteral("/empty.headroom");
    // `datasets` only reads, so it refuses a workspace that does not exist; `catalog` makes one.
    ASSERT_EQ(cli.run({QStringLiteral("catalog"), QStringLiteral("-w"), ws}).exitCode, 0);
    const auto r = cli.run({QStringLiteral("datasets"), QStringLiteral("-w"), ws, QStringLiteral("--json")});
    ASSERT_EQ(r.exitCode, 0) << r.err.toStdString();
    EXPECT_TRUE(r.json().object().value(QStringLiteral("datasets")).isArray());
    EXPECT_EQ(r.json().object().value(QStringLiteral("datasets")).toArray().size(), 0);
}

TEST(CliBasics, ImportOfUnrecognisedFileIsExitThreeAndStoresNothing)
{
    Cli cli;
    const QString ws = cli.home() + QStringLiteral("/w.headroom");
    const QString junk = cli.home() + QStringLiteral("/junk.bin");
    QFile f(junk);
    ASSERT_TRUE(f.open(QIODevice::WriteOnly));
    f.write(QByteArray(2048, '\x01'));
    f.close();
    const auto r = cli.run({QStringLiteral("import"), QStringLiteral("-w"), ws, junk});
    EXPECT_EQ(r.exitCode, 3);
    EXPECT_TRUE(r.err.contains(junk.toUtf8())) << r.err.toStdString();
    const auto list = cli.run({QStringLiteral("datasets"), QStringLiteral("-w"), ws, QStringLiteral("--json")});
    EXPECT_EQ(list.json().object().value(QStringLiteral("datasets")).toArray().size(), 0);
}

TEST(CliBasics, VerboseSaysWhatWasDoneOnStderrAndNothingWithoutIt)
{
    Cli cli;
    const QString ws = cli.home() + QStringLiteral("/w.headroom");
    const QString file = QStringLiteral(HEADROOM_TEST_DATA_DIR "/sample/sysbench_cpu.txt");
    const auto quiet = cli.run({QStringLiteral("import"), QStringLiteral("-w"), ws, file, QStringLiteral("--json")});
    ASSERT_EQ(quiet.exitCode, 0) << quiet.err.toStdString();
    EXPECT_FALSE(quiet.err.contains("[headroom.")) << quiet.err.toStdString();

    // --verbose anywhere on the line; the JSON on stdout is unchanged by it.
    const auto loud = cli.run({QStringLiteral("--verbose"), QStringLiteral("datasets"), QStringLiteral("-w"), ws, QStringLiteral("--json")});
    ASSERT_EQ(loud.exitCode, 0) << loud.err.toStdString();
    EXPECT_TRUE(loud.err.contains("[headroom.store] " + ws.toUtf8() + ": opened, schema")) << loud.err.toStdString();
    EXPECT_EQ(loud.json().object().value(QStringLiteral("datasets")).toArray().size(), 1);

    const auto again = cli.run({QStringLiteral("import"), QStringLiteral("-w"), ws, file, QStringLiteral("--verbose")});
    ASSERT_EQ(again.exitCode, 0) << again.err.toStdString();
    EXPECT_TRUE(again.err.contains("[headroom.import] " + file.toUtf8() + ": already dataset 1 as sysbench"))
        << again.err.toStdString();
}
