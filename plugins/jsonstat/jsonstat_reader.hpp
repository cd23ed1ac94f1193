// Reads JSON-stat 2.0 (SSB's statbank API) into a Dataset. Each dataset of
// the file is laid out as the long statbank table SSB's CSV export gives
// (region, statistikkvariabel, år, value) and handed to core's table
// importer, so that region codes, county checks, population, mapping files
// and SSB's symbols work exactly as for SSB's CSV and XLSX exports.
#pragma once

#include <filesystem>
#include <vector>

#include "kdx/diagnostics.hpp"
#include "kdx/format.hpp"
#include "kdx/model.hpp"

namespace kdx::jsonstat {

const std::vector<OptionInfo>& read_option_infos();

// Throws kdx::Error for a file that is no JSON-stat 2.0 or that kdx cannot
// lay out per municipality and year (a quarterly time dimension, a further
// dimension with several categories and no total); nothing is read then.
Dataset read_jsonstat(const std::filesystem::path& input, const Options& options,
                      Diagnostics& diagnostics);

}  // namespace kdx::jsonstat
