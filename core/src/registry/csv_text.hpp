// Reading the registry's own CSV files: fields separated by one character,
// optionally in double quotes, one record a line.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace kdx::registry_detail {

using CsvRecord = std::vector<std::string>;

// The records of `text` after its header line. Throws std::runtime_error
// naming `file` and the line when a quoted field is not closed, since the
// text is compiled in and a bad file is a build defect.
std::vector<CsvRecord> read_csv(std::string_view text, char separator, std::string_view file);

}  // namespace kdx::registry_detail
