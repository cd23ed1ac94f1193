// Rows of a wide table: one row per municipality (and year), one column per
// field, as partners keep their spreadsheets.
#include <algorithm>
#include <utility>
#include <vector>

#include "population.hpp"
#include "table/aggregate_check.hpp"
#include "table/cell_value.hpp"
#include "table/sheet_context.hpp"

namespace kdx::table_detail {

namespace {

const char* unit_words(Unit u) {
    switch (u) {
        case Unit::percent:
            return "a percentage";
        case Unit::per_mille:
            return "a number per mille";
        case Unit::persons:
            return "a whole number";
        default:
            return "a number";
    }
}

// A "%" or "‰" after the number must agree with the column's unit.
bool mark_fits(Mark mark, Unit unit) {
    return mark == Mark::none || (mark == Mark::percent && unit == Unit::percent) ||
           (mark == Mark::per_mille && unit == Unit::per_mille);
}

class WideMapper : public RowMapper {
  public:
    WideMapper(SheetContext& sheet, const Layout& layout) : sheet_(sheet), layout_(layout) {
        number_ = layout_.find(Field::municipality_number);
        municipality_ = layout_.find(Field::municipality);
        name_ = layout_.find(Field::municipality_name);
        year_ = layout_.find(Field::year);
        county_number_ = layout_.find(Field::county_number);
        county_name_ = layout_.find(Field::county_name);
        population_ = layout_.find(Field::population);
        source_ = layout_.find(Field::source);
        // IMDi's wide export gives county rows ("F03") among its
        // municipalities ("K0301"): their sums are compared.
        check_sums_ = municipality_ && normalise_header(municipality_->header) == "region";
        for (const Column& c : layout_.columns) {
            if (is_settlement_field(c.field) || c.field == Field::outcome) values_.push_back(&c);
            if (c.field == Field::outcome)
                ensure_indicator(sheet_.dataset(), c.indicator, c.unit, c.additive, c.header);
        }
    }

    void row(const Row& row) override {
        std::string problem;
        const Column* problem_column = nullptr;
        MunicipalityText m = municipality(row, problem, problem_column);
        if (!m.county.empty()) {
            county_row(row, m.county);
            return;
        }

        int row_year = 0;
        if (year_ && !is_blank(cell_of(row, *year_))) {
            auto y = read_year(cell_of(row, *year_));
            if (!y) {
                error(row, *year_, expected_found("a year such as 2018", cell_of(row, *year_)));
                return;
            }
            row_year = *y;
        }
        int year = row_year ? row_year : sheet_.year;

        // A name alone is looked up in the registry of each figure's year: in a
        // wide table "Steinkjer" under "Bosatt 2017" is 1702, under "Bosatt 2020"
        // 5006. A number the table gives is kept as written (the registry check
        // after harmonising warns when it was not in use that year).
        numbers_.clear();
        if (m.number.empty() && problem.empty() && !m.name.empty()) {
            std::vector<int> years = figure_years(row, year);
            if (!years.empty()) {
                const Column* at = problem_column  ? problem_column
                                   : municipality_ ? municipality_
                                                   : name_;
                for (int y : years) {
                    std::string why;
                    if (auto n = sheet_.import.book.number_for_name(m.name, y, why))
                        numbers_.emplace_back(y, *n);
                    else
                        error(row, *at, std::move(why));
                }
                if (numbers_.empty()) return;
                settlement(row, year);
                outcomes(row, year);
                for (const auto& [y, n] : numbers_) {
                    MunicipalityText named = m;
                    named.number = n;
                    note_municipality(row, named, y, y == year || numbers_.size() == 1);
                }
                return;
            }
            if (auto n = sheet_.import.book.number_for_name(m.name, year, problem)) m.number = *n;
        }
        if (m.number.empty()) {
            const Column* at = problem_column  ? problem_column
                               : municipality_ ? municipality_
                               : number_       ? number_
                                               : name_;
            if (!has_figures(row)) {
                std::string text(trim(shown(cell_of(row, *at))));
                sheet_.info(row.number, 0,
                            text.empty()
                                ? "row skipped: it names no municipality and has no figures"
                                : "row skipped: \"" + text +
                                      "\" is not a municipality and the row has no figures");
            } else {
                error(row, *at,
                      problem.empty()
                          ? expected_found("a municipality number or name", cell_of(row, *at))
                          : problem);
            }
            return;
        }
        if (year_ && row_year == 0 && year == 0 && needs_row_year()) {
            error(row, *year_, expected_found("a year such as 2018", cell_of(row, *year_)));
            return;
        }

        numbers_.emplace_back(0, m.number);  // one number for every year
        settlement(row, year);
        outcomes(row, year);
        note_municipality(row, m, year, true);
    }

    void finish() override { check_.report(sheet_); }
    // A row's records are pushed whole and never looked at again.
    bool records_final() const override { return true; }

  private:
    // A county's row is not read into the model, which keeps municipalities;
    // in IMDi's export its counts are compared with their municipalities'.
    void county_row(const Row& row, const std::string& county) {
        check_.row_of("county", row.number, municipality_->header);
        if (!check_sums_) return;
        int row_year = year_ ? read_year(cell_of(row, *year_)).value_or(0) : sheet_.year;
        for (const Column* c : values_) {
            if (!is_settlement_field(c->field)) continue;
            Reading r = read_count(cell_of(row, *c), sheet_.rules);
            int year = c->year ? c->year : row_year;
            if (r && r.value.has_value() && year)
                check_.aggregate(county, year, field_name(c->field), r.value.get(), row.number);
        }
    }

    // The years of the figures a row gives (its own year for columns without
    // one), or none when the row has no figures. A year of 0 (no year known)
    // is looked up in the newest registry.
    std::vector<int> figure_years(const Row& row, int row_year) const {
        std::vector<int> years;
        auto add = [&](int y) {
            if (std::find(years.begin(), years.end(), y) == years.end()) years.push_back(y);
        };
        for (const Column* c : values_)
            if (!is_blank(cell_of(row, *c))) add(c->year ? c->year : row_year);
        if (population_ && !is_blank(cell_of(row, *population_))) add(row_year);
        return years;
    }

    // The municipality number for figures of `year`; empty when the name did
    // not resolve in that year (the error is already reported).
    const std::string* number_for(int year) const {
        for (const auto& [y, n] : numbers_)
            if (y == 0 || y == year) return &n;
        return nullptr;
    }

    MunicipalityText municipality(const Row& row, std::string& problem,
                                  const Column*& problem_column) {
        MunicipalityText m;
        if (number_ && !is_blank(cell_of(row, *number_))) {
            MunicipalityText t = split_municipality(cell_of(row, *number_));
            if (t.number.empty()) {
                problem =
                    expected_found("a municipality number (four digits)", cell_of(row, *number_));
                problem_column = number_;
            } else {
                m = t;
            }
        }
        if (m.number.empty() && problem.empty() && municipality_ &&
            !is_blank(cell_of(row, *municipality_))) {
            MunicipalityText t = split_municipality(cell_of(row, *municipality_));
            if (t.bad_number) {
                problem =
                    expected_found("a municipality number or name", cell_of(row, *municipality_));
                problem_column = municipality_;
            } else {
                m = t;
                if (m.number.empty()) problem_column = municipality_;
            }
        } else if (municipality_ && m.name.empty()) {
            m.name = split_municipality(cell_of(row, *municipality_)).name;
        }
        if (name_ && m.name.empty()) {
            m.name = std::string(trim(shown(cell_of(row, *name_))));
            if (!problem_column) problem_column = name_;
        }
        return m;
    }

    bool has_figures(const Row& row) const {
        return std::any_of(values_.begin(), values_.end(),
                           [&](const Column* c) { return !is_blank(cell_of(row, *c)); }) ||
               (population_ && !is_blank(cell_of(row, *population_)));
    }

    bool needs_row_year() const {
        return std::any_of(values_.begin(), values_.end(),
                           [](const Column* c) { return c->year == 0; });
    }

    void settlement(const Row& row, int row_year) {
        std::vector<SettlementFigures>& records = records_;  // reused: one allocation per sheet
        records.clear();
        for (const Column* c : values_) {
            if (!is_settlement_field(c->field)) continue;
            int year = c->year ? c->year : row_year;
            const std::string* number = number_for(year);
            if (!number) continue;
            auto it = std::find_if(records.begin(), records.end(),
                                   [&](const SettlementFigures& s) { return s.year == year; });
            if (it == records.end()) {
                SettlementFigures s;
                s.municipality = *number;
                s.year = year;
                s.origin = sheet_.origin(row.number);
                records.push_back(std::move(s));
                it = records.end() - 1;
            }
            Reading r = read_count(cell_of(row, *c), sheet_.rules);
            if (r) {
                settlement_value(*it, c->field) = r.value;
                if (check_sums_ && r.value.has_value())
                    check_.municipality(*number, year, field_name(c->field), r.value.get());
            } else
                error(row, *c, expected_found(r.expected, cell_of(row, *c)));
        }
        for (SettlementFigures& s : records) sheet_.dataset().settlement.push_back(std::move(s));
        sheet_.records += records.size();
    }

    void outcomes(const Row& row, int row_year) {
        for (const Column* c : values_) {
            if (c->field != Field::outcome) continue;
            const std::string* number = number_for(c->year ? c->year : row_year);
            if (!number) continue;
            const Cell& cell = cell_of(row, *c);
            Reading r = c->unit == Unit::persons ? read_count(cell, sheet_.rules)
                                                 : read_number(cell, sheet_.rules);
            if (r && !mark_fits(r.mark, c->unit)) r.expected = unit_words(c->unit);
            if (!r) {
                error(row, *c, expected_found(r.expected, cell));
                continue;
            }
            if (r.value.is_missing()) continue;
            Outcome o;
            o.municipality = *number;
            o.indicator = c->indicator;
            o.year = c->year ? c->year : row_year;
            o.value = r.value;
            o.unit = c->unit;
            o.source =
                source_ ? std::string(trim(shown(cell_of(row, *source_)))) : sheet_.outcome_source;
            o.origin = sheet_.origin(row.number, c->index + 1);
            sheet_.dataset().outcomes.push_back(std::move(o));
            ++sheet_.records;
        }
    }

    // `own_year`: the row's own year, whose population and county the row gives.
    void note_municipality(const Row& row, const MunicipalityText& m, int year, bool own_year) {
        std::optional<std::int64_t> population;
        if (population_ && own_year) {
            Reading r = read_count(cell_of(row, *population_), sheet_.rules);
            if (!r)
                error(row, *population_, expected_found(r.expected, cell_of(row, *population_)));
            else if (r.value.has_value())
                population = static_cast<std::int64_t>(r.value.get());
            // The population of a known year is kept for that year too.
            if (r && !r.value.is_missing() && year != 0) {
                Outcome o;
                o.municipality = m.number;
                o.indicator = population_indicator;
                o.year = year;
                o.value = r.value;
                o.unit = Unit::persons;
                o.source = sheet_.outcome_source;
                o.origin = sheet_.origin(row.number, population_->index + 1);
                sheet_.dataset().outcomes.push_back(std::move(o));
                ++sheet_.records;
            }
        }
        std::string county_number;
        if (county_number_ && own_year) {
            const Cell& cell = cell_of(row, *county_number_);
            std::string text(trim(shown(cell)));
            if (!text.empty() &&
                std::all_of(text.begin(), text.end(),
                            [](char ch) { return ch >= '0' && ch <= '9'; }) &&
                text.size() <= 2)
                county_number = std::string(2 - text.size(), '0') + text;
            else if (!text.empty())
                error(row, *county_number_, expected_found("a county number (two digits)", cell));
        }
        std::string county_name = county_name_ && own_year
                                      ? std::string(trim(shown(cell_of(row, *county_name_))))
                                      : std::string();
        const Column* at = number_ ? number_ : municipality_ ? municipality_ : name_;
        sheet_.import.book.note(m.number, year, sheet_.origin(row.number, at->index + 1), m.name,
                                county_number, county_name, population);
    }

    void error(const Row& row, const Column& c, std::string message) {
        sheet_.error(row.number, c.index + 1, std::move(message));
    }

    SheetContext& sheet_;
    const Layout& layout_;
    const Column* number_ = nullptr;
    const Column* municipality_ = nullptr;
    const Column* name_ = nullptr;
    const Column* year_ = nullptr;
    const Column* county_number_ = nullptr;
    const Column* county_name_ = nullptr;
    const Column* population_ = nullptr;
    const Column* source_ = nullptr;
    std::vector<const Column*> values_;
    std::vector<SettlementFigures> records_;
    // The row's municipality number by year; year 0 stands for every year.
    std::vector<std::pair<int, std::string>> numbers_;
    bool check_sums_ = false;
    AggregateCheck check_;
};

}  // namespace

std::unique_ptr<RowMapper> make_wide_mapper(SheetContext& sheet, const Layout& layout) {
    return std::make_unique<WideMapper>(sheet, layout);
}

}  // namespace kdx::table_detail
