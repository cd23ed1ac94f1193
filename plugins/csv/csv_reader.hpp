// Reading a CSV file into a Dataset: encoding and separator found out, records
// streamed into core's TableImporter.
#pragma once

#include <filesystem>

#include "kdx/format.hpp"

namespace kdx::csv {

// The read options besides the table ones: encoding and separator.
const std::vector<OptionInfo>& read_option_infos();

// Reads `input` with `options`; throws kdx::Error for a file that cannot be
// read as text (missing, UTF-16, invalid UTF-8 when encoding=utf-8, a quote
// never closed).
// With a sink, records are handed to it in parts as they are read
// (Format::read_batches) and the rest is returned.
Dataset read_csv(const std::filesystem::path& input, const Options& options,
                 Diagnostics& diagnostics, BatchSink* sink = nullptr);

}  // namespace kdx::csv
