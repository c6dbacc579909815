#include "report_format.h"

#include <cmath>

namespace headroom::report::fmt {

QString grouped(double v, int decimals)
{
    QString text = QString::number(std::abs(v), 'f', decimals);
    const int dot = text.indexOf(QLatin1Char('.'));
    int intEnd = dot < 0 ? int(text.size()) : dot;
    for (int i = intEnd - 3; i > 0; i -= 3) text.insert(i, QLatin1Char(','));
    return (v < 0 && text != QString::number(0.0, 'f', decimals) ? QStringLiteral("-") : QString()) + text;
}

}  // namespace headroom::report::fmt
