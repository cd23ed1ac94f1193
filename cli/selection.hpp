// What --municipality means: numbers of any year, short numbers, names in any
// official form, lists of them, or all; resolved against the data's years.
#pragma once

#include <string>
#include <vector>

#include "kdx/model.hpp"

namespace kdx::cli {

// The dataset's municipality numbers that `given` names. Each comma-separated
// item is a number of any year ("0403", "3403"), a short number ("403"), or a
// name ("Hamar", "Bærum", "Guovdageaidnu"); "all" is every municipality of the
// data, or with `harmonised_to` every one of that year. A name or number that
// fits nothing throws UsageError with the nearest municipality.
std::vector<std::string> resolve_municipalities(const std::string& given, const Dataset& dataset,
                                                int harmonised_to);

}  // namespace kdx::cli
