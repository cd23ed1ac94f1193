// The reader side of the xlsx format: the zip package read with libzip, the
// worksheets streamed through the reader's XML scanner into core's TableImporter.
#pragma once

#include <filesystem>
#include <vector>

#include "kdx/diagnostics.hpp"
#include "kdx/format.hpp"
#include "kdx/model.hpp"

namespace kdx::xlsx {

// The read options (table import options plus this reader's limits).
std::vector<OptionInfo> read_options();

// Throws kdx::Error naming the file (and part, sheet or cell) for a file that
// is not a readable workbook or breaks a limit. With a sink, the records
// are handed to it in parts as they are read (Format::read_batches) and the
// rest is returned.
Dataset read_dataset(const std::filesystem::path& input, const Options& options,
                     Diagnostics& diagnostics, BatchSink* sink = nullptr);

}  // namespace kdx::xlsx
