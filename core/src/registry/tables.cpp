#include "registry/tables.hpp"

#include <algorithm>
#include <optional>
#include <stdexcept>

#include "registry/csv_text.hpp"
#include "registry/embedded_data.hpp"
#include "registry/names.hpp"

namespace kdx::registry_detail {

namespace {

constexpr const char* crosswalk_file = "municipality-numbers-2013-2020.csv";
constexpr const char* reform_2024_file = "municipality-numbers-2020-2024.csv";
constexpr const char* counties_file = "counties.csv";
constexpr const char* languages_file = "language-forms-2024.csv";

// Columns of the number and the name of periods 2013, 2017, 2018, 2019 and 2020
// in the 2013-2020 crosswalk.
constexpr std::array<std::pair<std::size_t, std::size_t>, 5> crosswalk_columns = {
    {{0, 1}, {2, 3}, {5, 6}, {8, 9}, {11, 12}}};

struct Reform2024 {
    std::string number;
    std::string name;
    std::vector<std::string> parts_2019;  // only for a split: the 2019 numbers of this part
};

std::string_view file_text(const char* name) {
    std::string_view text = embedded_file(name);
    if (text.empty()) throw std::runtime_error(std::string("registry file missing: ") + name);
    return text;
}

void need_fields(const CsvRecord& r, std::size_t n, const char* file) {
    if (r.size() < n)
        throw std::runtime_error(std::string(file) + ": expected " + std::to_string(n) +
                                 " fields, found " + std::to_string(r.size()));
}

std::vector<std::string> split_words(const std::string& s) {
    std::vector<std::string> words;
    std::size_t start = 0;
    while (start < s.size()) {
        std::size_t end = s.find(' ', start);
        if (end == std::string::npos) end = s.size();
        if (end > start) words.push_back(s.substr(start, end - start));
        start = end + 1;
    }
    return words;
}

std::map<std::string, std::vector<Reform2024>> read_reform_2024() {
    std::map<std::string, std::vector<Reform2024>> by_2020;
    for (const CsvRecord& r : read_csv(file_text(reform_2024_file), ';', reform_2024_file)) {
        need_fields(r, 6, reform_2024_file);
        by_2020[r[0]].push_back({r[2], r[3], split_words(r[5])});
    }
    return by_2020;
}

const Reform2024& choose_2024(const std::vector<Reform2024>& options, const std::string& n2019) {
    if (options.size() == 1) return options.front();
    for (const Reform2024& o : options)
        if (std::find(o.parts_2019.begin(), o.parts_2019.end(), n2019) != o.parts_2019.end())
            return o;
    throw std::runtime_error(std::string(reform_2024_file) + ": no part of the split names " +
                             n2019);
}

int parse_year(const std::string& s) { return s.empty() ? 0 : std::stoi(s); }

void set_validity(Tables& t) {
    for (int p = 0; p < period_count; ++p) {
        for (Entry& u : t.entries[p]) {
            int first = p, last = p;
            while (first > 0) {
                const Entry* before = t.find(u.number, first - 1);
                if (!before || before->atoms != u.atoms) break;
                --first;
            }
            while (last + 1 < period_count) {
                const Entry* after = t.find(u.number, last + 1);
                if (!after || after->atoms != u.atoms) break;
                ++last;
            }
            u.valid_from = first == 0 ? 0 : period_starts[first];
            u.valid_to = period_end(last);
        }
    }
}

Tables build() {
    Tables t;
    auto reform = read_reform_2024();
    // Per period, number -> (name, atoms), filled atom by atom.
    std::array<std::map<std::string, Entry>, period_count> entries;
    int atom = 0;
    for (const CsvRecord& r : read_csv(file_text(crosswalk_file), ';', crosswalk_file)) {
        need_fields(r, 14, crosswalk_file);
        if (is_special_number(r[0])) continue;
        std::array<std::pair<std::string, std::string>, period_count> at;
        for (int p = 0; p < period_count - 1; ++p)
            at[p] = {r[crosswalk_columns[p].first], r[crosswalk_columns[p].second]};
        auto found = reform.find(at[4].first);
        if (found == reform.end())
            throw std::runtime_error(std::string(reform_2024_file) + ": 2020 number " +
                                     at[4].first + " is missing");
        const Reform2024& to = choose_2024(found->second, at[3].first);
        at[5] = {to.number, to.name};
        for (int p = 0; p < period_count; ++p) {
            Entry& u = entries[p][at[p].first];
            if (u.number.empty()) u = Entry{at[p].first, at[p].second, {}, p, 0, 0, {}};
            u.atoms.push_back(atom);
        }
        ++atom;
    }
    t.atom_entries.resize(static_cast<std::size_t>(atom));
    for (int p = 0; p < period_count; ++p) {
        for (auto& [number, entry] : entries[p]) {
            int index = static_cast<int>(t.entries[p].size());
            t.entry_index[p][number] = index;
            for (int a : entry.atoms) t.atom_entries[static_cast<std::size_t>(a)][p] = index;
            entry.folded = folded_forms(entry.name);
            t.entries[p].push_back(std::move(entry));
        }
    }
    set_validity(t);
    for (const CsvRecord& r : read_csv(file_text(counties_file), ',', counties_file)) {
        need_fields(r, 4, counties_file);
        t.counties.push_back({r[0], r[1], parse_year(r[2]), parse_year(r[3])});
    }
    for (const CsvRecord& r : read_csv(file_text(languages_file), ',', languages_file)) {
        need_fields(r, 3, languages_file);
        std::optional<LanguageForm> form = language_form_from_string(r[2]);
        if (!form || !t.find(r[0], period_count - 1))
            throw std::runtime_error(std::string(languages_file) + ": bad row for " + r[0]);
        t.languages[r[0]] = *form;
    }
    return t;
}

}  // namespace

int period_of(int year) noexcept {
    int p = 0;
    while (p + 1 < period_count && year >= period_starts[p + 1]) ++p;
    return p;
}

int period_end(int period) noexcept {
    return period + 1 < period_count ? period_starts[period + 1] - 1 : 0;
}

const Entry* Tables::find(const std::string& number, int period) const {
    const auto& index = entry_index[period];
    auto it = index.find(number);
    return it == index.end() ? nullptr : &entries[period][it->second];
}

std::vector<const Entry*> Tables::covering(const std::vector<int>& atoms, int period) const {
    std::vector<int> found;
    for (int a : atoms) found.push_back(atom_entries[static_cast<std::size_t>(a)][period]);
    std::sort(found.begin(), found.end());
    found.erase(std::unique(found.begin(), found.end()), found.end());
    std::vector<const Entry*> out;
    for (int i : found) out.push_back(&entries[period][i]);
    return out;
}

std::vector<int> Tables::periods_of(const std::string& number) const {
    std::vector<int> out;
    for (int p = 0; p < period_count; ++p)
        if (find(number, p)) out.push_back(p);
    return out;
}

LanguageForm Tables::language_of(const Entry& entry) const {
    LanguageForm form = LanguageForm::unspecified;
    bool first = true;
    for (const Entry* now : covering(entry.atoms, period_count - 1)) {
        auto it = languages.find(now->number);
        LanguageForm f = it == languages.end() ? LanguageForm::unspecified : it->second;
        if (!first && f != form) return LanguageForm::unspecified;
        form = f;
        first = false;
    }
    return form;
}

Municipality Tables::to_municipality(const Entry& entry, int year) const {
    Municipality m;
    m.number = entry.number;
    m.name = entry.name;
    m.county_number = entry.number.substr(0, 2);
    year = std::max(year, period_starts.front());
    for (const County& c : counties)
        if (c.number == m.county_number && year >= c.first_year &&
            (c.last_year == 0 || year <= c.last_year))
            m.county_name = c.name;
    std::vector<std::string> forms = name_forms(entry.name);
    if (forms.size() > 1) m.other_names = std::move(forms);
    m.valid_from = entry.valid_from;
    m.valid_to = entry.valid_to;
    m.language = language_of(entry);
    return m;
}

const Tables& builtin_tables() {
    static const Tables tables = build();
    return tables;
}

bool is_special_number(const std::string& number) {
    return number == whole_country || number == "9999";
}

std::string label(const Entry& entry) { return entry.number + " " + entry.name; }

std::string years_text(const Entry& entry) {
    if (entry.valid_from == 0 && entry.valid_to == 0)
        return "in use since " + std::to_string(period_starts.front());
    if (entry.valid_from == 0) return "in use until " + std::to_string(entry.valid_to);
    if (entry.valid_to == 0) return "in use since " + std::to_string(entry.valid_from);
    if (entry.valid_from == entry.valid_to) return "in use in " + std::to_string(entry.valid_from);
    return "in use " + std::to_string(entry.valid_from) + "-" + std::to_string(entry.valid_to);
}

}  // namespace kdx::registry_detail
