#include "html_text.hpp"

#include <cstdint>
#include <cstdio>

#include "kdx/text_language.hpp"

namespace kdx::html {

namespace {

constexpr std::string_view replacement = "\xEF\xBF\xBD";

// The code point of the UTF-8 sequence at `text[i]` and its length; length 0
// when the bytes there are not one (overlong, surrogate, cut off, > U+10FFFF).
std::pair<std::uint32_t, std::size_t> decode(std::string_view text, std::size_t i) {
    const auto byte = [&](std::size_t k) { return static_cast<unsigned char>(text[k]); };
    const unsigned char b = byte(i);
    if (b < 0x80) return {b, 1};
    std::size_t n = (b & 0xE0) == 0xC0 ? 2 : (b & 0xF0) == 0xE0 ? 3 : (b & 0xF8) == 0xF0 ? 4 : 0;
    if (n == 0 || i + n > text.size()) return {0, 0};
    std::uint32_t cp = b & (0x7F >> n);
    for (std::size_t k = 1; k < n; ++k) {
        if ((byte(i + k) & 0xC0) != 0x80) return {0, 0};
        cp = (cp << 6) | (byte(i + k) & 0x3F);
    }
    static const std::uint32_t least[] = {0, 0, 0x80, 0x800, 0x10000};
    if (cp < least[n] || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) return {0, 0};
    return {cp, n};
}

// Characters the HTML standard calls parse errors in text: controls other
// than tab, LF, FF and CR (CR is kept out too: the parser folds it into LF),
// C1 controls and noncharacters.
bool forbidden(std::uint32_t cp) {
    if (cp < 0x20) return cp != '\t' && cp != '\n';
    if (cp >= 0x7F && cp <= 0x9F) return true;
    if (cp >= 0xFDD0 && cp <= 0xFDEF) return true;
    return (cp & 0xFFFE) == 0xFFFE;
}

std::string describe(std::string_view text, std::size_t i, std::uint32_t cp, std::size_t n) {
    char buffer[16];
    if (n == 0)
        std::snprintf(buffer, sizeof buffer, "byte 0x%02X", static_cast<unsigned char>(text[i]));
    else
        std::snprintf(buffer, sizeof buffer, "U+%04X", static_cast<unsigned>(cp));
    return buffer;
}

// `text` escaped; `first_bad` names the first byte or character replaced.
std::string escaped(std::string_view text, std::string& first_bad) {
    std::string out;
    out.reserve(text.size() + text.size() / 8);
    for (std::size_t i = 0; i < text.size();) {
        auto [cp, n] = decode(text, i);
        if (n == 0 || forbidden(cp)) {
            if (first_bad.empty()) first_bad = describe(text, i, cp, n);
            out += replacement;
            i += n == 0 ? 1 : n;
            continue;
        }
        switch (cp) {
            case '&': out += "&amp;"; break;
            case '<': out += "&lt;"; break;
            case '>': out += "&gt;"; break;
            case '"': out += "&quot;"; break;
            case '\'': out += "&#39;"; break;
            default: out.append(text.substr(i, n));
        }
        i += n;
    }
    return out;
}

}  // namespace

std::string HtmlText::operator()(std::string_view text, const std::string& where) {
    std::string first_bad;
    std::string out = escaped(text, first_bad);
    warn(first_bad, where);
    return out;
}

std::string HtmlText::content(std::string_view text, const std::string& where) {
    std::string first_bad;
    std::string out;
    for (const LanguageSpan& span : language_spans(text)) {
        if (span.language.empty()) {
            out += escaped(span.text, first_bad);
            continue;
        }
        out += "<span lang=\"" + std::string(span.language) + "\">";
        out += escaped(span.text, first_bad);
        out += "</span>";
    }
    warn(first_bad, where);
    return out;
}

void HtmlText::warn(const std::string& first_bad, const std::string& where) {
    if (!first_bad.empty())
        diagnostics_.warning("html: " + where + " holds " + first_bad +
                                 ", which HTML cannot show; written as U+FFFD",
                             Location::at(file_));
}

}  // namespace kdx::html
