// A sheet's layout: which column feeds which field, found from the header
// row's texts or from a mapping file's <columns>.
#pragma once

#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "kdx/table.hpp"
#include "table/fields.hpp"
#include "table/mapping.hpp"

namespace kdx::table_detail {

struct Column {
    unsigned index = 0;  // 0-based position in Row::cells
    Field field = Field::ignore;
    std::string indicator;  // outcome columns
    Unit unit = Unit::other;
    bool additive = false;
    int year = 0;  // the column's own year, e.g. from "Bosatt 2018"; 0 = none
    std::string header;
};

enum class LayoutKind {
    wide,       // one row per municipality (and year), one column per field
    long_rows,  // one row per area, year, indicator and value, as IMDi publishes
    ssb         // a statbank export: region labels, long or one column per year (table/ssb.hpp)
};

struct Layout {
    LayoutKind kind = LayoutKind::wide;
    std::vector<Column> columns;
    // Header cells that feed nothing: 0-based index and text, reported once.
    std::vector<std::pair<unsigned, std::string>> unused;
    // IMDi's own column names ("tabellvariabel"): "." and "NULL" mean missing.
    bool imdi = false;
    // Whose symbols the layout shows it follows (IMDi's column names, SSB's
    // statbank title); nullopt when the header does not tell.
    std::optional<Symbols> publisher;

    // The first column feeding `f`; nullptr when none does.
    const Column* find(Field f) const;
    bool has(Field f) const { return find(f) != nullptr; }
};

// The layout a header row shows by its texts; nullopt when the row is not a
// header kdx recognises (a title row, a data row).
std::optional<Layout> recognise_layout(const Row& row);

// The layout a mapping's <columns> give. `header` is the header row, or
// nullptr when the table has none. On failure returns nullopt and says why in
// `problem`.
std::optional<Layout> mapped_layout(const std::vector<ColumnRule>& rules, const Row* header,
                                    std::string& problem);

}  // namespace kdx::table_detail
