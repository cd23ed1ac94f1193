// The writer side of the xlsx format (libxlsxwriter): a Dataset or a
// Document as a workbook. Both write through kdx::AtomicFile and throw
// kdx::Error when the output cannot be written; nothing is left behind then.
#pragma once

#include <filesystem>
#include <memory>
#include <vector>

#include "kdx/diagnostics.hpp"
#include "kdx/document.hpp"
#include "kdx/format.hpp"
#include "kdx/model.hpp"

namespace kdx::xlsx {

// The write options both calls accept (declared in FormatInfo::write_options).
std::vector<OptionInfo> write_options();

void write_dataset(const Dataset& dataset, const std::filesystem::path& output,
                   const Options& options, Diagnostics& diagnostics);

// The dataset written in parts (Format::open_batches), in constant memory;
// nullptr with constant-memory=no, which keeps every cell until the end.
std::unique_ptr<BatchWriter> open_batches(const std::filesystem::path& output,
                                          const Options& options, Diagnostics& diagnostics);

void write_document(const Document& document, const std::filesystem::path& output,
                    const Options& options, Diagnostics& diagnostics);

}  // namespace kdx::xlsx
