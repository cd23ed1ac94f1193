// The "sqlite" format: a kdx store in one SQLite file (docs/store.md).
#pragma once

#include "kdx/format.hpp"

namespace kdx::store {

class SqliteFormat : public Format {
  public:
    FormatInfo info() const override;
    Dataset read_dataset(const std::filesystem::path& input, const Options& options,
                         Diagnostics& diagnostics) override;
    void write_dataset(const Dataset& dataset, const std::filesystem::path& output,
                       const Options& options, Diagnostics& diagnostics) override;
    std::unique_ptr<BatchWriter> open_batches(const std::filesystem::path& output,
                                              const Options& options,
                                              Diagnostics& diagnostics) override;
};

}  // namespace kdx::store
