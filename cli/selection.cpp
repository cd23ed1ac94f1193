#include "selection.hpp"

#include <algorithm>
#include <map>
#include <set>

#include "common.hpp"
#include "kdx/registry.hpp"
#include "registry/names.hpp"
#include "reports.hpp"

namespace kdx::cli {

namespace {

bool all_digits(const std::string& s) {
    return !s.empty() &&
           std::all_of(s.begin(), s.end(), [](unsigned char c) { return std::isdigit(c); });
}

// The years whose numbering the data uses: its figures' years, or the
// harmonising year alone.
std::set<int> data_years(const Dataset& d, int harmonised_to) {
    std::set<int> years;
    if (harmonised_to) return {harmonised_to};
    for (const SettlementFigures& s : d.settlement) years.insert(s.year);
    for (const Outcome& o : d.outcomes) years.insert(o.year);
    for (const Nomination& n : d.nominations) years.insert(n.year);
    if (years.empty()) years.insert(MunicipalityRegistry::builtin().last_reform_year());
    return years;
}

std::string years_text(const std::set<int>& years) {
    return std::to_string(*years.begin()) +
           (years.size() > 1 ? "-" + std::to_string(*years.rbegin()) : "");
}

std::string trim(const std::string& s) {
    auto b = s.find_first_not_of(" \t"), e = s.find_last_not_of(" \t");
    return b == std::string::npos ? std::string() : s.substr(b, e - b + 1);
}

std::string and_list(const std::vector<std::string>& items) {
    std::string s;
    for (std::size_t i = 0; i < items.size(); ++i)
        s += (i == 0 ? "" : i + 1 == items.size() ? " and " : ", ") + items[i];
    return s;
}

// The first year after `from` in which the area `number` covered in `from`
// lies in several municipalities, with their names; 0 when it never was.
std::pair<int, std::vector<std::string>> division_of(const std::string& number, int from, int to) {
    const MunicipalityRegistry& registry = MunicipalityRegistry::builtin();
    for (int year = from + 1; year <= to; ++year) {
        auto parts = registry.successors(number, from, year);
        if (parts.size() < 2) continue;
        std::vector<std::string> names;
        for (const std::string& p : parts)
            if (auto m = registry.find(p, year)) names.push_back(m->name);
        std::sort(names.begin(), names.end());
        return {year, names};
    }
    return {0, {}};
}

}  // namespace

std::vector<std::string> resolve_municipalities(const std::string& given, const Dataset& d,
                                                int harmonised_to,
                                                std::map<std::string, std::string>* refused) {
    const MunicipalityRegistry& registry = MunicipalityRegistry::builtin();
    std::set<std::string> present;
    for (const Municipality& m : d.municipalities)
        if (m.number != whole_country) present.insert(m.number);
    const std::set<int> years = data_years(d, harmonised_to);
    std::vector<std::string> out;
    auto add = [&](const std::string& number) {
        if (std::find(out.begin(), out.end(), number) == out.end()) out.push_back(number);
    };
    if (trim(given) == "all") {
        // After harmonising, the municipalities of that year, not numbers
        // that no longer exist.
        for (const std::string& number : present)
            if (!harmonised_to || registry.find(number, harmonised_to)) add(number);
        return out;
    }
    // A number or name of another year: what covers its area in the data's
    // years. An area divided since cannot be reported in later numbers; going
    // back, the predecessors wholly inside it are its figures (Hitra 5056 on
    // 2014 data is 1617 Hitra, not the part of Snillfjord it received).
    auto through_years = [&](const std::string& number, int in_use,
                             std::vector<std::string>& found) {
        for (int year : years) {
            auto covering = registry.successors(number, in_use, year);
            if (year > in_use && covering.size() > 1) {
                auto [when, parts] = division_of(number, in_use, year);
                auto m = registry.find(number, in_use);
                std::string why = m->name + " was divided between " + and_list(parts) + " in " +
                                  std::to_string(when) + "; its figures cannot be divided";
                if (!refused) throw UsageError(why);
                (*refused)[number] = why;
                found.push_back(number);
                return;
            }
            std::vector<std::string> whole;
            for (const std::string& s : covering)
                if (registry.successors(s, year, in_use).size() == 1) whole.push_back(s);
            for (const std::string& s : whole.empty() ? covering : whole)
                if (present.count(s)) found.push_back(s);
        }
    };
    // After harmonising, a number kept from an earlier year (a divided
    // municipality's) is no municipality of that year: it is read as a number
    // of its own year, through_years().
    auto reportable = [&](const std::string& number) {
        if (!present.count(number)) return false;
        if (!harmonised_to || registry.find(number, harmonised_to)) return true;
        for (int y = registry.first_year(); y <= registry.last_reform_year(); ++y)
            if (registry.find(number, y)) return false;
        return true;
    };
    for (std::string item : split_list(given)) {
        item = trim(item);
        if (item.empty()) continue;
        std::vector<std::string> found;
        if (all_digits(item)) {
            std::string number = item.size() < 4 ? std::string(4 - item.size(), '0') + item : item;
            if (reportable(number)) {
                found.push_back(number);
            } else {
                for (int in_use = registry.last_reform_year();
                     found.empty() && in_use >= registry.first_year(); --in_use)
                    if (registry.find(number, in_use)) through_years(number, in_use, found);
                // A real municipality the data has nothing on: its report is
                // refused by name later, and the others are still written.
                for (int in_use = registry.first_year();
                     found.empty() && in_use <= registry.last_reform_year(); ++in_use)
                    if (registry.find(number, in_use)) found.push_back(number);
            }
        } else {
            for (int year : years)
                for (const std::string& n : registry.numbers_named(item, year))
                    if (present.count(n)) found.push_back(n);
            // A municipality of the data under a name the registry lacks.
            for (const Municipality& m : d.municipalities)
                if (m.name == item && reportable(m.number)) found.push_back(m.number);
            // A name of another year (Snillfjord on 2024 numbers).
            for (int in_use = registry.last_reform_year();
                 found.empty() && in_use >= registry.first_year(); --in_use)
                for (const std::string& n : registry.numbers_named(item, in_use))
                    through_years(n, in_use, found);
        }
        if (found.empty()) {
            std::string hint;
            const int year = *years.rbegin();
            auto near = all_digits(item) ? registry.suggest(item, "", year)
                                         : registry.closest_by_name(item, year);
            if (near) hint = "; did you mean " + near->number + " " + near->name + "?";
            throw UsageError("--municipality: \"" + item + "\" is no municipality of the data (" +
                             years_text(years) + ")" + hint);
        }
        for (const std::string& n : found) add(n);
    }
    return out;
}

namespace {

// The counties of `year`, number -> name as that year names them.
std::map<std::string, std::string> counties_in(int year) {
    std::map<std::string, std::string> out;
    for (const Municipality& m : MunicipalityRegistry::builtin().municipalities_in(year))
        if (!m.county_name.empty()) out.emplace(m.county_number, m.county_name);
    return out;
}

}  // namespace

std::vector<CountyChoice> resolve_counties(const std::string& given, const Dataset& d,
                                           int harmonised_to) {
    const MunicipalityRegistry& registry = MunicipalityRegistry::builtin();
    const std::set<int> years = data_years(d, harmonised_to);
    // The data's counties: those of its municipalities, named as the data's
    // years name them.
    std::map<std::string, std::string> present;
    // After harmonising, numbers kept from earlier years are left out.
    for (const Municipality& m : d.municipalities)
        if (m.number != whole_country && !m.county_number.empty() &&
            (!harmonised_to || registry.find(m.number, harmonised_to)))
            present.emplace(m.county_number, m.county_name);
    for (int year : years)
        for (const auto& [number, name] : counties_in(year)) {
            auto it = present.find(number);
            if (it != present.end() && it->second.empty()) it->second = name;
        }
    std::vector<CountyChoice> out;
    auto add = [&](const std::string& number, const std::string& asked) {
        for (const CountyChoice& c : out)
            if (c.number == number) return;
        out.push_back({number, present[number], asked});
    };
    for (std::string item : split_list(given)) {
        item = trim(item);
        if (item.empty()) continue;
        std::string number = all_digits(item) && item.size() < 2 ? "0" + item : item;
        const std::size_t before = out.size();
        // A county of the data, by number or by any of its names.
        for (const auto& [n, name] : present)
            if (n == number || (!all_digits(item) && registry_detail::names_match(item, name)))
                add(n, "");
        if (out.size() > before) continue;
        // A county of another year: the data's counties holding its municipalities.
        for (int in_use = registry.last_reform_year(); in_use >= registry.first_year(); --in_use) {
            std::string found, found_name;
            for (const auto& [n, name] : counties_in(in_use))
                if (n == number || (!all_digits(item) && registry_detail::names_match(item, name)))
                    found = n, found_name = name;
            if (found.empty()) continue;
            const std::string asked = found + " " + found_name;
            // A county of the data stands for it when most of the one lies in
            // the other: Hedmark and Oppland for Innlandet, but not Vestfold
            // for Viken because Svelvik went to Drammen.
            std::map<std::string, int> held;  // data county -> its municipalities
            int total = 0;
            for (const Municipality& m : registry.municipalities_in(in_use)) {
                if (m.county_number != found) continue;
                ++total;
                std::set<std::string> in;
                for (int year : years)
                    for (const std::string& s : registry.successors(m.number, in_use, year))
                        if (const Municipality* dm = d.find_municipality(s))
                            if (present.count(dm->county_number)) in.insert(dm->county_number);
                for (const std::string& c : in) ++held[c];
            }
            const int latest = *years.rbegin();
            for (const auto& [county, count] : held) {
                int members = 0, inside = 0;
                for (const Municipality& dm : d.municipalities) {
                    if (dm.county_number != county || !registry.find(dm.number, latest)) continue;
                    ++members;
                    for (const std::string& s : registry.successors(dm.number, latest, in_use))
                        if (s.compare(0, 2, found) == 0) {
                            ++inside;
                            break;
                        }
                }
                if (2 * count >= total || 2 * inside >= members) add(county, asked);
            }
            break;
        }
        if (out.size() > before) continue;
        // Nothing: the nearest county name, else the data's counties.
        std::string hint;
        if (!all_digits(item)) {
            std::size_t best = std::max<std::size_t>(2, item.size() / 3) + 1;
            for (int in_use = registry.last_reform_year(); in_use >= registry.first_year();
                 --in_use)
                for (const auto& [n, name] : counties_in(in_use)) {
                    std::size_t distance = registry_detail::name_distance(item, name);
                    if (distance < best) best = distance, hint = n + " " + name;
                }
        }
        std::vector<std::string> listed;
        for (const auto& [n, name] : present) listed.push_back(n + " " + name);
        throw UsageError("--county: \"" + item + "\" is no county of the data (" +
                         years_text(years) + ")" +
                         (hint.empty() ? "; its counties are " + and_list(listed)
                                       : "; did you mean " + hint + "?"));
    }
    return out;
}

}  // namespace kdx::cli
