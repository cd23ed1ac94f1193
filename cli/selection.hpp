// What --municipality and --county mean: numbers of any year, short numbers,
// names in any official form, lists of them, or all; resolved against the
// data's years.
#pragma once

#include <map>
#include <string>
#include <vector>

#include "kdx/model.hpp"

namespace kdx::cli {

// The dataset's municipality numbers that `given` names. Each comma-separated
// item is a number of any year ("0403", "3403"), a short number ("403"), or a
// name ("Hamar", "Bærum", "Guovdageaidnu"); "all" is every municipality of the
// data, or with `harmonised_to` every one of that year. A name or number that
// fits nothing throws UsageError with the nearest municipality. One whose area
// was divided in the data's years cannot be reported: it is returned under its
// own number with the reason in `refused`, or without `refused` thrown.
std::vector<std::string> resolve_municipalities(
    const std::string& given, const Dataset& dataset, int harmonised_to,
    std::map<std::string, std::string>* refused = nullptr);

// A county of the data, as --county selected it.
struct CountyChoice {
    std::string number;  // "04"
    std::string name;    // "Hedmark", as the data's years name it
    std::string asked;   // the item given when it was a county of other years, else empty
};

// The data's counties that `given` names. Each comma-separated item is a
// county number of any year ("34", "4") or a name in any official form
// ("Innlandet", "Romsa"). A county of other years stands for the counties of
// the data's years that mostly lie in it or that it mostly lies in: 34
// Innlandet on 2014 data is 04 Hedmark and 05 Oppland, each reported as it
// then was. A miss throws UsageError with the nearest county.
std::vector<CountyChoice> resolve_counties(const std::string& given, const Dataset& dataset,
                                           int harmonised_to);

}  // namespace kdx::cli
