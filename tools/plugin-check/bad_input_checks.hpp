// Checks that a reader rejects input it cannot read with kdx::Error or an
// error diagnostic, instead of crashing or returning a made-up dataset.
#pragma once

#include <filesystem>

#include "check_runner.hpp"
#include "write_read_checks.hpp"

namespace kdx::check {

enum class BadInput {
    empty_file,
    random_bytes,
    truncated_output,  // the first half of the format's own output
    folder,            // a folder where a file is expected
};

// "an empty file", "random bytes", ...
const char* to_string(BadInput kind) noexcept;

// Reads the bad input; passes when it is rejected and nothing is written.
Outcome check_rejects(const host::LoadedFormat& format, BadInput kind, const ReferenceData& data,
                      const std::filesystem::path& scratch);

}  // namespace kdx::check
