// Fuzzes the mapping file reader (schemas/kdx-mapping-1.xsd): any input must
// give a mapping or a kdx::Error, never a crash.
#include <cstdint>

#include "fuzz_input_file.hpp"
#include "kdx/error.hpp"
#include "table/mapping.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    static const auto file = kdx::fuzz::input_file("xml");
    kdx::fuzz::write_input(file, data, size);
    try {
        kdx::table_detail::load_mapping(file.string());
    } catch (const kdx::Error&) {
    }
    return 0;
}
