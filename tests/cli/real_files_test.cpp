// Real and realistic partner files (tests/data/real, provenance in its
// README) through `kdx convert`, each figure compared with what an
// independent reader takes from the file itself: Python's csv module, or
// openpyxl with number formats (tests/data/real/check_import.py).
#include <gtest/gtest.h>

#include <string>

#include "test_support.hpp"

namespace {

using kdx::test::CommandResult;
using kdx::test::run;
using kdx::test::run_kdx;
using kdx::test::sh_quote;
using kdx::test::fs::path;

path real_dir() { return kdx::test::data_dir() / "real"; }

// Converts `fixture` to the exchange format and returns the checker's
// report: one line per differing figure, then "checked N". `messages` gets
// what kdx said, notes included.
std::string convert_and_check(const path& fixture, const std::string& only = "",
                              std::string* messages = nullptr) {
    path out = kdx::test::scratch_dir() / "out.xml";
    CommandResult c =
        run_kdx("-v convert " + sh_quote(fixture.string()) + " " + sh_quote(out.string()));
    if (messages) *messages = c.err + c.out;
    EXPECT_EQ(c.exit_code, 0) << c.err;
    if (c.exit_code != 0) return "kdx convert failed";
    CommandResult r =
        run("/usr/bin/python3 " + sh_quote((real_dir() / "check_import.py").string()) + " " +
            sh_quote(fixture.string()) + " " + sh_quote(out.string()) +
            (only.empty() ? "" : " " + only));
    EXPECT_EQ(r.exit_code, 0) << r.err;
    return r.out;
}

// Every figure agreed and at least `minimum` were compared.
void expect_all_agree(const std::string& report, int minimum) {
    SCOPED_TRACE("a line per differing figure, then 'checked N'");
    auto at = report.rfind("checked ");
    ASSERT_NE(at, std::string::npos) << report;
    EXPECT_EQ(at, 0u) << "figures differ from the independent reader:\n" << report;
    EXPECT_GE(std::stoi(report.substr(at + 8)), minimum) << report;
}

class RealFiles : public ::testing::Test {
  protected:
    void SetUp() override {
        if (!kdx::test::have_program("/usr/bin/python3"))
            GTEST_SKIP() << "/usr/bin/python3 is not installed";
    }
};

// gardenberg/imdikator-munch: one column per indicator × year × unit,
// snake_case, comma decimals, '.' for no figure, pre-2018 numbers
// (Steinkjer 1702, Verran 1724, Horten 0701, Voss 1235).
// The percent columns are shares of the request (vedtak 48 of anmodning 30
// is 160); anmodning_*_prosent, 100 throughout, is not read.
TEST_F(RealFiles, ImdiWideSnakeCaseCountsAgree) {
    std::string said;
    expect_all_agree(
        convert_and_check(real_dir() / "imdi" / "bosatt_anmodede-kommune-2015_2017.csv", "", &said),
        100);
    EXPECT_EQ(said.find(": error:"), std::string::npos) << said;
}

// Only the percent columns: decided-share-of-requested has figures.
TEST_F(RealFiles, ImdiWideSnakeCaseSharesAgree) {
    expect_all_agree(
        convert_and_check(real_dir() / "imdi" / "bosatt_anmodede-kommune-2015_2017.csv", "shares"),
        50);
}

// IMDi's long statistics export, Latin-1: Enhet;År;Kommunenummer;Kommune;Bosetting;Antall.
TEST_F(RealFiles, ImdiLongExportCountsAgree) {
    expect_all_agree(convert_and_check(real_dir() / "made" / "imdi-long-latin1.csv"), 50);
}

// Its Prosent rows of "Faktisk bosetting" are the share settled of decided
// (make_fixtures.py), a share outcome of their own, not an error; a '.'
// there has no value.
TEST_F(RealFiles, ImdiLongExportPercentRowsAreShares) {
    path fixture = real_dir() / "made" / "imdi-long-latin1.csv";
    path out = kdx::test::scratch_dir() / "out.xml";
    CommandResult c =
        run_kdx("-v convert " + sh_quote(fixture.string()) + " " + sh_quote(out.string()));
    ASSERT_EQ(c.exit_code, 0) << c.err;
    EXPECT_EQ(c.err.find(": error:"), std::string::npos) << c.err;
    CommandResult r =
        run("/usr/bin/python3 -c " +
            sh_quote(
                "import csv, sys, xml.etree.ElementTree as ET\n"
                "want = {(r['Kommunenummer'], r['År']): r['Antall'] for r in "
                "csv.DictReader(open(sys.argv[1], encoding='latin-1', newline=''), "
                "delimiter=';') if r['Enhet'] == 'Prosent' and r['Antall'] != '.'}\n"
                "got = {(e.get('municipality'), e.get('year')): e.get('value') "
                "for e in ET.parse(sys.argv[2]).iter() if e.tag.endswith('outcome') "
                "and e.get('indicator') == 'settled-share-of-decided'}\n"
                "bad = [k for k in want if k not in got or "
                "abs(float(got[k]) - float(want[k])) > 1e-9]\n"
                "print(len(want), len(bad), sorted(k for k in set(got) - set(want) if got[k]))\n") +
            " " + sh_quote(fixture.string()) + " " + sh_quote(out.string()));
    ASSERT_EQ(r.exit_code, 0) << r.err;
    EXPECT_EQ(r.out, "24 0 []\n");
}

// IMDi's wide export with the year in a second header row, region codes
// K0701; the county row F03 is not read, its counts agree with Oslo's.
TEST_F(RealFiles, ImdiWideTwoRowHeaderCountsAgree) {
    std::string said;
    expect_all_agree(
        convert_and_check(real_dir() / "made" / "imdi-wide-two-row-header.csv", "", &said), 50);
    EXPECT_NE(said.find("imdi-wide-two-row-header.csv:3: info: 1 county rows (column \"Region\") "
                        "skipped: the model keeps municipalities, whose figures add up to the "
                        "county's; all 9 counts agree with those sums"),
              std::string::npos)
        << said;
}

// IMDi's older long tables with fylke_nr, kommune_nr (bare: 301),
// naringsregion_nr, bydel_nr and "NULL": persons, percent and per-mille
// rows of one category, each into its own indicator.
TEST_F(RealFiles, ImdiLongSnakeCaseCountsAgree) {
    std::string said;
    expect_all_agree(convert_and_check(real_dir() / "made" / "imdi-long-snake-case.csv", "", &said),
                     300);
    EXPECT_EQ(said.find(": error:"), std::string::npos) << said;
    EXPECT_EQ(said.find(": warning:"), std::string::npos) << said;
}

// Its aggregate rows: the counties' counts are the sums of their
// municipalities; the country rows (IMDi's whole country) are larger than
// the two counties the file gives, a difference said once; business
// regions and districts are skipped with one note.
TEST_F(RealFiles, ImdiLongSnakeCaseAggregatesAreCrossChecked) {
    std::string said;
    convert_and_check(real_dir() / "made" / "imdi-long-snake-case.csv", "", &said);
    path file = real_dir() / "made" / "imdi-long-snake-case.csv";
    EXPECT_NE(
        said.find(file.string() + ":11: info: 30 county rows (column \"fylke_nr\") skipped: "
                                  "the model keeps municipalities, whose figures add up to the "
                                  "county's; all 18 counts agree with those sums"),
        std::string::npos)
        << said;
    EXPECT_NE(
        said.find(file.string() + ":2: info: 9 country rows skipped: the model keeps "
                                  "municipalities, whose figures add up to the country's; 9 of "
                                  "9 counts differ from the sums of the municipalities the "
                                  "table gives: "),
        std::string::npos)
        << said;
    // 24 municipalities of Oslo and Nord-Trøndelag requested 736 in 2012 (Python's csv).
    EXPECT_NE(
        said.find(
            "the country 2012 requested 8801 (row 2), its 24 municipalities' rows sum to 736"),
        std::string::npos)
        << said;
    EXPECT_NE(said.find("... and 6 more like this"), std::string::npos) << said;
    EXPECT_NE(said.find(" business-region rows (column \"naringsregion_nr\") and "),
              std::string::npos)
        << said;
    EXPECT_NE(said.find(" district rows (column \"bydel_nr\") skipped: the model keeps "
                        "municipalities, not business regions or districts"),
              std::string::npos)
        << said;
}

// Dotted ids as column names (bosetting.anmodning) and bare municipality
// numbers (301 for 0301).
TEST_F(RealFiles, ImdiDottedIdsCountsAgree) {
    expect_all_agree(convert_and_check(real_dir() / "made" / "imdi-dotted-ids.csv"), 100);
}

// openpyxl's workbook: every count that has a figure, under its pre-2018
// number (Horten 0701, Steinkjer 1702, Verran 1724, Voss 1235).
TEST_F(RealFiles, OpenpyxlWorkbookNumbersAgree) {
    expect_all_agree(
        convert_and_check(real_dir() / "made" / "imdi-percent-openpyxl.xlsx", "numbers"), 50);
}

// The same for the workbook as LibreOffice saved it.
TEST_F(RealFiles, LibreOfficeWorkbookNumbersAgree) {
    expect_all_agree(
        convert_and_check(real_dir() / "made" / "imdi-percent-libreoffice.xlsx", "numbers"), 50);
}

// openpyxl's workbook: counts, with '.' as no figure (today read as suppressed).
TEST_F(RealFiles, OpenpyxlWorkbookCountsAgree) {
    expect_all_agree(
        convert_and_check(real_dir() / "made" / "imdi-percent-openpyxl.xlsx", "counts"), 50);
}

// openpyxl's workbook: '0.0%'-formatted fractions read as per cent (value × 100).
TEST_F(RealFiles, OpenpyxlWorkbookPercentCellsAgree) {
    expect_all_agree(
        convert_and_check(real_dir() / "made" / "imdi-percent-openpyxl.xlsx", "shares"), 20);
}

// The same workbook saved by LibreOffice: counts.
TEST_F(RealFiles, LibreOfficeWorkbookCountsAgree) {
    expect_all_agree(
        convert_and_check(real_dir() / "made" / "imdi-percent-libreoffice.xlsx", "counts"), 50);
}

// The same workbook saved by LibreOffice: percent cells.
TEST_F(RealFiles, LibreOfficeWorkbookPercentCellsAgree) {
    expect_all_agree(
        convert_and_check(real_dir() / "made" / "imdi-percent-libreoffice.xlsx", "shares"), 20);
}

// Names only, a long table with an "År" column: each name resolves to its
// number in that row's year (names-expected.csv, from SSB's crosswalk).
TEST_F(RealFiles, NamesResolvedInTheirRowsYearNumbersAgree) {
    expect_all_agree(convert_and_check(real_dir() / "made" / "names-long-by-year.csv", "numbers"),
                     40);
}

// The same with '.' cells: no figure, neither 0 nor suppressed.
TEST_F(RealFiles, NamesResolvedInTheirRowsYearCountsAgree) {
    expect_all_agree(convert_and_check(real_dir() / "made" / "names-long-by-year.csv", "counts"),
                     50);
}

// The same figures with the year in each column's header ("Anmodning 2016"):
// names resolve in their column's year, not in today's registry.
TEST_F(RealFiles, NamesResolvedInTheirColumnsYearCountsAgree) {
    expect_all_agree(convert_and_check(real_dir() / "made" / "names-wide-by-year.csv", "counts"),
                     50);
}

// SSB statbank exports of table 07459 (population on 1 January), without a
// mapping file: each municipality's population per year, the whole country
// as 0000, SSB's symbols ('..' and '...' no figure, ':' suppressed, '-' 0),
// and Municipality.population the latest year's figure.
class RealFilesSsb : public RealFiles, public ::testing::WithParamInterface<std::string> {};

TEST_P(RealFilesSsb, PopulationPerMunicipalityAndYearAgrees) {
    // 27 municipalities and the country, two years, and 27 latest populations less
    // the one whose only figure is a symbol.
    expect_all_agree(convert_and_check(real_dir() / "made" / GetParam()), 80);
}

INSTANTIATE_TEST_SUITE_P(Layouts, RealFilesSsb,
                         ::testing::Values("ssb-07459-long-latin1.csv",
                                           "ssb-07459-wide-utf8bom.csv", "ssb-07459-openpyxl.xlsx",
                                           "ssb-07459-libreoffice.xlsx"),
                         [](const auto& info) {
                             const std::string& p = info.param;
                             if (p.find("long") != std::string::npos)
                                 return std::string("LongLatin1Csv");
                             if (p.find("wide") != std::string::npos)
                                 return std::string("WideUtf8BomCommaCsv");
                             if (p.find("openpyxl") != std::string::npos)
                                 return std::string("OpenpyxlXlsx");
                             return std::string("LibreOfficeXlsx");
                         });

// The county rows of an export are checked against the sum of their
// municipalities (all of Østfold is in the file) and skipped with a note.
TEST_F(RealFiles, SsbCountyRowsAreCheckedAgainstTheirMunicipalities) {
    path out = kdx::test::scratch_dir() / "out.xml";
    CommandResult c = run_kdx(
        "-v convert " + sh_quote((real_dir() / "made" / "ssb-07459-long-latin1.csv").string()) +
        " " + sh_quote(out.string()));
    EXPECT_EQ(c.exit_code, 0) << c.err;
    EXPECT_NE(
        c.err.find(
            "2 county rows skipped: the model keeps municipalities; 2 county figures equal the "
            "sum of their municipalities in the file"),
        std::string::npos)
        << c.err;
}

// erleholgersen/elections-norway: a real statbank export of counties only,
// the table's title as the value column's header. Nothing of it fits the
// model, and kdx says so (exit 1) instead of writing an empty dataset.
TEST_F(RealFiles, SsbExportOfCountiesOnlyIsRefusedWithItsReason) {
    path fixture = real_dir() / "ssb" / "folketall-fylker-2011-2015.csv";
    path out = kdx::test::scratch_dir() / "out.xml";
    CommandResult c =
        run_kdx("convert " + sh_quote(fixture.string()) + " " + sh_quote(out.string()));
    EXPECT_EQ(c.exit_code, 1) << c.err;
    CommandResult r =
        run("/usr/bin/python3 " + sh_quote((real_dir() / "check_import.py").string()) + " " +
            sh_quote(fixture.string()) + " " + sh_quote(out.string()) + " county-rows");
    ASSERT_EQ(r.exit_code, 0) << r.err;
    ASSERT_EQ(r.out.rfind("county rows ", 0), 0u) << r.out;
    std::string rows = r.out.substr(12, r.out.find_first_of("\r\n") - 12);
    EXPECT_NE(c.err.find(rows + " data rows but no figures read: every row is a county's"),
              std::string::npos)
        << c.err;
    EXPECT_NE(c.err.find("statistics variable \"Levendefødte\" is not one kdx knows"),
              std::string::npos)
        << c.err;
}

// The percent rule the checker applies (openpyxl's value x 100 where the
// number format has '%') is what LibreOffice shows for each cell.
class RealFilesDisplayed : public RealFiles, public ::testing::WithParamInterface<std::string> {};

TEST_P(RealFilesDisplayed, PercentCellsShowValueTimes100) {
    if (!kdx::test::have_program("soffice"))
        GTEST_SKIP() << "LibreOffice (soffice) is not installed";
    path dir = kdx::test::scratch_dir();
    path workbook = real_dir() / "made" / (GetParam() + ".xlsx");
    // Its own profile, so that a LibreOffice running elsewhere does not block it.
    CommandResult lo =
        run("timeout 180 soffice -env:UserInstallation=file://" + (dir / "profile").string() +
            " --headless --convert-to " +
            sh_quote("csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,true") +
            " --outdir " + sh_quote(dir.string()) + " " + sh_quote(workbook.string()));
    ASSERT_EQ(lo.exit_code, 0) << lo.err;
    CommandResult r =
        run("/usr/bin/python3 " + sh_quote((real_dir() / "check_displayed.py").string()) + " " +
            sh_quote(workbook.string()) + " " + sh_quote((dir / (GetParam() + ".csv")).string()));
    ASSERT_EQ(r.exit_code, 0) << r.err;
    expect_all_agree(r.out, 20);
}

INSTANTIATE_TEST_SUITE_P(Workbooks, RealFilesDisplayed,
                         ::testing::Values("imdi-percent-openpyxl", "imdi-percent-libreoffice"),
                         [](const auto& info) {
                             return info.param == "imdi-percent-openpyxl"
                                        ? std::string("Openpyxl")
                                        : std::string("LibreOffice");
                         });

// The checker itself can fail: a figure changed in kdx's output is reported.
TEST_F(RealFiles, CheckerReportsADifferingFigure) {
    path dir = kdx::test::scratch_dir();
    kdx::test::write_file(dir / "out.xml",
                          "<dataset xmlns='urn:kdx:data:1' version='1'><settlement>"
                          "<figures municipality='0301' year='2012' requested='451'/>"
                          "<figures municipality='1235' year='2012' decided='0'/>"
                          "</settlement></dataset>");
    CommandResult r =
        run("/usr/bin/python3 " + sh_quote((real_dir() / "check_import.py").string()) + " " +
            sh_quote((real_dir() / "made" / "imdi-wide-two-row-header.csv").string()) + " " +
            sh_quote((dir / "out.xml").string()));
    EXPECT_EQ(r.exit_code, 0) << r.err;
    EXPECT_NE(r.out.find("0301 2012 requested: expected 450.0, kdx has '451'"), std::string::npos)
        << r.out;
    // A '.' cell (no figure) read as 0 is a difference too.
    EXPECT_NE(r.out.find("1235 2012 decided: expected no figure, kdx has '0'"), std::string::npos)
        << r.out;
}

}  // namespace
