// Which cell styles show numbers as dates: built-in formats 14-22 and 45-47,
// and custom format codes with day, month, year, hour or second letters
// outside quotes and brackets.
#pragma once

#include <string>
#include <vector>

#include "xlsx_zip.hpp"

namespace kdx::xlsx {

// True when a number format code shows a date or time ("dd.mm.yyyy",
// "[$-414]d. mmmm yyyy", "h:mm"); false for "0.0", "# ##0", "\"dager\" 0".
bool is_date_format(const std::string& code);
// True for the built-in date and time formats 14-22 and 45-47.
bool is_builtin_date_format(unsigned id);

class Styles {
  public:
    // True when cell style `index` (the s attribute of a cell) is a date.
    bool is_date(unsigned index) const noexcept { return index < date_.size() && date_[index]; }

    // Reads the styles part; throws kdx::Error for bad XML.
    static Styles read(const Package& package, const std::string& part);

  private:
    std::vector<bool> date_;
};

}  // namespace kdx::xlsx
