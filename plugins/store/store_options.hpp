// The write options both store formats declare (merge, replace), and the
// WriteMode they give.
#pragma once

#include <vector>

#include "kdx/format.hpp"
#include "store_writer.hpp"

namespace kdx::store {

std::vector<OptionInfo> merge_options();

// Throws kdx::OptionError for an option other than these two or a value
// other than true/false/yes/no/1/0 (kdx/options.hpp).
WriteMode write_mode(const Options& options);

}  // namespace kdx::store
