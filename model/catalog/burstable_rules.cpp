#include "burstable_rules.h"

#include "core/csv.h"
#include "core/errors.h"
#include "core/paths.h"

#include <QFile>
#include <QRegularExpression>

namespace headroom {

namespace {

QString cell(const QStringList& header, const csv::Record& rec, const char* name)
{
    const int col = csv::column(header, QString::fromLatin1(name));
    return col >= 0 && col < rec.fields.size() ? rec.fields[col].trimmed() : QString();
}

double number(const QStringList& header, const csv::Record& rec, const char* name, const QString& fileName)
{
    const QString s = cell(header, rec, name);
    if (s.isEmpty()) return 0;
    bool ok = false;
    const double v = s.toDouble(&ok);
    if (!ok || v < 0)
        throw InputError(formatWhere(fileName, rec.line, 0),
                         QStringLiteral("'%1' is \"%2\"; expected a number ≥ 0").arg(QString::fromLatin1(name), s));
    return v;
}

}  // namespace

QVector<BurstableFamilyRules> parseBurstableRulesCsv(const QByteArray& text, const QString& fileName)
{
    const auto records = csv::parse(text, fileName);
    if (records.empty()) throw InputError(fileName, QStringLiteral("empty file; expected a header row"));
    const QStringList& header = records.front().fields;
    QVector<BurstableFamilyRules> out;
    for (size_t i = 1; i < records.size(); ++i) {
        const csv::Record& rec = records[i];
        BurstableFamilyRules r;
        r.provider = cell(header, rec, "provider").toLower();
        r.family = cell(header, rec, "family");
        r.namePattern = cell(header, rec, "name_pattern");
        if (r.provider.isEmpty() || r.namePattern.isEmpty() || !QRegularExpression(r.namePattern).isValid())
            throw InputError(formatWhere(fileName, rec.line, 0),
                             QStringLiteral("expected a provider and a valid name_pattern (regular expression)"));
        r.launchCreditsPerVcpu = number(header, rec, "launch_credits_per_vcpu", fileName);
        const QString mode = cell(header, rec, "default_mode").toLower();
        if (mode != QLatin1String("standard") && mode != QLatin1String("unlimited"))
            throw InputError(formatWhere(fileName, rec.line, 0),
                             QStringLiteral("default_mode is \"%1\"; expected standard or unlimited").arg(mode));
        r.unlimitedByDefault = mode == QLatin1String("unlimited");
        r.unlimitedUsdPerVcpuHour = number(header, rec, "unlimited_usd_per_vcpu_hour", fileName);
        if (r.unlimitedByDefault && !r.hasUnlimitedMode())
            throw InputError(formatWhere(fileName, rec.line, 0),
                             QStringLiteral("default_mode is unlimited but unlimited_usd_per_vcpu_hour is empty"));
        r.source = cell(header, rec, "source");
        r.sourceDate = cell(header, rec, "source_date");
        out << r;
    }
    return out;
}

std::optional<BurstableFamilyRules> burstableRulesFor(const InstanceType& type)
{
    static const QVector<BurstableFamilyRules> shipped = [] {
        const QString name = QStringLiteral("catalog/burstable_credits.csv");
        QFile f(dataDirectory() + QLatin1Char('/') + name);
        if (!f.open(QIODevice::ReadOnly))
            throw RuntimeFailure(QStringLiteral("cannot read the shipped catalog %1: %2").arg(f.fileName(), f.errorString()));
        return parseBurstableRulesCsv(f.readAll(), name);
    }();
    for (const BurstableFamilyRules& r : shipped)
        if (r.provider.compare(type.provider, Qt::CaseInsensitive) == 0
            && QRegularExpression(r.namePattern).match(type.name).hasMatch())
            return r;
    return std::nullopt;
}

}  // namespace headroom
