#include "kdx/value.hpp"

#include <gtest/gtest.h>

#include <charconv>
#include <random>
#include <string>
#include <vector>

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

namespace {

std::string with_to_chars(double number) {
    char buffer[32];
    auto result = std::to_chars(buffer, buffer + sizeof buffer, number);
    return std::string(buffer, result.ptr);
}

// Whole numbers are written without to_chars; the text must be to_chars's,
// the exponent form included ("1e+05" is shorter than "100000").
TEST(ValueText, WholeNumbersReadAsToCharsWritesThem) {
    std::vector<double> numbers;
    for (int n = -20000; n <= 200000; ++n) numbers.push_back(n);
    for (double d = 1; d < 1000; ++d)
        for (double scale = 1; scale < 1e17; scale *= 10) {
            numbers.push_back(d * scale);
            numbers.push_back(-d * scale);
        }
    std::mt19937_64 random(17);
    for (int i = 0; i < 200000; ++i)
        numbers.push_back(static_cast<double>(random() >> (11 + i % 50)));
    numbers.push_back(9007199254740991.0);
    numbers.push_back(9007199254740992.0);
    numbers.push_back(-9007199254740992.0);
    int exponent_forms = 0;
    for (double n : numbers) {
        const std::string expected = with_to_chars(n == 0 ? 0 : n);
        ASSERT_EQ(kdx::to_string(kdx::Value(n)), expected) << std::fixed << n;
        exponent_forms += expected.find('e') != std::string::npos;
    }
    EXPECT_GT(exponent_forms, 1000);  // the tie rule was exercised
    EXPECT_EQ(kdx::to_string(kdx::Value(-0.0)), "0");
    EXPECT_EQ(kdx::to_string(kdx::Value(2.5)), "2.5");
}

}  // namespace
