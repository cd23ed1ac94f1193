// The "xlsx" format: Office Open XML workbooks in (partner spreadsheets) and
// out (datasets and reports).
#pragma once

#include "kdx/format.hpp"

namespace kdx::xlsx {

class XlsxFormat : public Format {
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
    void write_document(const Document& document, const std::filesystem::path& output,
                        const Options& options, Diagnostics& diagnostics) override;
};

}  // namespace kdx::xlsx
