#include "validation_levels.h"

namespace headroom::test {

QByteArray validationLevelCsv(double rate)
{
    QByteArray csv = "time,node,metric,value,unit\n";
    for (int i = 0; i < 200; ++i) {
        const QByteArray t = QByteArray::number(2e9 + i / rate, 'f', 6);
        csv += t + ",client,http.latency_ms," + QByteArray::number(8 + i % 7 + rate / 20) + ",ms\n";
        csv += t + ",server,http.server_time_ms," + QByteArray::number(5 + i % 5) + ",ms\n";
        csv += t + ",server,http.server_cpu_ms," + QByteArray::number(5 + i % 5) + ",ms\n";
    }
    for (int s = 0; s < int(200 / rate); ++s) {
        const QByteArray t = QByteArray::number(2e9 + s, 'f', 6);
        csv += t + ",server,cpu.util_pct," + QByteArray::number(rate * 0.6, 'f', 3) + ",%\n";
        csv += t + ",server,http.requests_per_s," + QByteArray::number(rate, 'f', 3) + ",1/s\n";
    }
    return csv;
}

}  // namespace headroom::test
