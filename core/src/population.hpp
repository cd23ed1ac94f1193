// A municipality's population per year is the outcome "population" (SSB's
// table 07459); Municipality::population is the latest of those figures.
#pragma once

#include "kdx/model.hpp"

namespace kdx {

// The indicator id of a municipality's population on 1 January of the year.
inline constexpr const char* population_indicator = "population";

// The latest year's population outcome (no programme) of each municipality, by
// number; municipalities with no such figure are absent.
std::map<std::string, const Outcome*> latest_population(const Dataset& dataset);

// Sets Municipality::population to the municipality's latest population
// outcome; a municipality without one keeps what it has.
void update_population(Dataset& dataset);

}  // namespace kdx
