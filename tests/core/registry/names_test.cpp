// Folding and comparing municipality names.
#include "registry/names.hpp"

#include <gtest/gtest.h>

namespace {

using namespace kdx::registry_detail;

TEST(RegistryNames, FormsSplitOnSpacedDashOnly) {
    EXPECT_EQ(name_forms("Kárášjohka - Karasjok"),
              (std::vector<std::string>{"Kárášjohka", "Karasjok"}));
    EXPECT_EQ(name_forms("Aurskog-Høland"), std::vector<std::string>{"Aurskog-Høland"});
    EXPECT_EQ(name_forms("Storfjord - Omasvuotna - Omasvuono").size(), 3u);
}

TEST(RegistryNames, FoldingIgnoresCaseDiacriticsAndQualifiers) {
    EXPECT_EQ(fold_name("Bærum"), "baerum");
    EXPECT_EQ(fold_name("BÆRUM"), "baerum");
    EXPECT_EQ(fold_name("Baerum"), "baerum");
    EXPECT_EQ(fold_name("Kárášjohka"), "karasjohka");
    EXPECT_EQ(fold_name("Porsáŋgu"), "porsangu");
    EXPECT_EQ(fold_name("Våler (Viken)"), "valer");
    EXPECT_EQ(fold_name("Aurskog-Høland"), "aurskog holand");
    EXPECT_EQ(fold_name("  Aurskog   Høland "), "aurskog holand");
    EXPECT_EQ(fold_name("Tromsø"), fold_name("Tromsoe"));
    EXPECT_EQ(fold_name("Ås"), fold_name("Aas"));
    EXPECT_NE(fold_name("Ås"), fold_name("Ål"));
}

TEST(RegistryNames, NamesMatchOnAnyForm) {
    EXPECT_TRUE(names_match("Karasjok", "Kárášjohka - Karasjok"));
    EXPECT_TRUE(names_match("kárášjohka", "Kárášjohka - Karasjok"));
    EXPECT_TRUE(names_match("Karasjok - Kárášjohka", "Kárášjohka - Karasjok"));
    EXPECT_FALSE(names_match("Kautokeino", "Kárášjohka - Karasjok"));
    EXPECT_TRUE(names_match("Baerum", "Bærum"));
}

TEST(RegistryNames, EditDistanceCountsSwapsAsOne) {
    EXPECT_EQ(edit_distance("", ""), 0u);
    EXPECT_EQ(edit_distance("abc", ""), 3u);
    EXPECT_EQ(edit_distance("steinkjer", "stienkjer"), 1u);
    EXPECT_EQ(edit_distance("1702", "1703"), 1u);
    EXPECT_EQ(edit_distance("1702", "7102"), 1u);
    EXPECT_EQ(edit_distance("kitten", "sitting"), 3u);
    EXPECT_EQ(name_distance("Barum", "Bærum"), 1u);
    EXPECT_EQ(name_distance("Karasjokk", "Kárášjohka - Karasjok"), 1u);
}

// A limit may cut the table short, but never changes a distance within it.
TEST(RegistryNames, EditDistanceWithALimitAgreesUpToTheLimit) {
    const char* words[] = {"",          "a",      "ab",      "ba",          "abc",
                           "1702",      "7102",   "1720",    "0301",        "steinkjer",
                           "stienkjer", "kitten", "sitting", "Kommune 100", "kommune"};
    // A string longer than the stack rows (64 cells) takes the heap path.
    const std::string long_a(80, 'x'), long_b = std::string(79, 'x') + "y";
    EXPECT_EQ(edit_distance(long_a, long_b), 1u);
    EXPECT_EQ(edit_distance(long_a, long_b, 0), 1u);
    for (const char* a : words)
        for (const char* b : words) {
            const std::size_t full = edit_distance(a, b);
            for (std::size_t limit = 0; limit <= 4; ++limit) {
                SCOPED_TRACE(std::string(a) + " / " + b + " limit " + std::to_string(limit));
                const std::size_t bounded = edit_distance(a, b, limit);
                if (full <= limit)
                    EXPECT_EQ(bounded, full);
                else
                    EXPECT_GT(bounded, limit);
            }
        }
}

// folded_distance() skips pairs by their lengths and by their letters'
// counts; what it gives must be the smallest edit distance between any two
// forms whenever that is below the limit. Anagrams, swapped neighbours, bytes
// that share their low five bits ('a', 'A', '!') and multi-byte letters are
// where a wrong bound would show.
TEST(RegistryNames, FoldedDistanceIsTheClosestFormsDistanceBelowTheLimit) {
    const char* names[] = {"Kárášjohka - Karasjok",
                           "Bodø",
                           "Døbo",
                           "Steinkjer",
                           "Stienkjer",
                           "Kommune 100",
                           "Kommune 1001",
                           "Oslo",
                           "Olso",
                           "Slo",
                           "!slo",
                           "OSLO",
                           "Unjárga - Nesseby",
                           "Nesseby",
                           "Ålesund",
                           "Alesund",
                           "Aurskog-Høland",
                           "Porsáŋgu - Porsanki - Porsanger",
                           "Porsangu",
                           "Tana",
                           "Deatnu - Tana",
                           "Snåase - Snåsa",
                           "Snasa",
                           "Rælingen",
                           "Rlingeen"};
    for (const char* a : names)
        for (const char* b : names) {
            const auto fa = folded_forms(a), fb = folded_forms(b);
            std::size_t closest = std::string::npos;
            for (const std::string& x : fa)
                for (const std::string& y : fb) closest = std::min(closest, edit_distance(x, y));
            for (std::size_t limit : {std::size_t{1}, std::size_t{2}, std::size_t{3},
                                      std::size_t{5}, std::string::npos}) {
                SCOPED_TRACE(std::string(a) + " / " + b + " limit " + std::to_string(limit));
                const std::size_t got = folded_distance(fa, fb, limit);
                if (closest < limit)
                    EXPECT_EQ(got, closest);
                else
                    EXPECT_GE(got, limit);
            }
        }
}

}  // namespace
