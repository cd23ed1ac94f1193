#include "table/layout.hpp"

#include <algorithm>

#include "kdx/diagnostics.hpp"
#include "table/cell_value.hpp"

namespace kdx::table_detail {

namespace {

bool is_municipality_field(Field f) {
    return f == Field::municipality || f == Field::municipality_number ||
           f == Field::municipality_name;
}

bool is_area_field(Field f) {
    return f == Field::municipality || f == Field::municipality_number ||
           f == Field::county_number || f == Field::business_region || f == Field::district;
}

// Fields a wide table cannot use: they describe rows of the long format.
bool long_only(Field f) {
    return f == Field::indicator || f == Field::unit || f == Field::value ||
           f == Field::programme || f == Field::cohort_size || f == Field::business_region ||
           f == Field::district;
}

bool same_target(const Column& a, const Column& b) {
    return a.field == b.field && a.year == b.year && a.indicator == b.indicator;
}

std::string header_text(const Row& row, unsigned index) {
    if (index >= row.cells.size()) return {};
    return std::string(trim(shown(row.cells[index])));
}

// Moves columns the layout's kind cannot use to `unused`, and duplicates too.
void settle_columns(Layout& layout) {
    std::vector<Column> kept;
    for (Column& c : layout.columns) {
        if (c.field == Field::ignore) continue;  // named as not wanted: nothing to report
        bool duplicate = std::any_of(kept.begin(), kept.end(),
                                     [&](const Column& k) { return same_target(k, c); });
        bool unusable = layout.kind == LayoutKind::wide && long_only(c.field);
        if (layout.kind == LayoutKind::long_rows &&
            (c.field == Field::county_name || c.field == Field::population ||
             is_settlement_field(c.field) || c.field == Field::outcome))
            unusable = true;
        if (duplicate || unusable)
            layout.unused.emplace_back(c.index, c.header);
        else
            kept.push_back(std::move(c));
    }
    layout.columns = std::move(kept);
    std::sort(layout.unused.begin(), layout.unused.end());
}

}  // namespace

const Column* Layout::find(Field f) const {
    for (const Column& c : columns)
        if (c.field == f) return &c;
    return nullptr;
}

std::optional<Layout> recognise_layout(const Row& row) {
    Layout layout;
    std::size_t recognised = 0;
    for (unsigned i = 0; i < row.cells.size(); ++i) {
        const Cell& cell = row.cells[i];
        if (cell.type != Cell::Type::text || trim(cell.text).empty()) continue;
        auto match = match_header(cell.text);
        if (!match) {
            layout.unused.emplace_back(i, std::string(trim(cell.text)));
            continue;
        }
        if (normalise_header(cell.text) == "tabellvariabel") {
            layout.imdi = true;
            layout.publisher = Symbols::imdi;
        }
        Column c;
        c.index = i;
        c.field = match->field;
        c.indicator = match->indicator;
        c.unit = match->unit;
        c.year = match->year;
        c.header = std::string(trim(cell.text));
        if (c.field == Field::outcome) {
            for (const auto* list : {&builtin_indicators(), &imdi_extra_indicators()})
                for (const Indicator& ind : *list)
                    if (ind.id == c.indicator) c.additive = ind.additive;
        }
        // Columns only a long table uses ("Antall") do not make a wide header.
        if (c.field != Field::ignore && !long_only(c.field)) ++recognised;
        layout.columns.push_back(std::move(c));
    }
    if (layout.has(Field::indicator) && layout.has(Field::value) &&
        std::any_of(layout.columns.begin(), layout.columns.end(),
                    [](const Column& c) { return is_area_field(c.field); })) {
        layout.kind = LayoutKind::long_rows;
    } else {
        bool municipality =
            std::any_of(layout.columns.begin(), layout.columns.end(),
                        [](const Column& c) { return is_municipality_field(c.field); });
        if (!municipality || recognised < 2) return std::nullopt;
    }
    settle_columns(layout);
    return layout;
}

std::optional<Layout> mapped_layout(const std::vector<ColumnRule>& rules, const Row* header,
                                    std::string& problem) {
    Layout layout;
    for (const ColumnRule& rule : rules) {
        Column c;
        c.field = rule.field;
        c.indicator = rule.indicator;
        c.unit = rule.unit;
        c.additive = rule.additive;
        c.year = rule.year;
        if (rule.column > 0) {
            c.index = rule.column - 1;
            c.header = header ? header_text(*header, c.index) : std::string();
            if (c.header.empty()) c.header = column_letters(rule.column);
        } else {
            std::string wanted = normalise_header(rule.header);
            bool found = false;
            for (unsigned i = 0; header && i < header->cells.size() && !found; ++i)
                if (normalise_header(shown(header->cells[i])) == wanted) {
                    c.index = i;
                    c.header = header_text(*header, i);
                    found = true;
                }
            if (!found) {
                std::string present;
                for (unsigned i = 0; header && i < header->cells.size(); ++i) {
                    std::string text = header_text(*header, i);
                    if (!text.empty()) present += (present.empty() ? "\"" : ", \"") + text + "\"";
                }
                problem = "the mapping's column \"" + rule.header + "\" (line " +
                          std::to_string(rule.line) + ") is not in the header row; it has " +
                          (present.empty() ? std::string("no texts") : present);
                return std::nullopt;
            }
        }
        layout.columns.push_back(std::move(c));
    }
    if (layout.has(Field::indicator) && layout.has(Field::value)) {
        layout.kind = LayoutKind::long_rows;
        if (std::none_of(layout.columns.begin(), layout.columns.end(),
                         [](const Column& c) { return is_area_field(c.field); })) {
            problem =
                "the mapping's columns name no area (municipality, municipality-number, "
                "county-number, business-region or district) for its long-format rows";
            return std::nullopt;
        }
    } else if (std::none_of(layout.columns.begin(), layout.columns.end(),
                            [](const Column& c) { return is_municipality_field(c.field); })) {
        problem =
            "the mapping's columns name no municipality (municipality, municipality-number "
            "or municipality-name)";
        return std::nullopt;
    }
    settle_columns(layout);
    return layout;
}

}  // namespace kdx::table_detail
