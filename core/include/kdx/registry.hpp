// The built-in registry of Norwegian municipality numbers, and harmonising a
// Dataset to the numbers of one year.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <vector>

#include "kdx/diagnostics.hpp"
#include "kdx/model.hpp"
#include "kdx/value.hpp"

namespace kdx {

namespace registry_detail {
struct Tables;
}

// Which numbers were in use in which year, under which name and county, and
// what became of each area, from 2013 to the 2024 reform. The data is compiled
// into libkdx (docs/municipality-numbers.md). A year before 2013 is read as
// 2013 and a year after the last reform as that reform's year.
class MunicipalityRegistry {
  public:
    // The registry built into libkdx; built on first use, safe to share between threads.
    static const MunicipalityRegistry& builtin();

    // The first year the registry covers (2013).
    int first_year() const noexcept;
    // The year of the latest reform it knows (2024); later years are read as this one.
    int last_reform_year() const noexcept;

    // The municipality a number denoted in `year`: its name (with its Sámi and
    // Kven forms, split out into other_names) and county that year, and in
    // valid_from/valid_to the years the number covered that same area (0 =
    // before the registry starts / still valid). nullopt when not in use that year.
    std::optional<Municipality> find(const std::string& number, int year) const;

    // Every municipality of `year`, ordered by number.
    std::vector<Municipality> municipalities_in(int year) const;

    // The numbers that cover in `to_year` the area `number` covered in
    // `from_year`: one after a renumbering or merger, several after a split,
    // none when the number was not in use in `from_year`. A `to_year` earlier
    // than `from_year` gives the predecessors instead.
    std::vector<std::string> successors(const std::string& number, int from_year,
                                        int to_year) const;

    // The numbers whose name in `year` is `name` in any of its official forms
    // ("Karasjok" and "Kárášjohka" both find 5437 in 2020), ignoring case,
    // diacritics and a county qualifier such as "(Viken)"; "Baerum" finds
    // Bærum. Several when municipalities share a name (Våler in 2024).
    std::vector<std::string> numbers_named(const std::string& name, int year) const;

    // The municipality of `year` nearest to a name by edit distance over all
    // name forms, case and diacritics folded ("Barum" -> Bærum); nullopt when
    // nothing is close enough to be a plausible typo.
    std::optional<Municipality> closest_by_name(const std::string& name, int year) const;

    // What a number (and optional name) not fitting `year` most likely meant:
    // the municipality with that name; else the successor of a number in use
    // in another year; else the closest name; else a number one digit edit
    // away ("301" -> 0301 Oslo). nullopt when nothing is a plausible match.
    std::optional<Municipality> suggest(const std::string& number, const std::string& name,
                                        int year) const;

  private:
    explicit MunicipalityRegistry(const registry_detail::Tables& tables) : tables_(&tables) {}
    const registry_detail::Tables* tables_;
};

// The sum of counts for areas that were merged. Any suppressed part makes the
// sum suppressed (it could otherwise reveal the hidden count), else any
// missing part makes it missing (a partial sum would understate silently);
// an empty list gives missing.
Value sum_counts(const std::vector<Value>& parts);

// What harmonise() changed, counted in records of all collections.
struct HarmoniseSummary {
    std::size_t renumbered = 0;  // records that only got a new number
    std::size_t summed = 0;      // records that replaced two or more merged ones
    std::size_t kept = 0;        // records left under a number not in use in the target year
    std::size_t recomputed =
        0;  // shares and rates of merged municipalities computed from summed counts
};

// Rewrites the municipality numbers of municipalities, settlement figures,
// outcomes, programmes and nominations to the numbers of `year`, reading each
// record's number in the record's own year. Records of merged municipalities
// are summed with sum_counts() (settlement figures; outcomes of additive
// indicators, with their cohorts); shares are never summed. A share the data
// can derive (settled or decided per requested, settled per decided, settled
// per 1000 when every part has a population) is recomputed from the summed
// counts, counted in one info diagnostic; any other share keeps its old
// numbers with a warning naming the municipalities. A split
// area, or a merger with some parts absent from the dataset, keeps its old
// number with a warning. Unknown numbers and numbers used outside the years
// they were in use are reported with a suggestion. Never throws for data.
HarmoniseSummary harmonise(Dataset& dataset, int year, Diagnostics& out);

// Checks the dataset's municipalities against the registry: unknown numbers,
// numbers not in use in the years the dataset uses them, names that do not
// match their number, and county numbers that do not match, each as a warning
// with the closest match. `numbering_year` is the year whose numbers the
// dataset uses after harmonise(), which has reported every number it could
// not bring to that year and every name that does not match its number: then
// only county numbers are checked, so that nothing is reported twice. 0 reads
// each record in its own year.
void check_against_registry(const Dataset& dataset, Diagnostics& out, int numbering_year = 0);

}  // namespace kdx
