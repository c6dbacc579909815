#pragma once
#include "importer.h"

#include <map>

namespace headroom {

// fio --output-format=json / json+ (2.x latencies in µs under lat/clat, 3.x in ns under
// lat_ns/clat_ns). One measurement per job, direction and value; the headline sums throughput
// over jobs and takes latency percentiles from the single active job, or merges the json+
// histogram bins of several jobs.
class FioImporter : public Importer {
public:
    QString name() const override { return QStringLiteral("fio"); }
    QString description() const override { return QStringLiteral("fio JSON or JSON+ output (--output-format=json)"); }
    QStringList filePatterns() const override { return {QStringLiteral("*.json")}; }
    int sniff(const QByteArray& head, const QString& fileName) const override;
    ImportResult parse(QIODevice& in, const ImportContext& context) const override;
};

// fio's percentile rule on a latency histogram (json+ "bins": value -> count): the smallest value
// at which the running count reaches percent/100 of all I/Os. Used to combine several jobs.
double fioPercentileOfBins(const std::map<double, double>& bins, double percent);

}  // namespace headroom
