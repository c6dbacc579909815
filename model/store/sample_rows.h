#pragma once
#include <QSqlDatabase>
#include <atomic>
#include <memory>
#include <vector>

struct sqlite3;
struct sqlite3_stmt;

namespace headroom {

// The bulk path of an import: samples written through the raw SQLite handle behind the Qt
// connection (sql::rawHandle checks that both use one library), one multi-row INSERT prepared
// once and stepped per batch, as sqlitebrowser's CSV import does, batched. Used inside the
// import's transaction; throws DatabaseFailure on an SQL error and Cancelled when the flag is
// set (polled between batches).
class SampleRows {
public:
    explicit SampleRows(const QSqlDatabase& db, const std::atomic<bool>* cancel = nullptr);
    ~SampleRows();
    SampleRows(const SampleRows&) = delete;
    SampleRows& operator=(const SampleRows&) = delete;

    // A whole series' samples (t and v of equal length; extra values of the longer are ignored).
    void insertSeries(qint64 seriesId, const std::vector<double>& t, const std::vector<double>& v);
    // One sample at a time, held until a batch is full; flush() writes what is held.
    void add(qint64 seriesId, double t, double value);
    void flush();
    qint64 added() const { return added_; }

private:
    struct Row {
        qint64 series;
        double t;
        double v;
    };
    void step(sqlite3_stmt* stmt);
    void flushBatch();

    sqlite3* handle_;
    std::unique_ptr<sqlite3_stmt, int (*)(sqlite3_stmt*)> single_;
    std::unique_ptr<sqlite3_stmt, int (*)(sqlite3_stmt*)> batch_;
    const std::atomic<bool>* cancel_;
    std::vector<Row> pending_;  // at most one batch
    qint64 added_ = 0;
};

}  // namespace headroom
