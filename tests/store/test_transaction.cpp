#include "core/errors.h"
#include "store/sql.h"
#include "store/transaction.h"
#include "store/workspace.h"

#include <QTemporaryDir>
#include <gtest/gtest.h>

using namespace headroom;

namespace {
int settingCount(const Workspace& ws) { return sql::scalar(ws.database(), QStringLiteral("SELECT count(*) FROM setting")).toInt(); }
}

TEST(Transaction, RollsBackUnlessCommitted)
{
    QTemporaryDir dir;
    auto ws = Workspace::open(dir.filePath(QStringLiteral("t.headroom")));
    {
        Transaction tx(ws->database());
        sql::exec(ws->database(), QStringLiteral("INSERT INTO setting VALUES('a', '1')"));
        EXPECT_EQ(settingCount(*ws), 1);
    }
    EXPECT_EQ(settingCount(*ws), 0);
    {
        Transaction tx(ws->database());
        sql::exec(ws->database(), QStringLiteral("INSERT INTO setting VALUES('a', '1')"));
        tx.commit();
    }
    EXPECT_EQ(settingCount(*ws), 1);
}

TEST(Transaction, ExceptionInsideLeavesNothing)
{
    QTemporaryDir dir;
    auto ws = Workspace::open(dir.filePath(QStringLiteral("t.headroom")));
    try {
        Transaction tx(ws->database());
        sql::exec(ws->database(), QStringLiteral("INSERT INTO setting VALUES('a', '1')"));
        sql::exec(ws->database(), QStringLiteral("INSERT INTO setting VALUES('a', '2')"));  // primary key clash
        tx.commit();
        FAIL() << "the duplicate key should have thrown";
    } catch (const RuntimeFailure& e) {
        EXPECT_TRUE(e.text().contains(QStringLiteral("UNIQUE")));
    }
    EXPECT_EQ(settingCount(*ws), 0);
}

TEST(Transaction, ForeignKeysCascadeFromDataset)
{
    QTemporaryDir dir;
    auto ws = Workspace::open(dir.filePath(QStringLiteral("t.headroom")));
    QSqlDatabase db = ws->database();
    sql::exec(db, QStringLiteral("INSERT INTO dataset(id, name, format, source, sha256, imported_at) VALUES(7,'n','f','s','h','t')"));
    sql::exec(db, QStringLiteral("INSERT INTO series(id, dataset_id, metric) VALUES(3, 7, 'cpu.util_pct')"));
    sql::exec(db, QStringLiteral("INSERT INTO sample VALUES(3, 1.0, 2.0)"));
    EXPECT_THROW(sql::exec(db, QStringLiteral("INSERT INTO sample VALUES(99, 1.0, 2.0)")), RuntimeFailure);
    sql::exec(db, QStringLiteral("DELETE FROM dataset WHERE id = 7"));
    EXPECT_EQ(sql::scalar(db, QStringLiteral("SELECT count(*) FROM sample")).toInt(), 0);
}
