// Feeding rows to a TableImporter as a spreadsheet or CSV reader would.
#pragma once

#include <string>
#include <vector>

#include "kdx/diagnostics.hpp"
#include "kdx/model.hpp"
#include "kdx/table.hpp"
#include "kdx/table_import.hpp"
#include "test_support.hpp"

namespace kdx::test {

// A text cell; "" gives an empty cell.
inline Cell text(const std::string& s) {
    Cell c;
    c.type = s.empty() ? Cell::Type::empty : Cell::Type::text;
    c.text = s;
    return c;
}

inline Cell number(double n) {
    Cell c;
    c.type = Cell::Type::number;
    c.number = n;
    return c;
}

inline Row row(std::uint32_t number, std::vector<Cell> cells, bool hidden = false) {
    Row r;
    r.number = number;
    r.cells = std::move(cells);
    r.hidden = hidden;
    return r;
}

// A row of text cells.
inline Row texts(std::uint32_t number, const std::vector<std::string>& cells) {
    std::vector<Cell> c;
    for (const std::string& s : cells) c.push_back(text(s));
    return row(number, std::move(c));
}

struct Sheet {
    std::string name;
    std::vector<Row> rows;
    bool hidden = false;
};

using Imported = ReadResult;

// Pushes the sheets of a workbook named `file` through a TableImporter.
inline Imported import_sheets(const std::string& file, const std::vector<Sheet>& sheets,
                              TableImportOptions options = {}) {
    Imported result;
    TableImporter importer(result.dataset, result.diagnostics, options);
    for (const Sheet& s : sheets) {
        SheetInfo info;
        info.file = file;
        info.name = s.name;
        info.hidden = s.hidden;
        if (!importer.begin_sheet(info)) continue;
        for (const Row& r : s.rows)
            if (!importer.row(r)) break;
        importer.end_sheet();
    }
    importer.finish();
    return result;
}

}  // namespace kdx::test
