// How a report cites the statistics its figures come from, in its language.
#pragma once

#include <string>

#include "kdx/model.hpp"

namespace kdx::report {

// "IMDi, bosettingsstatistikk, tall per oktober 2015" (nb),
// "IMDi, bosettingsstatistikk, tal per oktober 2015" (nn),
// "IMDi, settlement statistics, figures as of October 2015" (en).
// Parts the source lacks are left out; an as-of date that is not ISO
// (YYYY, YYYY-MM or YYYY-MM-DD) is left out too rather than printed raw.
std::string source_line(const DataSource& source, const std::string& language);

// The same with the licence ("lisens NLOD", "licence NLOD") and the link
// added when asked for and the source has them.
std::string source_line(const DataSource& source, const std::string& language, bool licence,
                        bool link);

// The as-of part alone: "tall per oktober 2015"; empty when `as_of` is not ISO.
std::string as_of_phrase(const std::string& as_of, const std::string& language);

}  // namespace kdx::report
