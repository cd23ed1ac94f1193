// The "profile" format: a nomination profile (.txt, .md, .docx) read into one
// Nomination and its municipality.
#pragma once

#include "kdx/format.hpp"

namespace kdx::profile {

class ProfileFormat : public Format {
  public:
    FormatInfo info() const override;
    Dataset read_dataset(const std::filesystem::path& input, const Options& options,
                         Diagnostics& diagnostics) override;
};

}  // namespace kdx::profile
