// TableImporter fed rows as a spreadsheet reader delivers them: headers
// recognised, title, blank, hidden and total rows skipped and reported, and
// every unusable cell named by file, sheet and cell.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "kdx/error.hpp"
#include "table_test_support.hpp"

namespace {

using kdx::Severity;
using kdx::Value;
using namespace kdx::test;
using ::testing::ElementsAre;
using ::testing::HasSubstr;

const kdx::SettlementFigures* find(const kdx::Dataset& d, const std::string& m, int year) {
    for (const auto& s : d.settlement)
        if (s.municipality == m && s.year == year) return &s;
    return nullptr;
}

Sheet partner_sheet() {
    return {"Bosetting",
            {texts(1, {"Bosetting av flyktninger 2018"}), texts(2, {"", "", ""}),
             texts(3, {"Kommune", "Anmodning", "Vedtak", "Bosatt", "Merknad"}),
             row(4, {text("5004 Steinkjer"), number(30), number(30), number(28)}),
             texts(5, {"5001 Trondheim", "1 234", "1\u00a0200", "1 100", "ny rutine"}),
             row(6, {text("5035 Stjørdal"), number(10), number(10), number(10)}, true),
             texts(7, {"", ""}), texts(8, {"Sum", "1274", "1240", "1138"})}};
}

TEST(TableImporter, TitleBlankHiddenAndTotalRowsAreSkippedAndReported) {
    Imported r = import_sheets("partner.xlsx", {partner_sheet()});
    EXPECT_TRUE(r.messages(Severity::error).empty()) << r.messages(Severity::error).front();
    EXPECT_THAT(r.messages(Severity::info),
                ElementsAre("partner.xlsx:Bosetting!1:1: title row skipped (\"Bosetting av "
                            "flyktninger 2018\")",
                            "partner.xlsx:Bosetting!2:2: blank row skipped",
                            "partner.xlsx:Bosetting!E3: column \"Merknad\" is not used",
                            "partner.xlsx:Bosetting!3:3: the table has no year column; its "
                            "figures are read as 2018, the year in its title or name",
                            "partner.xlsx:Bosetting!6:6: hidden row skipped",
                            "partner.xlsx:Bosetting!7:7: blank row skipped",
                            "partner.xlsx:Bosetting!8:8: total row skipped (\"Sum\")"));
    ASSERT_EQ(r.dataset.settlement.size(), 2u);
    const auto* trondheim = find(r.dataset, "5001", 2018);
    ASSERT_TRUE(trondheim);
    EXPECT_EQ(trondheim->requested, Value(1234));
    EXPECT_EQ(trondheim->decided, Value(1200));
    EXPECT_EQ(trondheim->settled, Value(1100));
    EXPECT_EQ(r.dataset.location_of(trondheim->origin).to_string(), "partner.xlsx:Bosetting!5:5");
    // The name comes from the cell; the county from the built-in registry.
    const auto* steinkjer = r.dataset.find_municipality("5004");
    ASSERT_TRUE(steinkjer);
    EXPECT_EQ(steinkjer->name, "Steinkjer");
    EXPECT_EQ(steinkjer->county_number, "50");
}

TEST(TableImporter, HiddenRowsAndSheetsAreReadWhenAskedTo) {
    kdx::TableImportOptions options;
    options.include_hidden = true;
    Sheet hidden = partner_sheet();
    hidden.hidden = true;
    EXPECT_EQ(import_sheets("partner.xlsx", {hidden}, options).dataset.settlement.size(), 3u);
    Imported skipped = import_sheets("partner.xlsx", {hidden});
    EXPECT_TRUE(skipped.dataset.settlement.empty());
    EXPECT_THAT(skipped.messages(Severity::info).front(), HasSubstr("it is hidden"));
    EXPECT_EQ(skipped.messages(Severity::error).size(), 1u);
}

TEST(TableImporter, BadCellsAreNamedExactly) {
    Sheet s{"Bosetting",
            {texts(11, {"Kommunenr", "År", "Bosatt", "Vedtak"}),
             texts(12, {"5006", "2018", "tolv", "12,5"}),
             row(13, {text("50O6"), number(2018), number(1), number(1)}),
             row(14, {text("5001"), text("2O18"), number(1), number(1)}),
             texts(15, {"5001", "2018", "-3", "5 %"}),
             row(16, {text("5035"), number(2018), number(4.5), text("#N/A")})}};
    s.rows[5].cells[3].type = kdx::Cell::Type::error;
    Imported r = import_sheets("partner.xlsx", {s});
    EXPECT_THAT(r.messages(Severity::error),
                ElementsAre("partner.xlsx:Bosetting!C12: expected a whole number, found \"tolv\"",
                            "partner.xlsx:Bosetting!D12: expected a whole number, found \"12,5\"",
                            "partner.xlsx:Bosetting!A13: expected a municipality number (four "
                            "digits), found \"50O6\"",
                            "partner.xlsx:Bosetting!B14: expected a year such as 2018, found "
                            "\"2O18\"",
                            "partner.xlsx:Bosetting!C15: expected a whole number of 0 or more, "
                            "found \"-3\"",
                            "partner.xlsx:Bosetting!D15: expected a whole number, found \"5 %\"",
                            "partner.xlsx:Bosetting!C16: expected a whole number, found \"4.5\"",
                            "partner.xlsx:Bosetting!D16: expected a whole number, found the "
                            "error \"#N/A\""));
    // The row's other cells are still read; a bad cell is left missing, not 0.
    const auto* steinkjer = find(r.dataset, "5006", 2018);
    ASSERT_TRUE(steinkjer);
    EXPECT_TRUE(steinkjer->settled.is_missing());
    EXPECT_TRUE(steinkjer->decided.is_missing());
    EXPECT_EQ(r.dataset.settlement.size(), 3u);  // rows 12, 15 and 16
}

TEST(TableImporter, MissingZeroAndSuppressedAreKeptApart) {
    Sheet s{"Ark1",
            {texts(1, {"Kommunenr", "År", "Anmodning", "Vedtak", "Bosatt", "Enslige mindreårige"}),
             texts(2, {"0301", "2018", "", "0", ":", "-"}),
             texts(3, {"0301", "2019", "-", ".", "0", "3"})}};
    Imported r = import_sheets("oslo.xlsx", {s});
    ASSERT_TRUE(r.messages(Severity::error).empty()) << r.messages(Severity::error).front();
    const auto* y2018 = find(r.dataset, "0301", 2018);
    ASSERT_TRUE(y2018);
    EXPECT_TRUE(y2018->requested.is_missing());
    EXPECT_EQ(y2018->decided, Value(0));
    EXPECT_TRUE(y2018->settled.is_suppressed());
    EXPECT_TRUE(y2018->unaccompanied_minors.is_missing());
    const auto* y2019 = find(r.dataset, "0301", 2019);
    ASSERT_TRUE(y2019);
    EXPECT_TRUE(y2019->decided.is_missing());  // "." is no figure, never suppressed
    EXPECT_EQ(y2019->settled, Value(0));
    EXPECT_EQ(y2019->unaccompanied_minors, Value(3));
}

// The same cells read by SSB's convention (symbols=ssb): "-" is nil, "." not
// applicable, ":" withheld.
TEST(TableImporter, SymbolsOptionDeclaresTheConvention) {
    Sheet s{"Ark1",
            {texts(1, {"Kommunenr", "År", "Anmodning", "Vedtak", "Bosatt", "Enslige mindreårige"}),
             texts(2, {"0301", "2018", "..", "-", ":", "..."}),
             texts(3, {"0301", "2019", "-", ".", "0", "3"})}};
    kdx::TableImportOptions ssb;
    ssb.symbols = "ssb";
    Imported r = import_sheets("oslo.csv", {s}, ssb);
    ASSERT_TRUE(r.messages(Severity::error).empty()) << r.messages(Severity::error).front();
    const auto* y2018 = find(r.dataset, "0301", 2018);
    ASSERT_TRUE(y2018);
    EXPECT_TRUE(y2018->requested.is_missing());
    EXPECT_EQ(y2018->decided, Value(0));
    EXPECT_TRUE(y2018->settled.is_suppressed());
    EXPECT_TRUE(y2018->unaccompanied_minors.is_missing());
    const auto* y2019 = find(r.dataset, "0301", 2019);
    ASSERT_TRUE(y2019);
    EXPECT_EQ(y2019->requested, Value(0));
    EXPECT_TRUE(y2019->decided.is_missing());

    // Without the option the same "-" is no figure: kdx does not guess a 0.
    Imported plain = import_sheets("oslo.csv", {s});
    EXPECT_TRUE(find(plain.dataset, "0301", 2018)->decided.is_missing());
    EXPECT_TRUE(find(plain.dataset, "0301", 2019)->requested.is_missing());
}

TEST(TableImporter, SymbolsOptionRefusesAnUnknownConvention) {
    kdx::Options o{{"symbols", "scb"}};
    try {
        kdx::table_import_options(o);
        FAIL() << "expected an error";
    } catch (const kdx::Error& e) {
        EXPECT_STREQ(e.what(), "option symbols: expected auto, ssb, imdi or kdx, found \"scb\"");
    }
    EXPECT_EQ(kdx::table_import_options({{"symbols", "imdi"}}).symbols, "imdi");
    // auto, the declared default, leaves the choice to the mapping and the layout.
    EXPECT_EQ(kdx::table_import_options({{"symbols", "auto"}}).symbols, "");
}

TEST(TableImporter, NamesAreLookedUpInTheRowsYear) {
    Sheet s{"Ark1",
            {texts(1, {"Kommune", "År", "Bosatt"}), texts(2, {"Steinkjer", "2018", "28"}),
             texts(3, {"steinkjer", "2020", "31"}), texts(4, {"Hladen", "2018", "5"})}};
    Imported r = import_sheets("names.xlsx", {s});
    EXPECT_TRUE(find(r.dataset, "5004", 2018));
    EXPECT_TRUE(find(r.dataset, "5006", 2020));
    auto errors = r.messages(Severity::error);
    ASSERT_EQ(errors.size(), 1u);
    EXPECT_THAT(errors[0], HasSubstr("names.xlsx:Ark1!A4: expected a municipality number or "
                                     "name, found \"Hladen\""));
}

TEST(TableImporter, ColumnsForSeveralYearsAndOutcomeColumns) {
    Sheet s{
        "Ark1",
        {texts(1, {"Knr", "Bosatt 2017", "Bosatt 2018", "I arbeid eller utdanning 2018"}),
         texts(2, {"5006", "25", "28", "62,5 %"}), texts(3, {"5001", "120", "130", "12 \u2030"})}};
    Imported r = import_sheets("years.xlsx", {s});
    EXPECT_EQ(find(r.dataset, "5006", 2017)->settled, Value(25));
    EXPECT_EQ(find(r.dataset, "5006", 2018)->settled, Value(28));
    ASSERT_EQ(r.dataset.outcomes.size(), 1u);
    const auto& o = r.dataset.outcomes[0];
    EXPECT_EQ(o.indicator, "work-or-education-1y");
    EXPECT_EQ(o.year, 2018);
    EXPECT_EQ(o.value, Value(62.5));
    EXPECT_EQ(o.unit, kdx::Unit::percent);
    EXPECT_EQ(r.dataset.location_of(o.origin).to_string(), "years.xlsx:Ark1!D2");
    EXPECT_THAT(r.messages(Severity::error),
                ElementsAre("years.xlsx:Ark1!D3: expected a percentage, found \"12 \u2030\""));
}

TEST(TableImporter, ChoosesSheetsAndSaysWhenNothingCouldBeRead) {
    Sheet notes{"Merknader", {texts(1, {"Tallene er foreløpige."})}};
    Sheet data = partner_sheet();
    Imported both = import_sheets("partner.xlsx", {notes, data});
    EXPECT_EQ(both.dataset.settlement.size(), 2u);
    EXPECT_TRUE(both.messages(Severity::error).empty());

    kdx::TableImportOptions only;
    only.sheet = "Merknader";
    Imported none = import_sheets("partner.xlsx", {notes, data}, only);
    EXPECT_THAT(none.messages(Severity::error),
                ElementsAre(HasSubstr("partner.xlsx: nothing could be read: no table has a "
                                      "header row kdx recognises")));

    only.sheet = "Ark3";
    EXPECT_THAT(import_sheets("partner.xlsx", {notes, data}, only).messages(Severity::error),
                ElementsAre("partner.xlsx: expected a sheet named \"Ark3\", found \"Merknader\", "
                            "\"Bosetting\""));
}

TEST(TableImporter, LongFormatRowsAsImdiPublishesThem) {
    Sheet s{
        "bosetting",
        {texts(1, {"aar", "fylke_id", "bosetting", "enhet", "tabellvariabel", "tabell_navn",
                   "kommune_id", "naringsregion_id", "bydel_id"}),
         texts(2,
               {"2012", "01", "anmodning", "personer", "425", "bosetting", "NULL", "NULL", "NULL"}),
         texts(3, {"2012", "NULL", "anmodning", "personer", "50.00", "bosetting", "0104", "NULL",
                   "NULL"}),
         texts(4, {"2012", "NULL", "vedtak", "personer", ".", "bosetting", "0104", "NULL", "NULL"}),
         texts(5,
               {"2012", "NULL", "bosatt", "personer", "34", "bosetting", "0104", "NULL", "NULL"}),
         texts(6, {"2012", "NULL", "bosatt_per_1000", "promille", "1.1", "bosetting", "0104",
                   "NULL", "NULL"}),
         texts(7, {"2012", "NULL", "vedtak", "prosent", "3", "bosetting", "0105", "NULL", "NULL"}),
         texts(8, {"2012", "NULL", "ukjent", "personer", "3", "bosetting", "0105", "NULL", "NULL"}),
         texts(9, {"2012", "NULL", "bosatt_per_1000", "personer", "3", "bosetting", "0105", "NULL",
                   "NULL"})}};
    Imported r = import_sheets("imdi.xlsx", {s});
    const auto* moss = find(r.dataset, "0104", 2012);
    ASSERT_TRUE(moss);
    EXPECT_EQ(moss->requested, Value(50));
    EXPECT_TRUE(moss->decided.is_missing());  // IMDi's "." here: no decision registered
    EXPECT_EQ(moss->settled, Value(34));
    ASSERT_EQ(r.dataset.outcomes.size(), 2u);
    EXPECT_EQ(r.dataset.outcomes[0].indicator, "settled-per-1000");
    EXPECT_EQ(r.dataset.outcomes[0].unit, kdx::Unit::per_mille);
    EXPECT_EQ(r.dataset.outcomes[0].source, "IMDi");
    // "vedtak" in percent: the decided as a share of the requested, an outcome of its own.
    EXPECT_EQ(r.dataset.outcomes[1].indicator, "decided-share-of-requested");
    EXPECT_EQ(r.dataset.outcomes[1].unit, kdx::Unit::percent);
    EXPECT_EQ(r.dataset.outcomes[1].value, Value(3));
    EXPECT_THAT(r.messages(Severity::error),
                ElementsAre("imdi.xlsx:bosetting!D9: expected the unit of \"bosatt_per_1000\" "
                            "(per-mille), found \"personer\""));
    EXPECT_THAT(r.messages(Severity::warning),
                ElementsAre(HasSubstr("imdi.xlsx:bosetting!C8: indicator \"ukjent\" is not one "
                                      "kdx knows")));
    // The county's 425 requested differ from its one municipality's 50.
    EXPECT_THAT(
        r.messages(Severity::info),
        ElementsAre("imdi.xlsx:bosetting!2:2: 1 county rows (column \"fylke_id\") "
                    "skipped: the model keeps municipalities, whose figures add up to the "
                    "county's; 1 of 1 counts differ from the sums of the municipalities the "
                    "table gives: county 01 2012 requested 425 (row 2), its 1 "
                    "municipalities' rows sum to 50"));
}

// IMDi's long tables in snake_case with other id columns (fylke_nr,
// kommune_nr, naringsregion_nr, bydel_nr): an all-"NULL" row is the
// country's, checked against the sum of its municipalities; regions and
// districts are skipped with one note; the request in percent (100 by
// definition) with one note.
TEST(TableImporter, LongSnakeCaseVariantsAndAggregateRows) {
    Sheet s{"t",
            {texts(1, {"aar", "fylke_nr", "kommune_nr", "naringsregion_nr", "bydel_nr", "bosetting",
                       "enhet", "tabellvariabel"}),
             texts(2, {"2013", "NULL", "NULL", "NULL", "NULL", "bosatt", "personer", "12"}),
             texts(3, {"2013", "NULL", "301", "NULL", "NULL", "bosatt", "personer", "7"}),
             texts(4, {"2013", "NULL", "301", "NULL", "NULL", "bosatt", "prosent", "70"}),
             texts(5, {"2013", "NULL", "301", "NULL", "NULL", "anmodning", "prosent", "100"}),
             texts(6, {"2013", "NULL", "1103", "NULL", "NULL", "bosatt", "personer", "5"}),
             texts(7, {"2013", "NULL", "NULL", "02", "NULL", "bosatt", "personer", "4"}),
             texts(8, {"2013", "NULL", "NULL", "NULL", "030101", "bosatt", "personer", "1"}),
             texts(9, {"2013", "3", "NULL", "NULL", "NULL", "bosatt", "personer", "7"})}};
    Imported r = import_sheets("t.xlsx", {s});
    EXPECT_THAT(r.messages(Severity::error), ::testing::IsEmpty());
    ASSERT_NE(find(r.dataset, "0301", 2013), nullptr);
    EXPECT_EQ(find(r.dataset, "0301", 2013)->settled, Value(7));
    ASSERT_EQ(r.dataset.outcomes.size(), 1u);
    EXPECT_EQ(r.dataset.outcomes[0].indicator, "settled-share-of-decided");
    EXPECT_THAT(
        r.messages(Severity::info),
        ElementsAre("t.xlsx:t!2:2: 1 country rows skipped: the model keeps municipalities, "
                    "whose figures add up to the country's; all 1 counts agree with those "
                    "sums",
                    "t.xlsx:t!9:9: 1 county rows (column \"fylke_nr\") skipped: the model "
                    "keeps municipalities, whose figures add up to the county's; all 1 "
                    "counts agree with those sums",
                    "t.xlsx:t!7:7: 1 business-region rows (column \"naringsregion_nr\") "
                    "and 1 district rows (column \"bydel_nr\") skipped: the model keeps "
                    "municipalities, not business regions or districts; Oslo's own rows are "
                    "read",
                    "t.xlsx:t!5:5: 1 rows of \"anmodning\" in percent skipped: the request "
                    "as a share of itself (100)"));
}

}  // namespace

namespace {

// An outcome given twice (two sheets) is written once; the first value wins.
TEST(TableImporter, AnOutcomeGivenTwiceKeepsTheFirst) {
    Sheet a{"A",
            {texts(1, {"Knr", "I arbeid eller utdanning 2018"}), texts(2, {"5001", "62,5 %"})}};
    Sheet b{"B",
            {texts(1, {"Knr", "I arbeid eller utdanning 2018"}), texts(2, {"5001", "60 %"}),
             texts(3, {"0301", "50 %"})}};
    Imported r = import_sheets("o.xlsx", {a, b});
    ASSERT_EQ(r.dataset.outcomes.size(), 2u);
    EXPECT_EQ(r.dataset.outcomes[0].value, Value(62.5));
    EXPECT_EQ(r.dataset.outcomes[1].municipality, "0301");
    EXPECT_THAT(r.messages(Severity::warning),
                ElementsAre("o.xlsx:B!B2: outcome work-or-education-1y 5001 2018 is given twice, "
                            "at o.xlsx:A!B2 and here (62.5 there, 60 here); the first is kept"));
}

// A number with a name is what the user wrote: kept in every year's column,
// whatever the name would resolve to in that year.
TEST(TableImporter, ANumberWithANameIsKeptInEveryYear) {
    Sheet s{"Ark1",
            {texts(1, {"Kommune", "Bosatt 2017", "Bosatt 2020"}),
             texts(2, {"5006 Steinkjer", "10", "12"})}};
    Imported r = import_sheets("n.xlsx", {s});
    EXPECT_EQ(find(r.dataset, "5006", 2017)->settled, Value(10));
    EXPECT_EQ(find(r.dataset, "5006", 2020)->settled, Value(12));
    EXPECT_FALSE(find(r.dataset, "1702", 2017));
}

}  // namespace
