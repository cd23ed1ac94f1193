// Values as Norwegian partners write them.
#include "table/cell_value.hpp"

#include <gtest/gtest.h>

#include "table_test_support.hpp"

namespace {

using kdx::Value;
using kdx::test::number;
using kdx::test::text;
using namespace kdx::table_detail;

std::optional<double> parse(const std::string& s, DecimalMark d = DecimalMark::automatic) {
    Mark mark = Mark::none;
    return parse_number(s, d, &mark);
}

TEST(CellValue, DecimalCommaAndSpacesAsThousandsSeparators) {
    EXPECT_EQ(parse("12,5"), 12.5);
    EXPECT_EQ(parse("1 234"), 1234);
    EXPECT_EQ(parse("1\u00a0234"), 1234);                    // no-break space
    EXPECT_EQ(parse("1\u202f234\u202f567,25"), 1234567.25);  // narrow no-break space
    EXPECT_EQ(parse(" 42 "), 42);
    EXPECT_EQ(parse("1.234,5"), 1234.5);
    EXPECT_EQ(parse("1.234.567"), 1234567);
    EXPECT_EQ(parse("-3"), -3);
    EXPECT_EQ(parse("\u22123"), -3);  // minus sign
    EXPECT_EQ(parse(",5"), 0.5);
}

TEST(CellValue, DecimalPointWhereTheFileUsesIt) {
    EXPECT_EQ(parse("0.7"), 0.7);
    EXPECT_EQ(parse("50.00"), 50);
    EXPECT_EQ(parse("1,234.5"), 1234.5);
    EXPECT_EQ(parse("1,5", DecimalMark::point), std::nullopt);  // not a group of three
    EXPECT_EQ(parse("1.5", DecimalMark::comma), std::nullopt);
    EXPECT_EQ(parse("1.500", DecimalMark::comma), 1500);
}

TEST(CellValue, PercentAndPerMilleSigns) {
    Mark mark = Mark::none;
    EXPECT_EQ(parse_number("12,5 %", DecimalMark::automatic, &mark), 12.5);
    EXPECT_EQ(mark, Mark::percent);
    EXPECT_EQ(parse_number("12,5%", DecimalMark::automatic, &mark), 12.5);
    EXPECT_EQ(mark, Mark::percent);
    EXPECT_EQ(parse_number("0,7 \u2030", DecimalMark::automatic, &mark), 0.7);
    EXPECT_EQ(mark, Mark::per_mille);
}

// A spreadsheet number under a percent format comes in percent, shown as the
// user sees it (kdx/table.hpp); a plain number has no mark.
TEST(CellValue, PercentFormattedNumbers) {
    ValueRules rules;
    kdx::Cell cell = number(104.67);
    cell.text = "104,7 %";
    Reading r = read_number(cell, rules);
    EXPECT_EQ(r.value, Value(104.67));
    EXPECT_EQ(r.mark, Mark::percent);
    EXPECT_FALSE(read_count(cell, rules));
    EXPECT_EQ(expected_found("a whole number", cell), "expected a whole number, found \"104,7 %\"");
    cell.text = "104.67";
    EXPECT_EQ(read_number(cell, rules).mark, Mark::none);
    EXPECT_EQ(read_number(number(1.0467), rules).mark, Mark::none);
}

TEST(CellValue, TextThatIsNoNumber) {
    for (const char* s : {"tolv", "12 34", "1 2345", "1,2,3", "12,", "", "-", "%", "1e5", "12a"})
        EXPECT_EQ(parse(s), std::nullopt) << s;
}

TEST(CellValue, MissingSuppressedAndZeroStayApart) {
    ValueRules rules;
    EXPECT_TRUE(read_count(text(""), rules).value.is_missing());
    EXPECT_TRUE(read_count(text("  "), rules).value.is_missing());
    EXPECT_TRUE(read_count(text("-"), rules).value.is_missing());
    EXPECT_TRUE(read_count(text(":"), rules).value.is_suppressed());
    // "." is no figure in every convention kdx knows; never suppressed.
    EXPECT_TRUE(read_count(text("."), rules).value.is_missing());
    Reading zero = read_count(text("0"), rules);
    ASSERT_TRUE(zero);
    EXPECT_EQ(zero.value, Value(0));
    EXPECT_TRUE(read_count(number(0), rules).value.has_value());
}

TEST(CellValue, CountsAreWholeAndNotNegative) {
    ValueRules rules;
    EXPECT_EQ(read_count(text("1 234"), rules).value, Value(1234));
    EXPECT_EQ(read_count(number(12), rules).value, Value(12));
    EXPECT_EQ(read_count(text("tolv"), rules).expected, "a whole number");
    EXPECT_EQ(read_count(text("12,5"), rules).expected, "a whole number");
    EXPECT_EQ(read_count(number(12.5), rules).expected, "a whole number");
    EXPECT_EQ(read_count(text("12 %"), rules).expected, "a whole number");
    EXPECT_EQ(read_count(text("-3"), rules).expected, "a whole number of 0 or more");
    EXPECT_EQ(read_number(text("-3"), rules).value, Value(-3));
}

TEST(CellValue, MessagesQuoteWhatTheCellHeld) {
    EXPECT_EQ(expected_found("a whole number", text("tolv")),
              "expected a whole number, found \"tolv\"");
    EXPECT_EQ(expected_found("a whole number", number(12.5)),
              "expected a whole number, found \"12.5\"");
    EXPECT_EQ(expected_found("a year such as 2018", text("")),
              "expected a year such as 2018, found nothing");
    kdx::Cell error;
    error.type = kdx::Cell::Type::error;
    error.text = "#N/A";
    EXPECT_EQ(expected_found("a number", error), "expected a number, found the error \"#N/A\"");
}

TEST(CellValue, Years) {
    EXPECT_EQ(read_year(text("2018")), 2018);
    EXPECT_EQ(read_year(text(" 2018 ")), 2018);
    EXPECT_EQ(read_year(number(2018)), 2018);
    EXPECT_EQ(read_year(text("18")), std::nullopt);
    EXPECT_EQ(read_year(text("2O18")), std::nullopt);
    EXPECT_EQ(read_year(number(2018.5)), std::nullopt);
    EXPECT_EQ(read_year(number(3018)), std::nullopt);
}

}  // namespace

// SSB's standard symbols, as Statistics Norway lists them: ":" not for
// publication, ".." not available, "..." not yet available, "." not
// applicable, "-" nil.
TEST(CellValue, SsbSymbols) {
    ValueRules rules = symbol_rules(Symbols::ssb);
    EXPECT_TRUE(read_count(text(":"), rules).value.is_suppressed());
    for (const char* s : {"..", "...", ".", " . ", ""})
        EXPECT_TRUE(read_count(text(s), rules).value.is_missing()) << s;
    Reading nil = read_count(text("-"), rules);
    ASSERT_TRUE(nil);
    EXPECT_EQ(nil.value, Value(0));
    EXPECT_EQ(read_number(text("-"), rules).value, Value(0));
    EXPECT_EQ(read_number(text("-3"), rules).value, Value(-3));
}

TEST(CellValue, ImdiSymbols) {
    ValueRules rules = symbol_rules(Symbols::imdi);
    for (const char* s : {".", "..", "...", "-", "NULL", "null"})
        EXPECT_TRUE(read_count(text(s), rules).value.is_missing()) << s;
    EXPECT_TRUE(read_count(text(":"), rules).value.is_suppressed());
}

// No convention turns a "no figure" symbol into suppressed or into 0.
TEST(CellValue, NoFigureIsNeverSuppressedOrZero) {
    for (Symbols s : {Symbols::kdx, Symbols::ssb, Symbols::imdi}) {
        ValueRules rules = symbol_rules(s);
        for (const char* t : {"..", "...", "."}) {
            Value v = read_count(text(t), rules).value;
            EXPECT_TRUE(v.is_missing()) << symbols_name(s) << " " << t;
        }
    }
}

TEST(CellValue, SymbolsByName) {
    EXPECT_EQ(symbols_named("SSB"), Symbols::ssb);
    EXPECT_EQ(symbols_named("imdi"), Symbols::imdi);
    EXPECT_EQ(symbols_named("kdx"), Symbols::kdx);
    EXPECT_EQ(symbols_named("scb"), std::nullopt);
}
