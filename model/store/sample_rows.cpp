#include "sample_rows.h"

#include "core/errors.h"
#include "database_error.h"
#include "sqlite_handle.h"

#include <sqlite3.h>
#include <string>

namespace headroom {

namespace {

// Rows per multi-row INSERT: one statement step stores this many samples, which saves most of
// SQLite's per-statement work on the bulk path (3 × 128 parameters, far under SQLite's limit).
constexpr int kBatchRows = 128;

[[noreturn]] void failDatabase(sqlite3* handle)
{
    throw DatabaseFailure(QString::fromUtf8(sqlite3_db_filename(handle, "main")),
                          sql::describeSqliteError(sqlite3_extended_errcode(handle), QString::fromUtf8(sqlite3_errmsg(handle))));
}

sqlite3_stmt* prepareSampleInsert(sqlite3* handle, int rows)
{
    std::string text = "INSERT INTO sample(series_id, t, value) VALUES(?,?,?)";
    for (int i = 1; i < rows; ++i) text += ",(?,?,?)";
    sqlite3_stmt* stmt = nullptr;
    if (sqlite3_prepare_v3(handle, text.c_str(), int(text.size()), SQLITE_PREPARE_PERSISTENT, &stmt, nullptr) != SQLITE_OK)
        failDatabase(handle);
    return stmt;
}

}  // namespace

SampleRows::SampleRows(const QSqlDatabase& db, const std::atomic<bool>* cancel)
    : handle_(sql::rawHandle(db)), single_(nullptr, sqlite3_finalize), batch_(nullptr, sqlite3_finalize), cancel_(cancel)
{
    single_.reset(prepareSampleInsert(handle_, 1));
    batch_.reset(prepareSampleInsert(handle_, kBatchRows));
    pending_.reserve(kBatchRows);
}

SampleRows::~SampleRows() = default;

void SampleRows::step(sqlite3_stmt* stmt)
{
    if (sqlite3_step(stmt) != SQLITE_DONE) failDatabase(handle_);
    sqlite3_reset(stmt);
}

void SampleRows::insertSeries(qint64 seriesId, const std::vector<double>& t, const std::vector<double>& v)
{
    const size_t n = std::min(t.size(), v.size());
    size_t i = 0;
    sqlite3_stmt* batch = batch_.get();
    for (; i + kBatchRows <= n; i += kBatchRows) {
        if ((i & 0xFFFF) < kBatchRows && cancel_ && cancel_->load(std::memory_order_relaxed)) throw Cancelled();
        for (int r = 0; r < kBatchRows; ++r) {
            sqlite3_bind_int64(batch, 3 * r + 1, seriesId);
            sqlite3_bind_double(batch, 3 * r + 2, t[i + size_t(r)]);
            sqlite3_bind_double(batch, 3 * r + 3, v[i + size_t(r)]);
        }
        step(batch);
    }
    sqlite3_stmt* single = single_.get();
    sqlite3_bind_int64(single, 1, seriesId);
    for (; i < n; ++i) {
        sqlite3_bind_double(single, 2, t[i]);
        sqlite3_bind_double(single, 3, v[i]);
        step(single);
    }
    added_ += qint64(n);
}

void SampleRows::add(qint64 seriesId, double t, double value)
{
    pending_.push_back({seriesId, t, value});
    ++added_;
    if (pending_.size() < size_t(kBatchRows)) return;
    if ((added_ & 0xFFFF) < kBatchRows && cancel_ && cancel_->load(std::memory_order_relaxed)) throw Cancelled();
    flushBatch();
}

void SampleRows::flushBatch()
{
    sqlite3_stmt* batch = batch_.get();
    for (int r = 0; r < kBatchRows; ++r) {
        sqlite3_bind_int64(batch, 3 * r + 1, pending_[size_t(r)].series);
        sqlite3_bind_double(batch, 3 * r + 2, pending_[size_t(r)].t);
        sqlite3_bind_double(batch, 3 * r + 3, pending_[size_t(r)].v);
    }
    step(batch);
    pending_.clear();
}

void SampleRows::flush()
{
    sqlite3_stmt* single = single_.get();
    for (const Row& row : pending_) {
        sqlite3_bind_int64(single, 1, row.series);
        sqlite3_bind_double(single, 2, row.t);
        sqlite3_bind_double(single, 3, row.v);
        step(single);
    }
    pending_.clear();
}

}  // namespace headroom
