#include "xlsx_write_text.hpp"

#include <cstdint>

namespace kdx::xlsx {

namespace {

const char* const replacement = "\xEF\xBF\xBD";  // U+FFFD

// Length of the well-formed UTF-8 sequence at s[i] and its code point, or 0
// when the bytes there are not one (overlong forms and surrogates included).
std::size_t decode(const std::string& s, std::size_t i, std::uint32_t& cp) noexcept {
    const auto byte = [&](std::size_t k) { return static_cast<unsigned char>(s[k]); };
    unsigned char b = byte(i);
    if (b < 0x80) {
        cp = b;
        return 1;
    }
    std::size_t n = 0;
    std::uint32_t min = 0;
    if ((b & 0xE0) == 0xC0) {
        n = 2, cp = b & 0x1F, min = 0x80;
    } else if ((b & 0xF0) == 0xE0) {
        n = 3, cp = b & 0x0F, min = 0x800;
    } else if ((b & 0xF8) == 0xF0) {
        n = 4, cp = b & 0x07, min = 0x10000;
    } else {
        return 0;
    }
    if (i + n > s.size()) return 0;
    for (std::size_t k = 1; k < n; ++k) {
        if ((byte(i + k) & 0xC0) != 0x80) return 0;
        cp = (cp << 6) | (byte(i + k) & 0x3F);
    }
    if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) return 0;
    return n;
}

bool allowed_in_xml(std::uint32_t cp) noexcept {
    if (cp < 0x20) return cp == '\t' || cp == '\n';
    return cp != 0xFFFE && cp != 0xFFFF;
}

std::string fold_case(const std::string& s) {
    std::string out;
    out.reserve(s.size());
    for (std::size_t i = 0; i < s.size(); ++i) {
        auto c = static_cast<unsigned char>(s[i]);
        if (c >= 'A' && c <= 'Z') {
            out += static_cast<char>(c + 32);
        } else if (c == 0xC3 && i + 1 < s.size()) {
            // Latin-1 capitals (Æ Ø Å ...) U+00C0..U+00DE, but not U+00D7 (×).
            auto d = static_cast<unsigned char>(s[i + 1]);
            if (d >= 0x80 && d <= 0x9E && d != 0x97) d = static_cast<unsigned char>(d + 0x20);
            out += static_cast<char>(c);
            out += static_cast<char>(d);
            ++i;
        } else {
            out += static_cast<char>(c);
        }
    }
    return out;
}

// `s` cut to at most `limit` UTF-16 code units, on a character boundary.
std::string cut_utf16(const std::string& s, std::size_t limit) {
    std::size_t units = 0, i = 0;
    while (i < s.size()) {
        std::uint32_t cp = 0;
        std::size_t n = decode(s, i, cp);
        if (n == 0) n = 1;
        std::size_t u = cp >= 0x10000 ? 2 : 1;
        if (units + u > limit) break;
        units += u;
        i += n;
    }
    return s.substr(0, i);
}

std::string trimmed(std::string s) {
    while (!s.empty() && (s.back() == ' ' || s.back() == '\'')) s.pop_back();
    std::size_t start = 0;
    while (start < s.size() && (s[start] == ' ' || s[start] == '\'')) ++start;
    return s.substr(start);
}

}  // namespace

bool is_clean_text(const std::string& s) noexcept {
    for (std::size_t i = 0; i < s.size();) {
        auto b = static_cast<unsigned char>(s[i]);
        if (b >= 0x20 && b < 0x80) {
            ++i;
            continue;
        }
        std::uint32_t cp = 0;
        std::size_t n = decode(s, i, cp);
        if (n == 0 || !allowed_in_xml(cp)) return false;
        i += n;
    }
    return true;
}

std::string clean_text(const std::string& s, TextProblem& problem) {
    problem = TextProblem::none;
    std::string out;
    out.reserve(s.size());
    for (std::size_t i = 0; i < s.size();) {
        std::uint32_t cp = 0;
        std::size_t n = decode(s, i, cp);
        if (n == 0) {
            if (problem == TextProblem::none) problem = TextProblem::invalid_utf8;
            out += replacement;
            ++i;
            // One replacement for the rest of a broken sequence.
            while (i < s.size() && (static_cast<unsigned char>(s[i]) & 0xC0) == 0x80) ++i;
            continue;
        }
        if (cp == '\r') {
            out += '\n';
            i += (i + 1 < s.size() && s[i + 1] == '\n') ? 2 : 1;
            continue;
        }
        if (!allowed_in_xml(cp)) {
            if (problem == TextProblem::none) problem = TextProblem::control_character;
            out += replacement;
        } else {
            out.append(s, i, n);
        }
        i += n;
    }
    return out;
}

std::size_t char_count(const std::string& s) noexcept {
    std::size_t n = 0;
    for (char c : s)
        if ((static_cast<unsigned char>(c) & 0xC0) != 0x80) ++n;
    return n;
}

std::string SheetNames::unique(const std::string& wanted, const std::string& fallback) {
    TextProblem ignored;
    std::string name = clean_text(wanted, ignored);
    for (char& c : name)
        if (c == '[' || c == ']' || c == ':' || c == '*' || c == '?' || c == '/' || c == '\\' ||
            c == '\n' || c == '\t')
            c = ' ';
    name = trimmed(cut_utf16(trimmed(name), max_sheet_name));
    if (name.empty()) name = fallback;
    // Excel keeps "History" for itself.
    if (used_.empty()) used_.insert("history");

    std::string candidate = name;
    for (int n = 2; used_.count(fold_case(candidate)); ++n) {
        std::string suffix = " (" + std::to_string(n) + ")";
        candidate = trimmed(cut_utf16(name, max_sheet_name - suffix.size())) + suffix;
    }
    used_.insert(fold_case(candidate));
    return candidate;
}

}  // namespace kdx::xlsx
