// Cell by cell: workbooks saved by Microsoft Excel (Mac, Windows, Online) and
// Google Sheets, taken from Debian packages (data/apps/README.md says which,
// and how the saving application was identified), read as openpyxl reads
// them: the JSON beside each workbook is written by
// data/apps/expected_from_openpyxl.py.
#include "read_test_support.hpp"

namespace {

using namespace kdx::test::xlsx;

// Excel 2016 for Mac: shared strings, dates (mm-dd-yy), booleans, DATEDIF
// formulas with saved results, two tables, notes above and below the data.
TEST(XlsxCells, ExcelMacReadxlDeaths) { check_against_generator("apps/excel-mac-deaths"); }

// Excel 2016 for Mac, 1904 date system: booleans, formulas with string
// results (t="str"), a date-time format with AM/PM.
TEST(XlsxCells, ExcelMac1904ReadxlTypeMe) {
    check_against_generator("apps/excel-mac-1904-type-me");
}

// Excel 2011 for Mac: error values (#DIV/0!, #NUM!), times of day (h:mm),
// date-times with hundredths of a second, formulas, a sheet named
// "Sheet with a very long name!".
TEST(XlsxCells, ExcelMacGdataExample) { check_against_generator("apps/excel-mac-gdata-example"); }

// The same workbook saved in the 1904 date system.
TEST(XlsxCells, ExcelMac1904GdataExample) {
    check_against_generator("apps/excel-mac-gdata-example-1904");
}

// Excel 2013 for Windows: rich-text shared strings in Thai, Japanese,
// Russian, Hindi and Arabic.
TEST(XlsxCells, ExcelWindowsUtf8RichText) {
    check_against_generator("apps/excel-win-utf8-rich-text");
}

// Excel 2013 for Windows, German UI: a sheet name ending in a space, strings
// of one space, comments, a filter range and frozen panes. 'K-Matrix '!I2 is
// a shared string whose XML holds a literal CR LF, which XML 1.0 (section
// 2.11) reads as LF: "Multi\nLine\n...", as openpyxl and LibreOffice give it.
TEST(XlsxCells, ExcelWindowsCanmatrixTemplate) {
    check_against_generator("apps/excel-win-canmatrix-template");
}

// Excel Online: a hidden sheet.
TEST(XlsxCells, ExcelOnlineHiddenSheet) {
    check_against_generator("apps/excel-online-hidden-sheet");
}

// Google Sheets: no docProps, sparse rows up to 5999, five sheets.
TEST(XlsxCells, GoogleSheetsOneRow) { check_against_generator("apps/google-sheets-one-row"); }
TEST(XlsxCells, GoogleSheetsFiveSheets) {
    check_against_generator("apps/google-sheets-five-sheets");
}

}  // namespace
