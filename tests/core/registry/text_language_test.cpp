// Where a report's text changes language: the Sámi and Kven forms of official
// municipality and county names.
#include "kdx/text_language.hpp"

#include <gtest/gtest.h>

#include <fstream>
#include <sstream>

#include "test_support.hpp"

namespace {

using Spans = std::vector<std::pair<std::string, std::string>>;  // text, language

Spans spans_of(std::string_view text) {
    Spans out;
    std::string joined;
    for (const kdx::LanguageSpan& s : kdx::language_spans(text)) {
        out.emplace_back(std::string(s.text), std::string(s.language));
        joined += s.text;
    }
    EXPECT_EQ(joined, text) << "the spans must give the text back";
    return out;
}

TEST(TextLanguage, SamiAndKvenFormsOfANameAreMarked) {
    EXPECT_EQ(spans_of("Guovdageaidnu - Kautokeino"),
              (Spans{{"Guovdageaidnu", "se"}, {" - Kautokeino", ""}}));
    EXPECT_EQ(spans_of("Bosetting i Snåase – Snåsa 2014"),
              (Spans{{"Bosetting i ", ""}, {"Snåase", "sma"}, {" – Snåsa 2014", ""}}));
    EXPECT_EQ(spans_of("Porsanger - Porsáŋgu - Porsanki"),
              (Spans{{"Porsanger - ", ""}, {"Porsáŋgu", "se"}, {" - ", ""}, {"Porsanki", "fkv"}}));
    EXPECT_EQ(spans_of("Hábmer - Hamarøy"), (Spans{{"Hábmer", "smj"}, {" - Hamarøy", ""}}));
    EXPECT_EQ(spans_of("(Kárášjohka)"), (Spans{{"(", ""}, {"Kárášjohka", "se"}, {")", ""}}));
}

TEST(TextLanguage, AMultiWordFormIsOneSpan) {
    EXPECT_EQ(spans_of("Troms og Finnmark - Romsa ja Finnmárku - Tromssa ja Finmarkku"),
              (Spans{{"Troms og Finnmark - ", ""},
                     {"Romsa ja Finnmárku", "se"},
                     {" - ", ""},
                     {"Tromssa ja Finmarkku", "fkv"}}));
}

TEST(TextLanguage, OnlyWholeWordsAreMarked) {
    // Part of a longer word, or a Norwegian name: not a Sámi name form.
    EXPECT_EQ(spans_of("Rosseland og Rossevatn"), (Spans{{"Rosseland og Rossevatn", ""}}));
    EXPECT_EQ(spans_of("Guovdageaidnus"), (Spans{{"Guovdageaidnus", ""}}));
    EXPECT_EQ(spans_of("Kautokeino og Karasjok"), (Spans{{"Kautokeino og Karasjok", ""}}));
    EXPECT_EQ(spans_of(""), (Spans{{"", ""}}));
    // Typographic punctuation is no part of a word.
    EXPECT_EQ(spans_of("«Deatnu»"), (Spans{{"«", ""}, {"Deatnu", "se"}, {"»", ""}}));
    EXPECT_EQ(spans_of("Deatnu\u00a0kommune"), (Spans{{"Deatnu", "se"}, {"\u00a0kommune", ""}}));
}

TEST(TextLanguage, LanguageOfANameForm) {
    EXPECT_EQ(kdx::name_language("Guovdageaidnu"), "se");
    EXPECT_EQ(kdx::name_language("Aarborte"), "sma");
    EXPECT_EQ(kdx::name_language("Nordlánnda"), "smj");
    EXPECT_EQ(kdx::name_language("Tromssa"), "fkv");
    EXPECT_EQ(kdx::name_language("Kautokeino"), "");
}

// Every official multilingual name in the registry's lists (Kartverket's 2024
// lists, SSB's 2018 list, the county list) has exactly one Norwegian form; the
// others must all be in the table, or a report would read them as Norwegian.
TEST(TextLanguage, EveryFormOfAnOfficialNameButTheNorwegianOneHasALanguage) {
    const auto dir = kdx::test::source_dir() / "data/registry";
    std::size_t names = 0;
    for (const char* file : {"municipalities-2024.csv", "municipalities-2018.csv",
                             "counties-2024.csv", "counties.csv"}) {
        std::ifstream in(dir / file);
        ASSERT_TRUE(in) << file;
        std::string line;
        std::getline(in, line);
        while (std::getline(in, line)) {
            if (!line.empty() && line.back() == '\r')
                line.pop_back();  // some lists end lines with CRLF
            std::istringstream fields(line);
            std::vector<std::string> f;
            for (std::string field; std::getline(fields, field, ',');) f.push_back(field);
            for (const std::string& name : f) {
                if (name.find(" - ") == std::string::npos) continue;
                ++names;
                std::vector<std::string> forms;
                for (std::size_t from = 0;;) {
                    std::size_t at = name.find(" - ", from);
                    forms.push_back(name.substr(from, at - from));
                    if (at == std::string::npos) break;
                    from = at + 3;
                }
                std::size_t norwegian = 0;
                for (const std::string& form : forms)
                    if (kdx::name_language(form).empty()) ++norwegian;
                EXPECT_EQ(norwegian, 1u) << file << ": " << name;
            }
        }
    }
    EXPECT_GT(names, 40u);
}

}  // namespace
