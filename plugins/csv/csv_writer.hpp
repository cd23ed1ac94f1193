// Writing one table of a Dataset as RFC 4180 CSV in UTF-8.
#pragma once

#include <filesystem>

#include "kdx/format.hpp"

namespace kdx::csv {

const std::vector<OptionInfo>& write_option_infos();

// Writes the table `options` name through an atomic file; throws kdx::Error
// for a bad option value or an unwritable output.
void write_csv(const Dataset& dataset, const std::filesystem::path& output, const Options& options,
               Diagnostics& diagnostics);

}  // namespace kdx::csv
