// The SHA-256 of a file's bytes, as lower-case hex, for the store's imports.
#pragma once

#include <filesystem>
#include <optional>
#include <string>

namespace kdx::store {

// nullopt when the file cannot be read (a source named by a dataset read
// from elsewhere may no longer exist).
std::optional<std::string> sha256_of_file(const std::filesystem::path& file);

// "2026-12-07T01:02:03Z": now, or SOURCE_DATE_EPOCH when set (reproducible tests).
std::string utc_timestamp();

}  // namespace kdx::store
