// The words reports use around the figures, in bokmål, nynorsk and English.
#pragma once

#include <string>

#include "kdx/model.hpp"

namespace kdx::report {

// The label for `key` in `language`; the key itself when unknown (a test
// keeps every key used by the builder present in all three languages).
const std::string& label(const std::string& key, const std::string& language);

// An indicator's label in `language`.
const std::string& indicator_label(const Indicator& indicator, const std::string& language);

}  // namespace kdx::report
