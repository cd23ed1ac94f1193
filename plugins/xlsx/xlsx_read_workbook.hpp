// The workbook part and its relationships: which parts hold the sheets, the
// shared strings and the styles, the date system, and what kind of package
// this is at all.
#pragma once

#include <string>
#include <vector>

#include "kdx/diagnostics.hpp"
#include "xlsx_zip.hpp"

namespace kdx::xlsx {

struct SheetPart {
    std::string name;
    std::string part;     // e.g. "xl/worksheets/sheet1.xml"
    bool hidden = false;  // state="hidden" or "veryHidden"
};

struct Workbook {
    std::vector<SheetPart> sheets;  // worksheets in workbook order
    std::string shared_strings;     // part name, empty when there is none
    std::string styles;             // part name, empty when there is none
    bool date1904 = false;
};

// Resolves a relationship target against the folder of `source` ("xl/workbook.xml"):
// "worksheets/sheet1.xml" -> "xl/worksheets/sheet1.xml", "/xl/x.xml" -> "xl/x.xml".
std::string resolve_target(const std::string& source, const std::string& target);

// Throws kdx::Error when the package is not a spreadsheet (a Word document,
// an ODS file, no workbook part) or the workbook part is unreadable. Warns
// about references to other workbooks, which are never fetched.
Workbook read_workbook(const Package& package, Diagnostics& diagnostics);

}  // namespace kdx::xlsx
