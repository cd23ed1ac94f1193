// StringIndex (core/src/string_index.hpp): ordinals in the order strings first
// came, through the table's growth.
#include "string_index.hpp"

#include <gtest/gtest.h>

#include <string>

namespace {

using kdx::StringIndex;

TEST(StringIndex, GivesOrdinalsInTheOrderStringsCame) {
    StringIndex index;
    EXPECT_EQ(index.find("0301"), StringIndex::npos);
    EXPECT_EQ(index.insert("0301"), std::make_pair(0u, true));
    EXPECT_EQ(index.insert("1103"), std::make_pair(1u, true));
    EXPECT_EQ(index.insert("0301"), std::make_pair(0u, false));
    // The empty string and prefixes are strings of their own.
    EXPECT_EQ(index.insert(""), std::make_pair(2u, true));
    EXPECT_EQ(index.insert("030"), std::make_pair(3u, true));
    EXPECT_EQ(index.find(""), 2u);
    EXPECT_EQ(index.find("03011"), StringIndex::npos);
    EXPECT_EQ(index[0], "0301");
    EXPECT_EQ(index[2], "");
    EXPECT_EQ(index[3], "030");
    EXPECT_EQ(index.size(), 4u);
}

TEST(StringIndex, KeepsEveryStringAsItGrows) {
    StringIndex index;
    for (int i = 0; i < 50000; ++i) EXPECT_TRUE(index.insert(std::to_string(i)).second);
    for (int i = 49999; i >= 0; --i) {
        const std::string s = std::to_string(i);
        ASSERT_EQ(index.find(s), static_cast<std::uint32_t>(i)) << s;
        ASSERT_EQ(index[static_cast<std::uint32_t>(i)], s);
        ASSERT_EQ(index.insert(s), std::make_pair(static_cast<std::uint32_t>(i), false));
    }
    EXPECT_EQ(index.find("50000"), StringIndex::npos);
    EXPECT_EQ(index.size(), 50000u);
}

}  // namespace
