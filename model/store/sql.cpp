#include "sql.h"

#include "database_error.h"

#include <QSqlError>

namespace headroom::sql {

namespace {
// The statement stays out of the message: users get words and the workspace's name.
[[noreturn]] void fail(const QSqlQuery& q, const QString& workspace)
{
    throw DatabaseFailure(workspace, describeError(q.lastError()));
}
}  // namespace

QSqlQuery exec(const QSqlDatabase& db, const QString& statement, std::initializer_list<QVariant> bindings)
{
    QSqlQuery q(db);
    if (!q.prepare(statement)) fail(q, db.databaseName());
    for (const QVariant& v : bindings) q.addBindValue(v);
    if (!q.exec()) fail(q, db.databaseName());
    return q;
}

void execScript(const QSqlDatabase& db, const QString& script)
{
    const QStringList statements = script.split(QStringLiteral(";\n"), Qt::SkipEmptyParts);
    for (const QString& s : statements) {
        if (s.trimmed().isEmpty()) continue;
        QSqlQuery q(db);
        if (!q.exec(s)) fail(q, db.databaseName());
    }
}

QVariant scalar(const QSqlDatabase& db, const QString& statement, std::initializer_list<QVariant> bindings)
{
    QSqlQuery q = exec(db, statement, bindings);
    return q.next() ? q.value(0) : QVariant();
}

QSqlQuery prepare(const QSqlDatabase& db, const QString& statement)
{
    QSqlQuery q(db);
    if (!q.prepare(statement)) fail(q, db.databaseName());
    return q;
}

void execPrepared(QSqlQuery& query)
{
    if (!query.exec()) fail(query, QString());
}

}  // namespace headroom::sql
