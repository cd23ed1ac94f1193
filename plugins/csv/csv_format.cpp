#include "csv_format.hpp"

#include "csv_reader.hpp"
#include "csv_writer.hpp"

namespace kdx::csv {

FormatInfo CsvFormat::info() const {
    FormatInfo f;
    f.name = "csv";
    f.long_name = "CSV table (comma, semicolon or tab separated)";
    f.extensions = {"csv"};
    f.capabilities = can_read_dataset | can_write_dataset | can_read_batches | can_write_batches;
    f.read_options = read_option_infos();
    f.write_options = write_option_infos();
    return f;
}

Dataset CsvFormat::read_dataset(const std::filesystem::path& input, const Options& options,
                                Diagnostics& diagnostics) {
    return read_csv(input, options, diagnostics);
}

void CsvFormat::write_dataset(const Dataset& dataset, const std::filesystem::path& output,
                              const Options& options, Diagnostics& diagnostics) {
    write_csv(dataset, output, options, diagnostics);
}

Dataset CsvFormat::read_batches(const std::filesystem::path& input, const Options& options,
                                BatchSink& sink, Diagnostics& diagnostics) {
    return read_csv(input, options, diagnostics, &sink);
}

std::unique_ptr<BatchWriter> CsvFormat::open_batches(const std::filesystem::path& output,
                                                     const Options& options,
                                                     Diagnostics& diagnostics) {
    return open_csv_batches(output, options, diagnostics);
}

}  // namespace kdx::csv
