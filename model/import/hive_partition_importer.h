#pragma once
#include "importer.h"

namespace headroom {

// Per-run result tables stored in Hive-style partition folders, such as the Azure VM Noise
// Dataset 2024: `test_suite=S/test_name=T/vm_lifespan=L/vm_region=R/vm_sku=K/unit=U.csv`, each
// file with the columns value,runtime,starttime,VM_id (any order). Every row is one measurement
// on node `<lifespan>-<region>-<VM_id>` (VM ids are unique only within a partition), with its
// start time as label "t" (Unix seconds) and its run time as "runtime_s". The partition keys
// become dataset labels; `vm_sku` becomes the instance type (`azure/<sku>`). Known tests get
// canonical metric names (sysbench CPU -> cpu.events_per_s, …), others a name made from suite,
// test and unit. When the layout is the Azure dataset's, its licence and attribution travel
// with the dataset labels ("licence", "attribution", "source_url").
class HivePartitionImporter : public Importer {
public:
    QString name() const override { return QStringLiteral("hive-partition"); }
    QString description() const override
    {
        return QStringLiteral("per-run tables in Hive partition folders (value,runtime,starttime,VM_id)");
    }
    QStringList filePatterns() const override { return {QStringLiteral("unit=*.csv"), QStringLiteral("*.csv")}; }
    int sniff(const QByteArray& head, const QString& fileName) const override;
    ImportResult parse(QIODevice& in, const ImportContext& context) const override;
};

namespace hive {

// `key=value` folders (and the file's own base name) of a path, outermost first; later keys win.
QList<QPair<QString, QString>> partitionKeys(const QString& path);

// The canonical metric for a test, or "<suite>.<test>_<unit>" slugged.
QString metricName(const QString& suite, const QString& test, const QString& unit);

}  // namespace hive

}  // namespace headroom
