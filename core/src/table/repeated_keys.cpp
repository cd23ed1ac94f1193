#include "table/repeated_keys.hpp"

#include <algorithm>
#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

namespace kdx::table_detail {

namespace {

struct Field {
    const char* name;
    Value SettlementFigures::*member;
};

constexpr Field settlement_fields[] = {
    {"requested", &SettlementFigures::requested},
    {"decided", &SettlementFigures::decided},
    {"settled", &SettlementFigures::settled},
    {"unaccompanied minors", &SettlementFigures::unaccompanied_minors},
    {"family reunifications", &SettlementFigures::family_reunifications},
};

std::string place(const Dataset& d, const Origin& o) { return d.location_of(o).to_string(); }

// Small numbers for the few distinct texts of a key part (municipality
// numbers, indicators), so that keys are compared as integers: a dataset may
// hold millions of records.
class Interned {
  public:
    std::uint64_t operator()(std::string_view text) {
        return ids_.emplace(text, static_cast<std::uint64_t>(ids_.size())).first->second;
    }

  private:
    std::unordered_map<std::string_view, std::uint64_t> ids_;
};

struct Keyed {
    std::uint64_t high, low;  // the record's key, packed
    std::size_t index;        // the record's place in reading order
    bool operator<(const Keyed& o) const {
        return high != o.high ? high < o.high : low != o.low ? low < o.low : index < o.index;
    }
};

// (first record with the key, a later one) for each record from `from` on
// whose key an earlier record has, in reading order of the later one.
std::vector<std::pair<std::size_t, std::size_t>> repeats(std::vector<Keyed> keys,
                                                         std::size_t from) {
    std::sort(keys.begin(), keys.end());
    std::vector<std::pair<std::size_t, std::size_t>> out;
    for (std::size_t i = 1, first = 0; i < keys.size(); ++i) {
        if (keys[i].high != keys[first].high || keys[i].low != keys[first].low) {
            first = i;
            continue;
        }
        if (keys[i].index >= from) out.emplace_back(keys[first].index, keys[i].index);
    }
    std::sort(out.begin(), out.end(),
              [](const auto& a, const auto& b) { return a.second < b.second; });
    return out;
}

// Removes the records whose flag is set, keeping the order of the others.
template <typename T>
void remove_flagged(std::vector<T>& records, const std::vector<bool>& drop) {
    std::size_t kept = 0;
    for (std::size_t i = 0; i < records.size(); ++i)
        if (!drop[i]) {
            if (kept != i) records[kept] = std::move(records[i]);
            ++kept;
        }
    records.resize(kept);
}

void settlement(Dataset& d, Diagnostics& diag, std::size_t from) {
    Interned municipality;
    std::vector<Keyed> keys;
    keys.reserve(d.settlement.size());
    for (std::size_t i = 0; i < d.settlement.size(); ++i) {
        const SettlementFigures& s = d.settlement[i];
        keys.push_back({municipality(s.municipality),
                        static_cast<std::uint64_t>(static_cast<std::uint32_t>(s.year)), i});
    }
    std::vector<bool> drop(d.settlement.size(), false);
    bool any = false;
    for (auto [first, i] : repeats(std::move(keys), from)) {
        SettlementFigures& s = d.settlement[i];
        SettlementFigures& kept = d.settlement[first];
        // A figure the first record lacks is taken from the repetition (two
        // sheets giving different figures of one year); a figure both give
        // and that differs is a conflict, and the first one stays.
        std::string conflicts, taken;
        for (const Field& f : settlement_fields) {
            Value& a = kept.*f.member;
            const Value& b = s.*f.member;
            if (b.is_missing() || a == b) continue;
            if (a.is_missing()) {
                a = b;
                taken += (taken.empty() ? "" : ", ") + std::string(f.name);
            } else {
                conflicts += (conflicts.empty() ? "" : "; ") + std::string(f.name) + " " +
                             to_string(a) + " there, " + to_string(b) + " here";
            }
        }
        std::string what = "settlement " + s.municipality + " " + std::to_string(s.year) +
                           " is given twice, at " + place(d, kept.origin) + " and here";
        Location here = d.location_of(s.origin);
        if (!conflicts.empty())
            diag.warning(what + " (" + conflicts + "); the first is kept" +
                             (taken.empty() ? "" : ", with " + taken + " from here"),
                         here);
        else if (!taken.empty())
            diag.info(what + "; written once, with " + taken + " from here", here);
        else
            diag.info(what + " with the same figures; written once", here);
        drop[i] = any = true;
    }
    if (any) remove_flagged(d.settlement, drop);
}

void outcomes(Dataset& d, Diagnostics& diag, std::size_t from) {
    Interned municipality, programme, indicator;
    std::vector<Keyed> keys;
    keys.reserve(d.outcomes.size());
    for (std::size_t i = 0; i < d.outcomes.size(); ++i) {
        const Outcome& o = d.outcomes[i];
        keys.push_back({municipality(o.municipality) << 32 | static_cast<std::uint32_t>(o.year),
                        programme(o.programme) << 32 | indicator(o.indicator), i});
    }
    std::vector<bool> drop(d.outcomes.size(), false);
    bool any = false;
    for (auto [first, i] : repeats(std::move(keys), from)) {
        const Outcome& o = d.outcomes[i];
        const Outcome& kept = d.outcomes[first];
        std::string what = "outcome " + o.indicator + " " + o.municipality + " " +
                           std::to_string(o.year) + " is given twice, at " + place(d, kept.origin) +
                           " and here";
        Location here = d.location_of(o.origin);
        if (kept.value == o.value && kept.unit == o.unit)
            diag.info(what + " with the same value; written once", here);
        else
            diag.warning(what + " (" + to_string(kept.value) + " there, " + to_string(o.value) +
                             " here); the first is kept",
                         here);
        drop[i] = any = true;
    }
    if (any) remove_flagged(d.outcomes, drop);
}

}  // namespace

void drop_repeated_keys(Dataset& dataset, Diagnostics& diagnostics, std::size_t settlement_from,
                        std::size_t outcomes_from) {
    settlement(dataset, diagnostics, settlement_from);
    outcomes(dataset, diagnostics, outcomes_from);
}

}  // namespace kdx::table_detail
