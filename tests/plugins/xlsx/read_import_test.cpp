// The IMDi-like partner layout (title row, Norwegian headers, decimal commas
// as text, ":" for suppressed figures, a Sum row, a hidden row, a hidden
// sheet) read through the plugin host into the model, from files written by
// openpyxl, XlsxWriter (constant-memory) and LibreOffice.
#include <gmock/gmock.h>

#include "names_by_year.hpp"
#include "read_test_support.hpp"
#include "repeated_keys_check.hpp"

namespace {

using kdx::Severity;
using kdx::Value;
using namespace kdx::test;
using namespace kdx::test::xlsx;
using ::testing::Contains;
using ::testing::ElementsAre;
using ::testing::HasSubstr;
using ::testing::IsEmpty;

const kdx::Outcome* outcome(const kdx::Dataset& d, const std::string& m, int year,
                            const std::string& indicator) {
    for (const kdx::Outcome& o : d.outcomes)
        if (o.municipality == m && o.year == year && o.indicator == indicator) return &o;
    return nullptr;
}

// Every row of data/imdi.json, as the generator wrote it, is in the dataset.
void check_imdi_rows(const ReadResult& r) {
    nlohmann::json rows = read_json(data / "imdi.json");
    EXPECT_EQ(r.dataset.settlement.size(), rows.size());
    for (const auto& row : rows) {
        std::string m = row["municipality"];
        int year = row["year"];
        SCOPED_TRACE(m);
        const kdx::SettlementFigures* s = r.dataset.find_settlement(m, year);
        ASSERT_TRUE(s);
        EXPECT_EQ(s->requested, Value(row["requested"].get<double>()));
        if (row["decided"].is_null())
            EXPECT_TRUE(s->decided.is_missing());
        else
            EXPECT_EQ(s->decided, Value(row["decided"].get<double>()));
        EXPECT_EQ(s->settled, Value(row["settled"].get<double>()));
        if (row["minors_suppressed"].get<bool>())
            EXPECT_TRUE(s->unaccompanied_minors.is_suppressed());
        else
            EXPECT_EQ(s->unaccompanied_minors, Value(row["minors"].get<double>()));
        const kdx::Outcome* o = outcome(r.dataset, m, year, "settled-per-1000");
        ASSERT_TRUE(o);
        EXPECT_EQ(o->value, Value(row["per_1000"].get<double>()));
        ASSERT_TRUE(r.dataset.find_municipality(m));
        EXPECT_EQ(r.dataset.find_municipality(m)->name, row["name"].get<std::string>());
    }
}

TEST(XlsxImport, ImdiLayoutFromOpenpyxl) {
    fs::path file = data / "imdi-openpyxl.xlsx";
    ReadResult r = read(file);
    EXPECT_THAT(r.messages(Severity::error), IsEmpty());
    check_imdi_rows(r);
    std::string f = file.string();
    auto infos = r.messages(Severity::info);
    EXPECT_THAT(infos, Contains(f + ":Bosetting!1:1: title row skipped (\"Bosetting av flyktninger "
                                    "2018-2019\")"));
    EXPECT_THAT(infos, Contains(f + ":Bosetting!8:8: total row skipped (\"Sum\")"));
    EXPECT_THAT(infos, Contains(f + ":Bosetting!9:9: hidden row skipped"));
    EXPECT_FALSE(r.dataset.find_settlement("3413", 2018));
}

TEST(XlsxImport, HiddenRowReadWithIncludeHidden) {
    ReadResult r = read(data / "imdi-openpyxl.xlsx", {{"include-hidden", "true"}});
    ASSERT_TRUE(r.dataset.find_settlement("3413", 2018));
    EXPECT_EQ(r.dataset.find_settlement("3413", 2018)->settled, Value(99));
}

TEST(XlsxImport, ImdiLayoutFromXlsxWriterConstantMemory) {
    ReadResult r = read(data / "imdi-xlsxwriter.xlsx");
    EXPECT_THAT(r.messages(Severity::error), IsEmpty());
    EXPECT_THAT(r.messages(Severity::warning), IsEmpty());
    check_imdi_rows(r);  // Bosatt comes from the formulas' saved results
}

TEST(XlsxImport, LibreOfficeWithMergedTitleHiddenRowAndHiddenSheet) {
    fs::path file = data / "libreoffice.xlsx";
    ReadResult r = read(file);
    std::string f = file.string();
    ASSERT_TRUE(r.dataset.find_settlement("1804", 2019));
    EXPECT_EQ(r.dataset.find_settlement("1804", 2019)->settled, Value(33));
    EXPECT_EQ(r.dataset.find_settlement("1806", 2019)->decided, Value(18));
    EXPECT_FALSE(r.dataset.find_settlement("1813", 2019));  // its row is hidden
    auto infos = r.messages(Severity::info);
    EXPECT_THAT(infos, Contains(f + ":Bosetting!6:6: hidden row skipped"));
    EXPECT_THAT(infos,
                Contains(f + ": sheet \"Notater\" skipped: it is hidden (include-hidden=true "
                             "reads it)"));
    // A count of people with a fraction is refused at its cell.
    EXPECT_THAT(r.messages(Severity::error),
                ElementsAre(HasSubstr(f + ":Bosetting!F5: expected a whole number")));
    EXPECT_EQ(r.dataset.find_settlement("1806", 2019)->settled, Value());
    EXPECT_THAT(r.messages(Severity::warning), IsEmpty());
}

TEST(XlsxImport, SheetOption) {
    ReadResult r = read(data / "imdi-openpyxl.xlsx", {{"sheet", "Finnes ikke"}});
    EXPECT_THAT(r.messages(Severity::error),
                Contains(HasSubstr("expected a sheet named \"Finnes ikke\"")));
}

TEST(XlsxImport, ExternalWorkbookReferenceWarnsAndIsNotFetched) {
    fs::path file = data / "external-link.xlsx";
    ReadResult r = read(file);
    EXPECT_THAT(r.messages(Severity::warning),
                Contains(file.string() +
                         ": the workbook refers to another workbook (file:///C:/Data/fylket.xlsx); "
                         "kdx does not open it, and formulas using it are read with the results "
                         "saved in this file"));
}

TEST(XlsxImport, DeclaresTableAndLimitOptions) {
    std::vector<std::string> names;
    for (const kdx::OptionInfo& o : format()->info().read_options) names.push_back(o.name);
    for (const char* n :
         {"mapping", "sheet", "include-hidden", "max-total-size", "max-part-size",
          "max-compression-ratio", "max-sheets", "max-rows", "max-columns", "max-string-length"})
        EXPECT_THAT(names, Contains(std::string(n)));
}

// The names-by-year tables of the csv tests, saved as XLSX by LibreOffice
// (soffice --headless --infilter="CSV:59,34,76,1" --convert-to xlsx): the
// same figures under the same numbers, wide and long.
TEST(XlsxImport, NamesResolveInTheYearOfTheirFigures) {
    for (const char* name : {"names-by-year-wide.xlsx", "names-by-year-long.xlsx"}) {
        SCOPED_TRACE(name);
        ReadResult r = read(data / name);
        EXPECT_THAT(r.messages(Severity::error), IsEmpty());
        EXPECT_THAT(r.messages(Severity::warning), IsEmpty());
        EXPECT_THAT(settled_by_number_and_year(r.dataset),
                    ::testing::UnorderedElementsAreArray(names_by_year_expected()));
    }
}

// Writes a workbook with openpyxl: `sheets` is Python, a list of (title,
// rows). Returns false (the test skips) without python3-openpyxl.
bool openpyxl_workbook(const fs::path& file, const std::string& sheets) {
    auto r = run("/usr/bin/python3 -c " +
                 sh_quote("import sys, openpyxl\nwb = openpyxl.Workbook()\nwb.remove(wb.active)\n"
                          "for title, rows in " +
                          sheets +
                          ":\n"
                          "    ws = wb.create_sheet(title)\n"
                          "    for row in rows: ws.append(row)\n"
                          "wb.save(sys.argv[1])\n") +
                 " " + sh_quote(file.string()));
    return r.exit_code == 0;
}

// IMDi's long export without its category column, as a workbook: data rows
// from which no figure is read are an error (exit 1) for validate and
// convert alike, at the header, naming the unused column and its guess.
TEST(XlsxImport, DataRowsWithoutFiguresAreAnError) {
    fs::path dir = scratch_dir();
    fs::path file = dir / "antall.xlsx";
    if (!openpyxl_workbook(file,
                           "[('Bosetting', [['Enhet', 'År', 'Kommunenummer', 'Kommune', "
                           "'Antall'], ['Personer', 2018, '0301', 'Oslo', 5], "
                           "['Personer', 2018, '5001', 'Trondheim', 6]])]"))
        GTEST_SKIP() << "python3-openpyxl is not installed";
    for (std::string command :
         {"validate " + sh_quote(file.string()),
          "convert " + sh_quote(file.string()) + " " + sh_quote((dir / "antall.xml").string())}) {
        SCOPED_TRACE(command);
        auto r = run_kdx(command);
        EXPECT_EQ(r.exit_code, 1) << r.err;
        EXPECT_THAT(
            r.err + r.out,
            HasSubstr(file.string() + ":Bosetting!1:1: error: 2 data rows but no figures read"));
        EXPECT_THAT(r.err + r.out, HasSubstr("'Antall' looks like the value column of a long "
                                             "table: which column holds the category"));
    }
}

// No sheet has a header kdx recognises: the error names each sheet, the
// rows searched and what the closest row lacked.
TEST(XlsxImport, NoHeaderSaysWhereItLookedAndWhatWasMissing) {
    fs::path file = scratch_dir() / "no-header.xlsx";
    if (!openpyxl_workbook(file,
                           "[('Merknader', [['Tallene er foreløpige.']]), "
                           "('Tall', [['Bosetting 2018'], [], ['År', 'Anmodning', 'Vedtak'], "
                           "[2018, 12, 10]])]"))
        GTEST_SKIP() << "python3-openpyxl is not installed";
    auto r = run_kdx("validate " + sh_quote(file.string()));
    EXPECT_EQ(r.exit_code, 1) << r.err;
    EXPECT_THAT(r.err, HasSubstr(file.string() +
                                 ": error: nothing could be read: no table has a header row kdx "
                                 "recognises (a municipality column beside a year or figure "
                                 "column; searched sheet \"Merknader\" row 1 (no column kdx "
                                 "knows); sheet \"Tall\" rows 1-4 (row 3 names a year (\"År\"), "
                                 "a figure (\"Anmodning\") but no municipality column)); name its "
                                 "columns in a mapping file"));
}

// The same table written by openpyxl, the last 5001 row on a second sheet.
TEST(XlsxImport, AKeyGivenTwiceIsWrittenOnce) {
    fs::path file = data / "repeated-keys.xlsx";
    check_repeated_keys(file, file.string() + ":2018!2:2", file.string() + ":2018!4:4");
}

}  // namespace
