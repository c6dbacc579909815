#pragma once
#include "importer.h"

namespace headroom {

// Kubernetes events as `kubectl get events` prints them: -o json, -o yaml (v1 Event or
// events.k8s.io/v1), or the table (LAST SEEN, TYPE, REASON, OBJECT, MESSAGE, with or without
// NAMESPACE; `kubectl events` too). Becomes lead-time events (see kubernetes_events.h).
class KubernetesEventsImporter : public Importer {
public:
    QString name() const override { return QStringLiteral("k8s-events"); }
    QString description() const override { return QStringLiteral("Kubernetes events (kubectl get events: table, YAML, JSON)"); }
    QStringList filePatterns() const override
    {
        return {QStringLiteral("*.yaml"), QStringLiteral("*.yml"), QStringLiteral("*.json"), QStringLiteral("*.txt")};
    }
    int sniff(const QByteArray& head, const QString& fileName) const override;
    ImportResult parse(QIODevice& in, const ImportContext& context) const override;
};

}  // namespace headroom
