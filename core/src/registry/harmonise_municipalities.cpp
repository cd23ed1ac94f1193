#include <algorithm>

#include "registry/harmoniser.hpp"
#include "registry/names.hpp"
#include "registry/suggest.hpp"

namespace kdx::registry_detail {

namespace {

template <class T, class Get>
T common_or(const std::vector<const Municipality*>& parts, Get get, T otherwise) {
    T first = get(*parts.front());
    for (const Municipality* m : parts)
        if (get(*m) != first) return otherwise;
    return first;
}

void add_name(std::vector<std::string>& names, const std::string& name, const std::string& main) {
    if (name.empty() || names_match(name, main)) return;
    if (std::find(names.begin(), names.end(), name) == names.end()) names.push_back(name);
}

}  // namespace

int Harmoniser::usage_year(const std::string& number) const {
    auto used = latest_use_.find(number);
    if (used != latest_use_.end() && used->second > 0) return used->second;
    if (t_.find(number, period_)) return year_;
    int other = nearest_period(t_, number, period_);
    if (other < 0) return year_;
    int end = period_end(other);
    return end > 0 ? end : period_starts[other];
}

int Harmoniser::year_of(const Municipality& m) const {
    if (m.valid_to > 0) return m.valid_to;
    if (m.valid_from > 0) return m.valid_from;
    return usage_year(m.number);
}

std::set<std::string> Harmoniser::referenced_numbers() const {
    std::set<std::string> numbers;
    for (const SettlementFigures& s : d_.settlement) numbers.insert(s.municipality);
    for (const Outcome& o : d_.outcomes) numbers.insert(o.municipality);
    for (const Programme& p : d_.programmes) numbers.insert(p.municipality);
    for (const Nomination& n : d_.nominations) numbers.insert(n.municipality);
    return numbers;
}

void Harmoniser::municipalities() {
    auto& records = d_.municipalities;
    const std::set<std::string> referenced = referenced_numbers();
    std::vector<const Mapping*> maps(records.size());
    std::map<std::string, std::vector<std::size_t>> groups;
    for (std::size_t i = 0; i < records.size(); ++i) {
        const Municipality& m = records[i];
        const int year = year_of(m);
        if (!m.name.empty() && t_.find(m.number, period_of(year))) {
            std::string problem = number_problem(t_, m.number, m.name, year);
            if (!problem.empty()) warn_once("name " + m.number + " " + m.name, problem, m.origin);
        }
        maps[i] = &map(m.number, year, m.origin);
        if (maps[i]->kind == Mapping::Kind::single)
            groups[maps[i]->to.front()->number].push_back(i);
        else if (maps[i]->kind != Mapping::Kind::special)
            ++summary_.kept;
    }

    std::vector<Municipality> result;
    for (std::size_t i = 0; i < records.size(); ++i) {
        if (maps[i]->kind != Mapping::Kind::single) {
            result.push_back(records[i]);
            continue;
        }
        const Entry* to = maps[i]->to.front();
        const std::vector<std::size_t>& group = groups[to->number];
        if (group.front() == i) {
            std::vector<const Municipality*> parts;
            std::vector<int> atoms;
            for (std::size_t k : group) {
                parts.push_back(&records[k]);
                atoms.insert(atoms.end(), maps[k]->from->atoms.begin(), maps[k]->from->atoms.end());
            }
            std::sort(atoms.begin(), atoms.end());
            const bool same_area = atoms == to->atoms;
            if (group.size() == 1 && same_area && records[i].number == to->number) {
                result.push_back(records[i]);
                continue;
            }
            Municipality m = t_.to_municipality(*to, year_);
            m.origin = records[i].origin;
            m.imdi_region = common_or(
                parts, [](const Municipality& p) { return p.imdi_region; }, std::string());
            m.language = common_or(
                parts, [](const Municipality& p) { return p.language; }, LanguageForm::unspecified);
            // A population adds up only when the parts are exactly the new area.
            bool all_known = std::all_of(parts.begin(), parts.end(),
                                         [](const Municipality* p) { return p->population; });
            if (same_area && all_known) {
                m.population = 0;
                for (const Municipality* p : parts) *m.population += *p->population;
            }
            // A renumbered municipality keeps its earlier names; the names of
            // merged neighbours are not names of the new one.
            if (group.size() == 1) {
                add_name(m.other_names, records[i].name, m.name);
                for (const std::string& n : records[i].other_names)
                    add_name(m.other_names, n, m.name);
            }
            result.push_back(std::move(m));
            if (group.size() == 1)
                ++summary_.renumbered;
            else
                ++summary_.summed;
        }
        // Records left under the old number still need their municipality.
        if (records[i].number != to->number && referenced.count(records[i].number)) {
            result.push_back(records[i]);
            ++summary_.kept;
        }
    }
    records = std::move(result);
}

}  // namespace kdx::registry_detail
