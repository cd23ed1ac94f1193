// The shared string table (xl/sharedStrings.xml), streamed: it can
// hold a million strings. Rich-text runs are joined; phonetic runs dropped.
#pragma once

#include <cstddef>
#include <string>
#include <vector>

#include "xlsx_read_limits.hpp"
#include "xlsx_zip.hpp"

namespace kdx::xlsx {

// Replaces the _xHHHH_ escapes Office writes for characters XML cannot hold
// (e.g. _x000D_ for a carriage return) by the characters.
void decode_escapes(std::string& text);

// The strings of `part`; throws kdx::Error for bad XML or a string longer
// than limits.max_string_length.
std::vector<std::string> read_shared_strings(const Package& package, const std::string& part,
                                             const ReadLimits& limits);

}  // namespace kdx::xlsx
