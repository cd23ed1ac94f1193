// Mapping files: reading a workbook whose headers kdx cannot guess, the errors
// a wrong mapping gives, and the examples checked against the schema.
#include "table/mapping.hpp"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "kdx/error.hpp"
#include "table_test_support.hpp"
#include "test_support.hpp"

namespace {

using kdx::Severity;
using kdx::Value;
using namespace kdx::test;
using ::testing::ElementsAre;
using ::testing::HasSubstr;

const fs::path mapping_dir = KDX_TABLE_TEST_DATA;

kdx::TableImportOptions with_mapping(const fs::path& file) {
    kdx::TableImportOptions o;
    o.mapping_file = file.string();
    return o;
}

TEST(Mapping, ReadsAWorkbookByItsMapping) {
    Sheet cover{"Forside", {texts(1, {"Kommune", "Bosatt"}), texts(2, {"5006", "999"})}};
    Sheet figures{"Tall",
                  {texts(1, {"Bosetting og kvalifisering 2019"}),
                   texts(3, {"Komm.", "Navn", "Folk bosatt", "Antall EM", "Andel i jobb/skole"}),
                   texts(4, {"5006", "Steinkjer", "28", "*", "64,5"}),
                   texts(5, {"5001", "Trondheim", "ikke rapportert", "3", "58"}),
                   texts(6, {"Samlet", "", "28", "3", ""}),
                   texts(7, {"5035", "Stjørdal", "1.234", "x", ""})}};
    Imported r = import_sheets("nav.xlsx", {cover, figures},
                               with_mapping(mapping_dir / "nav-trondelag.xml"));
    ASSERT_EQ(r.dataset.settlement.size(), 3u);
    const auto& steinkjer = r.dataset.settlement[0];
    EXPECT_EQ(steinkjer.municipality, "5006");
    EXPECT_EQ(steinkjer.year, 2019);
    EXPECT_EQ(steinkjer.settled, Value(28));
    EXPECT_TRUE(steinkjer.unaccompanied_minors.is_suppressed());
    const auto& trondheim = r.dataset.settlement[1];
    EXPECT_TRUE(trondheim.settled.is_missing());
    EXPECT_EQ(trondheim.unaccompanied_minors, Value(3));
    EXPECT_EQ(r.dataset.settlement[2].settled, Value(1234));  // decimal="comma": "." groups
    ASSERT_EQ(r.dataset.outcomes.size(), 2u);
    EXPECT_EQ(r.dataset.outcomes[0].value, Value(64.5));
    EXPECT_EQ(r.dataset.outcomes[0].unit, kdx::Unit::percent);
    EXPECT_EQ(r.dataset.outcomes[0].source, "NAV Trøndelag");
    EXPECT_THAT(r.messages(Severity::error),
                ElementsAre("nav.xlsx:Tall!D7: expected a whole number, found \"x\""));
    EXPECT_THAT(r.messages(Severity::info),
                ElementsAre("nav.xlsx:Tall!1:1: title row skipped (\"Bosetting og "
                            "kvalifisering 2019\")",
                            "nav.xlsx:Tall!6:6: total row skipped (\"Samlet\")"));
}

TEST(Mapping, LongTableWithoutHeaderAndOwnCodes) {
    Sheet s{"Ark1",
            {texts(1, {"0301", "2018", "em", "12"}), texts(2, {"0301", "2018", "arb_utd", "61,5"}),
             texts(3, {"0301", "2018", "kommentar", "ny ordning"})}};
    Imported r = import_sheets("oslo.xlsx", {s}, with_mapping(mapping_dir / "long-codes.xml"));
    EXPECT_TRUE(r.messages(Severity::error).empty()) << r.messages(Severity::error).front();
    ASSERT_EQ(r.dataset.settlement.size(), 1u);
    EXPECT_EQ(r.dataset.settlement[0].unaccompanied_minors, Value(12));
    ASSERT_EQ(r.dataset.outcomes.size(), 1u);
    EXPECT_EQ(r.dataset.outcomes[0].value, Value(61.5));
}

TEST(Mapping, AColumnTheHeaderLacksIsNamedWithWhatIsThere) {
    Sheet s{"Tall", {texts(3, {"Kommunenummer", "Bosatte"}), texts(4, {"5006", "28"})}};
    Imported r = import_sheets("nav.xlsx", {s}, with_mapping(mapping_dir / "nav-trondelag.xml"));
    EXPECT_THAT(r.messages(Severity::error),
                ElementsAre("nav.xlsx:Tall!3:3: the mapping's column \"Komm.\" (line 15) is not "
                            "in the header row; it has \"Kommunenummer\", \"Bosatte\""));
}

TEST(Mapping, MistakesInTheFileAreNamedWithTheirLine) {
    fs::path dir = scratch_dir();
    auto fails = [&](const std::string& body) -> std::string {
        fs::path file = dir / "m.xml";
        write_file(file, "<mapping xmlns=\"urn:kdx:mapping:1\" version=\"1\">\n" + body +
                             "\n</mapping>\n");
        try {
            kdx::table_detail::load_mapping(file.string());
        } catch (const kdx::Error& e) {
            return e.where().to_string() + ": " + e.message();
        }
        return "no error";
    };
    std::string f = (dir / "m.xml").string();
    EXPECT_EQ(fails("<columns>\n<column header=\"Bosatt\" field=\"setled\"/>\n</columns>"),
              f + ":3: mapping: expected field=\"…\" to name a field (municipality, "
                  "municipality-number, municipality-name, county-number, county-name, "
                  "population, year, requested, decided, settled, unaccompanied-minors, "
                  "family-reunifications, outcome, indicator, unit, value, programme, "
                  "cohort-size, source, business-region, district, ignore), found \"setled\"");
    EXPECT_EQ(fails("<year>18</year>"),
              f + ":2: mapping: <year>: expected a whole number from 1900 to 2100, found \"18\"");
    EXPECT_EQ(fails("<columns><column letter=\"C\" header=\"x\" field=\"settled\"/></columns>"),
              f + ":2: mapping: <column> needs either header=\"…\" or letter=\"…\"");
    EXPECT_EQ(fails("<columns><column header=\"A\" field=\"outcome\" indicator=\"mine\"/>"
                    "</columns>"),
              f + ":2: mapping: indicator \"mine\" is not in kdx's catalogue, so it needs "
                  "unit=\"…\"");
    EXPECT_EQ(fails("<sheets/>"), f + ":2: mapping: expected one of <sheet>, <header>, <values>, "
                                      "<year>, <source>, <columns>, <indicators>, found <sheets>");
    EXPECT_THAT(fails("<sheet>"), HasSubstr("mapping: not well-formed XML"));
}

// <values symbols="ssb"> declares the convention; a list of its own adds to it,
// and the read option (symbols=…) overrides the mapping's.
TEST(Mapping, SymbolsAttributeDeclaresTheConvention) {
    Sheet s{"Ark1",
            {texts(1, {"Kommunenr", "År", "Anmodning", "Vedtak", "Bosatt"}),
             texts(2, {"0301", "2018", "-", ".", "ikke rapportert"}),
             texts(3, {"0301", "2019", ":", "..", "12"})}};
    kdx::TableImportOptions o = with_mapping(mapping_dir / "ssb-symbols.xml");
    Imported r = import_sheets("ssb.csv", {s}, o);
    ASSERT_TRUE(r.messages(Severity::error).empty()) << r.messages(Severity::error).front();
    ASSERT_EQ(r.dataset.settlement.size(), 2u);
    EXPECT_EQ(r.dataset.settlement[0].requested, Value(0));
    EXPECT_TRUE(r.dataset.settlement[0].decided.is_missing());
    EXPECT_TRUE(r.dataset.settlement[0].settled.is_missing());
    EXPECT_TRUE(r.dataset.settlement[1].requested.is_suppressed());
    EXPECT_TRUE(r.dataset.settlement[1].decided.is_missing());

    o.symbols = "imdi";
    Imported imdi = import_sheets("ssb.csv", {s}, o);
    ASSERT_EQ(imdi.dataset.settlement.size(), 2u);
    EXPECT_TRUE(imdi.dataset.settlement[0].requested.is_missing());
}

TEST(Mapping, SymbolsAttributeMustNameAConvention) {
    fs::path bad = scratch_dir() / "symbols.xml";
    write_file(bad,
               "<mapping xmlns=\"urn:kdx:mapping:1\" version=\"1\">\n"
               "<values symbols=\"scb\"/></mapping>");
    try {
        kdx::table_detail::load_mapping(bad.string());
        FAIL() << "expected an error";
    } catch (const kdx::Error& e) {
        EXPECT_THAT(e.what(), HasSubstr(":2: "));
        EXPECT_THAT(e.what(),
                    HasSubstr("expected symbols=\"ssb\", \"imdi\" or \"kdx\", found \"scb\""));
    }
}

TEST(Mapping, ExamplesAreValidAgainstTheSchema) {
    if (!have_program("xmllint")) GTEST_SKIP() << "xmllint (libxml2-utils) is not installed";
    fs::path schema = source_dir() / "schemas" / "kdx-mapping-1.xsd";
    for (const char* name : {"nav-trondelag.xml", "long-codes.xml", "ssb-symbols.xml"}) {
        auto r = run("xmllint --noout --schema " + sh_quote(schema.string()) + " " +
                     sh_quote((mapping_dir / name).string()));
        EXPECT_EQ(r.exit_code, 0) << name << ": " << r.err;
    }
    // And the schema does reject a wrong field, so the check above means something.
    fs::path bad = scratch_dir() / "bad.xml";
    write_file(bad,
               "<mapping xmlns=\"urn:kdx:mapping:1\" version=\"1\"><columns>"
               "<column header=\"Bosatt\" field=\"setled\"/></columns></mapping>");
    EXPECT_NE(
        run("xmllint --noout --schema " + sh_quote(schema.string()) + " " + sh_quote(bad.string()))
            .exit_code,
        0);
}

}  // namespace
