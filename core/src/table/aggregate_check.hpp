// Rows about a county or the whole country, which IMDi's tables give beside
// their municipalities: the model keeps municipalities, so such rows are not
// read into it, but their counts are compared with the sums of the
// municipalities' rows and a difference is reported.
#pragma once

#include <cstdint>
#include <map>
#include <string>
#include <tuple>
#include <utility>

#include "table/sheet_context.hpp"

namespace kdx::table_detail {

class AggregateCheck {
  public:
    // A count of an aggregate row: `county` two digits, or empty for the
    // country; `what` names the count (a field or indicator id).
    void aggregate(const std::string& county, int year, const std::string& what, double value,
                   std::uint32_t row);
    // A count of a municipality's row, added to its county's and the country's sums.
    void municipality(const std::string& number, int year, const std::string& what, double value);
    // Counts an aggregate row of a kind ("county", "country"); `column` names the area column.
    void row_of(const std::string& kind, std::uint32_t row, const std::string& column);

    // One note per kind of aggregate row: how many were skipped, and whether
    // their figures agree with the sums (the first few that differ).
    void report(SheetContext& sheet) const;

  private:
    using Key = std::tuple<std::string, int, std::string>;  // area, year, what
    struct Figure {
        double value = 0;
        std::uint32_t row = 0;
    };
    struct Sum {
        double value = 0;
        int municipalities = 0;
    };
    struct Rows {
        std::size_t count = 0;
        std::uint32_t first_row = 0;
        std::string column;
    };
    std::map<Key, Figure> aggregates_;
    std::map<Key, Sum> sums_;
    std::map<std::string, Rows> rows_;
};

}  // namespace kdx::table_detail
