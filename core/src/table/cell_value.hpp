// Reading numbers, counts and years out of cells as Norwegian partners write
// them: decimal comma, spaces as thousands separators, "12,5 %", and the
// publisher's symbols for "no figure", "suppressed" and "nil".
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "kdx/table.hpp"
#include "kdx/value.hpp"

namespace kdx::table_detail {

enum class DecimalMark { automatic, comma, point };

// Whose table symbols a source follows (docs/mapping.md, "Symbols").
// kdx: the cautious default for a file of unknown origin, where "-" may mean
// nil or no figure, so it is read as no figure. ssb: Statistics Norway's
// standard symbols, "-" is nil (0) and "." not applicable. imdi: IMDi's
// exports, "." and "NULL" mark a cell with no figure.
enum class Symbols { kdx, ssb, imdi };

// The convention named "kdx", "ssb" or "imdi" (ASCII case ignored); nullopt otherwise.
std::optional<Symbols> symbols_named(std::string_view name);
const char* symbols_name(Symbols symbols);

// How a table writes values. Markers, themselves trimmed, are compared with
// the trimmed cell text, ignoring ASCII case; an empty cell is always missing.
// Whatever the convention, a symbol for "no figure" is never read as
// suppressed or as 0: only `suppressed` markers are suppressed and only
// `zero` markers are 0.
struct ValueRules {
    DecimalMark decimal = DecimalMark::automatic;
    std::vector<std::string> missing{"-", "\u2013", "\u2014", ".", "..", "..."};
    std::vector<std::string> suppressed{":"};
    std::vector<std::string> zero;
};

// The markers of a convention (decimal left automatic).
ValueRules symbol_rules(Symbols symbols);

// A sign after the number that says how it is scaled.
enum class Mark { none, percent, per_mille };

// A cell read as a value, or why it could not be: `expected` names what the
// column wants ("a whole number") when the cell did not hold it.
struct Reading {
    Value value;
    Mark mark = Mark::none;
    std::string expected;

    explicit operator bool() const noexcept { return expected.empty(); }
};

// Byte length of the space character at `at` (ASCII, no-break, narrow
// no-break, thin or figure space); 0 when there is none.
std::size_t space_length(std::string_view text, std::size_t at);

// The text with spaces at both ends removed, no-break and thin spaces included.
std::string_view trim(std::string_view text);

// The cell as a person would describe it in a message: its text, or its number.
std::string shown(const Cell& cell);

// "expected <what>, found "<cell>"" for a cell that did not hold what a column wants.
std::string expected_found(const std::string& what, const Cell& cell);

// True when the cell is empty or only spaces.
bool is_blank(const Cell& cell);

// True when `text` (trimmed) is one of the trimmed `markers`, ignoring ASCII case.
bool is_marker(std::string_view text, const std::vector<std::string>& markers);

// Parses a number written with a decimal comma or point, thousands separated
// by spaces (U+00A0, U+202F too) or by the other mark in groups of three, an
// optional sign and a trailing "%" or "‰"; nullopt when the text is not one.
std::optional<double> parse_number(std::string_view text, DecimalMark decimal, Mark* mark);

// Any number, missing or suppressed.
Reading read_number(const Cell& cell, const ValueRules& rules);
// A count of people: a whole number of 0 or more, missing or suppressed.
Reading read_count(const Cell& cell, const ValueRules& rules);
// A year from 1900 to 2100; nullopt otherwise.
std::optional<int> read_year(const Cell& cell);

}  // namespace kdx::table_detail
