// Validation of a whole Dataset.
#pragma once

#include "kdx/diagnostics.hpp"
#include "kdx/model.hpp"

namespace kdx {

// Limits and switches for validate().
struct ValidationOptions {
    int first_year = 1990;
    int last_year = 2100;
    // Report references to municipalities the dataset does not list.
    bool check_references = true;
};

// Checks references to unknown municipalities and programmes, duplicate keys
// (a municipality listed twice, settlement figures for the same municipality
// and year twice, an outcome for the same municipality, programme, year and
// indicator twice), negative counts, years out of range, unknown indicators
// (warning) and more settled than decided (warning). Adds to `out`; never throws.
void validate(const Dataset& dataset, Diagnostics& out, const ValidationOptions& options = {});

}  // namespace kdx
