#pragma once
#include <QSqlDatabase>

namespace headroom {

// A write transaction that rolls back unless commit() is called, so an exception or early
// return leaves no half-written data.
//
// It begins with BEGIN IMMEDIATE: the write lock is taken at the start, waiting (the
// connection's busy timeout) while another process writes. A plain BEGIN would read first and
// fail with "database is locked" when it later tries to write, without ever waiting.
class Transaction {
public:
    explicit Transaction(QSqlDatabase db);
    ~Transaction();
    Transaction(const Transaction&) = delete;
    Transaction& operator=(const Transaction&) = delete;

    void commit();  // throws DatabaseFailure when the commit fails (disk full, locked)

private:
    QSqlDatabase db_;
    bool open_ = false;
};

}  // namespace headroom
