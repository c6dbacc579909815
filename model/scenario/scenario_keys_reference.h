#pragma once
#include "scenario_key.h"

#include <QString>

namespace headroom::scenario_keys {

// The key table in words, for the README's reference, the form's placeholders and tooltips.
QString typeWords(const Key& k);     // "number", "integer", "one of: a, b", "distribution", "object"
QString rangeWords(const Key& k);    // "> 0 and ≤ 1", "< duration_s", "" when any value goes
QString defaultWords(const Key& k);  // "required", "60", "not limited", "" when nothing to say
// The reference as a Markdown table, one row per key (what README.md holds between its
// `scenario-keys` markers).
QString scenarioKeysMarkdown();

}  // namespace headroom::scenario_keys
