#include "csv_encoding.hpp"

#include <algorithm>
#include <array>
#include <vector>

namespace kdx::csv {

namespace {

// Code points of Windows-1252 bytes 0x80 to 0x9F.
constexpr std::array<char32_t, 32> high_controls{
    0x20AC, 0x0081, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160,
    0x2039, 0x0152, 0x008D, 0x017D, 0x008F, 0x0090, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022,
    0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0x009D, 0x017E, 0x0178};

void append_utf8(char32_t c, std::string& out) {
    if (c < 0x80) {
        out += static_cast<char>(c);
    } else if (c < 0x800) {
        out += static_cast<char>(0xC0 | (c >> 6));
        out += static_cast<char>(0x80 | (c & 0x3F));
    } else {
        out += static_cast<char>(0xE0 | (c >> 12));
        out += static_cast<char>(0x80 | ((c >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (c & 0x3F));
    }
}

// Decodes the valid UTF-8 sequence at s[i] and moves i past it.
char32_t next_code_point(std::string_view s, std::size_t& i) {
    auto b = [&](std::size_t k) { return static_cast<char32_t>(static_cast<unsigned char>(s[k])); };
    char32_t c = b(i);
    if (c < 0x80) return ++i, c;
    if (c < 0xE0) return i += 2, ((c & 0x1F) << 6) | (b(i - 1) & 0x3F);
    if (c < 0xF0) return i += 3, ((c & 0x0F) << 12) | ((b(i - 2) & 0x3F) << 6) | (b(i - 1) & 0x3F);
    i += 4;
    return ((c & 0x07) << 18) | ((b(i - 3) & 0x3F) << 12) | ((b(i - 2) & 0x3F) << 6) |
           (b(i - 1) & 0x3F);
}

}  // namespace

Utf8Check check_utf8(std::istream& in) {
    Utf8Check result;
    std::vector<char> buffer(1 << 16);
    std::uint64_t line = 1;
    unsigned need = 0, lower = 0x80, upper = 0xBF;
    unsigned lead = 0;  // the byte that began the sequence being checked
    while (in) {
        in.read(buffer.data(), static_cast<std::streamsize>(buffer.size()));
        std::size_t n = static_cast<std::size_t>(in.gcount());
        for (std::size_t i = 0; i < n; ++i) {
            unsigned b = static_cast<unsigned char>(buffer[i]);
            bool ok = true;
            if (need == 0) {
                if (b == '\n') ++line;
                if (b < 0x80) continue;
                lead = b;
                if (b >= 0xC2 && b <= 0xDF)
                    need = 1;
                else if (b == 0xE0)
                    need = 2, lower = 0xA0;
                else if (b == 0xED)
                    need = 2, upper = 0x9F;
                else if (b >= 0xE1 && b <= 0xEF)
                    need = 2;
                else if (b == 0xF0)
                    need = 3, lower = 0x90;
                else if (b == 0xF4)
                    need = 3, upper = 0x8F;
                else if (b >= 0xF1 && b <= 0xF3)
                    need = 3;
                else
                    ok = false;
            } else if (b < lower || b > upper) {
                ok = false;
            } else {
                lower = 0x80, upper = 0xBF;
                --need;
            }
            if (!ok) {
                result.valid = false;
                result.line = line;
                // A broken sequence is named by its first byte: in Windows-1252
                // text that is the letter (0xC5 'Å' in "År"), not the one after.
                result.byte = lead;
                return result;
            }
        }
    }
    if (need > 0) {
        result.valid = false;
        result.line = line;
    }
    return result;
}

void append_windows_1252(std::string_view bytes, std::string& out) {
    for (char ch : bytes) {
        auto b = static_cast<unsigned char>(ch);
        if (b < 0x80)
            out += ch;
        else if (b < 0xA0)
            append_utf8(high_controls[b - 0x80], out);
        else
            append_utf8(b, out);
    }
}

void append_utf8_of(char32_t c, std::string& out) {
    if (c < 0x10000) {
        append_utf8(c, out);
        return;
    }
    out += static_cast<char>(0xF0 | (c >> 18));
    out += static_cast<char>(0x80 | ((c >> 12) & 0x3F));
    out += static_cast<char>(0x80 | ((c >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (c & 0x3F));
}

char32_t append_as_windows_1252(std::string_view utf8, std::string& out) {
    for (std::size_t i = 0; i < utf8.size();) {
        char32_t c = next_code_point(utf8, i);
        if (c < 0x80 || (c >= 0xA0 && c <= 0xFF)) {
            out += static_cast<char>(c);
            continue;
        }
        // The five bytes Windows-1252 leaves undefined map to themselves in
        // the table; they are not characters a reader would give back.
        auto at = std::find(high_controls.begin(), high_controls.end(), c);
        if (c < 0x100 || at == high_controls.end()) return c;
        out += static_cast<char>(0x80 + (at - high_controls.begin()));
    }
    return 0;
}

}  // namespace kdx::csv
