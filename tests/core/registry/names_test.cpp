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

}  // namespace
