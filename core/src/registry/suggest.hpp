// Closest matches for numbers and names that do not fit a year, and the
// diagnostic texts that carry them.
#pragma once

#include <string>
#include <vector>

#include "registry/tables.hpp"

namespace kdx::registry_detail {

// The entries of a period whose name matches `name` in any form.
std::vector<const Entry*> entries_named(const Tables& t, const std::string& name, int period);
// The entry of a period with the closest name, if close enough to be a typo.
const Entry* closest_name(const Tables& t, const std::string& name, int period);
// See MunicipalityRegistry::suggest().
const Entry* suggest_entry(const Tables& t, const std::string& number, const std::string& name,
                           int year);
// The period nearest to `period` in which `number` was in use (a later one
// on a tie); -1 when it never was.
int nearest_period(const Tables& t, const std::string& number, int period);

// Why `number` (written with `name`, which may be empty) does not fit `year`,
// with the closest match: unknown number, number not in use that year, or a
// name that is not the number's. Empty when it fits.
std::string number_problem(const Tables& t, const std::string& number, const std::string& name,
                           int year);

// "A and B", "A, B and C".
std::string join_labels(const std::vector<const Entry*>& entries);

}  // namespace kdx::registry_detail
