#pragma once
#include <QSqlDatabase>

namespace headroom {

// Rolls back unless commit() is called, so an exception or early return leaves no half-written data.
class Transaction {
public:
    explicit Transaction(QSqlDatabase db);
    ~Transaction();
    Transaction(const Transaction&) = delete;
    Transaction& operator=(const Transaction&) = delete;

    void commit();  // throws RuntimeFailure when the commit fails (disk full, locked)

private:
    QSqlDatabase db_;
    bool open_ = false;
};

}  // namespace headroom
