// A key given twice in one import (the same municipality and year of
// settlement figures; the same municipality, programme, year and indicator of
// an outcome) is written once, so that what an import yields is always a
// valid dataset.
#pragma once

#include <cstddef>

#include "kdx/diagnostics.hpp"
#include "kdx/model.hpp"

namespace kdx::table_detail {

// Merges or drops the records from index `settlement_from` / `outcomes_from`
// on whose key an earlier record already has; the earlier record wins (see
// docs/mapping.md), and each repetition is reported once, naming both places.
void drop_repeated_keys(Dataset& dataset, Diagnostics& diagnostics, std::size_t settlement_from,
                        std::size_t outcomes_from);

}  // namespace kdx::table_detail
