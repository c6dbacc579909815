#include "transaction.h"

#include "core/errors.h"

#include <QSqlError>

namespace headroom {

Transaction::Transaction(QSqlDatabase db) : db_(std::move(db))
{
    if (!db_.transaction())
        throw RuntimeFailure(QStringLiteral("cannot start a transaction: ") + db_.lastError().text());
    open_ = true;
}

Transaction::~Transaction()
{
    if (open_) db_.rollback();
}

void Transaction::commit()
{
    if (!open_) return;
    if (!db_.commit()) {
        const QString why = db_.lastError().text();
        db_.rollback();
        open_ = false;
        throw RuntimeFailure(QStringLiteral("cannot commit: ") + why);
    }
    open_ = false;
}

}  // namespace headroom
