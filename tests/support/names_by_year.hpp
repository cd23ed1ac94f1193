// The figures of the names-by-year fixtures (csv and xlsx test data, wide and
// long forms of one table): municipality names only, each to be looked up in
// the registry of its figure's year. The numbers are those of
// data/registry/municipality-numbers-2013-2020.csv and -2020-2024.csv for the
// name in that year, not what kdx computes.
#pragma once

#include <algorithm>
#include <string>
#include <tuple>
#include <vector>

#include "kdx/model.hpp"

namespace kdx::test {

using NumberYearSettled = std::tuple<std::string, int, double>;

inline std::vector<NumberYearSettled> names_by_year_expected() {
    return {{"1702", 2017, 10}, {"5004", 2018, 11}, {"5006", 2020, 12},  // Steinkjer
            {"0701", 2017, 5},  {"0701", 2018, 6},  {"3801", 2020, 7},   // Horten
            {"1718", 2017, 3},                                           // Leksvik
            {"1724", 2017, 2},  {"5039", 2018, 3},                       // Verran
            {"1725", 2017, 1},                                           // Namdalseid
            {"1750", 2017, 4},  {"5050", 2018, 5}};                      // Vikna
}

inline std::vector<NumberYearSettled> settled_by_number_and_year(const Dataset& d) {
    std::vector<NumberYearSettled> got;
    for (const SettlementFigures& s : d.settlement)
        got.emplace_back(s.municipality, s.year, s.settled.has_value() ? s.settled.get() : -1);
    return got;
}

}  // namespace kdx::test
