#pragma once
#include <QByteArray>

namespace headroom::test {

// A load test at `rate` requests/s as a long CSV, the way tests/validation's load generator writes
// one: 200 per-request rows (latency 8 + i % 7 + rate / 20 ms, the app 5 + i % 5 ms of which all
// CPU) and one CPU reading per second of rate × 6 ms of CPU per second, with the request rate.
QByteArray validationLevelCsv(double rate);

}  // namespace headroom::test
