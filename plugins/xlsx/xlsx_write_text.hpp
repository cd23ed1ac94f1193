// Text as a workbook may hold it: valid UTF-8 without the control characters
// XML 1.0 forbids, sheet names Excel accepts, and widths for columns.
#pragma once

#include <cstddef>
#include <set>
#include <string>

namespace kdx::xlsx {

// Excel's limit on the characters in one cell.
inline constexpr std::size_t max_cell_chars = 32767;
// Excel's limit on a sheet name, in UTF-16 code units.
inline constexpr std::size_t max_sheet_name = 31;

// What clean_text() found and replaced.
enum class TextProblem { none, invalid_utf8, control_character };

// `s` with every malformed UTF-8 sequence and every character XML 1.0 does not
// allow (C0 controls but tab and line feed, U+FFFE, U+FFFF) replaced by
// U+FFFD; CR LF and lone CR become LF. Reports the first problem in `problem`.
std::string clean_text(const std::string& s, TextProblem& problem);

// True when clean_text() would return `s` unchanged (the fast path).
bool is_clean_text(const std::string& s) noexcept;

// Characters (code points) of valid UTF-8 text.
std::size_t char_count(const std::string& s) noexcept;

// Characters (code points) of `s` when is_clean_text(s), in the same pass
// (a cell's text is checked and measured once); std::string::npos when not.
std::size_t clean_char_count(const std::string& s) noexcept;

// Chooses sheet names: characters Excel forbids ([]:*?/\) become spaces, a
// leading or trailing apostrophe goes, names are cut to 31 UTF-16 units on a
// character boundary, and a name already used (ignoring case) gets " (2)",
// " (3)", ... An empty name becomes `fallback`.
class SheetNames {
  public:
    std::string unique(const std::string& wanted, const std::string& fallback);

  private:
    std::set<std::string> used_;  // folded to lower case
};

}  // namespace kdx::xlsx
