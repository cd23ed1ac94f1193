// Header synonyms, municipality cells and total rows.
#include "table/fields.hpp"

#include <gtest/gtest.h>

#include "table/municipality_cell.hpp"
#include "table_test_support.hpp"

namespace {

using namespace kdx::table_detail;
using kdx::test::number;
using kdx::test::text;

Field field_of(const std::string& header) {
    auto m = match_header(header);
    return m ? m->field : Field::ignore;
}

TEST(Fields, NorwegianHeadersInAnyCaseAndSpacing) {
    EXPECT_EQ(field_of("Kommunenr"), Field::municipality_number);
    EXPECT_EQ(field_of("KNR"), Field::municipality_number);
    EXPECT_EQ(field_of("Kommunenummer"), Field::municipality_number);
    EXPECT_EQ(field_of("Kommune nr."), Field::municipality_number);
    EXPECT_EQ(field_of("kommune_id"), Field::municipality_number);
    EXPECT_EQ(field_of("  Kommune "), Field::municipality);
    EXPECT_EQ(field_of("Kommunenavn"), Field::municipality_name);
    EXPECT_EQ(field_of("År"), Field::year);
    EXPECT_EQ(field_of("ÅR"), Field::year);
    EXPECT_EQ(field_of("aar"), Field::year);
    EXPECT_EQ(field_of("Anmodning"), Field::requested);
    EXPECT_EQ(field_of("ANMODET"), Field::requested);
    EXPECT_EQ(field_of("Vedtak"), Field::decided);
    EXPECT_EQ(field_of("vedtatt"), Field::decided);
    EXPECT_EQ(field_of("Bosatt"), Field::settled);
    EXPECT_EQ(field_of("Bosatte\u00a0flyktninger"), Field::settled);
    EXPECT_EQ(field_of("Enslige  mindreårige"), Field::unaccompanied_minors);
    EXPECT_EQ(field_of("ENSLIGE MINDREÅRIGE"), Field::unaccompanied_minors);
    EXPECT_EQ(field_of("Familiegjenforente"), Field::family_reunifications);
    EXPECT_EQ(field_of("Bosatt*"), Field::settled);                    // footnote mark
    EXPECT_EQ(field_of("Bosatt (antall)"), Field::settled);            // explanation in brackets
    EXPECT_EQ(field_of("Anmodning\nom bosetting"), Field::requested);  // wrapped header
    EXPECT_FALSE(match_header("Merknad"));
    EXPECT_FALSE(match_header(""));
}

TEST(Fields, HeadersWithAYearAndOutcomeHeaders) {
    auto m = match_header("Bosatt 2018");
    ASSERT_TRUE(m);
    EXPECT_EQ(m->field, Field::settled);
    EXPECT_EQ(m->year, 2018);
    EXPECT_FALSE(match_header("Kommune 2018"));  // a year belongs to figures only

    auto share = match_header("Bosatte per 1000 innbyggere");
    ASSERT_TRUE(share);
    EXPECT_EQ(share->field, Field::outcome);
    EXPECT_EQ(share->indicator, "settled-per-1000");
    EXPECT_EQ(share->unit, kdx::Unit::per_mille);
}

TEST(Fields, MunicipalityCells) {
    auto both = split_municipality(text("5006 Steinkjer"));
    EXPECT_EQ(both.number, "5006");
    EXPECT_EQ(both.name, "Steinkjer");
    EXPECT_EQ(split_municipality(text("0301 - Oslo")).name, "Oslo");
    EXPECT_EQ(split_municipality(text("Steinkjer (5006)")).number, "5006");
    EXPECT_EQ(split_municipality(text("301")).number, "0301");
    EXPECT_EQ(split_municipality(number(301)).number, "0301");
    auto name = split_municipality(text("Steinkjer"));
    EXPECT_EQ(name.number, "");
    EXPECT_EQ(name.name, "Steinkjer");
    EXPECT_TRUE(split_municipality(text("50061")).bad_number);
    EXPECT_TRUE(split_municipality(number(12.5)).bad_number);
}

TEST(Fields, TotalRows) {
    const auto& words = default_total_words();
    for (const char* s :
         {"Sum", "SUM", "Sum Trøndelag", "Totalt", "I alt", "i  alt:", "Hele landet"})
        EXPECT_TRUE(is_total_text(s, words)) << s;
    for (const char* s : {"Sunndal", "Summa", "Steinkjer", "Totalsum kommune", ""})
        EXPECT_FALSE(is_total_text(s, words)) << s;
    // Leading spaces, tabs, footnote marks and dashes fold away before the word.
    for (const char* s : {"  Sum", "\tTotalt", "*Sum", "- I alt", "\u00a0Hele landet"})
        EXPECT_TRUE(is_total_text(s, words)) << s;
    for (const char* s : {"0301", "0301 Oslo", "Kommune 100", "5006 Steinkjer"})
        EXPECT_FALSE(is_total_text(s, words)) << s;
    // A mapping's own words, which may start with a digit or a letter Æ Ø Å.
    const std::vector<std::string> own{"1 i alt", "øvrige"};
    for (const char* s : {"1 I alt", "Øvrige kommuner", "ØVRIGE"})
        EXPECT_TRUE(is_total_text(s, own)) << s;
    for (const char* s : {"1", "0301", "Sum"}) EXPECT_FALSE(is_total_text(s, own)) << s;
}

TEST(Fields, UnitsAndIndicatorCodes) {
    EXPECT_EQ(unit_from_text("personer"), kdx::Unit::persons);
    EXPECT_EQ(unit_from_text("Prosent"), kdx::Unit::percent);
    EXPECT_EQ(unit_from_text("promille"), kdx::Unit::per_mille);
    EXPECT_EQ(unit_from_text("furlongs"), std::nullopt);
    kdx::Dataset d;
    EXPECT_EQ(indicator_code("vedtak", d)->field, Field::decided);
    EXPECT_EQ(indicator_code("bosatt_per_1000", d)->indicator, "settled-per-1000");
    EXPECT_EQ(indicator_code("bosatt_av_vedtak", d)->unit, kdx::Unit::percent);
    EXPECT_EQ(indicator_code("work-or-education-1y", d)->unit, kdx::Unit::percent);
    EXPECT_FALSE(indicator_code("ukjent", d));
}

}  // namespace
