#include "slug.hpp"

#include <unicode/translit.h>
#include <unicode/unistr.h>

#include <cctype>
#include <cstring>
#include <memory>
#include <mutex>

namespace kdx::cli {

namespace {

// The letters of Norwegian, Sámi and Kven names in ASCII, as ICU's Latin-ASCII
// writes them (tests/cli/slug_test.cpp holds each against ICU). Building ICU's
// transliterator costs about 150 million instructions (40 ms) a run, and the
// names of all municipalities and counties need no other letter.
const char* ascii_letter(char32_t c) {
    switch (c) {
        case U'æ':
            return "ae";
        case U'Æ':
            return "AE";
        case U'ø':
            return "o";
        case U'Ø':
            return "O";
        case U'å':
        case U'á':
        case U'ä':
        case U'à':
        case U'â':
            return "a";
        case U'Å':
        case U'Á':
        case U'Ä':
        case U'À':
        case U'Â':
            return "A";
        case U'é':
        case U'è':
        case U'ê':
        case U'ë':
            return "e";
        case U'É':
        case U'È':
        case U'Ê':
        case U'Ë':
            return "E";
        case U'í':
        case U'ï':
            return "i";
        case U'Í':
        case U'Ï':
            return "I";
        case U'ó':
        case U'ö':
        case U'ô':
        case U'ò':
            return "o";
        case U'Ó':
        case U'Ö':
        case U'Ô':
        case U'Ò':
            return "O";
        case U'ú':
        case U'ü':
            return "u";
        case U'Ú':
        case U'Ü':
            return "U";
        case U'č':
            return "c";
        case U'Č':
            return "C";
        case U'đ':
            return "d";
        case U'Đ':
            return "D";
        case U'ŋ':
            return "n";
        case U'Ŋ':
            return "N";
        case U'š':
            return "s";
        case U'Š':
            return "S";
        case U'ŧ':
            return "t";
        case U'Ŧ':
            return "T";
        case U'ž':
            return "z";
        case U'Ž':
            return "Z";
        default:
            return nullptr;
    }
}

// `text` in ASCII through the table above, or false if a character is not in it.
bool by_table(const std::string& text, std::string& ascii) {
    ascii.clear();
    for (std::size_t at = 0; at < text.size();) {
        const auto b = static_cast<unsigned char>(text[at]);
        if (b < 0x80) {
            ascii += static_cast<char>(b);
            ++at;
            continue;
        }
        // Two- and three-byte UTF-8 covers every letter of the table.
        char32_t c = 0;
        std::size_t length = 0;
        if ((b & 0xe0) == 0xc0) {
            c = b & 0x1fu;
            length = 2;
        } else if ((b & 0xf0) == 0xe0) {
            c = b & 0x0fu;
            length = 3;
        } else {
            return false;
        }
        if (at + length > text.size()) return false;
        for (std::size_t i = 1; i < length; ++i) {
            const auto next = static_cast<unsigned char>(text[at + i]);
            if ((next & 0xc0) != 0x80) return false;
            c = c << 6 | (next & 0x3fu);
        }
        const char* letter = ascii_letter(c);
        if (!letter) return false;
        ascii += letter;
        at += length;
    }
    return true;
}

std::string by_icu(const std::string& text) {
    // Built on first need, once for every thread that names files.
    static const std::unique_ptr<icu::Transliterator> to_ascii = [] {
        UErrorCode status = U_ZERO_ERROR;
        std::unique_ptr<icu::Transliterator> t(icu::Transliterator::createInstance(
            "Any-Latin; Latin-ASCII; Lower", UTRANS_FORWARD, status));
        return U_SUCCESS(status) ? std::move(t) : nullptr;
    }();
    static std::mutex guard;
    if (!to_ascii) return text;
    icu::UnicodeString u = icu::UnicodeString::fromUTF8(text);
    {
        std::lock_guard<std::mutex> lock(guard);
        to_ascii->transliterate(u);
    }
    std::string ascii;
    u.toUTF8String(ascii);
    return ascii;
}

}  // namespace

std::string slug(const std::string& text) {
    std::string ascii;
    if (!by_table(text, ascii)) ascii = by_icu(text);
    std::string out;
    for (char ch : ascii) {
        unsigned char c = static_cast<unsigned char>(ch);
        if (c >= 0x80) continue;  // what ICU could not write in ASCII
        if (std::isalnum(c))
            out += static_cast<char>(std::tolower(c));
        else if (!out.empty() && out.back() != '-')
            out += '-';
    }
    while (!out.empty() && out.back() == '-') out.pop_back();
    return out.empty() ? "report" : out;
}

}  // namespace kdx::cli
