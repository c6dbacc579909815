#include "kubernetes_event_messages.h"

#include <QRegularExpression>

namespace headroom::k8s {

namespace {

std::optional<double> unitSum(const QString& text, const QRegularExpression& token, double (*scale)(const QString&))
{
    const QString t = text.trimmed();
    if (t.isEmpty()) return std::nullopt;
    qsizetype pos = 0;
    double total = 0;
    while (pos < t.size()) {
        const QRegularExpressionMatch m = token.match(t, pos, QRegularExpression::NormalMatch,
                                                      QRegularExpression::AnchorAtOffsetMatchOption);
        if (!m.hasMatch()) return std::nullopt;
        const double factor = scale(m.captured(2));
        if (factor <= 0) return std::nullopt;
        total += m.captured(1).toDouble() * factor;
        pos = m.capturedEnd();
    }
    return total;
}

double goUnit(const QString& u)
{
    if (u == QLatin1String("h")) return 3600;
    if (u == QLatin1String("m")) return 60;
    if (u == QLatin1String("s")) return 1;
    if (u == QLatin1String("ms")) return 1e-3;
    if (u == QLatin1String("us") || u == QStringLiteral("\u00b5s") || u == QStringLiteral("\u03bcs")) return 1e-6;
    if (u == QLatin1String("ns")) return 1e-9;
    return -1;
}

double ageUnit(const QString& u)
{
    if (u == QLatin1String("y")) return 365 * 86400.0;
    if (u == QLatin1String("d")) return 86400;
    if (u == QLatin1String("h")) return 3600;
    if (u == QLatin1String("m")) return 60;
    if (u == QLatin1String("s")) return 1;
    return -1;
}

}  // namespace

std::optional<double> goDuration(const QString& text)
{
    static const QRegularExpression token(QStringLiteral("(\\d+(?:\\.\\d+)?)(ns|us|\u00b5s|\u03bcs|ms|s|m|h)"));
    return unitSum(text, token, goUnit);
}

std::optional<double> kubectlAge(const QString& text)
{
    static const QRegularExpression token(QStringLiteral("(\\d+)([ydhms])"));
    return unitSum(text, token, ageUnit);
}

std::optional<PullMessage> parsePullMessage(const QString& message)
{
    static const QRegularExpression cached(QStringLiteral("Container image \"([^\"]*)\" already present on machine"));
    static const QRegularExpression pulled(QStringLiteral(
        "Successfully pulled image \"([^\"]*)\"(?:\\s+in\\s+([0-9.]+[a-z\u00b5\u03bc0-9.]*))?"
        "(?:\\s*\\(([0-9.]+[a-z\u00b5\u03bc0-9.]*)\\s+including\\s+waiting\\))?"
        "(?:\\.?\\s*Image size:\\s*(\\d+)\\s*bytes)?"));
    PullMessage out;
    if (const auto m = cached.match(message); m.hasMatch()) {
        out.image = m.captured(1);
        out.cached = true;
        out.durationS = 0;
        return out;
    }
    const auto m = pulled.match(message);
    if (!m.hasMatch()) return std::nullopt;
    out.image = m.captured(1);
    if (m.hasCaptured(2)) {
        QString d = m.captured(2);
        if (d.endsWith(QLatin1Char('.'))) d.chop(1);  // "in 1.2s. Image size: …"
        out.durationS = goDuration(d);
    }
    if (m.hasCaptured(3)) out.includingWaitingS = goDuration(m.captured(3));
    if (m.hasCaptured(4)) out.imageBytes = m.captured(4).toLongLong();
    return out;
}

std::optional<Repeat> parseRepeat(const QString& text)
{
    static const QRegularExpression re(QStringLiteral("\\(x(\\d+) over ([0-9ydhms]+)\\)"));
    const auto m = re.match(text);
    if (!m.hasMatch()) return std::nullopt;
    return Repeat{m.captured(1).toInt(), kubectlAge(m.captured(2)).value_or(0)};
}

}  // namespace headroom::k8s
