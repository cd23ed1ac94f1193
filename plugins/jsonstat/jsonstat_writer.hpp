// Writes a Dataset as one JSON-stat 2.0 dataset with SSB's dimension ids
// (Region, Tid, ContentsCode), which the reader takes back.
#pragma once

#include <filesystem>
#include <vector>

#include "kdx/format.hpp"

namespace kdx::jsonstat {

const std::vector<OptionInfo>& write_option_infos();

// Throws kdx::Error for a bad option value, a dataset with nothing to write,
// or an output that cannot be written; never leaves a partial file.
void write_jsonstat(const Dataset& dataset, const std::filesystem::path& output,
                    const Options& options, Diagnostics& diagnostics);

}  // namespace kdx::jsonstat
