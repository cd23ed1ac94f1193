// Fuzzes the report template reader: any input must give a template or a
// kdx::Error, never a crash.
#include <cstdint>

#include "fuzz_input_file.hpp"
#include "kdx/error.hpp"
#include "report/report_template.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    static const auto file = kdx::fuzz::input_file("xml");
    kdx::fuzz::write_input(file, data, size);
    try {
        kdx::report::read_template(file);
    } catch (const kdx::Error&) {
    }
    return 0;
}
