#include "split_parts.hpp"

#include <algorithm>
#include <set>

#include "kdx/registry.hpp"

namespace kdx::cli {

namespace {

std::string and_list(std::vector<std::string> items) {
    std::sort(items.begin(), items.end());
    std::string s;
    for (std::size_t i = 0; i < items.size(); ++i)
        s += (i == 0 ? "" : i + 1 == items.size() ? " and " : ", ") + items[i];
    return s;
}

std::string label(const std::string& number, int year) {
    auto m = MunicipalityRegistry::builtin().find(number, year);
    return m ? number + " " + m->name : number;
}

}  // namespace

std::map<std::string, std::string> use_whole_predecessors(Dataset& d, int year,
                                                          Diagnostics& diagnostics) {
    const MunicipalityRegistry& registry = MunicipalityRegistry::builtin();
    std::map<std::pair<std::string, int>, std::size_t> index;
    std::set<int> years;
    for (std::size_t i = 0; i < d.settlement.size(); ++i) {
        index[{d.settlement[i].municipality, d.settlement[i].year}] = i;
        years.insert(d.settlement[i].year);
    }
    std::vector<bool> drop(d.settlement.size(), false);
    std::set<std::string> moved_from, moved_rows;
    std::map<std::string, std::string> refused;
    for (const Municipality& target : registry.municipalities_in(year)) {
        if (!d.find_municipality(target.number)) continue;
        bool has_figures = false;
        std::vector<std::string> divided;
        for (int y : years) {
            if (index.count({target.number, y})) {
                has_figures = true;
                continue;
            }
            std::vector<std::string> whole, partial;
            for (const std::string& p : registry.successors(target.number, year, y))
                (registry.successors(p, y, year).size() == 1 ? whole : partial).push_back(p);
            // A plain merger is harmonise()'s to sum, or to say why not.
            if (partial.empty()) continue;
            for (const std::string& p : partial)
                if (std::find(divided.begin(), divided.end(), label(p, y)) == divided.end())
                    divided.push_back(label(p, y));
            if (whole.empty() ||
                !std::all_of(whole.begin(), whole.end(), [&](const std::string& p) {
                    return index.count({p, y});
                }))
                continue;
            std::vector<std::size_t> members;
            for (const std::string& p : whole) members.push_back(index[{p, y}]);
            SettlementFigures sum = d.settlement[members.front()];
            for (Value SettlementFigures::*field :
                 {&SettlementFigures::requested, &SettlementFigures::decided,
                  &SettlementFigures::settled, &SettlementFigures::unaccompanied_minors,
                  &SettlementFigures::family_reunifications}) {
                std::vector<Value> parts;
                for (std::size_t i : members) parts.push_back(d.settlement[i].*field);
                sum.*field = sum_counts(parts);
            }
            sum.municipality = target.number;
            for (std::size_t i : members) {
                drop[i] = true;
                moved_from.insert(d.settlement[i].municipality);
                moved_rows.insert(d.location_of(d.settlement[i].origin).to_string());
            }
            d.settlement.push_back(std::move(sum));
            drop.push_back(false);
            has_figures = true;
            std::vector<std::string> whole_labels, partial_labels;
            for (const std::string& p : whole) whole_labels.push_back(label(p, y));
            for (const std::string& p : partial) partial_labels.push_back(label(p, y));
            diagnostics.info("settlement figures " + std::to_string(y) + " of " +
                                 and_list(whole_labels) + " are reported as " + target.number +
                                 " " + target.name + "'s; the part of " + and_list(partial_labels) +
                                 " it received is not in them, as those figures cannot be divided",
                             d.location_of(d.settlement[members.front()].origin));
        }
        if (!has_figures && !divided.empty())
            refused[target.number] = target.name + " is made of parts of " + and_list(divided) +
                                     ", whose figures cannot be divided";
    }
    std::size_t i = 0;
    d.settlement.erase(std::remove_if(d.settlement.begin(), d.settlement.end(),
                                      [&](const SettlementFigures&) { return drop[i++]; }),
                       d.settlement.end());
    // A predecessor whose figures all moved is no longer a municipality of the data.
    std::set<std::string> referenced;
    for (const SettlementFigures& s : d.settlement) referenced.insert(s.municipality);
    for (const Outcome& o : d.outcomes) referenced.insert(o.municipality);
    for (const Programme& p : d.programmes) referenced.insert(p.municipality);
    for (const Nomination& n : d.nominations) referenced.insert(n.municipality);
    d.municipalities.erase(std::remove_if(d.municipalities.begin(), d.municipalities.end(),
                                          [&](const Municipality& m) {
                                              return moved_from.count(m.number) &&
                                                     !referenced.count(m.number);
                                          }),
                           d.municipalities.end());
    d.reindex();
    // harmonise() said those figures keep their old numbers; for the report they no longer do.
    Diagnostics kept;
    for (const Diagnostic& x : diagnostics.items())
        if (x.severity != Severity::warning || !moved_rows.count(x.where.to_string()) ||
            x.message.find(" only part of ") == std::string::npos)
            kept.add(x);
    diagnostics = kept;
    return refused;
}

}  // namespace kdx::cli
