// The work behind kdx::harmonise(), shared by its two source files.
#pragma once

#include <map>
#include <optional>
#include <set>
#include <string>
#include <utility>
#include <vector>

#include "kdx/registry.hpp"
#include "registry/tables.hpp"

namespace kdx::registry_detail {

// Where a record's number leads in the target year.
struct Mapping {
    enum class Kind { special, unknown, single, split };
    Kind kind = Kind::special;
    const Entry* from = nullptr;   // the number as read, in the period it was read in
    std::vector<const Entry*> to;  // the entries of the target year covering its area
};

class Harmoniser {
  public:
    Harmoniser(Dataset& dataset, int year, Diagnostics& out);
    HarmoniseSummary run();

  private:
    // Reads a number in the year of a record and finds its target, reporting
    // an unknown number, a number used outside its years or a split once each.
    const Mapping& map(const std::string& number, int record_year, const Origin& at);
    void warn_once(const std::string& key, const std::string& message, const Origin& at);

    void settlement();
    void outcomes();
    // A share or rate of a merger computed from the parts' summed counts
    // (and populations); nullopt when the data cannot give it.
    std::optional<Value> derived_share(const std::vector<Outcome>& records,
                                       const std::vector<std::size_t>& members) const;
    // Moves records to their targets, summing the parts of a merger when
    // `summable` allows it and keeping their numbers when it does not.
    template <class Record, class Key, class Summable, class Combine, class Describe>
    void merge_records(std::vector<Record>& records, Key key, Summable summable, Combine combine,
                       Describe describe);
    template <class Record>
    void renumber_each(std::vector<Record>& records);
    void municipalities();

    // The year to read a number in when a record has none: the latest year
    // the dataset uses it, else the target year if it is in use then, else
    // the last year it was in use.
    int usage_year(const std::string& number) const;
    // The year a municipality record describes: its validity, else usage_year().
    int year_of(const Municipality& m) const;
    // The numbers referenced by records other than municipalities.
    std::set<std::string> referenced_numbers() const;

    Dataset& d_;
    const Tables& t_;
    int year_;
    int period_;
    Diagnostics& out_;
    HarmoniseSummary summary_;
    std::set<std::string> reported_;
    std::map<std::pair<std::string, int>, Mapping> cache_;
    std::map<std::string, int> latest_use_;  // number -> latest record year, before harmonising
    // Settlement counts as read, by number and year, for shares to recompute.
    std::map<std::pair<std::string, int>, SettlementFigures> counts_before_;
    std::map<std::string, std::size_t> recomputed_;  // indicator -> shares recomputed
};

}  // namespace kdx::registry_detail
