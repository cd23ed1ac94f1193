// The time kdx writes into the files it makes. With SOURCE_DATE_EPOCH set
// (https://reproducible-builds.org/specs/source-date-epoch/), the same input
// gives the same bytes: every writer takes its time from here, so all of them
// read the variable by the same rule.
#pragma once

#include <ctime>
#include <optional>
#include <string>

#include "kdx/diagnostics.hpp"

namespace kdx {

// SOURCE_DATE_EPOCH as a time; nullopt when it is not set or empty. A value
// that is not a whole, non-negative number of seconds (ASCII digits only, as
// the specification asks) gives nullopt and its text in `bad`.
std::optional<std::time_t> source_date_epoch(std::string& bad);

// SOURCE_DATE_EPOCH when it is set and valid, else the current time. A bad
// value is warned about once per call: "<who>: SOURCE_DATE_EPOCH is "x", not a
// number of seconds; <fallback>".
std::time_t output_time(Diagnostics& diagnostics, const std::string& who,
                        const std::string& fallback = "the current time is used");

}  // namespace kdx
