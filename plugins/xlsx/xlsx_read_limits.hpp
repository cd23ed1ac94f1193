// The limits the reader enforces on a workbook, each set by a read option so
// that a hostile or broken file fails with a clear error instead of
// exhausting memory or time.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include "kdx/format.hpp"

namespace kdx::xlsx {

struct ReadLimits {
    std::uint64_t max_total_size = 2ull << 30;  // bytes, all parts uncompressed
    std::uint64_t max_part_size = 1ull << 30;   // bytes, one part uncompressed
    std::uint64_t max_compression_ratio = 200;  // for parts above ratio_threshold
    std::uint64_t ratio_threshold = 1u << 20;   // bytes
    std::uint64_t max_sheets = 1000;
    std::uint64_t max_rows = 1048576;         // Excel's limit
    std::uint64_t max_columns = 16384;        // XFD
    std::uint64_t max_string_length = 32767;  // characters; Excel's limit per cell
    // Parts at least this big are inflated on a second thread while the
    // first parses them. Not a user option; tests set 0 to use it always.
    std::uint64_t read_ahead_from = 4u << 20;  // bytes
    // Rows a batch of a sheet scanned on its own thread holds at most (see
    // xlsx_row_handoff.hpp). Not a user option; tests set 1 or 2.
    std::size_t batch_rows = 512;
};

// The option declarations for the limits, with their defaults.
std::vector<OptionInfo> read_limit_options();

// The limits from user options; throws kdx::Error for a value that is not a
// positive whole number.
ReadLimits read_limits(const Options& options);

}  // namespace kdx::xlsx
