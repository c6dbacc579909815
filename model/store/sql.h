#pragma once
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QString>
#include <QVariant>
#include <initializer_list>

namespace headroom::sql {

// Runs one statement and throws RuntimeFailure with the SQL error when it fails.
QSqlQuery exec(const QSqlDatabase& db, const QString& statement,
               std::initializer_list<QVariant> bindings = {});
// Runs a script of statements separated by ';' at line ends.
void execScript(const QSqlDatabase& db, const QString& script);
// First column of the first row, or an invalid QVariant when there is no row.
QVariant scalar(const QSqlDatabase& db, const QString& statement,
                std::initializer_list<QVariant> bindings = {});
// Prepares once; the caller binds and executes per row (bulk inserts).
QSqlQuery prepare(const QSqlDatabase& db, const QString& statement);
void execPrepared(QSqlQuery& query);

}  // namespace headroom::sql
