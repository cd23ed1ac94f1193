#include "kdx/value.hpp"

#include <gtest/gtest.h>

namespace {

using kdx::Value;

TEST(Value, MissingZeroAndSuppressedAreThreeDifferentThings) {
    Value missing, zero(0), suppressed = Value::suppressed();
    EXPECT_TRUE(missing.is_missing());
    EXPECT_TRUE(zero.has_value());
    EXPECT_TRUE(suppressed.is_suppressed());
    EXPECT_NE(missing, zero);
    EXPECT_NE(zero, suppressed);
    EXPECT_NE(missing, suppressed);
    EXPECT_EQ(kdx::to_string(missing), "");
    EXPECT_EQ(kdx::to_string(zero), "0");
    EXPECT_EQ(kdx::to_string(suppressed), ":");
}

TEST(Value, TextIsShortestThatReadsBack) {
    EXPECT_EQ(kdx::to_string(Value(12)), "12");
    EXPECT_EQ(kdx::to_string(Value(0.7)), "0.7");
    EXPECT_EQ(kdx::to_string(Value(-3.25)), "-3.25");
    EXPECT_EQ(kdx::to_string(Value(-0.0)), "0");
    EXPECT_EQ(kdx::to_string(Value(1234567)), "1234567");
    EXPECT_EQ(std::stod(kdx::to_string(Value(0.1 + 0.2))), 0.1 + 0.2);
}

TEST(Value, WholeNumbers) {
    EXPECT_TRUE(Value(5).is_whole());
    EXPECT_FALSE(Value(5.5).is_whole());
    EXPECT_FALSE(Value().is_whole());
    EXPECT_FALSE(Value::suppressed().is_whole());
}

}  // namespace
