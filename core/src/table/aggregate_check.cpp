#include "table/aggregate_check.hpp"

#include <cmath>
#include <sstream>
#include <vector>

namespace kdx::table_detail {

namespace {

std::string number_text(double v) {
    std::ostringstream s;
    s << v;
    return s.str();
}

// How many differences a note lists before "and N more".
constexpr std::size_t listed = 3;

}  // namespace

void AggregateCheck::aggregate(const std::string& county, int year, const std::string& what,
                               double value, std::uint32_t row) {
    aggregates_.emplace(Key{county, year, what}, Figure{value, row});
}

void AggregateCheck::municipality(const std::string& number, int year, const std::string& what,
                                  double value) {
    // A municipality number starts with its county's number.
    for (const std::string& area : {number.substr(0, 2), std::string()}) {
        Sum& s = sums_[Key{area, year, what}];
        s.value += value;
        ++s.municipalities;
    }
}

void AggregateCheck::row_of(const std::string& kind, std::uint32_t row, const std::string& column) {
    Rows& r = rows_[kind];
    if (r.count++ == 0) {
        r.first_row = row;
        r.column = column;
    }
}

void AggregateCheck::report(SheetContext& sheet) const {
    for (const auto& [kind, rows] : rows_) {
        bool country = kind == "country";
        std::size_t compared = 0;
        std::vector<std::string> differ;
        for (const auto& [key, figure] : aggregates_) {
            const auto& [area, year, what] = key;
            if (area.empty() != country) continue;
            ++compared;
            auto it = sums_.find(key);
            Sum sum = it == sums_.end() ? Sum{} : it->second;
            if (std::fabs(sum.value - figure.value) <=
                1e-6 * std::fmax(1.0, std::fabs(figure.value)))
                continue;
            differ.push_back((country ? std::string("the country") : "county " + area) + " " +
                             std::to_string(year) + " " + what + " " + number_text(figure.value) +
                             " (row " + std::to_string(figure.row) + "), its " +
                             std::to_string(sum.municipalities) + " municipalities' rows sum to " +
                             number_text(sum.value));
        }
        std::string message = std::to_string(rows.count) + " " + kind + " rows";
        if (!rows.column.empty()) message += " (column \"" + rows.column + "\")";
        message +=
            " skipped: the model keeps municipalities, whose figures add up to the " + kind + "'s";
        if (compared > 0 && differ.empty()) {
            message += "; all " + std::to_string(compared) + " counts agree with those sums";
        } else if (!differ.empty()) {
            message += "; " + std::to_string(differ.size()) + " of " + std::to_string(compared) +
                       " counts differ from the sums of the municipalities the table gives: ";
            for (std::size_t i = 0; i < differ.size() && i < listed; ++i)
                message += (i ? "; " : "") + differ[i];
            if (differ.size() > listed)
                message += " ... and " + std::to_string(differ.size() - listed) + " more like this";
        }
        sheet.info(rows.first_row, 0, std::move(message));
    }
}

}  // namespace kdx::table_detail
