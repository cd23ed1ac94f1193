#include "xlsx_format.hpp"

#include "xlsx_read.hpp"
#include "xlsx_write.hpp"

namespace kdx::xlsx {

FormatInfo XlsxFormat::info() const {
    FormatInfo f;
    f.name = "xlsx";
    f.long_name = "Excel workbook (Office Open XML)";
    f.extensions = {"xlsx", "xlsm"};
    // In parallel: each write has its own lxw_workbook (libxlsxwriter 1.1.4
    // keeps no globals but tmpfileplus's name seed, whose clashes it retries
    // with O_EXCL) and minizip handle. Its core.xml date goes through
    // gmtime(), which the kdx executable makes per thread (cli/libc_time.cpp).
    f.capabilities = can_read_dataset | can_write_dataset | can_write_document |
                     can_write_in_parallel | can_read_batches | can_write_batches;
    f.read_options = xlsx::read_options();
    f.write_options = xlsx::write_options();
    return f;
}

Dataset XlsxFormat::read_dataset(const std::filesystem::path& input, const Options& options,
                                 Diagnostics& diagnostics) {
    return xlsx::read_dataset(input, options, diagnostics);
}

void XlsxFormat::write_dataset(const Dataset& dataset, const std::filesystem::path& output,
                               const Options& options, Diagnostics& diagnostics) {
    xlsx::write_dataset(dataset, output, options, diagnostics);
}

Dataset XlsxFormat::read_batches(const std::filesystem::path& input, const Options& options,
                                 BatchSink& sink, Diagnostics& diagnostics) {
    return xlsx::read_dataset(input, options, diagnostics, &sink);
}

std::unique_ptr<BatchWriter> XlsxFormat::open_batches(const std::filesystem::path& output,
                                                      const Options& options,
                                                      Diagnostics& diagnostics) {
    return xlsx::open_batches(output, options, diagnostics);
}

void XlsxFormat::write_document(const Document& document, const std::filesystem::path& output,
                                const Options& options, Diagnostics& diagnostics) {
    xlsx::write_document(document, output, options, diagnostics);
}

}  // namespace kdx::xlsx
