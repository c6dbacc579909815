#pragma once
#include "importer.h"

namespace headroom {

// `kubectl describe pod` text: the pod's Name and Node, and its Events table (Type, Reason,
// Age, From, Message; "5m53s (x4 over 6m38s)" for repeated events). Ages are relative, so
// image pulls (duration and size from the kubelet messages) are what it yields.
class KubectlDescribeImporter : public Importer {
public:
    QString name() const override { return QStringLiteral("k8s-describe"); }
    QString description() const override { return QStringLiteral("kubectl describe pod (events section)"); }
    QStringList filePatterns() const override { return {QStringLiteral("*.txt")}; }
    int sniff(const QByteArray& head, const QString& fileName) const override;
    ImportResult parse(QIODevice& in, const ImportContext& context) const override;
};

}  // namespace headroom
