#include "transaction.h"

#include "database_error.h"

#include <QSqlError>
#include <QSqlQuery>

namespace headroom {

Transaction::Transaction(QSqlDatabase db) : db_(std::move(db))
{
    QSqlQuery begin(db_);
    if (!begin.exec(QStringLiteral("BEGIN IMMEDIATE")))
        throw DatabaseFailure(db_.databaseName(), sql::describeError(begin.lastError()));
    open_ = true;
}

Transaction::~Transaction()
{
    if (!open_) return;
    QSqlQuery rollback(db_);
    rollback.exec(QStringLiteral("ROLLBACK"));
}

void Transaction::commit()
{
    if (!open_) return;
    QSqlQuery commit(db_);
    if (!commit.exec(QStringLiteral("COMMIT"))) {
        const QString why = sql::describeError(commit.lastError());
        QSqlQuery rollback(db_);
        rollback.exec(QStringLiteral("ROLLBACK"));
        open_ = false;
        throw DatabaseFailure(db_.databaseName(), why);
    }
    open_ = false;
}

}  // namespace headroom
