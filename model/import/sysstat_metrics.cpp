#include "sysstat_metrics.h"

namespace headroom {

namespace {

struct Table {
    const char* activity;
    SysstatField field;
};

const Table kFields[] = {
    {"cpu", {"usr", "cpu.user_pct", "%", 1}},
    {"cpu", {"user", "cpu.user_pct", "%", 1}},
    {"cpu", {"sys", "cpu.system_pct", "%", 1}},
    {"cpu", {"system", "cpu.system_pct", "%", 1}},
    {"cpu", {"iowait", "cpu.iowait_pct", "%", 1}},
    {"cpu", {"steal", "cpu.steal_pct", "%", 1}},
    {"cpu", {"idle", "cpu.idle_pct", "%", 1}},
    {"memory", {"memused", "mem.used_pct", "%", 1}},
    {"memory", {"avail", "mem.available_bytes", "bytes", 1024}},
    {"disk", {"tps", "disk.tps", "1/s", 1}},
    {"disk", {"rkb", "disk.read_bw_bytes_per_s", "bytes/s", 1024}},
    {"disk", {"wkb", "disk.write_bw_bytes_per_s", "bytes/s", 1024}},
    {"disk", {"rd_sec", "disk.read_bw_bytes_per_s", "bytes/s", 512}},
    {"disk", {"wr_sec", "disk.write_bw_bytes_per_s", "bytes/s", 512}},
    {"disk", {"await", "disk.await_ms", "ms", 1}},
    {"disk", {"util", "disk.util_pct", "%", 1}},
    {"net", {"rxpck", "net.rx_packets_per_s", "1/s", 1}},
    {"net", {"txpck", "net.tx_packets_per_s", "1/s", 1}},
    {"net", {"rxkb", "net.rx_bytes_per_s", "bytes/s", 1024}},
    {"net", {"txkb", "net.tx_bytes_per_s", "bytes/s", 1024}},
    {"net", {"ifutil", "net.util_pct", "%", 1}},
};

}  // namespace

QString sysstatFieldKey(const QString& raw)
{
    // sadf -j spells kB used "memused" and the share "memused-percent"; sadf -d "kbmemused" and "%memused".
    if (raw == QLatin1String("memused")) return QStringLiteral("kbmemused");
    QString k = raw.toLower();
    if (k.startsWith(QLatin1Char('%'))) k.remove(0, 1);
    if (k.endsWith(QLatin1String("/s"))) k.chop(2);
    if (k.endsWith(QLatin1String("-percent"))) k.chop(8);
    if (k == QLatin1String("kbavail")) k = QStringLiteral("avail");
    return k;
}

const SysstatField* sysstatField(const QString& activity, const QString& key)
{
    for (const Table& t : kFields)
        if (activity == QLatin1String(t.activity) && key == QLatin1String(t.field.key)) return &t.field;
    return nullptr;
}

}  // namespace headroom
