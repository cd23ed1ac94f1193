#include "kdx/number_format.hpp"

#include <gtest/gtest.h>

namespace {

using kdx::format_value;
using kdx::Unit;
using kdx::Value;

const std::string nbsp = "\u00a0";

TEST(NumberFormat, NorwegianGroupsWithSpacesAndUsesDecimalComma) {
    EXPECT_EQ(format_value(Value(1234), Unit::persons, "nb"), "1" + nbsp + "234");
    EXPECT_EQ(format_value(Value(1234567), Unit::persons, "nn"), "1" + nbsp + "234" + nbsp + "567");
    EXPECT_EQ(format_value(Value(12.5), Unit::percent, "nb"), "12,5" + nbsp + "%");
    EXPECT_EQ(format_value(Value(0.7), Unit::per_mille, "nb"), "0,7" + nbsp + "‰");
    EXPECT_EQ(format_value(Value(999), Unit::persons, "nb"), "999");
    EXPECT_EQ(format_value(Value(-1234), Unit::persons, "nb"), "-1" + nbsp + "234");
}

TEST(NumberFormat, EnglishGroupsWithCommas) {
    EXPECT_EQ(format_value(Value(1234), Unit::persons, "en"), "1,234");
    EXPECT_EQ(format_value(Value(12.5), Unit::percent, "en"), "12.5%");
    EXPECT_EQ(format_value(Value(1234.5), Unit::percent, "en"), "1,234.5%");
}

TEST(NumberFormat, RoundsToTheUnitsPrecision) {
    EXPECT_EQ(format_value(Value(2.0 / 3.0 * 100), Unit::percent, "en"), "66.7%");
    EXPECT_EQ(format_value(Value(12.4), Unit::persons, "en"), "12");
    EXPECT_EQ(format_value(Value(12.25), Unit::persons, "en", 2), "12.25");
    EXPECT_EQ(format_value(Value(-0.04), Unit::percent, "en"), "0.0%");
}

TEST(NumberFormat, SuppressedAndMissingAsSsbWritesThem) {
    EXPECT_EQ(format_value(Value::suppressed(), Unit::persons, "nb"), ":");
    EXPECT_EQ(format_value(Value::missing(), Unit::percent, "en"), "..");
    EXPECT_EQ(format_value(Value(0), Unit::persons, "nb"), "0");
}

TEST(NumberFormat, Changes) {
    EXPECT_EQ(kdx::format_change(Value(12), Unit::persons, "nb"), "+12");
    EXPECT_EQ(kdx::format_change(Value(-3), Unit::persons, "nb"), "-3");
    EXPECT_EQ(kdx::format_change(Value(), Unit::persons, "nb"), "");
}

}  // namespace

TEST(FormatDate, WritesDatesAsPeopleWriteThem) {
    EXPECT_EQ(kdx::format_date("2026-12-04", "nb"), "4. desember 2026");
    EXPECT_EQ(kdx::format_date("2026-12-04", "nn"), "4. desember 2026");
    EXPECT_EQ(kdx::format_date("2026-12-04", "en"), "4 December 2026");
    EXPECT_EQ(kdx::format_date("2019-02-13", "nb"), "13. februar 2019");
    EXPECT_EQ(kdx::format_date("2019-03-01", "en"), "1 March 2019");
    // Not a date: left as it is rather than guessed at.
    EXPECT_EQ(kdx::format_date("", "nb"), "");
    EXPECT_EQ(kdx::format_date("desember 2026", "nb"), "desember 2026");
    EXPECT_EQ(kdx::format_date("2026-13-04", "nb"), "2026-13-04");
}
