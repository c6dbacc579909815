#pragma once
#include <QString>

namespace headroom {

// The sysstat fields Headroom keeps and their canonical names (DESIGN §4). sadf -d headers and
// sadf -j keys spell the same field differently ("%usr" / "usr", "rxkB/s" / "rxkB"), so both
// importers look their field names up here after normalising them with sysstatFieldKey().
struct SysstatField {
    const char* key;        // normalised field name
    const char* metric;     // canonical metric
    const char* unit;
    double scale;           // kB → bytes, sectors → bytes, …
};

// "%usr" → "usr", "rkB/s" → "rkb", "util-percent" → "util", "%memused" → "memused".
QString sysstatFieldKey(const QString& raw);

// nullptr when the field is not kept. `activity` is "cpu", "memory", "disk" or "net". Fields
// that give one metric (rkB and rd_sec) come in order of preference: the lower pointer wins.
const SysstatField* sysstatField(const QString& activity, const QString& key);

}  // namespace headroom
