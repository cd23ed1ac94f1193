// Text encodings of CSV files: UTF-8 (with or without a byte order mark) and
// Windows-1252, which Excel on Norwegian Windows still writes.
#pragma once

#include <cstdint>
#include <istream>
#include <string>
#include <string_view>

namespace kdx::csv {

enum class Encoding { utf8, windows_1252 };

// Where a file first stops being UTF-8; `valid` when it never does.
struct Utf8Check {
    bool valid = true;
    std::uint64_t line = 0;  // 1-based line of the first bad byte
    unsigned byte = 0;       // its value
};

// Reads `in` to the end in fixed-size chunks (constant memory) and checks
// that it is well-formed UTF-8 (kdx::utf8::Validator): no stray continuation
// bytes, overlong forms, surrogates or truncated sequences.
Utf8Check check_utf8(std::istream& in);

// Appends the UTF-8 form of Windows-1252 text. Bytes 0x81, 0x8D, 0x8F, 0x90
// and 0x9D, undefined there, become the C1 controls of the same value as
// Latin-1 reads them.
void append_windows_1252(std::string_view bytes, std::string& out);

// Appends the Windows-1252 form of valid UTF-8 text. Returns the first code
// point Windows-1252 has no byte for (ŋ, đ, ŧ of Sámi names, the C1 controls,
// U+FFFD), leaving `out` with the text before it, or 0 when all of it fits.
char32_t append_as_windows_1252(std::string_view text, std::string& out);

}  // namespace kdx::csv
