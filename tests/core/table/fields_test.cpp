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

// IMDi's header forms: a group before a colon, dotted ids, and imdikator's
// indicator_year_unit names, whose percentages are shares of the request.
TEST(Fields, ImdiHeaderForms) {
    EXPECT_EQ(field_of("Bosetting: Anmodning om bosetting"), Field::requested);
    EXPECT_EQ(field_of("Bosetting: Faktisk bosetting"), Field::settled);
    EXPECT_EQ(field_of("bosetting.vedtak"), Field::decided);
    EXPECT_EQ(field_of("Antall"), Field::value);
    EXPECT_EQ(field_of("naringsregion_nr"), Field::business_region);
    EXPECT_EQ(field_of("bydel_nr"), Field::district);
    EXPECT_EQ(field_of("fylke_nr"), Field::county_number);
    EXPECT_EQ(field_of("kommune_nr"), Field::municipality_number);

    auto year = match_header("Bosetting: Vedtak om bosetting 2013");
    ASSERT_TRUE(year);
    EXPECT_EQ(year->field, Field::decided);
    EXPECT_EQ(year->year, 2013);

    auto persons = match_header("bosatt_2015_personer");
    ASSERT_TRUE(persons);
    EXPECT_EQ(persons->field, Field::settled);
    EXPECT_EQ(persons->year, 2015);
    auto share = match_header("vedtak_2017_prosent");
    ASSERT_TRUE(share);
    EXPECT_EQ(share->field, Field::outcome);
    EXPECT_EQ(share->indicator, "decided-share-of-requested");
    EXPECT_EQ(share->unit, kdx::Unit::percent);
    EXPECT_EQ(share->year, 2017);
    EXPECT_EQ(match_header("bosatt_2016_prosent")->indicator, "settled-share-of-requested");
    EXPECT_FALSE(match_header("anmodning_2016_prosent"));  // 100 throughout: not read
    EXPECT_FALSE(match_header("Bosatt per 1000 innb."));   // a trailing point is not a group
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
    // IMDi's region codes: K and a municipality number, F and a county's.
    EXPECT_EQ(split_municipality(text("K0301")).number, "0301");
    auto county = split_municipality(text("F03"));
    EXPECT_EQ(county.number, "");
    EXPECT_EQ(county.county, "03");
    EXPECT_EQ(split_municipality(text("Kvam")).name, "Kvam");
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
