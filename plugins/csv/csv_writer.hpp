// Writing one table of a Dataset as CSV: RFC 4180 in UTF-8 by default, or the
// dialect the write options choose (see csv_dialect.hpp).
#pragma once

#include <filesystem>

#include "kdx/format.hpp"

namespace kdx::csv {

const std::vector<OptionInfo>& write_option_infos();

// Writes the table `options` name through an atomic file; throws kdx::Error
// for a bad option value, an unwritable output or a text the chosen encoding
// cannot hold (then before the file is created), and kdx::OptionError for
// options that cannot go together.
void write_csv(const Dataset& dataset, const std::filesystem::path& output, const Options& options,
               Diagnostics& diagnostics);

// The same file written part by part (Format::open_batches); nullptr for the
// windows-1252 encoding, whose check needs the whole table.
std::unique_ptr<BatchWriter> open_csv_batches(const std::filesystem::path& output,
                                              const Options& options, Diagnostics& diagnostics);

}  // namespace kdx::csv
