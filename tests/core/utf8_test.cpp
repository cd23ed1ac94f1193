// kdx/utf8.hpp. The expected code points of ill-formed input are those of the
// Unicode Standard, chapter 3, tables 3-8 to 3-11 ("U+FFFD Substitution of
// Maximal Subparts"), which Python's bytes.decode("utf-8", "replace") gives too.
#include "kdx/utf8.hpp"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <vector>

namespace {

namespace utf8 = kdx::utf8;
using testing::ElementsAre;

constexpr char32_t bad = 0xFFFD;

std::vector<char32_t> code_points(std::string_view s) {
    std::vector<char32_t> out;
    for (std::size_t i = 0; i < s.size();) out.push_back(utf8::next(s, i));
    return out;
}

TEST(Utf8Decode, ReadsEveryLength) {
    EXPECT_THAT(code_points("a\xC3\xA6\xE2\x82\xAC\xF0\x9F\x98\x80"),
                ElementsAre(U'a', 0xE6, 0x20AC, 0x1F600));  // a æ € 😀
    // The ends of each range.
    EXPECT_THAT(code_points("\x7F\xC2\x80\xDF\xBF\xE0\xA0\x80\xEF\xBF\xBF\xF0\x90\x80\x80"
                            "\xF4\x8F\xBF\xBF"),
                ElementsAre(0x7F, 0x80, 0x7FF, 0x800, 0xFFFF, 0x10000, 0x10FFFF));
    // Just outside the surrogates.
    EXPECT_THAT(code_points("\xED\x9F\xBF\xEE\x80\x80"), ElementsAre(0xD7FF, 0xE000));
}

TEST(Utf8Decode, OverlongFormsAreBad) {
    // Table 3-8: C0 AF E0 80 BF F0 81 82 41.
    EXPECT_THAT(code_points("\xC0\xAF\xE0\x80\xBF\xF0\x81\x82\x41"),
                ElementsAre(bad, bad, bad, bad, bad, bad, bad, bad, U'A'));
    EXPECT_FALSE(utf8::valid("\xC1\xBF"));
    EXPECT_FALSE(utf8::valid("\xE0\x9F\xBF"));
    EXPECT_FALSE(utf8::valid("\xF0\x8F\xBF\xBF"));
}

TEST(Utf8Decode, SurrogatesAreBad) {
    // Table 3-9: ED A0 80 ED BF BF ED AF 41.
    EXPECT_THAT(code_points("\xED\xA0\x80\xED\xBF\xBF\xED\xAF\x41"),
                ElementsAre(bad, bad, bad, bad, bad, bad, bad, bad, U'A'));
}

TEST(Utf8Decode, BeyondU10FFFFAndBytesThatStartNothingAreBad) {
    // Table 3-10: F4 91 92 93 FF 41 80 BF 42.
    EXPECT_THAT(code_points("\xF4\x91\x92\x93\xFF\x41\x80\xBF\x42"),
                ElementsAre(bad, bad, bad, bad, bad, U'A', bad, bad, U'B'));
    EXPECT_FALSE(utf8::valid("\xF4\x90\x80\x80"));  // U+110000
    EXPECT_FALSE(utf8::valid("\xF5\x80\x80\x80"));
    EXPECT_FALSE(utf8::valid("\xF8\x88\x80\x80\x80"));  // the old five-byte form
}

TEST(Utf8Decode, ATruncatedSequenceIsOneBadCharacter) {
    // Table 3-11: E1 80 E2 F0 91 92 F1 BF 41.
    EXPECT_THAT(code_points("\xE1\x80\xE2\xF0\x91\x92\xF1\xBF\x41"),
                ElementsAre(bad, bad, bad, bad, U'A'));
    // Cut off at the end of the text.
    EXPECT_THAT(code_points("x\xE2\x82"), ElementsAre(U'x', bad));
    EXPECT_THAT(code_points("x\xF0\x9F\x98"), ElementsAre(U'x', bad));
    const utf8::Sequence q = utf8::decode("\xF0\x9F\x98", 0);
    EXPECT_FALSE(q.valid);
    EXPECT_EQ(q.length, 3u);
}

TEST(Utf8Decode, TheStandardsWorkedExample) {
    // 61 F1 80 80 E1 80 C2 62 80 63 80 BF 64.
    EXPECT_THAT(code_points("\x61\xF1\x80\x80\xE1\x80\xC2\x62\x80\x63\x80\xBF\x64"),
                ElementsAre(U'a', bad, bad, bad, U'b', bad, U'c', bad, bad, U'd'));
}

TEST(Utf8Valid, NamesTheFirstBadByte) {
    EXPECT_TRUE(utf8::valid(""));
    EXPECT_TRUE(utf8::valid("Gáivuotna – Kåfjord"));
    EXPECT_EQ(utf8::invalid_at("Gáivuotna"), std::string_view::npos);
    EXPECT_EQ(utf8::invalid_at("\xC5r"), 0u);          // Windows-1252 "År"
    EXPECT_EQ(utf8::invalid_at("ab\xE2\x82"), 2u);     // cut off: its first byte
    EXPECT_EQ(utf8::invalid_at("æ\xED\xA0\x80"), 2u);  // a surrogate after æ
}

TEST(Utf8Append, EncodesAndRefusesWhatUtf8CannotCarry) {
    EXPECT_EQ(utf8::encode(U'a'), "a");
    EXPECT_EQ(utf8::encode(0xE6), "\xC3\xA6");
    EXPECT_EQ(utf8::encode(0x14B), "\xC5\x8B");  // ŋ
    EXPECT_EQ(utf8::encode(0x20AC), "\xE2\x82\xAC");
    EXPECT_EQ(utf8::encode(0x1F600), "\xF0\x9F\x98\x80");
    EXPECT_EQ(utf8::encode(0x10FFFF), "\xF4\x8F\xBF\xBF");
    EXPECT_EQ(utf8::encode(0xD800), "\xEF\xBF\xBD");
    EXPECT_EQ(utf8::encode(0x110000), "\xEF\xBF\xBD");
    // Every code point survives the round trip.
    for (char32_t cp = 0; cp <= 0x10FFFF; cp += cp < 0x800 ? 1 : 97) {
        if (cp >= 0xD800 && cp <= 0xDFFF) continue;
        const std::string s = utf8::encode(cp);
        std::size_t at = 0;
        ASSERT_EQ(utf8::next(s, at), cp);
        ASSERT_EQ(at, s.size());
    }
}

TEST(Utf8Repaired, ReplacesEachMaximalSubpart) {
    EXPECT_EQ(utf8::repaired("Tromsø"), "Tromsø");
    EXPECT_EQ(utf8::repaired("T\xF8rn"), "T\xEF\xBF\xBDrn");  // Latin-1 ø
    EXPECT_EQ(utf8::repaired("a\xE2\x82"), "a\xEF\xBF\xBD");
    EXPECT_EQ(utf8::repaired("\xC0\xAF"), "\xEF\xBF\xBD\xEF\xBF\xBD");
}

TEST(Utf8Count, CountsCodePoints) {
    EXPECT_EQ(utf8::count(""), 0u);
    EXPECT_EQ(utf8::count("Bø i Vesterålen"), 15u);
    EXPECT_EQ(utf8::count("\xF0\x9F\x98\x80"), 1u);
    EXPECT_EQ(utf8::count("a\xE1\x80\xE2"), 3u);  // a and two bad subparts
}

TEST(Utf8BoundaryBefore, NeverSplitsACharacter) {
    const std::string s = "aæ€😀";  // 1 + 2 + 3 + 4 bytes
    EXPECT_EQ(utf8::boundary_before(s, 0), 0u);
    EXPECT_EQ(utf8::boundary_before(s, 1), 1u);
    EXPECT_EQ(utf8::boundary_before(s, 2), 1u);
    EXPECT_EQ(utf8::boundary_before(s, 4), 3u);
    EXPECT_EQ(utf8::boundary_before(s, 5), 3u);
    EXPECT_EQ(utf8::boundary_before(s, 6), 6u);
    EXPECT_EQ(utf8::boundary_before(s, 9), 6u);
    EXPECT_EQ(utf8::boundary_before(s, 10), 10u);
    EXPECT_EQ(utf8::boundary_before(s, 99), 10u);
    // Stray continuation bytes are no character to keep whole.
    EXPECT_EQ(utf8::boundary_before("a\x80\x80", 2), 2u);
}

TEST(Utf8Validator, FindsTheBadByteAcrossChunks) {
    // æ split between two chunks is fine.
    utf8::Validator split;
    EXPECT_EQ(split.feed("abc\xC3", 4), std::string::npos);
    EXPECT_FALSE(split.complete());
    EXPECT_EQ(split.feed("\xA6xyz", 4), std::string::npos);
    EXPECT_TRUE(split.complete());

    // A long ASCII run, then Windows-1252 "År": the bad byte is r, the lead Å.
    const std::string text = std::string(37, 'x') + "\xC5r";
    utf8::Validator latin;
    EXPECT_EQ(latin.feed(text.data(), text.size()), 38u);
    EXPECT_EQ(latin.lead(), 0xC5);

    utf8::Validator surrogate;
    EXPECT_EQ(surrogate.feed("\xED\xA0\x80", 3), 1u);
    utf8::Validator overlong;
    EXPECT_EQ(overlong.feed("\xC0\xAF", 2), 0u);
    EXPECT_EQ(overlong.lead(), 0xC0);
    utf8::Validator beyond;
    EXPECT_EQ(beyond.feed("\xF4\x90\x80\x80", 4), 1u);
    utf8::Validator cut;
    EXPECT_EQ(cut.feed("ok\xE2\x82", 4), std::string::npos);
    EXPECT_FALSE(cut.complete());
}

TEST(Utf8CodePointName, IsUnicodesNotation) {
    EXPECT_EQ(utf8::code_point_name(0x14B), "U+014B");
    EXPECT_EQ(utf8::code_point_name(0x1F600), "U+1F600");
}

}  // namespace
