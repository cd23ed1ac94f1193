// Cells and rows as spreadsheet and CSV readers deliver them, streamed row by
// row into a TableSink (core's table importer maps them onto the model).
#pragma once

#include <cstdint>
#include <string>
#include <vector>

namespace kdx {

struct Cell {
    enum class Type : unsigned char { empty, text, number, boolean, date, error };
    Type type = Type::empty;
    // The text for text cells, the error code ("#N/A") for errors, the ISO date
    // ("2018-12-21" or "2018-12-21T08:30:00") for dates, and for numbers and
    // booleans the text as the source wrote it where it had one. A number the
    // source shows as a percentage has its text as shown, ending in "%"
    // ("104,7 %"), and its number in percent (104.67 for Excel's 1.0467
    // under "0.0 %"), so a percent figure reads the same from any format.
    std::string text;
    // The value for numbers, 1/0 for booleans, and for dates the serial day
    // number in the 1900 system (1 = 1900-01-01) whatever the file used.
    double number = 0;
};

struct Row {
    std::uint32_t number = 0;  // 1-based row (spreadsheet) or record line (CSV)
    bool hidden = false;
    std::vector<Cell> cells;  // cells[0] is column A; trailing empty cells may be absent
};

struct SheetInfo {
    std::string file;  // the file as the user named it
    std::string name;  // the sheet name; for CSV the file name
    bool hidden = false;
    // True when rows are lines of a text file (CSV): cells are then located as
    // file:line:column, with Row::number the line and the column the field's position.
    bool lines = false;
};

// Receives a table one row at a time. A reader calls begin_sheet, then row
// for each non-empty row in order, then end_sheet, for every sheet. A reader
// may also pass rows whose cells are all empty (a CSV line of separators); the
// importer reports them as skipped.
class TableSink {
  public:
    virtual ~TableSink();
    // Return false to skip this sheet (no row or end_sheet calls follow).
    virtual bool begin_sheet(const SheetInfo& sheet) = 0;
    // Return false to stop reading the current sheet.
    virtual bool row(const Row& row) = 0;
    virtual void end_sheet() = 0;
};

}  // namespace kdx
