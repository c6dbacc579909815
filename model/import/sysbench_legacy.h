#pragma once
#include "importer.h"
#include "tool_text.h"

#include <QRegularExpression>
#include <QString>
#include <map>
#include <vector>

namespace headroom {

// One "sysbench x.y" run inside the file.
struct SysbenchRun {
    int index = 0;
    int bannerLine = 0;
    QString version;
    QString harnessPrefix;   // "CPU 0" when a harness wrote it before the banner
    QString test;            // cpu, memory, fileio, oltp, or "" (threads/mutex print no marker)
    int threads = 0;
    double totalTimeS = 0;
    double events = 0;
    std::map<QString, double> values;  // metric suffix (without the test prefix) -> value
    // Interval lines: key -> (t, v); keys "tps", "qps", "eps", "lat", "err/s"
    std::map<QString, std::pair<std::vector<double>, std::vector<double>>> intervals;
    QString intervalPercentile;  // from "lat (ms,95%)"
    QString ioMode;              // fileio: "synchronous", "asynchronous", …
    bool sawFairness = false;    // "execution time (avg/stddev)", the last line of every run
    bool maintenance = false;    // a prepare or cleanup step ("Creating table…", "Removing test files…")
    // sysbench 0.4/0.5 print counts, not rates: rates are counts over the total time.
    double legacyQueries = -1;
    double legacyReads = -1, legacyWrites = -1;
    double legacyReadBytes = -1, legacyWrittenBytes = -1;
};

// A number of sysbench's output; throws InputError at its line and column when it is not one.
double sysbenchNumber(const QString& s, const ImportContext& ctx, const tooltext::Line& line, qsizetype column);

// Lines only sysbench 0.4 and 0.5 print (the 1.x summary is read by the importer itself): test
// markers ("Doing CPU performance benchmark"), OLTP counts, fileio totals, the "per-request
// statistics:" / "response time:" latency block in ms, and the I/O mode.
class SysbenchLegacyLines {
public:
    explicit SysbenchLegacyLines(const ImportContext& ctx) : ctx_(ctx) {}
    void startRun() { latency_ = false; }
    // True when the line was one of these; `section` is the current "Name:" block, lower case.
    bool line(SysbenchRun& run, const tooltext::Line& l, const QString& t, const QString& section);

private:
    const ImportContext& ctx_;
    bool latency_ = false;
};

// Rates that sysbench 0.4/0.5 leave to the reader (counts over the run's total time), and
// events per second of tests that print only general statistics (cpu 0.4, threads, mutex).
void deriveLegacyRates(SysbenchRun& run);

}  // namespace headroom
