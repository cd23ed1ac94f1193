// The JSON-stat format: writes a Dataset as one JSON-stat 2.0 dataset.
#pragma once

#include <kdx/format.hpp>

namespace jsonstat {

class JsonStatFormat : public kdx::Format {
  public:
    kdx::FormatInfo info() const override;
    // Throws kdx::Error for a bad option value, a dataset with nothing to
    // write, or an output that cannot be written; never leaves a partial file.
    void write_dataset(const kdx::Dataset& dataset, const std::filesystem::path& output,
                       const kdx::Options& options, kdx::Diagnostics& diagnostics) override;
};

}  // namespace jsonstat
