#include <algorithm>

#include "table/cell_value.hpp"
#include "table/fields.hpp"
#include "table/ssb.hpp"

namespace kdx::table_detail {

namespace {

bool one_of(const std::string& n, std::initializer_list<const char*> names) {
    return std::any_of(names.begin(), names.end(), [&](const char* s) { return n == s; });
}

// "Personer 2014" -> 2014; 0 when the header does not end in a year.
int trailing_year(const std::string& n) {
    if (n.size() < 4) return 0;
    std::string tail = n.substr(n.size() - 4);
    if (!std::all_of(tail.begin(), tail.end(), [](char c) { return c >= '0' && c <= '9'; }))
        return 0;
    if (n.size() > 4 && n[n.size() - 5] != ' ') return 0;
    int year = std::stoi(tail);
    return year >= 1900 && year <= 2100 ? year : 0;
}

}  // namespace

std::optional<Layout> recognise_ssb_layout(
    const Row& row, const std::vector<std::pair<std::uint32_t, std::string>>& titles) {
    Layout layout;
    layout.kind = LayoutKind::ssb;
    layout.publisher = Symbols::ssb;
    bool statbank = std::any_of(titles.begin(), titles.end(),
                                [](const auto& t) { return is_statbank_title(t.second); });
    std::vector<std::pair<unsigned, std::string>> rest;  // cells not yet placed
    for (unsigned i = 0; i < row.cells.size(); ++i) {
        const Cell& cell = row.cells[i];
        if (cell.type != Cell::Type::text || trim(cell.text).empty()) continue;
        std::string text(trim(cell.text));
        std::string n = normalise_header(text);
        Column c;
        c.index = i;
        c.header = text;
        if (n == "region") {
            c.field = Field::municipality;
        } else if (one_of(n, {"år", "aar", "tid", "year", "time"})) {
            c.field = Field::year;
        } else if (one_of(n, {"statistikkvariabel", "contents", "statistic",
                              "statistical variable"})) {
            c.field = Field::indicator;
            statbank = true;
        } else {
            if (is_statbank_title(text) || n.find("etter region") != std::string::npos)
                statbank = true;
            rest.emplace_back(i, text);
            continue;
        }
        if (layout.has(c.field)) {
            layout.unused.emplace_back(i, text);
            continue;
        }
        layout.columns.push_back(std::move(c));
    }
    if (!statbank || !layout.has(Field::municipality) || rest.empty()) return std::nullopt;
    if (layout.has(Field::year)) {
        // One row per region, variable and year: the last column holds the figure.
        Column value;
        value.index = rest.back().first;
        value.header = rest.back().second;
        value.field = Field::value;
        layout.columns.push_back(std::move(value));
        rest.pop_back();
        layout.unused.insert(layout.unused.end(), rest.begin(), rest.end());
    } else {
        // One column per variable and year: "Personer 2014".
        for (auto& [index, text] : rest) {
            int year = trailing_year(normalise_header(text));
            if (year == 0) {
                layout.unused.emplace_back(index, text);
                continue;
            }
            Column c;
            c.index = index;
            c.header = text;
            c.field = Field::outcome;
            c.year = year;
            layout.columns.push_back(std::move(c));
        }
        if (!layout.has(Field::outcome)) return std::nullopt;
    }
    std::sort(layout.unused.begin(), layout.unused.end());
    return layout;
}

}  // namespace kdx::table_detail
