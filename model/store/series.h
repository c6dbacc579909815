#pragma once
#include <QJsonObject>
#include <QString>
#include <vector>

namespace headroom {

// A time series, the one shape every layer uses: an importer fills it from a file, the
// workspace stores it (series + sample rows) and gives it back, and the analysis models, the
// report and the pages read it. t is seconds since the Unix epoch (or since the start when the
// tool gives only relative times, in which case labels["relative_time"] = true); v is the value
// at each t, in `unit`.
struct Series {
    qint64 id = 0;          // the stored series; 0 before it is stored
    qint64 datasetId = 0;   // 0 before it is stored
    QString node;
    QString metric;
    QString unit;
    QJsonObject labels;
    std::vector<double> t;
    std::vector<double> v;
};

}  // namespace headroom
