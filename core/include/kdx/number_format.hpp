// Numbers as readers of each language expect them.
#pragma once

#include <string>

#include "kdx/model.hpp"
#include "kdx/value.hpp"

namespace kdx {

// Formats a value for a document in `language` ("nb", "nn" or "en"):
// nb/nn "1 234", "12,5 %", "0,7 ‰" (non-breaking spaces), en "1,234",
// "12.5 %". `decimals` < 0 picks the unit's usual precision (0 for persons,
// 1 for shares). Suppressed values give ":", missing ones "..", as SSB writes them.
std::string format_value(const Value& value, Unit unit, const std::string& language,
                         int decimals = -1);

// A signed change, "+12" or "−3" (with a minus sign), "" when missing.
std::string format_change(const Value& change, Unit unit, const std::string& language);

// A date YYYY-MM-DD as people write it: "4. desember 2026" (nb, nn),
// "4 December 2026" (en). Text that is not such a date is returned unchanged.
std::string format_date(const std::string& iso_date, const std::string& language);

}  // namespace kdx
