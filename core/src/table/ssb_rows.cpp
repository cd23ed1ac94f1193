// Rows of a statbank export. Municipality rows become figures, the country's
// row figures for "0000"; county rows are aggregates: each is compared with
// the sum of its municipalities in the same file and skipped.
#include <algorithm>
#include <map>
#include <tuple>
#include <unordered_map>

#include "population.hpp"
#include "table/cell_value.hpp"
#include "table/ssb.hpp"

namespace kdx::table_detail {

namespace {

// "07459: Befolkning, etter region, ..." -> "Befolkning"; "Personer 2014" -> "Personer".
std::string variable_text(std::string_view header, int year) {
    std::string t(trim(header));
    if (is_statbank_title(t)) t = std::string(trim(std::string_view(t).substr(6)));
    for (const char* cut : {", etter ", " etter "}) {
        auto at = t.find(cut);
        if (at != std::string::npos) t = t.substr(0, at);
    }
    if (year != 0) {
        std::string y = std::to_string(year);
        if (t.size() >= 4 && t.compare(t.size() - 4, 4, y) == 0)
            t = std::string(trim(std::string_view(t).substr(0, t.size() - 4)));
    }
    return t;
}

struct Tally {
    std::size_t count = 0;
    std::uint32_t first_row = 0;
};

class SsbMapper : public RowMapper {
  public:
    SsbMapper(SheetContext& sheet, const Layout& layout) : sheet_(sheet) {
        region_ = layout.find(Field::municipality);
        year_ = layout.find(Field::year);
        variable_ = layout.find(Field::indicator);
        value_ = layout.find(Field::value);
        for (const Column& c : layout.columns)
            if (c.field == Field::outcome) wide_.push_back(&c);
        if (sheet_.outcome_source.empty()) sheet_.outcome_source = "SSB";
    }

    void row(const Row& row) override {
        const Cell& label = cell_of(row, *region_);
        SsbRegion region = ssb_region(shown(label));
        if (region.kind == SsbRegion::Kind::none) {
            if (!has_figures(row)) {
                sheet_.info(row.number, 0,
                            "row skipped: \"" + std::string(trim(shown(label))) +
                                "\" is no region and the row has no figures");
            } else {
                error(row, *region_,
                      expected_found("a region such as \"0301 Oslo\", \"K-3001 Halden\" or "
                                     "\"0 Hele landet\"",
                                     label));
            }
            return;
        }
        if (region.kind == SsbRegion::Kind::other) {
            tally(other_, row);
            return;
        }
        int row_year = sheet_.year;
        if (year_) {
            auto y = read_year(cell_of(row, *year_));
            if (!y) {
                error(row, *year_, expected_found("a year such as 2020", cell_of(row, *year_)));
                return;
            }
            row_year = *y;
        }
        std::string row_variable =
            variable_ ? std::string(trim(shown(cell_of(row, *variable_)))) : std::string();
        if (value_) {
            figure(row, region, row_year,
                   variable_ ? row_variable : variable_text(value_->header, 0), *value_);
        } else {
            for (const Column* c : wide_) {
                std::string v = variable_text(c->header, c->year);
                figure(row, region, c->year, v.empty() ? row_variable : v, *c);
            }
        }
        if (region.kind == SsbRegion::Kind::county) tally(counties_, row);
    }

    void finish() override {
        check_counties();
        if (other_.count > 0)
            sheet_.info(other_.first_row, 0,
                        std::to_string(other_.count) +
                            " rows of other regions (city districts, economic regions) skipped: "
                            "the model keeps municipalities");
        std::vector<std::pair<std::string, Tally>> unknown(unknown_.begin(), unknown_.end());
        std::sort(unknown.begin(), unknown.end(), [](const auto& a, const auto& b) {
            return a.second.first_row < b.second.first_row;
        });
        for (const auto& [text, t] : unknown)
            sheet_.warning(t.first_row, 0,
                           "statistics variable \"" + text + "\" is not one kdx knows; its " +
                               std::to_string(t.count) +
                               " figures were skipped (map it with <indicator> in a mapping file)");
    }

    std::string nothing_read() const override {
        if (counties_.count == 0) return {};
        return "every row is a county's (an aggregate), none a municipality's: kdx keeps "
               "figures per municipality; export the table with its municipalities (region "
               "\"K-3001 Halden\" and so on)";
    }

  private:
    using Key = std::tuple<std::string, int, std::string>;  // area, year, variable

    bool has_figures(const Row& row) const {
        if (value_) return !is_blank(cell_of(row, *value_));
        return std::any_of(wide_.begin(), wide_.end(),
                           [&](const Column* c) { return !is_blank(cell_of(row, *c)); });
    }

    void tally(Tally& t, const Row& row) {
        if (t.count++ == 0) t.first_row = row.number;
    }

    std::optional<IndicatorCode> code_for(const std::string& text) {
        auto cached = codes_.find(text);
        if (cached != codes_.end()) return cached->second;
        std::optional<IndicatorCode> code;
        std::string n = normalise_header(text);
        for (const IndicatorRule& rule : sheet_.import.mapping.indicators)
            if (normalise_header(rule.code) == n)
                code = IndicatorCode{rule.field, rule.indicator, rule.unit.value_or(Unit::persons)};
        static const char* const population_words[] = {"personer",
                                                       "befolkning",
                                                       "folkemengde",
                                                       "folketall",
                                                       "folketal",
                                                       "innbyggere",
                                                       "innbyggjarar",
                                                       "persons",
                                                       "population",
                                                       "folkemengde 1 januar",
                                                       "befolkning 1 januar",
                                                       "folkemengde per 1 januar"};
        if (!code && std::any_of(std::begin(population_words), std::end(population_words),
                                 [&](const char* w) { return n == w; }))
            code = IndicatorCode{Field::outcome, population_indicator, Unit::persons};
        if (!code) code = indicator_code(text, sheet_.dataset());
        if (!code) {
            auto m = match_header(text);
            if (m && m->year == 0 && (is_settlement_field(m->field) || m->field == Field::outcome))
                code = IndicatorCode{m->field, m->indicator,
                                     is_settlement_field(m->field) ? Unit::persons : m->unit};
        }
        if (code && code->field == Field::outcome)
            ensure_indicator(sheet_.dataset(), code->indicator, code->unit, false, text);
        codes_.emplace(text, code);
        return code;
    }

    void figure(const Row& row, const SsbRegion& region, int year, const std::string& variable,
                const Column& column) {
        const Cell& cell = cell_of(row, column);
        if (variable.empty()) {
            if (!is_blank(cell))
                error(row, column, "the column names no statistics variable and the row has none");
            return;
        }
        auto code = code_for(variable);
        if (!code) {
            Tally& t = unknown_[variable];
            if (t.count++ == 0) t.first_row = row.number;
            return;
        }
        if (code->field == Field::ignore) return;
        if (year == 0) {
            error(row, column, "the figure has no year (no \"år\" column, no year in its header)");
            return;
        }
        bool count = is_settlement_field(code->field) || code->unit == Unit::persons;
        Reading r = count ? read_count(cell, sheet_.rules) : read_number(cell, sheet_.rules);
        if (!r) {
            error(row, column, expected_found(r.expected, cell));
            return;
        }
        Key key{region.number, year,
                code->field == Field::outcome ? code->indicator : field_name(code->field)};
        if (region.kind == SsbRegion::Kind::county) {
            County& c = county_figures_[key];
            c.value = r.value;
            c.row = row.number;
            c.name = region.name;
            return;
        }
        if (region.kind == SsbRegion::Kind::municipality) {
            Sum& s = sums_[Key{region.number.substr(0, 2), year, std::get<2>(key)}];
            ++s.municipalities;
            if (r.value.has_value())
                s.total += r.value.get();
            else
                s.complete = false;
        }
        if (is_settlement_field(code->field))
            settle(row, region.number, year, code->field, r.value);
        else if (!r.value.is_missing())
            outcome(row, column, region.number, year, *code, r.value);
        if (region.kind == SsbRegion::Kind::municipality)
            sheet_.import.book.note(region.number, year,
                                    sheet_.origin(row.number, region_->index + 1), region.name);
    }

    void settle(const Row& row, const std::string& number, int year, Field field, Value value) {
        auto key = std::make_pair(number, year);
        auto it = settlement_.find(key);
        if (it == settlement_.end()) {
            SettlementFigures s;
            s.municipality = number;
            s.year = year;
            s.origin = sheet_.origin(row.number);
            sheet_.dataset().settlement.push_back(std::move(s));
            ++sheet_.records;
            it = settlement_.emplace(key, sheet_.dataset().settlement.size() - 1).first;
        }
        settlement_value(sheet_.dataset().settlement[it->second], field) = value;
    }

    void outcome(const Row& row, const Column& column, const std::string& number, int year,
                 const IndicatorCode& code, Value value) {
        Outcome o;
        o.municipality = number;
        o.indicator = code.indicator;
        o.year = year;
        o.value = value;
        o.unit = code.unit;
        o.source = sheet_.outcome_source;
        o.origin = sheet_.origin(row.number, column.index + 1);
        sheet_.dataset().outcomes.push_back(std::move(o));
        ++sheet_.records;
    }

    // County rows: the sum of the county's municipalities in this file where
    // it has them all; a difference is said, either way the row is skipped.
    void check_counties() {
        if (counties_.count == 0) return;
        std::size_t agreed = 0, unchecked = 0;
        for (const auto& [key, county] : county_figures_) {
            auto it = sums_.find(key);
            if (it == sums_.end() || !county.value.has_value() || !it->second.complete) {
                ++unchecked;
                continue;
            }
            const Sum& s = it->second;
            if (s.total == county.value.get()) {
                ++agreed;
                continue;
            }
            const auto& [number, year, variable] = key;
            sheet_.info(county.row, region_->index + 1,
                        "county " + number + (county.name.empty() ? "" : " " + county.name) + ", " +
                            variable + " " + std::to_string(year) + ": " + to_string(county.value) +
                            " in the file, its " + std::to_string(s.municipalities) +
                            " municipalities here sum to " + to_string(Value(s.total)) +
                            " (the file may not list them all, or borders changed)");
        }
        sheet_.info(counties_.first_row, 0,
                    std::to_string(counties_.count) +
                        (counties_.count == 1 ? " county row" : " county rows") +
                        " skipped: the model keeps municipalities; " + std::to_string(agreed) +
                        " county figures equal the sum of their "
                        "municipalities in the file" +
                        (unchecked > 0 ? ", " + std::to_string(unchecked) +
                                             " have no complete set of municipalities to check"
                                       : std::string()));
    }

    void error(const Row& row, const Column& c, std::string message) {
        sheet_.error(row.number, c.index + 1, std::move(message));
    }

    struct County {
        Value value;
        std::uint32_t row = 0;
        std::string name;
    };
    struct Sum {
        double total = 0;
        std::size_t municipalities = 0;
        bool complete = true;
    };

    SheetContext& sheet_;
    const Column* region_ = nullptr;
    const Column* year_ = nullptr;
    const Column* variable_ = nullptr;
    const Column* value_ = nullptr;
    std::vector<const Column*> wide_;
    std::unordered_map<std::string, std::optional<IndicatorCode>> codes_;
    std::map<std::pair<std::string, int>, std::size_t> settlement_;
    std::map<Key, County> county_figures_;
    std::map<Key, Sum> sums_;
    std::map<std::string, Tally> unknown_;
    Tally counties_, other_;
};

}  // namespace

std::unique_ptr<RowMapper> make_ssb_mapper(SheetContext& sheet, const Layout& layout) {
    return std::make_unique<SsbMapper>(sheet, layout);
}

}  // namespace kdx::table_detail
