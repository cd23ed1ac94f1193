// The option grammar of kdx/options.hpp, which the CLI, kdx-plugin-check and
// every format share.
#include "kdx/options.hpp"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

namespace {

using kdx::OptionInfo;
using kdx::OptionReader;
using testing::HasSubstr;
using Type = OptionInfo::Type;

const std::vector<OptionInfo> declared{
    {"header", Type::boolean, "true", {}, "Write a header line"},
    {"pretty", Type::boolean, "false", {}, "Indent"},
    {"max-rows", Type::integer, "1000", {}, "Most rows"},
    {"indicators", Type::choice, "all", {"all", "settlement"}, "Which indicators"},
    {"title", Type::string, "", {}, "A title"},
};

// The message of the OptionError that constructing a reader throws, or "".
std::string refusal(const kdx::Options& given,
                    OptionReader::Unknown unknown = OptionReader::Unknown::refuse) {
    try {
        OptionReader read(declared, given, unknown);
    } catch (const kdx::OptionError& e) {
        return e.what();
    }
    return "";
}

TEST(ParseBoolean, TakesTrueFalseYesNoOneZeroInAnyCase) {
    for (const char* t : {"true", "TRUE", "True", "yes", "YES", "Yes", "1"})
        EXPECT_EQ(kdx::parse_boolean(t), true) << t;
    for (const char* f : {"false", "FALSE", "no", "No", "NO", "0"})
        EXPECT_EQ(kdx::parse_boolean(f), false) << f;
    for (const char* bad : {"", "y", "n", "on", "off", "2", "01", " true", "true ", "ja", "nei"})
        EXPECT_FALSE(kdx::parse_boolean(bad).has_value()) << '"' << bad << '"';
}

TEST(ParseInteger, TakesDecimalDigitsWithAnOptionalSign) {
    EXPECT_EQ(kdx::parse_integer("12"), 12);
    EXPECT_EQ(kdx::parse_integer("-12"), -12);
    EXPECT_EQ(kdx::parse_integer("+12"), 12);
    EXPECT_EQ(kdx::parse_integer("007"), 7);
    EXPECT_EQ(kdx::parse_integer("9223372036854775807"), 9223372036854775807LL);
    for (const char* bad : {"", "+", "-", "+-1", "1.5", "1e3", " 1", "1 ", "0x10", "12k",
                            "9223372036854775808", "1,000"})
        EXPECT_FALSE(kdx::parse_integer(bad).has_value()) << '"' << bad << '"';
}

TEST(OptionReader, GivesTheDeclaredDefaultsForOptionsNotGiven) {
    OptionReader read(declared, {});
    EXPECT_TRUE(read.boolean("header"));
    EXPECT_FALSE(read.boolean("pretty"));
    EXPECT_EQ(read.integer("max-rows"), 1000);
    EXPECT_EQ(read.choice("indicators"), "all");
    EXPECT_EQ(read.text("title"), "");
    EXPECT_FALSE(read.given("header"));
}

TEST(OptionReader, ReadsGivenValuesTyped) {
    OptionReader read(declared, {{"header", "No"},
                                 {"pretty", "YES"},
                                 {"max-rows", "-5"},
                                 {"indicators", "settlement"},
                                 {"title", "Bosetting 2018"}});
    EXPECT_FALSE(read.boolean("header"));
    EXPECT_TRUE(read.boolean("pretty"));
    EXPECT_EQ(read.integer("max-rows"), -5);
    EXPECT_EQ(read.choice("indicators"), "settlement");
    EXPECT_EQ(read.text("title"), "Bosetting 2018");
    EXPECT_TRUE(read.given("header"));
    // The text of a boolean is as the user wrote it.
    EXPECT_EQ(read.text("header"), "No");
}

TEST(OptionReader, RefusesABadValueNamingOptionValueAndWhatIsAccepted) {
    EXPECT_EQ(refusal({{"header", "maybe"}}),
              "option header: expected true or false (or yes/no, 1/0), found \"maybe\"");
    EXPECT_EQ(refusal({{"max-rows", "12.5"}}),
              "option max-rows: expected a whole number, found \"12.5\"");
    EXPECT_EQ(refusal({{"indicators", "All"}}),
              "option indicators: expected all or settlement, found \"All\"");
    EXPECT_EQ(refusal({{"title", ""}}), "");  // text takes anything
}

TEST(OptionReader, RefusesAnUnknownNameWithTheClosestDeclaredOne) {
    EXPECT_EQ(refusal({{"haeder", "true"}}),
              "unknown option \"haeder\"; did you mean header?; valid options: header, pretty, "
              "max-rows, indicators, title");
    EXPECT_EQ(refusal({{"max-row", "5"}}),
              "unknown option \"max-row\"; did you mean max-rows?; valid options: header, "
              "pretty, max-rows, indicators, title");
    // Nothing close: no guess.
    EXPECT_EQ(refusal({{"colour", "red"}}),
              "unknown option \"colour\"; valid options: header, pretty, max-rows, indicators, "
              "title");
    try {
        OptionReader read({}, {{"x", "1"}});
        FAIL() << "expected an OptionError";
    } catch (const kdx::OptionError& e) {
        EXPECT_STREQ(e.what(), "unknown option \"x\"; this format takes no options");
    }
}

TEST(OptionReader, IgnoresUnknownNamesWhenAskedButStillChecksItsOwn) {
    EXPECT_EQ(refusal({{"delimiter", ";"}}, OptionReader::Unknown::ignore), "");
    EXPECT_THAT(refusal({{"delimiter", ";"}, {"pretty", "2"}}, OptionReader::Unknown::ignore),
                HasSubstr("option pretty: expected true or false"));
}

TEST(OptionReader, ChecksARangeAsked) {
    OptionReader read(declared, {{"max-rows", "0"}});
    try {
        read.integer("max-rows", 1, 100);
        FAIL() << "expected an OptionError";
    } catch (const kdx::OptionError& e) {
        EXPECT_STREQ(e.what(),
                     "option max-rows: expected a whole number from 1 to 100, found \"0\"");
    }
    try {
        read.integer("max-rows", 1, std::numeric_limits<long long>::max());
        FAIL() << "expected an OptionError";
    } catch (const kdx::OptionError& e) {
        EXPECT_STREQ(e.what(), "option max-rows: expected a whole number from 1 up, found \"0\"");
    }
    EXPECT_EQ(OptionReader(declared, {}).integer("max-rows", 1, 1000), 1000);
}

TEST(OptionReader, ReadingAnUndeclaredOptionIsAnErrorOfTheFormat) {
    OptionReader read(declared, {});
    try {
        read.boolean("verbose");
        FAIL() << "expected an Error";
    } catch (const kdx::OptionError&) {
        FAIL() << "not the user's mistake";
    } catch (const kdx::Error& e) {
        EXPECT_STREQ(e.what(), "option verbose is read but not declared");
    }
}

TEST(OptionValueValid, IsTheGrammarOfEachType) {
    EXPECT_TRUE(kdx::option_value_valid(declared[0], "no"));
    EXPECT_FALSE(kdx::option_value_valid(declared[0], "nope"));
    EXPECT_TRUE(kdx::option_value_valid(declared[2], "+3"));
    EXPECT_FALSE(kdx::option_value_valid(declared[2], "three"));
    EXPECT_TRUE(kdx::option_value_valid(declared[3], "settlement"));
    EXPECT_FALSE(kdx::option_value_valid(declared[3], "Settlement"));
    EXPECT_EQ(kdx::accepted_values(declared[3]), "all or settlement");
}

}  // namespace
