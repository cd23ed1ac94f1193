// The xlsx reader seen two ways: cell by cell as its worksheet stream
// delivers them (its sources are compiled into this test), and as the
// plugin host loads it from the build tree.
#pragma once

#include <gtest/gtest.h>

#include <cstdint>
#include <map>
#include <memory>
#include <nlohmann/json.hpp>
#include <set>
#include <string>
#include <utility>
#include <vector>

#include "host/plugin_host.hpp"
#include "kdx/error.hpp"
#include "test_support.hpp"
#include "xlsx_read_workbook.hpp"
#include "xlsx_sheet.hpp"
#include "xlsx_strings.hpp"
#include "xlsx_styles.hpp"
#include "xlsx_zip.hpp"

namespace kdx::test::xlsx {

inline const fs::path data = KDX_XLSX_TEST_DATA;

struct SheetCells {
    std::string name;
    bool hidden = false;
    std::map<std::string, Cell> cells;  // by reference, e.g. "C12"; non-empty cells only
    std::vector<std::uint32_t> hidden_rows;
    std::vector<std::uint32_t> row_numbers;
};

struct WorkbookCells {
    std::vector<SheetCells> sheets;
    Diagnostics diagnostics;
    const SheetCells* sheet(const std::string& name) const {
        for (const SheetCells& s : sheets)
            if (s.name == name) return &s;
        return nullptr;
    }
};

// Records what the reader passes for each sheet.
class RecordingSink : public TableSink {
  public:
    explicit RecordingSink(SheetCells& sheet) : sheet_(sheet) {}
    bool begin_sheet(const SheetInfo&) override { return true; }
    bool row(const Row& row) override {
        sheet_.row_numbers.push_back(row.number);
        if (row.hidden) sheet_.hidden_rows.push_back(row.number);
        for (std::size_t i = 0; i < row.cells.size(); ++i)
            if (row.cells[i].type != Cell::Type::empty)
                sheet_.cells[cell_reference(row.number, static_cast<unsigned>(i + 1))] =
                    row.cells[i];
        return true;
    }
    void end_sheet() override {}

  private:
    SheetCells& sheet_;
};

// Every sheet's cells, read with the reader's own parts; throws kdx::Error.
inline WorkbookCells read_cells(const fs::path& file, const kdx::xlsx::ReadLimits& limits = {}) {
    using namespace kdx::xlsx;
    WorkbookCells out;
    Package package(file, file.string(), limits);
    Workbook book = read_workbook(package, out.diagnostics);
    Styles styles = book.styles.empty() ? Styles() : Styles::read(package, book.styles);
    std::vector<std::string> strings =
        book.shared_strings.empty() ? std::vector<std::string>()
                                    : read_shared_strings(package, book.shared_strings, limits);
    for (const SheetPart& part : book.sheets) {
        SheetCells sheet;
        sheet.name = part.name;
        sheet.hidden = part.hidden;
        RecordingSink sink(sheet);
        read_sheet({package, part.part, part.name, strings, styles, book.date1904, limits}, sink,
                   out.diagnostics);
        out.sheets.push_back(std::move(sheet));
    }
    return out;
}

inline nlohmann::json read_json(const fs::path& file) {
    return nlohmann::json::parse(read_file(file));
}

inline const char* type_name(kdx::Cell::Type t) {
    switch (t) {
        case kdx::Cell::Type::empty:
            return "empty";
        case kdx::Cell::Type::text:
            return "text";
        case kdx::Cell::Type::number:
            return "number";
        case kdx::Cell::Type::boolean:
            return "boolean";
        case kdx::Cell::Type::date:
            return "date";
        case kdx::Cell::Type::error:
            return "error";
    }
    return "?";
}

// Compares every cell, sheet and hidden row `name`.json lists with what the
// reader gives for `name`.xlsx, both under data/ (name may hold a folder,
// e.g. "apps/excel-mac-deaths"). With "all_cells": true in the JSON, the
// reader must give no non-empty cell the JSON does not list.
inline void check_against_generator(const std::string& name) {
    SCOPED_TRACE(name);
    WorkbookCells book = read_cells(data / (name + ".xlsx"));
    nlohmann::json expected = read_json(data / (name + ".json"));

    std::vector<std::pair<std::string, bool>> sheets, expected_sheets;
    for (const SheetCells& s : book.sheets) sheets.emplace_back(s.name, s.hidden);
    for (const auto& s : expected["sheets"])
        expected_sheets.emplace_back(s["name"].get<std::string>(), s["hidden"].get<bool>());
    EXPECT_EQ(sheets, expected_sheets);

    int checked = 0;
    for (const auto& e : expected["cells"]) {
        std::string where = e["sheet"].get<std::string>() + "!" + e["cell"].get<std::string>();
        SCOPED_TRACE(where);
        const SheetCells* sheet = book.sheet(e["sheet"]);
        ASSERT_TRUE(sheet);
        auto it = sheet->cells.find(e["cell"]);
        kdx::Cell cell = it == sheet->cells.end() ? kdx::Cell{} : it->second;
        EXPECT_EQ(type_name(cell.type), e["type"].get<std::string>()) << cell.text;
        if (e.contains("text")) {
            EXPECT_EQ(cell.text, e["text"].get<std::string>());
        }
        if (e.contains("number")) {
            EXPECT_NEAR(cell.number, e["number"].get<double>(), 1e-6);
        }
        ++checked;
    }
    EXPECT_GT(checked, 0);

    // A JSON file that says it lists every non-empty cell: the reader gives no others.
    if (expected.value("all_cells", false)) {
        std::set<std::pair<std::string, std::string>> listed;
        for (const auto& e : expected["cells"])
            listed.emplace(e["sheet"].get<std::string>(), e["cell"].get<std::string>());
        std::vector<std::string> unlisted;
        for (const SheetCells& s : book.sheets)
            for (const auto& [ref, cell] : s.cells)
                if (!listed.count({s.name, ref}))
                    unlisted.push_back(s.name + "!" + ref + " (" + type_name(cell.type) + " \"" +
                                       cell.text + "\")");
        EXPECT_EQ(unlisted, std::vector<std::string>());
    }

    std::vector<std::pair<std::string, std::uint32_t>> hidden, expected_hidden;
    for (const SheetCells& s : book.sheets)
        for (std::uint32_t r : s.hidden_rows) hidden.emplace_back(s.name, r);
    for (const auto& h : expected["hidden_rows"])
        expected_hidden.emplace_back(h["sheet"].get<std::string>(), h["row"].get<std::uint32_t>());
    EXPECT_EQ(hidden, expected_hidden);
}

// The xlsx format from the build tree's kdx_xlsx.so; fails the test if absent.
inline std::shared_ptr<const host::LoadedFormat> format() { return built_format("xlsx"); }

inline ReadResult read(const fs::path& file, const Options& options = {}) {
    return read_with(*format(), file, options);
}

// "where: message" of the kdx::Error reading `file` gives, or "no error".
inline std::string error_of(const fs::path& file, const Options& options = {}) {
    try {
        read(file, options);
    } catch (const kdx::Error& e) {
        return e.where().to_string() + ": " + e.message();
    }
    return "no error";
}

}  // namespace kdx::test::xlsx
