#include "html_text.hpp"

#include <cstdint>
#include <cstdio>

#include "kdx/text_language.hpp"
#include "kdx/utf8.hpp"

namespace kdx::html {

namespace {

constexpr std::string_view replacement = "\xEF\xBF\xBD";

// Characters the HTML standard calls parse errors in text: controls other
// than tab, LF, FF and CR (CR is kept out too: the parser folds it into LF),
// C1 controls and noncharacters.
bool forbidden(std::uint32_t cp) {
    if (cp < 0x20) return cp != '\t' && cp != '\n';
    if (cp >= 0x7F && cp <= 0x9F) return true;
    if (cp >= 0xFDD0 && cp <= 0xFDEF) return true;
    return (cp & 0xFFFE) == 0xFFFE;
}

std::string describe(std::string_view text, std::size_t i, const utf8::Sequence& q) {
    if (q.valid) return utf8::code_point_name(q.code_point);
    char buffer[16];
    std::snprintf(buffer, sizeof buffer, "byte 0x%02X", static_cast<unsigned char>(text[i]));
    return buffer;
}

// `text` escaped; `first_bad` names the first byte or character replaced.
std::string escaped(std::string_view text, std::string& first_bad) {
    std::string out;
    out.reserve(text.size() + text.size() / 8);
    for (std::size_t i = 0; i < text.size();) {
        // One U+FFFD for each maximal subpart of bad bytes (kdx/utf8.hpp).
        const utf8::Sequence q = utf8::decode(text, i);
        const char32_t cp = q.code_point;
        const std::size_t n = q.length;
        if (!q.valid || forbidden(cp)) {
            if (first_bad.empty()) first_bad = describe(text, i, q);
            out += replacement;
            i += n;
            continue;
        }
        switch (cp) {
            case '&':
                out += "&amp;";
                break;
            case '<':
                out += "&lt;";
                break;
            case '>':
                out += "&gt;";
                break;
            case '"':
                out += "&quot;";
                break;
            case '\'':
                out += "&#39;";
                break;
            default:
                out.append(text.substr(i, n));
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
