// The "jsonstat" format: what it declares, and its read and write calls.
#pragma once

#include "kdx/format.hpp"

namespace kdx::jsonstat {

class JsonStatFormat : public Format {
  public:
    FormatInfo info() const override;
    Dataset read_dataset(const std::filesystem::path& input, const Options& options,
                         Diagnostics& diagnostics) override;
    void write_dataset(const Dataset& dataset, const std::filesystem::path& output,
                       const Options& options, Diagnostics& diagnostics) override;
};

}  // namespace kdx::jsonstat
