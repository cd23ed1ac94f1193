#include "kdx/utf8.hpp"

#include <cstdint>
#include <cstdio>
#include <cstring>

namespace kdx::utf8 {

namespace {

// For a lead byte: how many continuation bytes follow, and the range the
// first of them must fall in (table 3-7; the later ones are 80..BF).
// need < 0: the byte starts no sequence (80..C1, F5..FF).
struct Lead {
    int need;
    unsigned char low, high;
};

Lead lead_of(unsigned char b) noexcept {
    if (b < 0x80) return {0, 0x80, 0xBF};
    if (b >= 0xC2 && b <= 0xDF) return {1, 0x80, 0xBF};
    if (b == 0xE0) return {2, 0xA0, 0xBF};  // below A0: overlong
    if (b == 0xED) return {2, 0x80, 0x9F};  // above 9F: surrogates
    if (b >= 0xE1 && b <= 0xEF) return {2, 0x80, 0xBF};
    if (b == 0xF0) return {3, 0x90, 0xBF};  // below 90: overlong
    if (b == 0xF4) return {3, 0x80, 0x8F};  // above 8F: past U+10FFFF
    if (b >= 0xF1 && b <= 0xF3) return {3, 0x80, 0xBF};
    return {-1, 0, 0};
}

}  // namespace

Sequence decode(std::string_view s, std::size_t at) noexcept {
    const auto b = static_cast<unsigned char>(s[at]);
    if (b < 0x80) return {b, 1, true};
    const Lead lead = lead_of(b);
    if (lead.need < 0) return {replacement_character, 1, false};
    char32_t cp = b & (0x3F >> lead.need);
    unsigned char low = lead.low, high = lead.high;
    for (int k = 1; k <= lead.need; ++k) {
        const std::size_t i = at + static_cast<std::size_t>(k);
        const auto c = i < s.size() ? static_cast<unsigned char>(s[i]) : 0;
        // Cut off or broken: the bytes so far are one maximal subpart.
        if (i >= s.size() || c < low || c > high)
            return {replacement_character, static_cast<std::size_t>(k), false};
        cp = (cp << 6) | (c & 0x3F);
        low = 0x80, high = 0xBF;
    }
    return {cp, static_cast<std::size_t>(lead.need) + 1, true};
}

char32_t next(std::string_view s, std::size_t& at) noexcept {
    const Sequence q = decode(s, at);
    at += q.length;
    return q.code_point;
}

std::size_t invalid_at(std::string_view s) noexcept {
    for (std::size_t i = 0; i < s.size();) {
        // ASCII runs are the common case.
        if (static_cast<unsigned char>(s[i]) < 0x80) {
            ++i;
            continue;
        }
        const Sequence q = decode(s, i);
        if (!q.valid) return i;
        i += q.length;
    }
    return std::string_view::npos;
}

bool valid(std::string_view s) noexcept { return invalid_at(s) == std::string_view::npos; }

void append(std::string& out, char32_t cp) {
    if ((cp >= 0xD800 && cp <= 0xDFFF) || cp > 0x10FFFF) cp = replacement_character;
    if (cp < 0x80) {
        out += static_cast<char>(cp);
    } else if (cp < 0x800) {
        out += static_cast<char>(0xC0 | (cp >> 6));
        out += static_cast<char>(0x80 | (cp & 0x3F));
    } else if (cp < 0x10000) {
        out += static_cast<char>(0xE0 | (cp >> 12));
        out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (cp & 0x3F));
    } else {
        out += static_cast<char>(0xF0 | (cp >> 18));
        out += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
        out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (cp & 0x3F));
    }
}

std::string encode(char32_t cp) {
    std::string out;
    append(out, cp);
    return out;
}

std::string repaired(std::string_view s) {
    std::string out;
    out.reserve(s.size());
    for (std::size_t i = 0; i < s.size();) {
        const Sequence q = decode(s, i);
        if (q.valid)
            out.append(s.substr(i, q.length));
        else
            append(out, replacement_character);
        i += q.length;
    }
    return out;
}

std::size_t count(std::string_view s) noexcept {
    std::size_t n = 0;
    for (std::size_t i = 0; i < s.size(); ++n) i += decode(s, i).length;
    return n;
}

std::size_t boundary_before(std::string_view s, std::size_t at) noexcept {
    if (at >= s.size()) return s.size();
    std::size_t start = at;
    // A continuation byte belongs to a sequence that began up to 3 bytes back.
    while (start > 0 && at - start < 3 && (static_cast<unsigned char>(s[start]) & 0xC0) == 0x80)
        --start;
    if (start == at) return at;
    const Sequence q = decode(s, start);
    return q.valid && start + q.length > at ? start : at;
}

std::string code_point_name(char32_t cp) {
    char buffer[16];
    std::snprintf(buffer, sizeof buffer, "U+%04X", static_cast<unsigned>(cp));
    return buffer;
}

std::size_t Validator::feed(const char* data, std::size_t size) noexcept {
    const auto* p = reinterpret_cast<const unsigned char*>(data);
    std::size_t i = 0;
    while (i < size) {
        if (need_ == 0) {
            // ASCII runs are the common case: skip them eight bytes at a time.
            while (i + 8 <= size) {
                std::uint64_t word;
                std::memcpy(&word, p + i, 8);
                if (word & 0x8080808080808080ull) break;
                i += 8;
            }
            if (i >= size) break;
            const unsigned char b = p[i];
            if (b < 0x80) {
                ++i;
                continue;
            }
            const Lead lead = lead_of(b);
            lead_ = b;
            if (lead.need < 0) return i;
            need_ = lead.need;
            low_ = lead.low;
            high_ = lead.high;
            ++i;
        } else {
            const unsigned char b = p[i];
            if (b < low_ || b > high_) return i;
            low_ = 0x80;
            high_ = 0xBF;
            --need_;
            ++i;
        }
    }
    return std::string::npos;
}

}  // namespace kdx::utf8
