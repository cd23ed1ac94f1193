// The checks of a dataset taken in parts (kdx::StreamCheck, kdx/validate.hpp):
// each part is checked as it comes, with what needs the whole dataset kept
// compactly (registry samples, references not yet resolved) for finish().
#include <memory>
#include <string>
#include <utility>
#include <vector>

#include "kdx/registry.hpp"
#include "kdx/validate.hpp"
#include "string_index.hpp"
#include "validator.hpp"

namespace kdx {

using validate_detail::Pending;
using validate_detail::Validator;

namespace {

// Messages of the parts of one collection, with the references kept pending.
struct PartMessages {
    Diagnostics out;
    std::vector<Pending> pending;

    void add(const Diagnostics& part, std::vector<Pending>& part_pending) {
        for (Pending& p : part_pending) {
            p.before += out.items().size();
            pending.push_back(std::move(p));
        }
        part_pending.clear();
        out.append(part);
    }

    // The messages in order, with the pending references `resolved` does not resolve.
    template <typename Resolved>
    void emit(Diagnostics& to, const Resolved& resolved) const {
        const auto& items = out.items();
        std::size_t next = 0;
        for (std::size_t i = 0; i <= items.size(); ++i) {
            for (; next < pending.size() && pending[next].before == i; ++next)
                if (!resolved(pending[next])) to.add(pending[next].message);
            if (i < items.size()) to.add(items[i]);
        }
    }
};

// The first record of a kind per municipality number and registry period, and
// the record of a number's latest year: all the registry check looks at. Only
// what it reads of a record is kept (number, year, place, an outcome's
// indicator), with the number and indicator held once each: a stream of
// 1,000,000 settlement records and as many outcomes kept 21 MB as whole records.
template <typename Record>
class RegistrySample {
  public:
    void add(const Record& r) {
        const auto [number, fresh] = numbers_.insert(r.municipality);
        if (fresh) seen_.push_back({0, std::nullopt});
        Seen& seen = seen_[number];
        const Kept kept{number, indicator_of(r), r.year, r.origin};
        const unsigned bit = 1u << registry_detail::period_of(r.year);
        if (!(seen.periods & bit)) {
            seen.periods |= bit;
            first_.push_back(kept);
        }
        if (!seen.latest || r.year > seen.latest->year) seen.latest = kept;
    }
    // The kept records, the first ones in the order they came, then the latest
    // of each number in the order the numbers came.
    void into(std::vector<Record>& records) const {
        records.clear();
        records.reserve(first_.size() + seen_.size());
        for (const Kept& k : first_) records.push_back(record(k));
        for (const Seen& seen : seen_)
            if (seen.latest) records.push_back(record(*seen.latest));
    }

  private:
    struct Kept {
        std::uint32_t number, indicator;
        int year;
        Origin origin;
    };
    struct Seen {
        unsigned periods;
        std::optional<Kept> latest;
    };

    std::uint32_t indicator_of(const Record& r) {
        if constexpr (std::is_same_v<Record, Outcome>)
            return indicators_.insert(r.indicator).first;
        else
            return 0;
    }
    Record record(const Kept& k) const {
        Record r;
        r.municipality = numbers_[k.number];
        r.year = k.year;
        r.origin = k.origin;
        if constexpr (std::is_same_v<Record, Outcome>) r.indicator = indicators_[k.indicator];
        return r;
    }

    StringIndex numbers_, indicators_;
    std::vector<Seen> seen_;  // by number, in the order the numbers came
    std::vector<Kept> first_;
};

}  // namespace

struct StreamCheck::State {
    ValidationOptions options;
    StringIndex known;                              // municipality numbers of the parts so far
    std::size_t known_from = 0;                     // the parts' municipalities already in `known`
    std::unordered_set<std::string> no_programmes;  // programmes come with the rest
    PartMessages settlement, outcomes;
    std::map<std::string, std::pair<int, Value>> population;
    RegistrySample<SettlementFigures> settlement_sample;
    RegistrySample<Outcome> outcome_sample;
};

StreamCheck::StreamCheck(ValidationOptions options) : s_(std::make_unique<State>()) {
    s_->options = options;
}

StreamCheck::~StreamCheck() = default;

void StreamCheck::part(const Dataset& part) {
    State& s = *s_;
    if (part.municipalities.size() < s.known_from) {
        s.known = {};
        s.known_from = 0;
    }
    for (; s.known_from < part.municipalities.size(); ++s.known_from)
        s.known.insert(part.municipalities[s.known_from].number);
    std::vector<Pending> pending;
    Diagnostics settlement;
    Validator(part, settlement, s.options, s.known, pending).part_settlement();
    s.settlement.add(settlement, pending);
    Diagnostics outcomes;
    Validator(part, outcomes, s.options, s.known, pending).part_outcomes();
    s.outcomes.add(outcomes, pending);

    for (const SettlementFigures& r : part.settlement) s.settlement_sample.add(r);
    for (const Outcome& r : part.outcomes) {
        s.outcome_sample.add(r);
        if (r.indicator != population_indicator || !r.programme.empty() || !r.value.has_value())
            continue;
        auto [it, fresh] = s.population.try_emplace(r.municipality, r.year, r.value);
        if (!fresh && r.year > it->second.first) it->second = {r.year, r.value};
    }
}

void StreamCheck::finish(const Dataset& rest, Diagnostics& out) {
    State& s = *s_;
    // The registry's view first, as kdx's commands check a whole dataset.
    {
        Dataset sample;
        sample.sources = rest.sources;
        sample.municipalities = rest.municipalities;
        sample.programmes = rest.programmes;
        sample.nominations = rest.nominations;
        s.settlement_sample.into(sample.settlement);
        s.outcome_sample.into(sample.outcomes);
        sample.settlement.insert(sample.settlement.end(), rest.settlement.begin(),
                                 rest.settlement.end());
        sample.outcomes.insert(sample.outcomes.end(), rest.outcomes.begin(), rest.outcomes.end());
        check_against_registry(sample, out);
    }
    Validator v(rest, out, s.options);
    v.earlier_population = s.population;
    v.run_rest(std::function<void()>([&] {
                   s.settlement.emit(out, [&](const Pending& p) {
                       return v.numbers().count(p.municipality) > 0;
                   });
               }),
               std::function<void()>([&] {
                   s.outcomes.emit(out, [&](const Pending& p) {
                       return p.programme.empty() ? v.numbers().count(p.municipality) > 0
                                                  : v.programme_ids().count(p.programme) > 0;
                   });
               }));
}

}  // namespace kdx
