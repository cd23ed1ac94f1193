// The "html" format: report Documents as accessible, self-contained HTML5.
#pragma once

#include "kdx/format.hpp"

namespace kdx::html {

class HtmlFormat : public Format {
  public:
    FormatInfo info() const override;
    // Writes `document` as one page. Text HTML cannot hold becomes U+FFFD
    // with a warning; an unknown option or value throws kdx::Error.
    void write_document(const Document& document, const std::filesystem::path& output,
                        const Options& options, Diagnostics& diagnostics) override;
};

}  // namespace kdx::html
