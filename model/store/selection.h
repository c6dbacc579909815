#pragma once
#include <QString>

namespace headroom {

// Which part of a workspace a question is about. One type for every layer: the queries in
// model/store, the analysis models, the report and the pages all narrow by it, so that the same
// words select the same rows wherever they are used. Empty fields match everything.
struct Selection {
    QString metric;         // exact metric name
    QString provider;       // "aws"; matched against the dataset's provider or its instance type key
    QString instanceType;   // "aws/c6i.large", case-insensitive
    qint64 datasetId = 0;
    QString node;           // the row's node, else its dataset's
};

}  // namespace headroom
