// The "xml" format: the kdx exchange format for whole datasets, and reports
// as data (schemas/kdx-report-1.xsd).
#pragma once

#include "kdx/format.hpp"

namespace kdx::xml {

class XmlFormat : public Format {
  public:
    FormatInfo info() const override;
    Dataset read_dataset(const std::filesystem::path& input, const Options& options,
                         Diagnostics& diagnostics) override;
    void write_dataset(const Dataset& dataset, const std::filesystem::path& output,
                       const Options& options, Diagnostics& diagnostics) override;
    void write_document(const Document& document, const std::filesystem::path& output,
                        const Options& options, Diagnostics& diagnostics) override;
};

}  // namespace kdx::xml
