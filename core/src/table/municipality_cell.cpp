#include "table/municipality_cell.hpp"

#include <algorithm>
#include <cmath>

#include "kdx/registry.hpp"
#include "table/cell_value.hpp"

namespace kdx::table_detail {

namespace {

bool is_digit(char c) { return c >= '0' && c <= '9'; }

std::string padded(std::string_view digits) {
    return std::string(digits.size() < 4 ? 4 - digits.size() : 0, '0') + std::string(digits);
}

// A separator between number and name: spaces, hyphen, dash or colon.
bool is_separator(std::string_view s, std::size_t i, std::size_t& length) {
    if ((length = space_length(s, i)) > 0) return true;
    if (s[i] == '-' || s[i] == ':') return length = 1, true;
    if (s.compare(i, 3, "\u2013") == 0) return length = 3, true;
    return false;
}

// IMDi's region codes: "K" and a municipality number, "F" and a county number.
bool imdi_region_code(std::string_view t, MunicipalityText& m) {
    if (t.size() < 3 || (t[0] != 'K' && t[0] != 'F') ||
        !std::all_of(t.begin() + 1, t.end(), is_digit))
        return false;
    if (t[0] == 'K' && t.size() == 5)
        m.number = std::string(t.substr(1));
    else if (t[0] == 'F' && t.size() == 3)
        m.county = std::string(t.substr(1));
    else
        return false;
    return true;
}

}  // namespace

MunicipalityText split_municipality(const Cell& cell) {
    MunicipalityText m;
    if (cell.type == Cell::Type::number) {
        double n = cell.number;
        if (n >= 1 && n <= 9999 && std::floor(n) == n)
            m.number = padded(std::to_string(static_cast<int>(n)));
        else
            m.bad_number = true;
        return m;
    }
    std::string_view t = trim(cell.text);
    if (imdi_region_code(t, m)) return m;
    std::size_t digits = 0;
    while (digits < t.size() && is_digit(t[digits])) ++digits;
    if (digits > 0) {
        if (digits > 4) {
            m.bad_number = true;
            return m;
        }
        std::size_t i = digits, length = 0;
        bool separated = false;
        while (i < t.size() && is_separator(t, i, length)) i += length, separated = true;
        if (i == t.size() || separated) {
            m.number = padded(t.substr(0, digits));
            m.name = std::string(t.substr(i));
            return m;
        }
    }
    // "Steinkjer (5006)"
    if (!t.empty() && t.back() == ')') {
        std::size_t open = t.rfind('(');
        std::string_view inner = open == std::string_view::npos
                                     ? std::string_view()
                                     : trim(t.substr(open + 1, t.size() - open - 2));
        if (!inner.empty() && inner.size() <= 4 &&
            std::all_of(inner.begin(), inner.end(), is_digit)) {
            m.number = padded(inner);
            m.name = std::string(trim(t.substr(0, open)));
            return m;
        }
    }
    m.name = std::string(t);
    return m;
}

MunicipalityBook::MunicipalityBook(Dataset& dataset) : dataset_(dataset) {
    for (std::size_t i = 0; i < dataset_.municipalities.size(); ++i)
        if (index_.insert(dataset_.municipalities[i].number).second) positions_.push_back(i);
}

std::optional<std::string> MunicipalityBook::number_for_name(const std::string& name, int year,
                                                             std::string& problem) {
    const MunicipalityRegistry& registry = MunicipalityRegistry::builtin();
    const bool year_given = year != 0;
    if (year == 0) year = registry.last_reform_year();
    auto key = std::make_pair(name, year);
    auto it = names_.find(key);
    if (it == names_.end()) it = names_.emplace(key, registry.numbers_named(name, year)).first;
    const std::vector<std::string>& numbers = it->second;
    if (numbers.size() == 1) return numbers.front();
    if (numbers.empty()) {
        problem = "expected a municipality number or name, found \"" + name + "\"";
        if (year_given)
            problem += " (no municipality had that name in " + std::to_string(year) + ")";
        if (auto close = registry.closest_by_name(name, year))
            problem += "; did you mean " + close->number + " " + close->name + "?";
    } else {
        std::string list;
        for (const std::string& n : numbers) list += (list.empty() ? "" : ", ") + n;
        problem = "\"" + name + "\" names more than one municipality in " + std::to_string(year) +
                  " (" + list + "); give the number";
    }
    return std::nullopt;
}

void MunicipalityBook::note(const std::string& number, int year, const Origin& origin,
                            const std::string& name, const std::string& county_number,
                            const std::string& county_name,
                            std::optional<std::int64_t> population) {
    std::uint32_t at = index_.find(number);
    // The whole country (0000) is no municipality: a row of its figures
    // without a name adds no nameless municipality record.
    if (at == StringIndex::npos && number == whole_country && name.empty()) return;
    if (at == StringIndex::npos) {
        const MunicipalityRegistry& registry = MunicipalityRegistry::builtin();
        Municipality m;
        if (auto known = registry.find(number, year ? year : registry.last_reform_year()))
            m = std::move(*known);
        m.number = number;
        m.origin = origin;
        dataset_.municipalities.push_back(std::move(m));
        at = index_.insert(number).first;
        positions_.push_back(dataset_.municipalities.size() - 1);
        // What the table itself says wins over the registry's view.
        Municipality& added = dataset_.municipalities.back();
        if (!name.empty()) added.name = name;
        if (!county_number.empty()) added.county_number = county_number;
        if (!county_name.empty()) added.county_name = county_name;
    }
    Municipality& m = dataset_.municipalities[positions_[at]];
    if (m.name.empty()) m.name = name;
    if (m.county_number.empty()) m.county_number = county_number;
    if (m.county_name.empty()) m.county_name = county_name;
    if (!m.population && population) m.population = population;
}

}  // namespace kdx::table_detail
