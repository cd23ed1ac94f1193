// SOURCE_DATE_EPOCH read by one rule for every writer: whole, non-negative
// seconds in ASCII digits, as https://reproducible-builds.org/specs/source-date-epoch/ asks.
#include "kdx/source_date.hpp"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <cstdlib>

namespace {

class SourceDate : public ::testing::Test {
  protected:
    void TearDown() override { ::unsetenv("SOURCE_DATE_EPOCH"); }
    std::optional<std::time_t> read(const char* value, std::string& bad) {
        if (value)
            ::setenv("SOURCE_DATE_EPOCH", value, 1);
        else
            ::unsetenv("SOURCE_DATE_EPOCH");
        return kdx::source_date_epoch(bad);
    }
};

TEST_F(SourceDate, WholeSecondsAreTheTime) {
    std::string bad;
    EXPECT_EQ(read("1545350400", bad), std::optional<std::time_t>(1545350400));  // 2018-12-21
    EXPECT_EQ(bad, "");
    EXPECT_EQ(read("0", bad), std::optional<std::time_t>(0));
}

TEST_F(SourceDate, UnsetOrEmptyIsNoTimeAndNoProblem) {
    std::string bad = "x";
    EXPECT_EQ(read(nullptr, bad), std::nullopt);
    EXPECT_EQ(bad, "");
    EXPECT_EQ(read("", bad), std::nullopt);
    EXPECT_EQ(bad, "");
}

TEST_F(SourceDate, AnythingElseIsRefusedWithItsText) {
    for (const char* value :
         {"12abc", "-5", " 12", "12.5", "+12", "1e9", "99999999999999999999999"}) {
        std::string bad;
        EXPECT_EQ(read(value, bad), std::nullopt) << value;
        EXPECT_EQ(bad, value);
    }
}

TEST_F(SourceDate, OutputTimeWarnsOnceAndFallsBackToNow) {
    kdx::Diagnostics diagnostics;
    ::setenv("SOURCE_DATE_EPOCH", "yesterday", 1);
    const std::time_t before = std::time(nullptr);
    const std::time_t when = kdx::output_time(diagnostics, "pdf", "the PDF is dated now");
    EXPECT_GE(when, before);
    ASSERT_EQ(diagnostics.count(kdx::Severity::warning), 1u);
    EXPECT_THAT(diagnostics.items().front().message,
                ::testing::HasSubstr("pdf: SOURCE_DATE_EPOCH is \"yesterday\", not a number of "
                                     "seconds; the PDF is dated now"));
    ::setenv("SOURCE_DATE_EPOCH", "1545350400", 1);
    EXPECT_EQ(kdx::output_time(diagnostics, "pdf"), 1545350400);
    EXPECT_EQ(diagnostics.count(kdx::Severity::warning), 1u);
}

}  // namespace
