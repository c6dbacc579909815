#pragma once
#include <QChart>

namespace headroom::charts {

// Empties a chart for new content: series, axes, and a message left by showMessage().
void resetChart(QChart* chart);

}  // namespace headroom::charts
