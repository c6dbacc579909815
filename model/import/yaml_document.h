#pragma once
#include <QByteArray>
#include <QJsonValue>
#include <QString>

namespace headroom::yaml {

// One YAML document (what kubectl and most Kubernetes tooling write) as JSON values, read by
// yaml-cpp. Plain scalars are typed by the YAML 1.2 core schema (null, booleans, numbers, else
// strings); quoted and block scalars are always strings, so `resourceVersion: "0123"` stays text.
// Errors are InputErrors at "FILE:LINE:COL"; several documents in one file are refused, since an
// event list is one document and a second would be silently dropped.
QJsonValue parse(const QByteArray& text, const QString& fileName);

}  // namespace headroom::yaml
