// The "pdf" format: renders report Documents as PDF/A-1b.
#pragma once

#include "kdx/format.hpp"

namespace kdx::pdf {

class PdfFormat : public Format {
  public:
    FormatInfo info() const override;
    // Lays out and writes `document`. Characters the font lacks become
    // warnings; a font that cannot be found or a bad option throws kdx::Error.
    void write_document(const Document& document, const std::filesystem::path& output,
                        const Options& options, Diagnostics& diagnostics) override;
};

}  // namespace kdx::pdf
