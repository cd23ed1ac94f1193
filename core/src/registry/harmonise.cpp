#include <algorithm>
#include <iterator>
#include <tuple>
#include <type_traits>

#include "population.hpp"
#include "registry/harmoniser.hpp"
#include "registry/suggest.hpp"

namespace kdx {

using namespace registry_detail;

Value sum_counts(const std::vector<Value>& parts) {
    if (parts.empty()) return Value::missing();
    double total = 0;
    bool missing = false;
    for (const Value& v : parts) {
        if (v.is_suppressed()) return Value::suppressed();
        if (v.is_missing()) missing = true;
        total += v.get();
    }
    return missing ? Value::missing() : Value(total);
}

HarmoniseSummary harmonise(Dataset& dataset, int year, Diagnostics& out) {
    return Harmoniser(dataset, year, out).run();
}

namespace registry_detail {

namespace {

std::string keeps(const std::vector<const Entry*>& parts) {
    return join_labels(parts) + (parts.size() == 1 ? " keeps its number" : " keep their numbers");
}

// A share or rate that is a ratio of settlement counts (or of a count and the
// population), so that a merger's figure follows from the parts' sums.
struct Derivation {
    const char* indicator;
    Value SettlementFigures::*part;
    Value SettlementFigures::*whole;  // nullptr: the population
    Unit unit;
    double factor;
};

const Derivation* derivation_of(const std::string& indicator) {
    static const Derivation table[] = {
        {"settled-share-of-requested", &SettlementFigures::settled, &SettlementFigures::requested,
         Unit::percent, 100},
        {"settled-share-of-decided", &SettlementFigures::settled, &SettlementFigures::decided,
         Unit::percent, 100},
        {"decided-share-of-requested", &SettlementFigures::decided, &SettlementFigures::requested,
         Unit::percent, 100},
        {"settled-per-1000", &SettlementFigures::settled, nullptr, Unit::per_mille, 1000},
    };
    for (const Derivation& d : table)
        if (indicator == d.indicator) return &d;
    return nullptr;
}

}  // namespace

Harmoniser::Harmoniser(Dataset& dataset, int year, Diagnostics& out)
    : d_(dataset), t_(builtin_tables()), year_(year), period_(period_of(year)), out_(out) {
    auto note = [this](const std::string& number, int y) {
        int& latest = latest_use_[number];
        latest = std::max(latest, y);
    };
    for (const SettlementFigures& s : d_.settlement) note(s.municipality, s.year);
    for (const Outcome& o : d_.outcomes) note(o.municipality, o.year);
    for (const Nomination& n : d_.nominations) note(n.municipality, n.year);
    for (const Programme& p : d_.programmes)
        if (!p.years.empty())
            note(p.municipality, *std::max_element(p.years.begin(), p.years.end()));
}

HarmoniseSummary Harmoniser::run() {
    // Shares of merged municipalities are recomputed from the counts as read.
    const bool derivable = std::any_of(d_.outcomes.begin(), d_.outcomes.end(),
                                       [](const Outcome& o) { return derivation_of(o.indicator); });
    if (derivable)
        for (const SettlementFigures& s : d_.settlement)
            counts_before_.emplace(std::make_pair(s.municipality, s.year), s);
    settlement();
    outcomes();
    if (summary_.recomputed > 0) {
        std::string which;
        for (const auto& [indicator, n] : recomputed_)
            which += (which.empty() ? "" : ", ") + indicator + " " + std::to_string(n);
        out_.info(std::to_string(summary_.recomputed) +
                  (summary_.recomputed == 1 ? " share or rate" : " shares and rates") +
                  " of merged municipalities recomputed from their summed counts, not summed (" +
                  which + ")");
    }
    renumber_each(d_.programmes);
    renumber_each(d_.nominations);
    // Last, so that a municipality whose old number is still used stays.
    municipalities();
    // Population outcomes were summed with the other counts; a merged
    // municipality's population is their latest year, not a sum of its
    // parts' latest years, which may be years apart.
    update_population(d_);
    d_.reindex();
    const std::string y = std::to_string(year_);
    d_.info.provenance.push_back("Municipality numbers harmonised to those of " + y + ".");
    out_.info("municipality numbers harmonised to " + y + ": " +
              std::to_string(summary_.renumbered) + " records renumbered, " +
              std::to_string(summary_.summed) + " summed from merged municipalities, " +
              std::to_string(summary_.kept) + " kept under their old numbers");
    return summary_;
}

void Harmoniser::warn_once(const std::string& key, const std::string& message, const Origin& at) {
    if (reported_.insert(key).second) out_.warning(message, d_.location_of(at));
}

const Mapping& Harmoniser::map(const std::string& number, int record_year, const Origin& at) {
    const int period = period_of(record_year);
    auto [it, added] = cache_.try_emplace({number, period});
    Mapping& m = it->second;
    if (!added || is_special_number(number)) return m;
    m.from = t_.find(number, period);
    if (!m.from) {
        int other = nearest_period(t_, number, period);
        if (other < 0) {
            m.kind = Mapping::Kind::unknown;
            // The dataset's name for the number is the best hint to what was meant.
            const Municipality* listed = d_.find_municipality(number);
            warn_once("unknown " + number,
                      number_problem(t_, number, listed ? listed->name : "", record_year), at);
            return m;
        }
        m.from = t_.find(number, other);
        warn_once("read " + number + " " + std::to_string(period),
                  "municipality number \"" + number + "\" was not in use in " +
                      std::to_string(record_year) + " (" + label(*m.from) + ", " +
                      years_text(*m.from) + "); read as that municipality",
                  at);
    }
    m.to = t_.covering(m.from->atoms, period_);
    m.kind = m.to.size() == 1 ? Mapping::Kind::single : Mapping::Kind::split;
    if (m.kind == Mapping::Kind::split)
        warn_once("split " + number + " " + std::to_string(m.from->period),
                  label(*m.from) + " covers " + join_labels(m.to) + " of " + std::to_string(year_) +
                      "; counts cannot be divided, so " + keeps({m.from}) + " (" +
                      years_text(*m.from) + ")",
                  at);
    return m;
}

template <class Record, class Key, class Summable, class Combine, class Describe>
void Harmoniser::merge_records(std::vector<Record>& records, Key key, Summable summable,
                               Combine combine, Describe describe) {
    std::vector<const Mapping*> maps(records.size());
    std::map<decltype(key(records.front(), std::string())), std::vector<std::size_t>> groups;
    for (std::size_t i = 0; i < records.size(); ++i) {
        maps[i] = &map(records[i].municipality, records[i].year, records[i].origin);
        if (maps[i]->kind == Mapping::Kind::single)
            groups[key(records[i], maps[i]->to.front()->number)].push_back(i);
        else if (maps[i]->kind != Mapping::Kind::special)
            ++summary_.kept;
    }
    std::vector<bool> drop(records.size(), false);
    for (const auto& entry : groups) {
        const std::vector<std::size_t>& members = entry.second;
        const Record& first = records[members.front()];
        const Entry* to = maps[members.front()]->to.front();
        std::vector<const Entry*> parts;
        std::vector<int> atoms;
        for (std::size_t i : members) {
            parts.push_back(maps[i]->from);
            atoms.insert(atoms.end(), maps[i]->from->atoms.begin(), maps[i]->from->atoms.end());
        }
        std::sort(atoms.begin(), atoms.end());
        const std::string context = describe(first) + ": ";
        const Origin& at = first.origin;
        if (std::adjacent_find(atoms.begin(), atoms.end()) != atoms.end()) {
            out_.warning(context + join_labels(parts) + " give figures for the same area twice; " +
                             "they keep their numbers",
                         d_.location_of(at));
            summary_.kept += members.size();
            continue;
        }
        if (atoms != to->atoms) {
            std::vector<int> absent;
            std::set_difference(to->atoms.begin(), to->atoms.end(), atoms.begin(), atoms.end(),
                                std::back_inserter(absent));
            std::string others;
            auto missing = t_.covering(absent, parts.front()->period);
            for (std::size_t k = 0; k < missing.size(); ++k) {
                if (k > 0) others += k + 1 == missing.size() ? " and " : ", ";
                // A neighbour that was split only gave part of its area.
                if (!std::includes(to->atoms.begin(), to->atoms.end(), missing[k]->atoms.begin(),
                                   missing[k]->atoms.end()))
                    others += "part of ";
                others += label(*missing[k]);
            }
            out_.warning(context + join_labels(parts) + (parts.size() == 1 ? " is" : " are") +
                             " only part of " + label(*to) + " (" + std::to_string(year_) +
                             "), which also covers " + others + "; " + keeps(parts),
                         d_.location_of(at));
            summary_.kept += members.size();
            continue;
        }
        if (members.size() == 1) {
            if (first.municipality != to->number) {
                records[members.front()].municipality = to->number;
                ++summary_.renumbered;
            }
            continue;
        }
        if (std::string why = summable(members); !why.empty()) {
            out_.warning(context + join_labels(parts) + " became " + label(*to) + " by " +
                             std::to_string(year_) + "; " + why + ", so " + keeps(parts),
                         d_.location_of(at));
            summary_.kept += members.size();
            continue;
        }
        Record sum = combine(members);
        sum.municipality = to->number;
        records[members.front()] = std::move(sum);
        for (std::size_t k = 1; k < members.size(); ++k) drop[members[k]] = true;
        ++summary_.summed;
    }
    std::size_t i = 0;
    records.erase(
        std::remove_if(records.begin(), records.end(), [&](const Record&) { return drop[i++]; }),
        records.end());
}

void Harmoniser::settlement() {
    auto& records = d_.settlement;
    merge_records(
        records,
        [](const SettlementFigures& s, const std::string& to) {
            return std::make_pair(to, s.year);
        },
        [](const std::vector<std::size_t>&) { return std::string(); },
        [&records](const std::vector<std::size_t>& members) {
            SettlementFigures sum = records[members.front()];
            for (Value SettlementFigures::*field :
                 {&SettlementFigures::requested, &SettlementFigures::decided,
                  &SettlementFigures::settled, &SettlementFigures::unaccompanied_minors,
                  &SettlementFigures::family_reunifications}) {
                std::vector<Value> parts;
                for (std::size_t i : members) parts.push_back(records[i].*field);
                sum.*field = sum_counts(parts);
            }
            return sum;
        },
        [](const SettlementFigures& s) { return "settlement figures " + std::to_string(s.year); });
}

void Harmoniser::outcomes() {
    auto& records = d_.outcomes;
    merge_records(
        records,
        [](const Outcome& o, const std::string& to) {
            return std::make_tuple(to, o.year, o.programme, o.indicator);
        },
        [this, &records](const std::vector<std::size_t>& members) {
            const Outcome& first = records[members.front()];
            const Indicator* indicator = d_.find_indicator(first.indicator);
            if (!indicator) return std::string("an unknown indicator is not summed");
            for (std::size_t i : members)
                if (records[i].unit != first.unit)
                    return std::string("figures in different units are not summed");
            if (!indicator->additive && !derived_share(records, members))
                return std::string("a share or rate is not summed and the data cannot give it");
            return std::string();
        },
        [this, &records](const std::vector<std::size_t>& members) {
            Outcome sum = records[members.front()];
            const Indicator* indicator = d_.find_indicator(sum.indicator);
            if (!indicator->additive) {
                sum.value = *derived_share(records, members);
                std::vector<Value> cohorts;
                for (std::size_t i : members) cohorts.push_back(records[i].cohort_size);
                sum.cohort_size = sum_counts(cohorts);
                ++summary_.recomputed;
                ++recomputed_[sum.indicator];
                return sum;
            }
            std::vector<Value> values, cohorts;
            for (std::size_t i : members) {
                values.push_back(records[i].value);
                cohorts.push_back(records[i].cohort_size);
                const std::string& source = records[i].source;
                if (!source.empty() && sum.source.find(source) == std::string::npos)
                    sum.source += (sum.source.empty() ? "" : "; ") + source;
            }
            sum.value = sum_counts(values);
            sum.cohort_size = sum_counts(cohorts);
            return sum;
        },
        [](const Outcome& o) {
            return "outcome " + o.indicator +
                   (o.programme.empty() ? "" : " (" + o.programme + ")") + " " +
                   std::to_string(o.year);
        });
}

std::optional<Value> Harmoniser::derived_share(const std::vector<Outcome>& records,
                                               const std::vector<std::size_t>& members) const {
    const Outcome& first = records[members.front()];
    const Derivation* how = derivation_of(first.indicator);
    // A programme's outcome is not a ratio of the municipality's counts.
    if (!how || !first.programme.empty() || first.unit != how->unit) return std::nullopt;
    std::vector<Value> parts, wholes;
    bool hidden = false;
    for (std::size_t i : members) {
        const Outcome& o = records[i];
        // A share the source hid stays hidden in the sum, as counts do.
        if (o.value.is_suppressed()) hidden = true;
        auto counts = counts_before_.find({o.municipality, o.year});
        if (counts == counts_before_.end()) return std::nullopt;
        parts.push_back(counts->second.*how->part);
        if (how->whole) {
            wholes.push_back(counts->second.*how->whole);
        } else {
            const Municipality* m = d_.find_municipality(o.municipality);
            if (!m || !m->population) return std::nullopt;
            wholes.push_back(Value(static_cast<double>(*m->population)));
        }
    }
    Value part = sum_counts(parts), whole = sum_counts(wholes);
    if (hidden || part.is_suppressed() || whole.is_suppressed()) return Value::suppressed();
    if (!part.has_value() || !whole.has_value() || whole.get() <= 0) return std::nullopt;
    return Value(how->factor * part.get() / whole.get());
}

template <class Record>
void Harmoniser::renumber_each(std::vector<Record>& records) {
    for (Record& r : records) {
        int year = 0;
        if constexpr (std::is_same_v<Record, Programme>)
            year = r.years.empty() ? usage_year(r.municipality)
                                   : *std::max_element(r.years.begin(), r.years.end());
        else
            year = r.year;
        const Mapping& m = map(r.municipality, year, r.origin);
        if (m.kind == Mapping::Kind::single) {
            if (r.municipality != m.to.front()->number) {
                r.municipality = m.to.front()->number;
                ++summary_.renumbered;
            }
        } else if (m.kind != Mapping::Kind::special) {
            ++summary_.kept;
        }
    }
}

}  // namespace registry_detail

}  // namespace kdx
