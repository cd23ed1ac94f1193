// SHA-256 of files, as reports record their inputs (DocumentInfo::provenance)
// and `kdx verify` checks them.
#pragma once

#include <filesystem>
#include <string>
#include <string_view>

namespace kdx {

// The SHA-256 of a file's bytes as 64 lower-case hex digits, what `sha256sum`
// prints. Throws kdx::Error naming the file when it cannot be read.
std::string file_sha256(const std::filesystem::path& file);

// The same for bytes in memory.
std::string sha256_hex(std::string_view bytes);

}  // namespace kdx
