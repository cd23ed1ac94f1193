// kdx convert's streaming path: records go from the reader to the writer in
// parts, in flat memory, with the whole-dataset checks done on what is kept
// beside the stream (StreamCheck, and the reader's compact keys).
#pragma once

#include <cstddef>
#include <filesystem>
#include <optional>
#include <string>

#include "host/plugin_host.hpp"
#include "kdx/diagnostics.hpp"
#include "kdx/format.hpp"

namespace kdx::cli {

struct StreamedConvert {
    std::size_t municipalities = 0, settlement = 0, programmes = 0, outcomes = 0, nominations = 0;
};

// Records held before the first part is written: a smaller input (one part
// or less) is read whole and written as today. Holding more costs memory
// (100,000 records held added 30 MB to the peak of a 1,000,000-row convert)
// and a writer whose output depended on the dataset's size would need it.
// KDX_CONVERT_HOLD changes it (tests stream small files).
std::size_t convert_hold();

// Converts in parts when both formats can. Returns nullopt, having written
// nothing, when they cannot, when the input proved smaller than `hold`
// records (then `small` holds the whole dataset to write as today), or when
// the reader found that only the whole dataset can say what to write (then
// `small` is empty and `why` says so; read the input again).
std::optional<StreamedConvert> convert_in_parts(
    const host::LoadedFormat& reader, const host::LoadedFormat& writer,
    const std::filesystem::path& input, const std::filesystem::path& output,
    const Options& read_options, const Options& write_options, Diagnostics& diagnostics,
    std::size_t hold, std::optional<Dataset>& small, std::string& why);

}  // namespace kdx::cli
