#include "kdx/uri.hpp"

#include <cctype>

namespace kdx {

namespace {

bool scheme_char(char c) {
    return std::isalnum(static_cast<unsigned char>(c)) || c == '+' || c == '-' || c == '.';
}

constexpr const char* mask = "***";

// Masks the value after each "password=" (case-insensitive) up to the next
// separator: '&' or '#' in a URI's query, white space in a keyword string.
// A quoted keyword value ('secret word') is masked to its closing quote.
void mask_keyword_values(std::string& text) {
    const std::string key = "password=";
    std::size_t at = 0;
    while (true) {
        std::size_t found = std::string::npos;
        for (std::size_t i = at; i + key.size() <= text.size(); ++i) {
            bool same = true;
            for (std::size_t k = 0; k < key.size() && same; ++k)
                same = std::tolower(static_cast<unsigned char>(text[i + k])) == key[k];
            // "password=" itself, not the end of "xpassword=".
            if (same && (i == 0 || !std::isalnum(static_cast<unsigned char>(text[i - 1])))) {
                found = i;
                break;
            }
        }
        if (found == std::string::npos) return;
        std::size_t start = found + key.size(), end = start;
        if (end < text.size() && text[end] == '\'') {
            ++end;
            while (end < text.size() && text[end] != '\'') end += text[end] == '\\' ? 2 : 1;
            end = std::min(end + 1, text.size());
        } else {
            while (end < text.size() && text[end] != '&' && text[end] != '#' &&
                   !std::isspace(static_cast<unsigned char>(text[end])) && text[end] != '"')
                ++end;
        }
        text.replace(start, end - start, mask);
        at = start + 3;
    }
}

}  // namespace

std::string uri_scheme(std::string_view name) {
    const std::size_t colon = name.find("://");
    // At least two characters, so that "C://x" (a drive) is not a scheme.
    if (colon == std::string_view::npos || colon < 2) return "";
    if (!std::isalpha(static_cast<unsigned char>(name[0]))) return "";
    std::string scheme;
    for (std::size_t i = 0; i < colon; ++i) {
        if (!scheme_char(name[i])) return "";
        scheme += static_cast<char>(std::tolower(static_cast<unsigned char>(name[i])));
    }
    return scheme;
}

std::string mask_passwords(std::string text) {
    // "scheme://user:password@": the part between the first ':' after "//"
    // and the '@' that ends the user information.
    for (std::size_t at = text.find("://"); at != std::string::npos;
         at = text.find("://", at + 3)) {
        const std::size_t start = at + 3;
        std::size_t end = start;
        while (end < text.size() && text[end] != '/' && text[end] != '?' && text[end] != '#' &&
               !std::isspace(static_cast<unsigned char>(text[end])) && text[end] != '"')
            ++end;
        const std::size_t user_end = text.rfind('@', end == start ? start : end - 1);
        if (user_end == std::string::npos || user_end < start) continue;
        const std::size_t colon = text.find(':', start);
        if (colon == std::string::npos || colon > user_end) continue;
        text.replace(colon + 1, user_end - colon - 1, mask);
    }
    mask_keyword_values(text);
    return text;
}

}  // namespace kdx
