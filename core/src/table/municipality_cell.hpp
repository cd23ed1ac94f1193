// Municipalities as tables name them: "5006", 301 (a spreadsheet dropped the
// leading zero), "5006 Steinkjer" or just "Steinkjer", and the Municipality
// records the importer adds for them.
#pragma once

#include <cstddef>
#include <map>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "kdx/model.hpp"
#include "kdx/table.hpp"
#include "string_index.hpp"

namespace kdx::table_detail {

// What one cell says: a number, a name, or both. `bad_number` is set when the
// cell holds digits that cannot be a municipality number (five or more).
struct MunicipalityText {
    std::string number;  // four digits, zero-padded; empty when the cell has none
    std::string name;
    bool bad_number = false;
    // Set for IMDi's county region code "F03": the row is about the county.
    std::string county;
};

// Splits "5006", "5006 Steinkjer", "5006 - Steinkjer", "Steinkjer (5006)" or
// "Steinkjer"; a number cell 301 gives "0301". IMDi's region codes "K0301"
// give the municipality's number and "F03" the county's.
MunicipalityText split_municipality(const Cell& cell);

// The municipalities an import has met, kept as Municipality records of the
// dataset, with names and counties from the built-in registry where the table
// gives none.
class MunicipalityBook {
  public:
    explicit MunicipalityBook(Dataset& dataset);

    // The number of the municipality named `name` in `year` (0: the latest
    // year kdx knows). On failure returns nullopt and sets `problem` to a
    // message naming the cell's text and, where one is close, a suggestion.
    std::optional<std::string> number_for_name(const std::string& name, int year,
                                               std::string& problem);

    // Adds a Municipality for `number` the first time it is met; later calls
    // fill only what is still empty. Empty texts and nullopt leave fields alone.
    void note(const std::string& number, int year, const Origin& origin,
              const std::string& name = {}, const std::string& county_number = {},
              const std::string& county_name = {},
              std::optional<std::int64_t> population = std::nullopt);

  private:
    Dataset& dataset_;
    StringIndex index_;                   // the numbers met
    std::vector<std::size_t> positions_;  // in dataset_.municipalities, by index_'s ordinal
    std::map<std::pair<std::string, int>, std::vector<std::string>> names_;
};

}  // namespace kdx::table_detail
