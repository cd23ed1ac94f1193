#include "selection.hpp"

#include <algorithm>
#include <set>

#include "common.hpp"
#include "kdx/registry.hpp"
#include "reports.hpp"

namespace kdx::cli {

namespace {

bool all_digits(const std::string& s) {
    return !s.empty() && std::all_of(s.begin(), s.end(), [](unsigned char c) { return std::isdigit(c); });
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

std::string trim(const std::string& s) {
    auto b = s.find_first_not_of(" \t"), e = s.find_last_not_of(" \t");
    return b == std::string::npos ? std::string() : s.substr(b, e - b + 1);
}

}  // namespace

std::vector<std::string> resolve_municipalities(const std::string& given, const Dataset& d,
                                                int harmonised_to) {
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
    for (std::string item : split_list(given)) {
        item = trim(item);
        if (item.empty()) continue;
        std::vector<std::string> found;
        if (all_digits(item)) {
            std::string number = item.size() < 4 ? std::string(4 - item.size(), '0') + item : item;
            if (present.count(number)) {
                found.push_back(number);
            } else {
                // A number of another year: what covers its area in the data's years.
                for (int in_use = registry.first_year(); in_use <= registry.last_reform_year(); ++in_use) {
                    if (!registry.find(number, in_use)) continue;
                    for (int year : years)
                        for (const std::string& s : registry.successors(number, in_use, year))
                            if (present.count(s)) found.push_back(s);
                    if (!found.empty()) break;
                }
                // A real municipality the data has nothing on: its report is
                // refused by name later, and the others are still written.
                for (int in_use = registry.first_year(); found.empty() && in_use <= registry.last_reform_year();
                     ++in_use)
                    if (registry.find(number, in_use)) found.push_back(number);
            }
        } else {
            for (int year : years)
                for (const std::string& n : registry.numbers_named(item, year))
                    if (present.count(n)) found.push_back(n);
            // A municipality of the data under a name the registry lacks.
            for (const Municipality& m : d.municipalities)
                if (m.name == item && present.count(m.number)) found.push_back(m.number);
        }
        if (found.empty()) {
            std::string hint;
            const int year = *years.rbegin();
            auto near = all_digits(item) ? registry.suggest(item, "", year)
                                         : registry.closest_by_name(item, year);
            if (near) hint = "; did you mean " + near->number + " " + near->name + "?";
            throw UsageError("--municipality: \"" + item + "\" is no municipality of the data (" +
                             std::to_string(*years.begin()) +
                             (years.size() > 1 ? "-" + std::to_string(year) : "") + ")" + hint);
        }
        for (const std::string& n : found) add(n);
    }
    return out;
}

}  // namespace kdx::cli
