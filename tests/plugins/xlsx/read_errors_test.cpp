// Files kdx refuses, each with its own error naming the file and what was
// expected, through the plugin host and through `kdx convert` (exit 1, no
// output file); and each limit of the reader's options.
#include <gmock/gmock.h>

#include "read_test_support.hpp"

namespace {

using namespace kdx::test;
using namespace kdx::test::xlsx;
using ::testing::HasSubstr;
using ::testing::StartsWith;

const fs::path bad = data / "bad";

std::string at(const fs::path& file) { return file.string() + ": "; }

TEST(XlsxErrors, NotAZipArchive) {
    fs::path f = bad / "not-zip.xlsx";
    EXPECT_EQ(error_of(f), at(f) + "not an .xlsx workbook: not a zip archive");
}

TEST(XlsxErrors, PasswordProtected) {
    fs::path f = bad / "encrypted.xlsx";
    EXPECT_THAT(error_of(f), StartsWith(at(f) + "the workbook is password-protected"));
}

TEST(XlsxErrors, Truncated) {
    fs::path f = bad / "truncated.xlsx";
    EXPECT_THAT(error_of(f), StartsWith(at(f) + "the zip archive is truncated or damaged"));
}

TEST(XlsxErrors, WordDocument) {
    fs::path f = bad / "document.xlsx";
    EXPECT_EQ(error_of(f),
              at(f) + "not an .xlsx workbook: a Word document (.docx), not a spreadsheet");
}

TEST(XlsxErrors, OpenDocumentSpreadsheet) {
    fs::path f = bad / "libreoffice.ods";
    EXPECT_THAT(error_of(f),
                StartsWith(at(f) + "not an .xlsx workbook: an OpenDocument spreadsheet"));
}

TEST(XlsxErrors, DoctypeIsRefusedNotExpanded) {
    fs::path f = bad / "doctype.xlsx";
    EXPECT_EQ(error_of(f), at(f) +
                               "part xl/worksheets/sheet1.xml declares a DOCTYPE or entities, "
                               "which a workbook never has; refused (they are not expanded)");
}

TEST(XlsxErrors, DoctypeInASmallPart) {
    fs::path f = bad / "doctype-workbook.xlsx";
    EXPECT_EQ(error_of(f), at(f) +
                               "part xl/workbook.xml declares a DOCTYPE or entities, which a "
                               "workbook never has; refused (they are not expanded)");
}

TEST(XlsxErrors, MalformedSheetXml) {
    fs::path f = bad / "mismatched.xlsx";
    EXPECT_EQ(error_of(f), at(f) +
                               "part xl/worksheets/sheet1.xml, line 1: not well-formed XML "
                               "(</rows> closes <row>)");
    f = bad / "undefined-entity.xlsx";
    EXPECT_EQ(error_of(f), at(f) +
                               "part xl/worksheets/sheet1.xml, line 1: not well-formed XML (the "
                               "entity &nbsp; is not defined; workbooks declare none)");
    f = bad / "cut-xml.xlsx";
    EXPECT_EQ(error_of(f), at(f) +
                               "part xl/worksheets/sheet1.xml, line 2: not well-formed XML (the "
                               "part ends before </t>)");
}

TEST(XlsxErrors, PathTraversalEntry) {
    fs::path f = bad / "traversal.xlsx";
    EXPECT_EQ(error_of(f), at(f) +
                               "the zip archive has an entry named \"../../evil.txt\", which "
                               "points outside the package; refused");
    // Backslashes are read as slashes (make_renamed.py), so ..\ climbs out too.
    f = bad / "windows-traversal.xlsx";
    EXPECT_EQ(error_of(f), at(f) +
                               "the zip archive has an entry named \"..\\..\\evil.txt\", which "
                               "points outside the package; refused");
}

TEST(XlsxErrors, InvalidUtf8) {
    fs::path f = bad / "invalid-utf8.xlsx";
    EXPECT_EQ(error_of(f), at(f) +
                               "part xl/worksheets/sheet1.xml, line 1: expected UTF-8 text, "
                               "found byte 0xF8");
}

TEST(XlsxErrors, CompressionRatio) {
    fs::path f = bad / "bomb.xlsx";
    EXPECT_THAT(error_of(f),
                HasSubstr("times (max-compression-ratio); refused as a possible zip bomb"));
    EXPECT_EQ(error_of(f, {{"max-compression-ratio", "100000"}}), "no error");
}

TEST(XlsxErrors, MissingFile) {
    fs::path f = bad / "absent.xlsx";
    EXPECT_EQ(error_of(f), at(f) + "cannot open the file for reading");
}

// Each limit on a file that is fine under the defaults.
TEST(XlsxLimits, EachLimitHasItsOwnError) {
    fs::path f = data / "types-openpyxl.xlsx";
    ASSERT_EQ(error_of(f), "no error");
    EXPECT_EQ(error_of(f, {{"max-total-size", "10000"}}),
              at(f) +
                  "the parts of the package add up to more than 10000 bytes uncompressed "
                  "(max-total-size)");
    EXPECT_EQ(error_of(f, {{"max-part-size", "5000"}}),
              at(f) +
                  "part xl/theme/theme1.xml is 10140 bytes uncompressed, more than the limit "
                  "of 5000 bytes (max-part-size)");
    EXPECT_EQ(error_of(f, {{"max-sheets", "2"}}),
              at(f) + "the workbook has 3 sheets, more than the limit of 2 (max-sheets)");
    EXPECT_EQ(error_of(f, {{"max-rows", "5"}}),
              f.string() + ":Ark1!A6: row 6 is beyond the limit of 5 rows (max-rows)");
    EXPECT_EQ(error_of(f, {{"max-columns", "8"}}),
              f.string() +
                  ":Ark1!A2: row 2 has a cell in column 9, beyond the limit of 8 columns "
                  "(max-columns)");
    EXPECT_EQ(error_of(f, {{"max-string-length", "10"}}),
              f.string() +
                  ":Ark1!A3: the cell's text is 13 characters long, more than the limit "
                  "of 10 (max-string-length)");
    EXPECT_EQ(error_of(f, {{"max-rows", "many"}}),
              ": format xlsx: option max-rows: expected a whole number, found \"many\"");
    EXPECT_EQ(error_of(f, {{"max-rows", "0"}}),
              ": format xlsx: option max-rows: expected a whole number from 1 up, found \"0\"");
}

TEST(XlsxLimits, SharedStringLength) {
    fs::path f = data / "types-xlsxwriter.xlsx";
    EXPECT_EQ(error_of(f, {{"max-string-length", "11"}}),
              at(f) +
                  "part xl/sharedStrings.xml: shared string 1 is longer than the limit of 11 "
                  "characters (max-string-length)");
}

// kdx convert fails with exit 1, says why on stderr, and writes nothing.
TEST(XlsxErrors, ConvertExitsOneWithoutOutput) {
    fs::path dir = scratch_dir();
    for (const char* name : {"not-zip.xlsx", "encrypted.xlsx", "truncated.xlsx", "document.xlsx",
                             "doctype.xlsx", "doctype-workbook.xlsx", "traversal.xlsx",
                             "invalid-utf8.xlsx", "bomb.xlsx", "mismatched.xlsx"}) {
        SCOPED_TRACE(name);
        fs::path out = dir / (std::string(name) + ".csv");
        auto r =
            run_kdx("convert " + sh_quote((bad / name).string()) + " " + sh_quote(out.string()));
        EXPECT_EQ(r.exit_code, 1) << r.err;
        EXPECT_THAT(r.err, HasSubstr((bad / name).string() + ": "));
        EXPECT_FALSE(fs::exists(out));
    }
    EXPECT_TRUE(fs::is_empty(dir));
}

}  // namespace
