#pragma once
#include "usl_fit.h"

#include <QByteArray>
#include <QString>
#include <vector>

namespace headroom::usl {

// Reads load/throughput pairs from CSV (comma, semicolon or tab separated). The load column is
// found by its header (N, load, concurrency, processors, users, vus, clients, threads,
// connections, nodes) and the throughput column likewise (X, throughput, tput, rps, qps, tps,
// requests_per_s, ops); a file without a header, or with two unnamed columns, is read as N, X.
// Throws InputError("FILE:LINE:COL", …) naming the cell that is not a number.
std::vector<Point> readCsv(const QByteArray& bytes, const QString& fileName);

}  // namespace headroom::usl
