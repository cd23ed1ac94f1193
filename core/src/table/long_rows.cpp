// Rows of a long table: one row per area, year, indicator and value, as IMDi
// publishes its statistics. Municipality rows become settlement figures and
// outcomes; county and country rows are compared with the sums of their
// municipalities, and business-region and district rows counted and
// reported once, since the model holds municipalities.
#include <algorithm>
#include <map>
#include <unordered_map>
#include <utility>

#include "table/aggregate_check.hpp"
#include "table/cell_value.hpp"
#include "table/sheet_context.hpp"

namespace kdx::table_detail {

namespace {

struct SkippedRows {
    std::size_t count = 0;
    std::uint32_t first_row = 0;
    std::string column;
};

class LongMapper : public RowMapper {
  public:
    LongMapper(SheetContext& sheet, const Layout& layout) : sheet_(sheet) {
        municipality_ = layout.find(Field::municipality_number);
        if (!municipality_) municipality_ = layout.find(Field::municipality);
        name_ = layout.find(Field::municipality_name);
        county_ = layout.find(Field::county_number);
        region_ = layout.find(Field::business_region);
        district_ = layout.find(Field::district);
        year_ = layout.find(Field::year);
        indicator_ = layout.find(Field::indicator);
        unit_ = layout.find(Field::unit);
        value_ = layout.find(Field::value);
        programme_ = layout.find(Field::programme);
        cohort_ = layout.find(Field::cohort_size);
        source_ = layout.find(Field::source);
    }

    void row(const Row& row) override {
        const Column* area = area_of(row);
        if (!area && !country_row(row)) {
            const Column* at = municipality_ ? municipality_ : county_ ? county_ : district_;
            sheet_.error(row.number, at ? at->index + 1 : 0,
                         "expected a municipality, county, business region or district, found "
                         "none in this row");
            return;
        }
        if (area && area != municipality_ && area != county_) {
            skip(row, *area);
            return;
        }
        if (area != municipality_) {
            aggregate(row, area);
            return;
        }
        int year = sheet_.year;
        if (year_) {
            auto y = read_year(cell_of(row, *year_));
            if (!y) {
                error(row, *year_, expected_found("a year such as 2018", cell_of(row, *year_)));
                return;
            }
            year = *y;
        }
        auto code = indicator(row);
        if (!code) return;
        code = in_unit(row, *code);
        if (!code) return;

        const Cell& cell = cell_of(row, *value_);
        bool count = is_settlement_field(code->field) || code->unit == Unit::persons;
        Reading r = count ? read_count(cell, sheet_.rules) : read_number(cell, sheet_.rules);
        if (!r) {
            error(row, *value_, expected_found(r.expected, cell));
            return;
        }

        std::string number = municipality_number(row, year);
        if (number.empty()) return;
        if (r.value.has_value() && additive(*code))
            check_.municipality(number, year, what(*code), r.value.get());
        if (is_settlement_field(code->field))
            settle(row, number, year, code->field, r.value);
        else
            outcome(row, number, year, *code, r.value);
        std::string name = name_ ? std::string(trim(shown(cell_of(row, *name_)))) : std::string();
        sheet_.import.book.note(number, year, sheet_.origin(row.number, municipality_->index + 1),
                                name);
    }

    void finish() override {
        check_.report(sheet_);
        // Business regions and districts in one note: the model has neither.
        std::string kinds;
        std::uint32_t first = 0;
        for (const auto& [kind, skipped] : skipped_) {
            kinds += (kinds.empty() ? "" : " and ") + std::to_string(skipped.count) + " " + kind +
                     " rows (column \"" + skipped.column + "\")";
            if (first == 0 || skipped.first_row < first) first = skipped.first_row;
        }
        if (!kinds.empty())
            sheet_.info(first, 0,
                        kinds +
                            " skipped: the model keeps municipalities, not business regions "
                            "or districts; Oslo's own rows are read");
        if (self_shares_.count > 0)
            sheet_.info(self_shares_.first_row, 0,
                        std::to_string(self_shares_.count) + " rows of \"" + self_shares_.column +
                            "\" in percent skipped: the request as a share of itself (100)");
        for (const auto& [code, skipped] : unknown_)
            sheet_.warning(skipped.first_row, skipped.column.empty() ? 0 : indicator_->index + 1,
                           "indicator \"" + code + "\" is not one kdx knows; its " +
                               std::to_string(skipped.count) +
                               " rows were skipped (map it with <indicator> in a mapping file)");
    }

  private:
    // Counts that add up across municipalities, which aggregate rows are checked on.
    static bool additive(const IndicatorCode& code) {
        return is_settlement_field(code.field) ||
               (code.unit == Unit::persons && code.indicator == "settled-last-3-years");
    }
    static std::string what(const IndicatorCode& code) {
        return is_settlement_field(code.field) ? field_name(code.field) : code.indicator;
    }

    // A row whose every area id is a "no figure" marker (IMDi's "NULL") is
    // about the whole country.
    bool country_row(const Row& row) const {
        bool marked = false;
        for (const Column* c : {municipality_, district_, region_, county_}) {
            if (!c) continue;
            const Cell& cell = cell_of(row, *c);
            if (is_blank(cell)) return false;
            marked = marked ||
                     (cell.type == Cell::Type::text && is_marker(cell.text, sheet_.rules.missing));
        }
        return marked;
    }

    // A county (`area`) or country (nullptr) row: its counts are kept for the
    // comparison with its municipalities, quietly, since none is read.
    void aggregate(const Row& row, const Column* area) {
        std::string county;
        if (area) {
            std::string text(trim(shown(cell_of(row, *area))));
            if (text.size() == 1) text = "0" + text;
            county = text;
        }
        check_.row_of(area ? "county" : "country", row.number, area ? area->header : "");
        std::optional<int> year = sheet_.year ? std::optional<int>(sheet_.year) : std::nullopt;
        if (year_) year = read_year(cell_of(row, *year_));
        if (!year) return;
        std::string code(trim(shown(cell_of(row, *indicator_))));
        auto cached = codes_.find(code);
        if (cached == codes_.end()) cached = codes_.emplace(code, resolve(code)).first;
        if (!cached->second || cached->second->field == Field::ignore) return;
        std::optional<IndicatorCode> c = cached->second;
        if (unit_) {
            auto unit = unit_from_text(shown(cell_of(row, *unit_)));
            if (unit && *unit != c->unit)
                c = is_settlement_field(c->field) ? share_code(c->field, *unit, ShareBase::decided)
                                                  : std::nullopt;
        }
        if (!c || !additive(*c)) return;
        Reading r = read_count(cell_of(row, *value_), sheet_.rules);
        if (r && r.value.has_value())
            check_.aggregate(county, *year, what(*c), r.value.get(), row.number);
    }

    bool present(const Row& row, const Column* c) const {
        if (!c) return false;
        const Cell& cell = cell_of(row, *c);
        return !is_blank(cell) &&
               !(cell.type == Cell::Type::text && is_marker(cell.text, sheet_.rules.missing));
    }

    // The most specific area a row is about; nullptr when it names none.
    const Column* area_of(const Row& row) const {
        for (const Column* c : {municipality_, district_, region_, county_})
            if (present(row, c)) return c;
        return nullptr;
    }

    void skip(const Row& row, const Column& area) {
        std::string kind = area.field == Field::business_region ? "business-region" : "district";
        SkippedRows& s = skipped_[kind];
        if (s.count++ == 0) {
            s.first_row = row.number;
            s.column = area.header;
        }
    }

    std::optional<IndicatorCode> indicator(const Row& row) {
        const Cell& cell = cell_of(row, *indicator_);
        std::string code(trim(shown(cell)));
        if (code.empty()) {
            error(row, *indicator_, expected_found("an indicator", cell));
            return std::nullopt;
        }
        auto cached = codes_.find(code);
        if (cached == codes_.end()) cached = codes_.emplace(code, resolve(code)).first;
        if (!cached->second) {
            SkippedRows& s = unknown_[code];
            if (s.count++ == 0) s.first_row = row.number, s.column = indicator_->header;
            return std::nullopt;
        }
        if (cached->second->field == Field::ignore) return std::nullopt;
        return cached->second;
    }

    std::optional<IndicatorCode> resolve(const std::string& code) {
        std::string n = normalise_header(code);
        for (const IndicatorRule& rule : sheet_.import.mapping.indicators)
            if (normalise_header(rule.code) == n)
                return IndicatorCode{rule.field, rule.indicator, rule.unit.value_or(Unit::persons)};
        auto found = indicator_code(code, sheet_.dataset());
        if (found && found->field == Field::outcome)
            ensure_indicator(sheet_.dataset(), found->indicator, found->unit, false, code);
        return found;
    }

    // The indicator a row's code stands for in the row's unit: IMDi gives a
    // settlement category in persons and, on rows of their own, in percent
    // (a share outcome, see share_code). Nullopt after reporting a unit that
    // does not fit, and for the request in percent (100 by definition).
    std::optional<IndicatorCode> in_unit(const Row& row, const IndicatorCode& code) {
        if (!unit_) return code;
        const Cell& cell = cell_of(row, *unit_);
        if (is_blank(cell)) return code;
        auto unit = unit_from_text(shown(cell));
        if (!unit) {
            error(row, *unit_,
                  expected_found("a unit (personer, prosent, promille, kroner, år)", cell));
            return std::nullopt;
        }
        if (*unit == code.unit) return code;
        if (is_settlement_field(code.field)) {
            if (auto share = share_code(code.field, *unit, ShareBase::decided)) {
                ensure_indicator(sheet_.dataset(), share->indicator, share->unit, false,
                                 share->indicator);
                return share;
            }
            if (code.field == Field::requested && *unit == Unit::percent) {
                if (self_shares_.count++ == 0)
                    self_shares_.first_row = row.number,
                    self_shares_.column = std::string(trim(shown(cell_of(row, *indicator_))));
                return std::nullopt;
            }
        }
        error(row, *unit_,
              expected_found(std::string("the unit of \"") +
                                 std::string(trim(shown(cell_of(row, *indicator_)))) + "\" (" +
                                 to_string(code.unit) + ")",
                             cell));
        return std::nullopt;
    }

    std::string municipality_number(const Row& row, int year) {
        // A long table of aggregates alone (a county column, no municipality
        // column) has no municipality rows to store.
        if (!municipality_) return {};
        const Cell& cell = cell_of(row, *municipality_);
        MunicipalityText m = split_municipality(cell);
        if (m.number.empty() && !m.bad_number && municipality_->field == Field::municipality) {
            std::string problem;
            if (auto n = sheet_.import.book.number_for_name(m.name, year, problem)) return *n;
            error(row, *municipality_, problem);
            return {};
        }
        if (m.number.empty()) {
            error(row, *municipality_, expected_found("a municipality number (four digits)", cell));
            return {};
        }
        return m.number;
    }

    void settle(const Row& row, const std::string& number, int year, Field field, Value value) {
        std::string key = number + '/' + std::to_string(year);
        auto it = settlement_.find(key);
        if (it == settlement_.end()) {
            SettlementFigures s;
            s.municipality = number;
            s.year = year;
            s.origin = sheet_.origin(row.number);
            sheet_.dataset().settlement.push_back(std::move(s));
            ++sheet_.records;
            it = settlement_.emplace(key, Entry{sheet_.dataset().settlement.size() - 1, 0}).first;
        }
        unsigned bit = 1u << static_cast<unsigned>(field);
        if (it->second.fields & bit) {
            error(row, *value_,
                  std::string(field_name(field)) + " for " + number + " in " +
                      std::to_string(year) + " is given twice; the first is kept");
            return;
        }
        it->second.fields |= bit;
        settlement_value(sheet_.dataset().settlement[it->second.index], field) = value;
    }

    void outcome(const Row& row, const std::string& number, int year, const IndicatorCode& code,
                 Value value) {
        Outcome o;
        o.municipality = number;
        o.indicator = code.indicator;
        o.year = year;
        o.value = value;
        o.unit = code.unit;
        if (programme_) o.programme = std::string(trim(shown(cell_of(row, *programme_))));
        if (cohort_) {
            Reading r = read_count(cell_of(row, *cohort_), sheet_.rules);
            if (r)
                o.cohort_size = r.value;
            else
                error(row, *cohort_, expected_found(r.expected, cell_of(row, *cohort_)));
        }
        o.source =
            source_ ? std::string(trim(shown(cell_of(row, *source_)))) : sheet_.outcome_source;
        o.origin = sheet_.origin(row.number, value_->index + 1);
        sheet_.dataset().outcomes.push_back(std::move(o));
        ++sheet_.records;
    }

    void error(const Row& row, const Column& c, std::string message) {
        sheet_.error(row.number, c.index + 1, std::move(message));
    }

    struct Entry {
        std::size_t index;
        unsigned fields;  // bits of the settlement fields already given
    };

    SheetContext& sheet_;
    const Column* municipality_ = nullptr;
    const Column* name_ = nullptr;
    const Column* county_ = nullptr;
    const Column* region_ = nullptr;
    const Column* district_ = nullptr;
    const Column* year_ = nullptr;
    const Column* indicator_ = nullptr;
    const Column* unit_ = nullptr;
    const Column* value_ = nullptr;
    const Column* programme_ = nullptr;
    const Column* cohort_ = nullptr;
    const Column* source_ = nullptr;
    std::unordered_map<std::string, Entry> settlement_;
    std::unordered_map<std::string, std::optional<IndicatorCode>> codes_;
    std::map<std::string, SkippedRows> skipped_;
    std::map<std::string, SkippedRows> unknown_;
    SkippedRows self_shares_;  // the request in percent
    AggregateCheck check_;
};

}  // namespace

std::unique_ptr<RowMapper> make_long_mapper(SheetContext& sheet, const Layout& layout) {
    return std::make_unique<LongMapper>(sheet, layout);
}

}  // namespace kdx::table_detail
