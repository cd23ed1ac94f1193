// One worksheet streamed into a TableSink, row by row.
//
// Cells come as the file stores them: shared, inline and formula strings as
// text (rich-text runs joined), numbers, booleans, error codes, cached
// formula results, and numbers in a date style as dates in the 1900 system.
// A merged range keeps its value in the top-left cell; the other cells of the
// range are empty, as Excel saves them.
#pragma once

#include <string>
#include <vector>

#include "kdx/diagnostics.hpp"
#include "kdx/table.hpp"
#include "xlsx_read_limits.hpp"
#include "xlsx_styles.hpp"
#include "xlsx_zip.hpp"

namespace kdx::xlsx {

struct SheetSource {
    const Package& package;
    std::string part;
    std::string name;  // the sheet's name, for cell locations
    const std::vector<std::string>& shared_strings;
    const Styles& styles;
    bool date1904 = false;
    const ReadLimits& limits;
};

// Passes the sheet's non-empty rows to `sink` (begin_sheet is the caller's).
// Problems with single cells go to `diagnostics`; throws kdx::Error for bad
// XML, rows out of order or a broken limit.
void read_sheet(const SheetSource& source, TableSink& sink, Diagnostics& diagnostics);

// The ISO 8601 text of a serial date in the 1900 system ("2018-12-21",
// "2018-12-21T08:30:00"); empty when outside 1900-9999.
std::string serial_to_iso(double serial);
// The serial day number in the 1900 system of an ISO 8601 date or date-time;
// false when `text` is not one.
bool iso_to_serial(const std::string& text, double& serial);

}  // namespace kdx::xlsx
