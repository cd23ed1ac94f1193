// Lexical forms of the exchange format's simple types (schemas/kdx-data-1.xsd),
// shared by the reader and the writer so that both agree with the schema.
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "kdx/value.hpp"

namespace kdx::xml {

inline constexpr const char* data_namespace = "urn:kdx:data:1";
inline constexpr const char* format_version = "1";

// The text without leading and trailing XML whitespace (space, tab, CR, LF).
std::string_view trim(std::string_view text);

// A kdx:value: an xs:decimal or ":" (suppressed), surrounding whitespace
// allowed as the schema does; nullopt for anything else, exponents included.
std::optional<Value> parse_value(std::string_view text);
// The canonical text of a present or suppressed value: kdx::to_string, but in
// plain decimal notation where that would use an exponent, because
// xs:decimal has none; "" for missing, nullopt for infinity or NaN.
std::optional<std::string> format_value(const Value& v);

// Exactly four ASCII digits (after whitespace), as kdx:year.
std::optional<int> parse_year(std::string_view text);
// An xs:integer that fits 64 bits.
std::optional<std::int64_t> parse_integer(std::string_view text);
// An xs:boolean: true, false, 1 or 0.
std::optional<bool> parse_boolean(std::string_view text);
// A real calendar date written YYYY-MM-DD, as kdx:date.
bool is_date(std::string_view text);
// Exactly `count` ASCII digits and nothing else (municipality and county numbers).
bool is_digits(std::string_view text, std::size_t count);

// The byte offset of the first thing XML 1.0 cannot hold as character data:
// invalid UTF-8, a control character other than tab, LF and CR, U+FFFE or
// U+FFFF; npos when the text is clean.
std::size_t invalid_character_at(std::string_view text);
// Describes the character at `offset` for a message, e.g. "byte 0xE6" or "U+0001".
std::string describe_character_at(std::string_view text, std::size_t offset);
// Number of characters in the text (kdx::utf8::count: bad bytes as U+FFFD).
std::size_t character_count(std::string_view text);

}  // namespace kdx::xml
