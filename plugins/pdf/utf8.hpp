// Walking UTF-8 text code point by code point.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace kdx::pdf {

// Reads the code point at `at` and moves `at` past it. Malformed bytes read as
// U+FFFD, one byte at a time, so a bad file never stops the layout.
inline char32_t next_code_point(std::string_view s, std::size_t& at) {
    auto byte = [&](std::size_t i) { return static_cast<unsigned char>(s[i]); };
    unsigned char b = byte(at);
    std::size_t length = b < 0x80           ? 1
                         : (b >> 5) == 0x6  ? 2
                         : (b >> 4) == 0xe  ? 3
                         : (b >> 3) == 0x1e ? 4
                                            : 0;
    if (length == 0 || at + length > s.size()) {
        ++at;
        return 0xfffd;
    }
    char32_t cp = length == 1 ? b : b & (0xff >> (length + 1));
    for (std::size_t i = 1; i < length; ++i) {
        if ((byte(at + i) & 0xc0) != 0x80) {
            ++at;
            return 0xfffd;
        }
        cp = (cp << 6) | (byte(at + i) & 0x3f);
    }
    at += length;
    return cp;
}

// The UTF-8 bytes of one code point.
inline std::string utf8_of(char32_t cp) {
    std::string out;
    if (cp < 0x80) {
        out += static_cast<char>(cp);
    } else if (cp < 0x800) {
        out += static_cast<char>(0xc0 | (cp >> 6));
        out += static_cast<char>(0x80 | (cp & 0x3f));
    } else if (cp < 0x10000) {
        out += static_cast<char>(0xe0 | (cp >> 12));
        out += static_cast<char>(0x80 | ((cp >> 6) & 0x3f));
        out += static_cast<char>(0x80 | (cp & 0x3f));
    } else {
        out += static_cast<char>(0xf0 | (cp >> 18));
        out += static_cast<char>(0x80 | ((cp >> 12) & 0x3f));
        out += static_cast<char>(0x80 | ((cp >> 6) & 0x3f));
        out += static_cast<char>(0x80 | (cp & 0x3f));
    }
    return out;
}

}  // namespace kdx::pdf
