// The shape of the CSV kdx writes: separator, decimal mark and encoding, as
// the write options choose them.
#pragma once

#include <string>
#include <vector>

#include "kdx/format.hpp"

namespace kdx::csv {

enum class OutputEncoding { utf8, utf8_bom, windows_1252 };

struct Dialect {
    char delimiter = ',';
    char decimal = '.';
    OutputEncoding encoding = OutputEncoding::utf8;
};

// The write options that shape the file (delimiter, decimal, encoding,
// dialect, bom), as declared for the host.
std::vector<OptionInfo> dialect_option_infos();

// The dialect the options ask for: `dialect` gives the starting point and
// each of delimiter, decimal and encoding given outright overrides it.
// Throws kdx::OptionError for a value outside the declared ones and for a combination that cannot
// be written (a decimal comma in comma-separated fields, a byte order mark in Windows-1252).
Dialect dialect_for(const Options& options);

}  // namespace kdx::csv
