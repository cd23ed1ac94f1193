// The "csv" format: what it declares, and its read and write calls.
#pragma once

#include "kdx/format.hpp"

namespace kdx::csv {

class CsvFormat : public Format {
  public:
    FormatInfo info() const override;
    Dataset read_dataset(const std::filesystem::path& input, const Options& options,
                         Diagnostics& diagnostics) override;
    void write_dataset(const Dataset& dataset, const std::filesystem::path& output,
                       const Options& options, Diagnostics& diagnostics) override;
    Dataset read_batches(const std::filesystem::path& input, const Options& options,
                         BatchSink& sink, Diagnostics& diagnostics) override;
    std::unique_ptr<BatchWriter> open_batches(const std::filesystem::path& output,
                                              const Options& options,
                                              Diagnostics& diagnostics) override;
};

}  // namespace kdx::csv
