// The "postgresql" format: a kdx store in a PostgreSQL database, named by a
// connection string ("postgresql://…") instead of a file (docs/store.md).
#pragma once

#include "kdx/format.hpp"

namespace kdx::store {

class PgFormat : public Format {
  public:
    FormatInfo info() const override;
    Dataset read_dataset(const std::filesystem::path& input, const Options& options,
                         Diagnostics& diagnostics) override;
    void write_dataset(const Dataset& dataset, const std::filesystem::path& output,
                       const Options& options, Diagnostics& diagnostics) override;
};

}  // namespace kdx::store
