#pragma once
#include "instance_type.h"

#include <QString>
#include <QVector>
#include <optional>

namespace headroom {

// How a burstable family's CPU credits work beyond the per-size figures of the catalog row:
// what a new node starts with, which mode it launches in, and what surplus credits cost.
// Shipped in data/catalog/burstable_credits.csv with the provider documentation each row
// comes from.
struct BurstableFamilyRules {
    QString provider;
    QString family;                  // "t3", "B-series"
    QString namePattern;             // regular expression on the instance type name
    double launchCreditsPerVcpu = 0; // balance of a newly launched node (standard mode)
    bool unlimitedByDefault = false; // the mode a node launches in unless told otherwise
    double unlimitedUsdPerVcpuHour = 0;  // surplus credit price; 0 = the family has no unlimited mode
    QString source;
    QString sourceDate;
    bool hasUnlimitedMode() const { return unlimitedUsdPerVcpuHour > 0; }
};

QVector<BurstableFamilyRules> parseBurstableRulesCsv(const QByteArray& text, const QString& fileName);

// The rules of the family `type` belongs to, from the shipped file; nullopt for a type no family
// matches (an inline or user-made type).
std::optional<BurstableFamilyRules> burstableRulesFor(const InstanceType& type);

}  // namespace headroom
