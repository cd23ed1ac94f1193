// The Markdown format: writes a kdx report (a Document) as CommonMark with
// GitHub's pipe tables.
#pragma once

#include <kdx/format.hpp>

namespace markdown {

class MarkdownFormat : public kdx::Format {
  public:
    kdx::FormatInfo info() const override;
    // Throws kdx::Error for a bad option value or an output that cannot be
    // written; never leaves a partial file.
    void write_document(const kdx::Document& document, const std::filesystem::path& output,
                        const kdx::Options& options, kdx::Diagnostics& diagnostics) override;
};

}  // namespace markdown
