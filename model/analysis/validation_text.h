#pragma once
#include "validation.h"

#include <QStringList>

namespace headroom::validation {

// The calibration in plain sentences, one per finding, shared by the CLI, the Validation page
// and the report so all three say the same thing.
QStringList calibrationLines(const calibration::ServiceCalibration& c);

}  // namespace headroom::validation
