#pragma once
#include "validation.h"

namespace headroom::validation {

// Why the prediction at level `i` misses, in a sentence or two naming the input that is most
// likely wrong: the fixed delay or the service-time mean (errors at low load), the CPU per
// request at that rate (measured off the fitted curve), the capacity, that is the worker count
// or CPU sharing (errors that grow with load), or the service-time shape (the tail misses more
// than the mean). Empty when neither mean nor p95 misses by more than kLargeErrorPct.
QString likelyCause(const ValidationResult& result, size_t i);

}  // namespace headroom::validation
