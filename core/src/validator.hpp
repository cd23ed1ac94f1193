// The checks of kdx::validate() (validate.cpp), shared with the checks of a
// stream taken in parts (stream_check.cpp). Internal to libkdx.
#pragma once

#include <algorithm>
#include <cstdint>
#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <set>
#include <string_view>
#include <tuple>
#include <type_traits>
#include <unordered_set>
#include <vector>

#include "kdx/registry.hpp"
#include "kdx/validate.hpp"
#include "population.hpp"
#include "registry/tables.hpp"
#include "string_index.hpp"

namespace kdx::validate_detail {

// A hash of a key tuple, field by field.
template <typename... Parts>
std::size_t hash_of(const std::tuple<Parts...>& key) {
    std::size_t h = 0;
    std::apply(
        [&](const auto&... part) {
            ((h = (h ^ std::hash<std::decay_t<decltype(part)>>{}(part)) * 0x100000001b3ull), ...);
        },
        key);
    return h ^ (h >> 29);
}

// Marks every record that repeats the key of an earlier one. The table holds
// record indexes (4 bytes a slot, open addressing) rather than copies of keys,
// which on a million records is the difference between 8 MB and 200 MB.
template <typename Record, typename Key>
std::vector<bool> repeated(const std::vector<Record>& records, Key key) {
    std::size_t size = 16;
    while (size < 2 * records.size()) size *= 2;
    std::vector<std::uint32_t> slots(size);  // record index + 1; 0 = free
    std::vector<bool> out(records.size());
    for (std::size_t i = 0; i < records.size(); ++i) {
        const auto k = key(records[i]);
        for (std::size_t h = hash_of(k) & (size - 1);; h = (h + 1) & (size - 1)) {
            if (slots[h] == 0) {
                slots[h] = static_cast<std::uint32_t>(i + 1);
                break;
            }
            if (key(records[slots[h] - 1]) == k) {
                out[i] = true;
                break;
            }
        }
    }
    return out;
}

// A reference a part of a stream could not resolve yet: the error is kept
// at its place among the part's messages and given only if the whole
// dataset does not resolve it either.
struct Pending {
    std::size_t before;  // the message's place: before this many of the part's messages
    Diagnostic message;
    std::string municipality;  // or empty
    std::string programme;     // or empty
};

class Validator {
  public:
    Validator(const Dataset& d, Diagnostics& out, const ValidationOptions& o)
        : d_(d), out_(out), o_(o) {}

    // For a part of a stream: references to what `known` does not hold go to
    // `pending`; keys are not compared (a stream's keys do not repeat).
    Validator(const Dataset& part, Diagnostics& out, const ValidationOptions& o,
              const StringIndex& known, std::vector<Pending>& pending)
        : d_(part), out_(out), o_(o), known_(&known), pending_(&pending) {}

    void part_settlement() { check_settlement(); }
    void part_outcomes() { check_outcomes(); }
    // The checks of the whole dataset but the records handed on in parts:
    // `settlement` and `outcomes` are placed between them in validate()'s order.
    template <typename Between>
    void run_rest(Between settlement, Between outcomes) {
        check_municipalities();
        settlement();
        check_settlement();
        check_programmes();
        outcomes();
        check_outcomes();
        check_nominations();
    }
    const std::unordered_set<std::string>& numbers() const { return numbers_; }
    const std::unordered_set<std::string>& programme_ids() const { return programme_ids_; }
    // Latest population outcomes of records handed on before (see check_municipalities).
    std::map<std::string, std::pair<int, Value>> earlier_population;

    void run() {
        check_municipalities();
        check_settlement();
        check_programmes();
        check_outcomes();
        check_nominations();
    }

  private:
    void error(const Origin& at, const std::string& message) {
        out_.error(message, d_.location_of(at));
    }
    void warning(const Origin& at, const std::string& message) {
        out_.warning(message, d_.location_of(at));
    }

    // `what` names the record; it is a callable so that the name is only
    // put together for a record that has something to report.
    template <typename What>
    void check_year(const Origin& at, int year, const What& what) {
        if (year < o_.first_year || year > o_.last_year)
            error(at, what() + ": year " + std::to_string(year) + " is outside " +
                          std::to_string(o_.first_year) + ".." + std::to_string(o_.last_year));
    }

    template <typename What>
    void check_reference(const Origin& at, const std::string& number, const What& what) {
        if (o_.check_references && number != whole_country &&
            (known_ ? known_->find(number) == StringIndex::npos : numbers_.count(number) == 0)) {
            std::string message = what() + " refers to unknown municipality \"" + number + "\"";
            if (pending_)
                pending_->push_back({out_.items().size(),
                                     {Severity::error, std::move(message), d_.location_of(at)},
                                     number,
                                     {}});
            else
                error(at, message);
        }
    }

    template <typename What>
    void check_count(const Origin& at, const Value& v, const What& what, const char* field) {
        if (v.has_value() && v.get() < 0)
            error(at, what() + field + " is negative (" + to_string(v) + ")");
        else if (v.has_value() && !v.is_whole())
            error(at, what() + field + " is not a whole number (" + to_string(v) + ")");
    }

    void check_municipalities() {
        for (const Municipality& m : d_.municipalities) {
            if (!numbers_.insert(m.number).second)
                error(m.origin, "municipality " + m.number + " is listed twice");
            if (m.population && *m.population < 0)
                error(m.origin, "municipality " + m.number + ": population is negative");
        }
        // The population per year is the "population" outcome; the
        // municipality's own figure should be the latest of them (the first
        // of the latest year, records handed on earlier first).
        std::map<std::string, std::pair<int, Value>> latest = earlier_population;
        for (const auto& [number, o] : latest_population(d_)) {
            auto [it, fresh] = latest.try_emplace(number, o->year, o->value);
            if (!fresh && o->year > it->second.first) it->second = {o->year, o->value};
        }
        for (const Municipality& m : d_.municipalities) {
            auto it = latest.find(m.number);
            if (it == latest.end() || !m.population) continue;
            const auto& [year, value] = it->second;
            if (static_cast<double>(*m.population) != value.get())
                warning(m.origin, "municipality " + m.number + ": population " +
                                      std::to_string(*m.population) +
                                      " differs from its latest "
                                      "population figure (" +
                                      to_string(value) + " in " + std::to_string(year) + ")");
        }
    }

    void check_settlement() {
        const std::vector<bool> twice =
            pending_ ? std::vector<bool>(d_.settlement.size())
                     : repeated(d_.settlement, [](const SettlementFigures& s) {
                           return std::make_tuple(std::string_view(s.municipality), s.year);
                       });
        for (std::size_t i = 0; i < d_.settlement.size(); ++i) {
            const SettlementFigures& s = d_.settlement[i];
            auto what = [&] {
                return "settlement " + s.municipality + " " + std::to_string(s.year);
            };
            check_reference(s.origin, s.municipality, what);
            check_year(s.origin, s.year, what);
            if (twice[i]) error(s.origin, what() + " is given twice");
            check_count(s.origin, s.requested, what, ": requested");
            check_count(s.origin, s.decided, what, ": decided");
            check_count(s.origin, s.settled, what, ": settled");
            check_count(s.origin, s.unaccompanied_minors, what, ": unaccompanied minors");
            check_count(s.origin, s.family_reunifications, what, ": family reunifications");
            // Settling more than decided is no warning: in IMDi's figures
            // family reunification and people from earlier years' decisions
            // are settled on top of the year's decision (312 such rows in
            // 2012-2014 alone).
        }
    }

    void check_programmes() {
        for (const Programme& p : d_.programmes) {
            auto what = [&] { return "programme \"" + p.id + "\""; };
            if (p.id.empty()) error(p.origin, "a programme has no id");
            if (!programme_ids_.insert(p.id).second) error(p.origin, what() + " is listed twice");
            check_reference(p.origin, p.municipality, what);
            for (int y : p.years) check_year(p.origin, y, what);
        }
    }

    void check_outcomes() {
        const std::vector<bool> twice =
            pending_ ? std::vector<bool>(d_.outcomes.size())
                     : repeated(d_.outcomes, [](const Outcome& o) {
                           return std::make_tuple(std::string_view(o.municipality),
                                                  std::string_view(o.programme), o.year,
                                                  std::string_view(o.indicator));
                       });
        const Indicator* indicator = nullptr;
        for (std::size_t i = 0; i < d_.outcomes.size(); ++i) {
            const Outcome& o = d_.outcomes[i];
            auto what = [&] {
                return "outcome " + o.indicator + " " + o.municipality + " " +
                       std::to_string(o.year);
            };
            check_reference(o.origin, o.municipality, what);
            check_year(o.origin, o.year, what);
            if (!o.programme.empty() && programme_ids_.count(o.programme) == 0) {
                std::string message =
                    what() + " refers to unknown programme \"" + o.programme + "\"";
                if (pending_)
                    pending_->push_back(
                        {out_.items().size(),
                         {Severity::error, std::move(message), d_.location_of(o.origin)},
                         {},
                         o.programme});
                else
                    error(o.origin, message);
            }
            if (twice[i]) error(o.origin, what() + " is given twice");
            if (o.indicator == population_indicator && !o.programme.empty())
                error(o.origin, what() + ": a population is a municipality's, not a programme's");
            // Outcomes come in runs of one indicator; look it up when it changes.
            if (!indicator || indicator->id != o.indicator)
                indicator = d_.find_indicator(o.indicator);
            if (!indicator)
                warning(o.origin,
                        what() + ": indicator \"" + o.indicator + "\" is not in the catalogue");
            else if (indicator->unit == Unit::persons)
                check_count(o.origin, o.value, what, "");
            check_count(o.origin, o.cohort_size, what, ": cohort size");
        }
    }

    void check_nominations() {
        const std::vector<bool> twice = repeated(d_.nominations, [](const Nomination& n) {
            return std::make_tuple(std::string_view(n.prize), n.year,
                                   std::string_view(n.municipality));
        });
        for (std::size_t i = 0; i < d_.nominations.size(); ++i) {
            const Nomination& n = d_.nominations[i];
            auto what = [&] {
                return "nomination " + n.municipality + " " + std::to_string(n.year);
            };
            check_reference(n.origin, n.municipality, what);
            check_year(n.origin, n.year, what);
            if (twice[i]) error(n.origin, what() + " is given twice");
            check_count(n.origin, n.votes, what, ": votes");
        }
    }

    const Dataset& d_;
    Diagnostics& out_;
    const ValidationOptions& o_;
    std::unordered_set<std::string> numbers_;
    std::unordered_set<std::string> programme_ids_;
    const StringIndex* known_ = nullptr;
    std::vector<Pending>* pending_ = nullptr;
};

}  // namespace kdx::validate_detail
