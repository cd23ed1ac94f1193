#include "table/repeated_keys.hpp"

#include <string>
#include <unordered_map>
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
    std::unordered_map<std::string, std::size_t> first;
    std::vector<bool> drop(d.settlement.size(), false);
    bool any = false;
    for (std::size_t i = 0; i < d.settlement.size(); ++i) {
        SettlementFigures& s = d.settlement[i];
        std::string key = s.municipality + '\t' + std::to_string(s.year);
        auto [it, added] = first.emplace(std::move(key), i);
        if (added || i < from) continue;
        SettlementFigures& kept = d.settlement[it->second];
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
    std::unordered_map<std::string, std::size_t> first;
    std::vector<bool> drop(d.outcomes.size(), false);
    bool any = false;
    for (std::size_t i = 0; i < d.outcomes.size(); ++i) {
        const Outcome& o = d.outcomes[i];
        std::string key = o.municipality + '\t' + o.programme + '\t' + std::to_string(o.year) +
                          '\t' + o.indicator;
        auto [it, added] = first.emplace(std::move(key), i);
        if (added || i < from) continue;
        const Outcome& kept = d.outcomes[it->second];
        std::string what = "outcome " + o.indicator + " " + o.municipality + " " +
                           std::to_string(o.year) + " is given twice, at " +
                           place(d, kept.origin) + " and here";
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
