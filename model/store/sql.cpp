#include "sql.h"

#include "core/errors.h"

#include <QSqlError>

namespace headroom::sql {

namespace {
[[noreturn]] void fail(const QSqlQuery& q, const QString& statement)
{
    throw RuntimeFailure(QStringLiteral("database error: %1 (in: %2)")
                             .arg(q.lastError().text(), statement.simplified().left(120)));
}
}  // namespace

QSqlQuery exec(const QSqlDatabase& db, const QString& statement, std::initializer_list<QVariant> bindings)
{
    QSqlQuery q(db);
    if (!q.prepare(statement)) fail(q, statement);
    for (const QVariant& v : bindings) q.addBindValue(v);
    if (!q.exec()) fail(q, statement);
    return q;
}

void execScript(const QSqlDatabase& db, const QString& script)
{
    const QStringList statements = script.split(QStringLiteral(";\n"), Qt::SkipEmptyParts);
    for (const QString& s : statements) {
        if (s.trimmed().isEmpty()) continue;
        QSqlQuery q(db);
        if (!q.exec(s)) fail(q, s);
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
    if (!q.prepare(statement)) fail(q, statement);
    return q;
}

void execPrepared(QSqlQuery& query)
{
    if (!query.exec()) fail(query, query.lastQuery());
}

}  // namespace headroom::sql
