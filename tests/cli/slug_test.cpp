// Report file names: the letters slug() writes in ASCII by its own table are
// held against ICU's "Any-Latin; Latin-ASCII; Lower" transliteration itself,
// letter by letter and for every municipality and county name of the registry.
#include "slug.hpp"

#include <gtest/gtest.h>
#include <unicode/translit.h>
#include <unicode/unistr.h>

#include <algorithm>
#include <cctype>
#include <fstream>
#include <memory>
#include <sstream>

#include "test_support.hpp"

namespace {

std::string icu_ascii(const std::string& text) {
    static const std::unique_ptr<icu::Transliterator> t = [] {
        UErrorCode status = U_ZERO_ERROR;
        std::unique_ptr<icu::Transliterator> made(icu::Transliterator::createInstance(
            "Any-Latin; Latin-ASCII; Lower", UTRANS_FORWARD, status));
        EXPECT_TRUE(U_SUCCESS(status));
        return made;
    }();
    icu::UnicodeString u = icu::UnicodeString::fromUTF8(text);
    t->transliterate(u);
    std::string out;
    u.toUTF8String(out);
    return out;
}

// The file-name form of ICU's output: lower-case ASCII letters and digits,
// anything else a single "-" between them.
std::string expected_slug(const std::string& text) {
    std::string out;
    for (char ch : icu_ascii(text)) {
        const auto c = static_cast<unsigned char>(ch);
        if (c >= 0x80) continue;
        if (std::isalnum(c))
            out += static_cast<char>(std::tolower(c));
        else if (!out.empty() && out.back() != '-')
            out += '-';
    }
    while (!out.empty() && out.back() == '-') out.pop_back();
    return out.empty() ? "report" : out;
}

std::string utf8(char32_t c) {
    icu::UnicodeString u(static_cast<UChar32>(c));
    std::string out;
    u.toUTF8String(out);
    return out;
}

TEST(Slug, EveryLatinLetterAsIcuWritesIt) {
    for (char32_t c = 0xc0; c < 0x250; ++c) {
        const std::string word = "x" + utf8(c) + "y";
        EXPECT_EQ(kdx::cli::slug(word), expected_slug(word)) << "U+" << std::hex << c;
    }
}

TEST(Slug, EveryRegistryNameAsIcuWritesIt) {
    int names = 0;
    for (const char* file : {"municipalities-2018.csv", "municipalities-2024.csv", "counties.csv",
                             "counties-2024.csv", "name-languages.csv"}) {
        std::ifstream in(kdx::test::source_dir() / "data/registry" / file);
        ASSERT_TRUE(in) << file;
        std::string line;
        while (std::getline(in, line)) {
            std::replace(line.begin(), line.end(), ';', ',');
            std::stringstream fields(line);
            for (std::string field; std::getline(fields, field, ',');) {
                EXPECT_EQ(kdx::cli::slug(field), expected_slug(field)) << field;
                ++names;
            }
        }
    }
    EXPECT_GT(names, 1000);
}

TEST(Slug, NamesBeyondTheTableGoThroughIcu) {
    for (const std::string name :
         {"Trööndelage", "Porsáŋgu", "Ærøy", "Hábmer", "Kárášjohka", "Deatnu – Tana", "a\u030angr",
          "Ελλάδα", "Москва", "東京", "Ǩ", "", "  ", "Oslo/Oslove"})
        EXPECT_EQ(kdx::cli::slug(name), expected_slug(name)) << name;
    EXPECT_EQ(kdx::cli::slug("Bærum"), "baerum");
    EXPECT_EQ(kdx::cli::slug("Hábmer - Hamarøy"), "habmer-hamaroy");
}

}  // namespace
