#pragma once
#include "core/errors.h"

#include <QString>

struct sqlite3;
class QSqlError;

namespace headroom {

// A database failure told in words: which workspace, and what happened ("another Headroom is
// writing to it", "the disk is full"), never the SQL statement. Maps to exit code 1.
class DatabaseFailure : public RuntimeFailure {
public:
    DatabaseFailure(QString workspace, QString words)
        : RuntimeFailure(workspace.isEmpty() ? words : workspace + QStringLiteral(": ") + words),
          workspace_(std::move(workspace)), words_(std::move(words)) {}
    const QString& workspace() const { return workspace_; }
    const QString& words() const { return words_; }

private:
    QString workspace_;
    QString words_;
};

namespace sql {

// The words for an SQLite result code (primary or extended) and its message.
QString describeSqliteError(int code, const QString& message);
// The same for a Qt SQL error (its native code is SQLite's result code).
QString describeError(const QSqlError& error);

}  // namespace sql
}  // namespace headroom
