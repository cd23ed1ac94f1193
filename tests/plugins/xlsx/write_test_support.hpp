// The xlsx writer through the plugin host, and openpyxl and Python's zipfile
// (/usr/bin/python3, Debian python3-openpyxl) as the independent readers of
// what it writes.
#pragma once

#include <gtest/gtest.h>

#include <memory>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "host/plugin_host.hpp"
#include "kdx/document.hpp"
#include "kdx/model.hpp"
#include "test_support.hpp"

namespace kdx::test::xlsx_write {

using Json = nlohmann::json;

// The xlsx format from the build tree's kdx_xlsx.so; fails the test if absent.
inline std::shared_ptr<const host::LoadedFormat> format() { return built_format("xlsx"); }

inline Diagnostics write(const Dataset& dataset, const fs::path& file,
                         const Options& options = {}) {
    Diagnostics diagnostics;
    format()->write_dataset(dataset, file, options, diagnostics);
    return diagnostics;
}

inline Diagnostics write(const Document& document, const fs::path& file,
                         const Options& options = {}) {
    Diagnostics diagnostics;
    format()->write_document(document, file, options, diagnostics);
    return diagnostics;
}

inline bool have_openpyxl() {
    return fs::exists("/usr/bin/python3") &&
           run("/usr/bin/python3 -c 'import openpyxl'").exit_code == 0;
}

#define KDX_REQUIRE_OPENPYXL()                     \
    if (!::kdx::test::xlsx_write::have_openpyxl()) \
    GTEST_SKIP() << "/usr/bin/python3 with openpyxl (Debian python3-openpyxl) is not installed"

// Runs a Python program with the file as argv[1] and parses what it prints as JSON.
inline Json python_json(const std::string& program, const fs::path& file) {
    auto r = run("/usr/bin/python3 -c " + sh_quote(program) + " " + sh_quote(file.string()));
    EXPECT_EQ(r.exit_code, 0) << r.err;
    if (r.exit_code != 0) return Json();
    return Json::parse(r.out);
}

// The workbook as openpyxl reads it: properties and, per sheet, its name,
// frozen cell, autofilter range, column widths and every cell as
// [value, data_type, number_format, bold].
inline Json read_workbook(const fs::path& file) {
    static const char* program = R"py(
import json, sys, openpyxl
wb = openpyxl.load_workbook(sys.argv[1])
p = wb.properties
out = {"properties": {"title": p.title, "subject": p.subject, "creator": p.creator,
                      "keywords": p.keywords, "description": p.description,
                      "created": p.created.isoformat() if p.created else None},
       "sheets": []}
for ws in wb.worksheets:
    out["sheets"].append({
        "name": ws.title,
        "freeze": ws.freeze_panes,
        "filter": ws.auto_filter.ref,
        "widths": {k: v.width for k, v in ws.column_dimensions.items()},
        "rows": [[[c.value, c.data_type, c.number_format, bool(c.font.b)] for c in row]
                 for row in ws.iter_rows()],
    })
print(json.dumps(out, default=lambda v: v.isoformat()))
)py";
    return python_json(program, file);
}

// Names and contents of the zip's parts, as Python's zipfile reads them.
inline Json read_parts(const fs::path& file) {
    static const char* program = R"py(
import json, sys, zipfile
with zipfile.ZipFile(sys.argv[1]) as z:
    bad = z.testzip()
    print(json.dumps({"bad": bad, "parts": {n: z.read(n).decode("utf-8") for n in z.namelist()}}))
)py";
    return python_json(program, file);
}

// The sheet of that name, or null.
inline const Json* sheet(const Json& workbook, const std::string& name) {
    for (const Json& s : workbook["sheets"])
        if (s["name"] == name) return &s;
    return nullptr;
}

// The cell at a 1-based row and column: [value, type, format, bold]; null when absent.
inline Json cell(const Json& sheet, std::size_t row, std::size_t column) {
    const Json& rows = sheet["rows"];
    if (row == 0 || row > rows.size() || column == 0 || column > rows[row - 1].size())
        return Json::array({nullptr, "n", "General", false});
    return rows[row - 1][column - 1];
}

// A small dataset with æøå, Sámi names, missing and suppressed figures.
Dataset sample_dataset();

// A document with every kind of block, built by hand.
Document sample_document();

// The sample from the report engine with a shipped template ("imdi-dossier",
// "council-report", "county-overview", "imdi-comparison").
Document shipped_document(const std::string& template_id);

}  // namespace kdx::test::xlsx_write
