#include "xlsx_write_text.hpp"

#include <cstdint>

#include "kdx/utf8.hpp"

namespace kdx::xlsx {

namespace {

const char* const replacement = "\xEF\xBF\xBD";  // U+FFFD

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
        const utf8::Sequence q = utf8::decode(s, i);
        const std::size_t n = q.length;
        std::size_t u = q.code_point >= 0x10000 ? 2 : 1;
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

std::size_t clean_char_count(const std::string& s) noexcept {
    std::size_t chars = 0;
    for (std::size_t i = 0; i < s.size(); ++chars) {
        auto b = static_cast<unsigned char>(s[i]);
        if (b >= 0x20 && b < 0x80) {
            ++i;
            continue;
        }
        const utf8::Sequence q = utf8::decode(s, i);
        if (!q.valid || !allowed_in_xml(q.code_point)) return std::string::npos;
        i += q.length;
    }
    return chars;
}

bool is_clean_text(const std::string& s) noexcept {
    return clean_char_count(s) != std::string::npos;
}

std::string clean_text(const std::string& s, TextProblem& problem) {
    problem = TextProblem::none;
    std::string out;
    out.reserve(s.size());
    for (std::size_t i = 0; i < s.size();) {
        const utf8::Sequence q = utf8::decode(s, i);
        const std::uint32_t cp = q.code_point;
        const std::size_t n = q.length;
        if (!q.valid) {
            // One replacement for each maximal subpart of bad bytes (kdx/utf8.hpp).
            if (problem == TextProblem::none) problem = TextProblem::invalid_utf8;
            out += replacement;
            i += n;
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
    // Text here is clean (clean_text), so counting the bytes that start a
    // character is utf8::count, without decoding.
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
