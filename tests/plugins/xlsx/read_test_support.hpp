// The xlsx reader seen two ways: cell by cell as its worksheet stream
// delivers them (its sources are compiled into this test), and as the
// plugin host loads it from the build tree.
#pragma once

#include <gtest/gtest.h>

#include <map>
#include <memory>
#include <nlohmann/json.hpp>
#include <string>
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

// The xlsx format from the build tree's kdx_xlsx.so; fails the test if absent.
inline std::shared_ptr<const host::LoadedFormat> format() { return built_format("xlsx"); }

struct ReadResult {
    Dataset dataset;
    Diagnostics diagnostics;

    std::vector<std::string> messages(Severity s) const {
        std::vector<std::string> out;
        for (const Diagnostic& d : diagnostics.items())
            if (d.severity == s) out.push_back(d.where.to_string() + ": " + d.message);
        return out;
    }
};

inline ReadResult read(const fs::path& file, const Options& options = {}) {
    ReadResult r;
    r.dataset = format()->read_dataset(file, options, r.diagnostics);
    return r;
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
