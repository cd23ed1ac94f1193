// The registry's tables, built once from the embedded CSV files.
//
// The rows of the 2013-2020 crosswalk are the registry's "atoms": pieces of
// land that no reform divided (a municipality of 2013, or the part of it that
// went one way in a split). Every number of every period is a set of atoms,
// so mergers, splits and renumberings all come down to comparing sets.
#pragma once

#include <array>
#include <map>
#include <string>
#include <unordered_map>
#include <vector>

#include "kdx/model.hpp"

namespace kdx::registry_detail {

// Periods in which no number changed, by first year; the last one runs on.
inline constexpr std::array<int, 6> period_starts = {2013, 2017, 2018, 2019, 2020, 2024};
inline constexpr int period_count = static_cast<int>(period_starts.size());

// The period a year falls in; years before 2013 fall in the first.
int period_of(int year) noexcept;
// The last year of a period; 0 for the last period, which is still running.
int period_end(int period) noexcept;

// A number as used in one period.
struct Entry {
    std::string number;
    std::string name;
    std::vector<int> atoms;  // sorted
    int period = 0;
    int valid_from = 0;  // first year of the same number over the same atoms; 0 = 2013 or before
    int valid_to = 0;    // last such year; 0 = still valid
    std::vector<std::string> folded;  // folded_forms(name), kept for name lookups
};

struct County {
    std::string number;
    std::string name;
    int first_year = 0;
    int last_year = 0;  // 0 = still valid
};

struct Tables {
    // Per atom, the index of its entry in each period.
    std::vector<std::array<int, period_count>> atom_entries;
    // Per period, the entries ordered by number.
    std::array<std::vector<Entry>, period_count> entries;
    std::array<std::unordered_map<std::string, int>, period_count> entry_index;
    std::vector<County> counties;
    // The language decision of each number of the last period (language-forms-2024.csv).
    std::unordered_map<std::string, LanguageForm> languages;

    // The entry of a number in a period; nullptr when not in use.
    const Entry* find(const std::string& number, int period) const;
    // The entries of `period` covering any of `atoms`, ordered by number.
    std::vector<const Entry*> covering(const std::vector<int>& atoms, int period) const;
    // The periods in which a number was in use, in order.
    std::vector<int> periods_of(const std::string& number) const;
    // The language decision of the municipalities that cover an entry's area
    // now: theirs when they agree, else unspecified.
    LanguageForm language_of(const Entry& entry) const;
    // An entry as a Municipality of `year` (county name of that year, language
    // decision of its successor).
    Municipality to_municipality(const Entry& entry, int year) const;
};

// The tables built from the files compiled into libkdx, on first use.
const Tables& builtin_tables();

// Numbers that stand for no municipality: the whole country ("0000") and
// SSB's "unspecified" ("9999"). They are left alone everywhere.
bool is_special_number(const std::string& number);

// "1702 Steinkjer".
std::string label(const Entry& entry);
// "2013–2017", "2020–" or "2018".
std::string years_text(const Entry& entry);

}  // namespace kdx::registry_detail
