// Compares a dataset read back with the one written. A format may carry only
// part of the model (a CSV of settlement figures has no nominations), so a
// collection read back empty, or a field empty in every record read back, is
// "not carried" rather than wrong; whatever does come back must be equal,
// with missing, 0 and suppressed kept apart.
#pragma once

#include <string>
#include <vector>

#include "kdx/model.hpp"

namespace kdx::check {

struct Comparison {
    std::vector<std::string> differences;  // each names the record, field, written and read
    std::vector<std::string> carried;      // collections read back
    std::vector<std::string> not_carried;  // collections and fields not read back

    bool equal() const noexcept { return differences.empty(); }
};

// Compares `read` with `written`; see the rules above. Record keys, municipality
// names, the settlement figures and outcome values must be carried when their
// collection is.
Comparison compare_datasets(const Dataset& written, const Dataset& read);

}  // namespace kdx::check
