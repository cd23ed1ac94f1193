#include "jsonstat_format.hpp"

#include "jsonstat_reader.hpp"
#include "jsonstat_writer.hpp"

namespace kdx::jsonstat {

FormatInfo JsonStatFormat::info() const {
    FormatInfo f;
    f.name = "jsonstat";
    f.long_name = "JSON-stat 2.0 (Statistics Norway's statbank API)";
    f.extensions = {"jsonstat", "json"};
    f.capabilities = can_read_dataset | can_write_dataset;
    f.read_options = read_option_infos();
    f.write_options = write_option_infos();
    return f;
}

Dataset JsonStatFormat::read_dataset(const std::filesystem::path& input, const Options& options,
                                     Diagnostics& diagnostics) {
    return read_jsonstat(input, options, diagnostics);
}

void JsonStatFormat::write_dataset(const Dataset& dataset, const std::filesystem::path& output,
                                   const Options& options, Diagnostics& diagnostics) {
    write_jsonstat(dataset, output, options, diagnostics);
}

}  // namespace kdx::jsonstat
