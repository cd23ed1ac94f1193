#include "jsonstat_cube.hpp"

#include <algorithm>
#include <map>
#include <set>

#include "kdx/error.hpp"

namespace kdx::jsonstat {

namespace {

const std::vector<std::string> settlement_ids = {"requested", "decided", "settled"};

const char* unit_label(Unit unit, const std::string& language) {
    const bool en = language == "en", nn = language == "nn";
    switch (unit) {
        case Unit::persons:
            return en ? "persons" : nn ? "personar" : "personer";
        case Unit::percent:
            return en ? "percent" : "prosent";
        case Unit::per_mille:
            return en ? "per mille" : "promille";
        case Unit::nok:
            return en ? "NOK" : "kroner";
        case Unit::years:
            return en ? "years" : "år";
        case Unit::other:
            return "";
    }
    return "";
}

const std::string& label_in(const Indicator& i, const std::string& language) {
    const std::string& label = language == "en"   ? i.label_en
                               : language == "nn" ? i.label_nn
                                                  : i.label_nb;
    return label.empty() ? i.label_nb : label;
}

// Decimals needed to show `v` as kdx writes it ("0.705" needs 3).
int decimals_of(const Value& v) {
    if (!v.has_value()) return 0;
    std::string text = to_string(v);
    if (text.find('e') != std::string::npos) return 6;
    auto dot = text.find('.');
    return dot == std::string::npos ? 0 : static_cast<int>(text.size() - dot - 1);
}

Value settlement_value(const SettlementFigures& s, const std::string& id) {
    if (id == "requested") return s.requested;
    if (id == "decided") return s.decided;
    if (id == "settled") return s.settled;
    if (id == "unaccompanied-minors") return s.unaccompanied_minors;
    if (id == "family-reunifications") return s.family_reunifications;
    return Value::missing();
}

struct Choice {
    std::string id;
    Unit unit;
    bool from_settlement;  // filled from SettlementFigures, else from outcomes
};

// Indicators in the order they become categories.
std::vector<Choice> choose_indicators(const Dataset& d, IndicatorSet set) {
    std::vector<Choice> chosen;
    for (const auto& id : settlement_ids) chosen.push_back({id, Unit::persons, true});
    if (set == IndicatorSet::settlement) return chosen;
    for (const char* id : {"unaccompanied-minors", "family-reunifications"})
        if (std::any_of(d.settlement.begin(), d.settlement.end(),
                        [&](const auto& s) { return !settlement_value(s, id).is_missing(); }))
            chosen.push_back({id, Unit::persons, true});
    for (const Outcome& o : d.outcomes) {
        if (!o.programme.empty()) continue;
        auto same = [&](const Choice& c) { return c.id == o.indicator; };
        if (std::none_of(chosen.begin(), chosen.end(), same))
            chosen.push_back({o.indicator, o.unit, false});
    }
    return chosen;
}

}  // namespace

Cube build_cube(const Dataset& d, IndicatorSet set, Diagnostics& diagnostics) {
    Cube cube;
    cube.language = (d.info.language == "nn" || d.info.language == "en") ? d.info.language : "nb";
    const bool with_outcomes = set == IndicatorSet::all;

    std::set<int> years;
    for (const auto& s : d.settlement) years.insert(s.year);
    if (with_outcomes)
        for (const auto& o : d.outcomes)
            if (o.programme.empty()) years.insert(o.year);
    if (years.empty())
        throw Error(with_outcomes ? "nothing to write: the dataset has no settlement figures "
                                    "and no outcomes"
                                  : "nothing to write: the dataset has no settlement figures "
                                    "(indicators=all also writes outcomes)");
    cube.years.assign(years.begin(), years.end());

    // Listed municipalities first, in dataset order, then any only referenced.
    std::map<std::string, std::size_t> municipality_at;
    auto add_municipality = [&](const std::string& number, const std::string& name) {
        if (municipality_at.emplace(number, cube.municipalities.size()).second)
            cube.municipalities.push_back({number, name.empty() ? number : name});
    };
    for (const auto& m : d.municipalities) add_municipality(m.number, m.name);
    for (const auto& s : d.settlement) add_municipality(s.municipality, "");
    if (with_outcomes)
        for (const auto& o : d.outcomes)
            if (o.programme.empty())
                add_municipality(o.municipality,
                                 o.municipality == whole_country
                                     ? (cube.language == "en" ? "The whole country" : "Hele landet")
                                     : "");

    std::map<std::string, std::size_t> indicator_at;
    std::vector<std::size_t> from_settlement;
    for (const Choice& c : choose_indicators(d, set)) {
        const Indicator* known = d.find_indicator(c.id);
        if (c.from_settlement) from_settlement.push_back(cube.indicators.size());
        indicator_at[c.id] = cube.indicators.size();
        cube.indicators.push_back({c.id, known ? label_in(*known, cube.language) : c.id,
                                   unit_label(c.unit, cube.language), 0});
    }

    auto year_at = [&](int year) {
        return static_cast<std::size_t>(
            std::lower_bound(cube.years.begin(), cube.years.end(), year) - cube.years.begin());
    };
    cube.values.assign(cube.municipalities.size() * cube.years.size() * cube.indicators.size(),
                       Value::missing());
    cube.sources.assign(cube.values.size(), std::nullopt);
    std::vector<bool> filled(cube.values.size(), false);
    auto put = [&](std::size_t cell, const Value& v, std::size_t indicator) {
        cube.values[cell] = v;
        filled[cell] = true;
        auto& decimals = cube.indicators[indicator].decimals;
        decimals = std::max(decimals, decimals_of(v));
    };

    for (const auto& s : d.settlement) {
        std::size_t first = cube.index(municipality_at[s.municipality], year_at(s.year), 0);
        if (filled[first + from_settlement.front()]) {
            diagnostics.warning("settlement figures for " + s.municipality + " in " +
                                    std::to_string(s.year) + " appear twice; the first are written",
                                d.location_of(s.origin));
            continue;
        }
        for (std::size_t i : from_settlement)
            put(first + i, settlement_value(s, cube.indicators[i].id), i);
    }
    if (with_outcomes)
        for (const auto& o : d.outcomes) {
            if (!o.programme.empty()) {
                cube.programme_outcomes.push_back(&o);
                continue;
            }
            std::size_t i = indicator_at[o.indicator];
            std::size_t cell = cube.index(municipality_at[o.municipality], year_at(o.year), i);
            if (filled[cell]) {
                diagnostics.warning(
                    "outcome " + o.indicator + " for " + o.municipality + " in " +
                        std::to_string(o.year) +
                        (o.programme.empty() ? "" : " (programme " + o.programme + ")") +
                        " left out: JSON-stat has one cell per municipality, year "
                        "and indicator, and that cell is already written",
                    d.location_of(o.origin));
                continue;
            }
            put(cell, o.value, i);
            cube.sources[cell] = o.source;
        }
    return cube;
}

}  // namespace kdx::jsonstat
