#pragma once
#include "prometheus_series.h"

#include <QIODevice>
#include <QString>
#include <atomic>
#include <functional>
#include <vector>

namespace headroom {

// A Prometheus API answer ({"status","data":{"resultType","result":[…]}} or a bare result
// array) read from a device as a stream of JSON events, never as a document tree: memory holds
// the points (two doubles each) and one token, not the file. Qt's JSON tree needs about
// fifteen times the file's size, so a 200 MB answer would need 3 GB that way.
struct PrometheusAnswer {
    std::vector<PrometheusSeries> series;
    QString resultType;  // empty for a bare result array
    QString query;
    QStringList warnings;
};

// Called with each series as soon as its last point is read; returning true takes it (it is
// then not kept in PrometheusAnswer::series), so series that need no others can be written
// and forgotten while the rest of the file is still being read.
using TakeSeries = std::function<bool(PrometheusSeries&)>;

// Throws InputError naming the JSON path ("FILE: $.data.result[3].values[17][1]: …") or the
// line and column of a syntax error, and the Prometheus error for {"status":"error"} answers.
PrometheusAnswer readPrometheusAnswer(QIODevice& in, const QString& fileName, const std::atomic<bool>* cancel = nullptr,
                                      const TakeSeries& take = {});

}  // namespace headroom
