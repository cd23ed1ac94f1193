// Cell by cell: workbooks written by XlsxWriter (normal, constant-memory and
// 1904-date modes), openpyxl and LibreOffice read back as the values their
// generator (data/make_fixtures.py, data/libreoffice.fods) put in, listed in
// the JSON file beside each workbook.
#include <gmock/gmock.h>

#include "read_test_support.hpp"

namespace {

using namespace kdx::test;
using namespace kdx::test::xlsx;
using ::testing::ElementsAre;
using ::testing::HasSubstr;
using ::testing::Not;

TEST(XlsxCells, XlsxWriter) { check_against_generator("types-xlsxwriter"); }
TEST(XlsxCells, XlsxWriterConstantMemoryInlineStrings) {
    check_against_generator("types-constant-memory");
}
TEST(XlsxCells, XlsxWriter1904DateSystem) { check_against_generator("types-1904"); }
TEST(XlsxCells, Openpyxl) { check_against_generator("types-openpyxl"); }
TEST(XlsxCells, LibreOffice) { check_against_generator("libreoffice"); }

TEST(XlsxCells, XmlFeatures) { check_against_generator("xml-features"); }

// Tokens and character references fall across the reader's read chunks.
TEST(XlsxCells, SheetLargerThanReadChunks) {
    WorkbookCells book = read_cells(data / "big-entities.xlsx");
    ASSERT_EQ(book.sheets.size(), 1u);
    const SheetCells& sheet = book.sheets[0];
    const unsigned rows = 8000;  // BIG_ROWS in make_fixtures.py
    ASSERT_EQ(sheet.row_numbers.size(), rows);
    ASSERT_EQ(sheet.cells.size(), 2u * rows);
    for (unsigned i = 1; i <= rows; ++i) {
        const kdx::Cell& a = sheet.cells.at("A" + std::to_string(i));
        const kdx::Cell& b = sheet.cells.at("B" + std::to_string(i));
        ASSERT_EQ(a.text, "R&D <" + std::to_string(i) + ">");
        ASSERT_EQ(b.type, kdx::Cell::Type::number);
        ASSERT_EQ(b.number, i);
    }
}

TEST(XlsxCells, OpenpyxlFormulasWithoutResultsAreEmptyWithOneWarning) {
    fs::path file = data / "types-openpyxl.xlsx";
    WorkbookCells book = read_cells(file);
    std::vector<std::string> warnings;
    for (const kdx::Diagnostic& d : book.diagnostics.items())
        warnings.push_back(d.where.to_string() + ": " + to_string(d.severity) + ": " + d.message);
    EXPECT_THAT(warnings, ElementsAre(file.string() + ":Ark1!G2: warning: 1 formula has no saved "
                                                      "result (the file was written without "
                                                      "calculating them, e.g. by openpyxl); read "
                                                      "as empty: open and save the file in Excel "
                                                      "or LibreOffice to calculate them"));
}

TEST(XlsxCells, ConstantMemoryFileStoresInlineStrings) {
    // Guards the fixture: the point of the file is that it has no shared strings.
    if (!have_program("unzip")) GTEST_SKIP() << "unzip is not installed";
    auto r = run("unzip -l " + sh_quote((data / "types-constant-memory.xlsx").string()));
    EXPECT_THAT(r.out, Not(HasSubstr("sharedStrings")));
    r = run("unzip -l " + sh_quote((data / "types-xlsxwriter.xlsx").string()));
    EXPECT_THAT(r.out, HasSubstr("sharedStrings"));
}

TEST(XlsxDates, FormatCodes) {
    using kdx::xlsx::is_date_format;
    EXPECT_TRUE(is_date_format("dd.mm.yyyy"));
    EXPECT_TRUE(is_date_format("[$-414]d. mmmm yyyy"));
    EXPECT_TRUE(is_date_format("h:mm"));
    EXPECT_TRUE(is_date_format("[h]:mm:ss"));
    EXPECT_FALSE(is_date_format("0.0 \"dager\""));
    EXPECT_FALSE(is_date_format("# ##0;[Red]-# ##0"));
    EXPECT_FALSE(is_date_format("General"));
    EXPECT_FALSE(is_date_format("0\\d"));
    EXPECT_FALSE(is_date_format("@"));
    for (unsigned id : {14u, 17u, 22u, 45u, 47u})
        EXPECT_TRUE(kdx::xlsx::is_builtin_date_format(id));
    for (unsigned id : {0u, 1u, 13u, 23u, 44u, 48u})
        EXPECT_FALSE(kdx::xlsx::is_builtin_date_format(id));
}

TEST(XlsxDates, SerialsAroundExcelsLeapDay) {
    using kdx::xlsx::serial_to_iso;
    EXPECT_EQ(serial_to_iso(1), "1900-01-01");
    EXPECT_EQ(serial_to_iso(59), "1900-02-28");
    EXPECT_EQ(serial_to_iso(60), "1900-02-29");  // the day Excel counts that never was
    EXPECT_EQ(serial_to_iso(61), "1900-03-01");
    EXPECT_EQ(serial_to_iso(43455.354166666664), "2018-12-21T08:30:00");
    EXPECT_EQ(serial_to_iso(2958465), "9999-12-31");
    EXPECT_EQ(serial_to_iso(-1), "");
    double serial = 0;
    ASSERT_TRUE(kdx::xlsx::iso_to_serial("1900-02-28", serial));
    EXPECT_EQ(serial, 59);
    ASSERT_TRUE(kdx::xlsx::iso_to_serial("2018-12-21T08:30:00Z", serial));
    EXPECT_NEAR(serial, 43455.354166666664, 1e-9);
    EXPECT_FALSE(kdx::xlsx::iso_to_serial("21.12.2018", serial));
}

TEST(XlsxParts, RelationshipTargets) {
    using kdx::xlsx::resolve_target;
    EXPECT_EQ(resolve_target("xl/workbook.xml", "worksheets/sheet1.xml"),
              "xl/worksheets/sheet1.xml");
    EXPECT_EQ(resolve_target("xl/workbook.xml", "/xl/worksheets/sheet1.xml"),
              "xl/worksheets/sheet1.xml");
    EXPECT_EQ(resolve_target("xl/workbook.xml", "./worksheets/../styles.xml"), "xl/styles.xml");
    EXPECT_EQ(resolve_target("", "xl/workbook.xml"), "xl/workbook.xml");
}

}  // namespace
