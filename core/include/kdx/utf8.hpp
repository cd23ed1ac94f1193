// UTF-8 as kdx and its plugins read and write it: one decoder, one validator
// and one encoder, and one policy for bytes that are not UTF-8.
//
// Well-formed means Unicode's table 3-7: no stray continuation bytes, no
// overlong forms (C0 AF for "/"), no surrogates (ED A0 80), nothing above
// U+10FFFF (F4 90 80 80) and no sequence cut off.
//
// The policy for bad bytes, where text is read on rather than refused: each
// maximal subpart of an ill-formed sequence becomes one U+FFFD (Unicode
// chapter 3, "U+FFFD Substitution of Maximal Subparts"), as ICU, Python's
// errors="replace" and web browsers do. So "E2 82" cut off is one U+FFFD, and
// the overlong "C0 AF" is two. Formats that refuse bad text instead say so
// where they do.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace kdx::utf8 {

inline constexpr char32_t replacement_character = 0xFFFD;

// One sequence: its code point and byte length. Where the bytes start no
// well-formed sequence, `length` is that of the maximal subpart (1 to 3
// bytes, to be skipped as one bad character) and `valid` is false.
struct Sequence {
    char32_t code_point = 0;  // U+FFFD when not valid
    std::size_t length = 0;
    bool valid = false;
};

// The sequence starting at s[at] (at < s.size()).
Sequence decode(std::string_view s, std::size_t at) noexcept;

// The code point at s[at], moving `at` past it; a maximal subpart of bad
// bytes reads as U+FFFD.
char32_t next(std::string_view s, std::size_t& at) noexcept;

// Whether `s` is well-formed UTF-8.
bool valid(std::string_view s) noexcept;

// The offset of the first byte that is not part of a well-formed sequence
// (for a sequence cut off, the offset of its first byte), or npos.
std::size_t invalid_at(std::string_view s) noexcept;

// Appends the UTF-8 form of `cp`; a surrogate or a value above U+10FFFF,
// which UTF-8 cannot carry, is appended as U+FFFD.
void append(std::string& out, char32_t cp);

// The UTF-8 form of one code point, as append().
std::string encode(char32_t cp);

// `s` with each maximal subpart of bad bytes replaced by U+FFFD.
std::string repaired(std::string_view s);

// The number of code points, a maximal subpart of bad bytes counting as one.
std::size_t count(std::string_view s) noexcept;

// The largest offset <= `at` that does not fall inside a sequence: where
// `s` can be cut without splitting a character (at most 3 bytes back).
std::size_t boundary_before(std::string_view s, std::size_t at) noexcept;

// "U+00E6", "U+1F600": a code point as Unicode names it, for messages.
std::string code_point_name(char32_t cp);

// Checks UTF-8 fed in chunks of any size (a stream, a zip part), in constant
// memory, ASCII runs eight bytes at a time.
class Validator {
  public:
    // The offset in `data` of the first bad byte, or npos. After a bad byte
    // the validator is spent: feed no more.
    std::size_t feed(const char* data, std::size_t size) noexcept;
    // False when the input ended inside a sequence.
    bool complete() const noexcept { return need_ == 0; }
    // The first byte of the sequence that the last bad byte broke (the bad
    // byte itself when it could start none): what a Windows-1252 reader
    // would show as the letter, "Å" for C5 in "År".
    unsigned char lead() const noexcept { return lead_; }

  private:
    int need_ = 0;
    unsigned char low_ = 0x80, high_ = 0xBF;
    unsigned char lead_ = 0;
};

}  // namespace kdx::utf8
