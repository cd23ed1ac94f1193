// A Dataset laid out as the cube JSON-stat describes: municipality × year ×
// indicator, one cell per combination.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "kdx/diagnostics.hpp"
#include "kdx/model.hpp"

namespace kdx::jsonstat {

// One category of a dimension: its id in the file and its label.
struct Category {
    std::string id;
    std::string label;
};

// An indicator category also carries its unit.
struct IndicatorCategory {
    std::string id;
    std::string label;
    std::string unit_label;  // e.g. "personer", "prosent"
    int decimals = 0;
};

struct Cube {
    std::string language;  // "nb", "nn" or "en": the labels' language
    std::vector<Category> municipalities;
    std::vector<int> years;
    std::vector<IndicatorCategory> indicators;
    // Row-major in the order municipality, year, indicator (the last varies
    // fastest, as JSON-stat requires); missing where the dataset has no figure.
    std::vector<Value> values;
    // Where a cell holds an outcome: its Outcome::source (else nullopt).
    std::vector<std::optional<std::string>> sources;
    // Outcomes of a programme: the cube has no programme dimension, so the
    // writer keeps them beside it (in the file's kdx extension).
    std::vector<const Outcome*> programme_outcomes;

    std::size_t index(std::size_t municipality, std::size_t year, std::size_t indicator) const {
        return (municipality * years.size() + year) * indicators.size() + indicator;
    }
};

// Which indicators become categories.
enum class IndicatorSet {
    settlement,  // requested, decided, settled
    all,         // those, the other settlement counts present, and every outcome indicator
};

// Builds the cube. Throws Error when the dataset has no figures to put in
// it; an outcome that would land in a cell already filled is left out with a
// warning in `diagnostics`.
Cube build_cube(const Dataset& dataset, IndicatorSet set, Diagnostics& diagnostics);

}  // namespace kdx::jsonstat
