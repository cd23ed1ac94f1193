#include "csv_encoding.hpp"

#include <algorithm>
#include <array>
#include <vector>

#include "kdx/utf8.hpp"

namespace kdx::csv {

namespace {

// Code points of Windows-1252 bytes 0x80 to 0x9F.
constexpr std::array<char32_t, 32> high_controls{
    0x20AC, 0x0081, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160,
    0x2039, 0x0152, 0x008D, 0x017D, 0x008F, 0x0090, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022,
    0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0x009D, 0x017E, 0x0178};

}  // namespace

Utf8Check check_utf8(std::istream& in) {
    Utf8Check result;
    std::vector<char> buffer(1 << 16);
    std::uint64_t line = 1;
    utf8::Validator validator;
    while (in) {
        in.read(buffer.data(), static_cast<std::streamsize>(buffer.size()));
        const auto n = static_cast<std::size_t>(in.gcount());
        const std::size_t bad = validator.feed(buffer.data(), n);
        const std::size_t upto = bad == std::string::npos ? n : bad;
        line += static_cast<std::uint64_t>(std::count(buffer.data(), buffer.data() + upto, '\n'));
        if (bad != std::string::npos) {
            result.valid = false;
            result.line = line;
            // A broken sequence is named by its first byte: in Windows-1252
            // text that is the letter (0xC5 'Å' in "År"), not the one after.
            result.byte = validator.lead();
            return result;
        }
    }
    if (!validator.complete()) {
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
            utf8::append(out, high_controls[b - 0x80]);
        else
            utf8::append(out, b);
    }
}

char32_t append_as_windows_1252(std::string_view text, std::string& out) {
    for (std::size_t i = 0; i < text.size();) {
        char32_t c = utf8::next(text, i);
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
