// Which cell styles show numbers as dates (built-in formats 14-22 and 45-47,
// and custom format codes with day, month, year, hour or second letters
// outside quotes and brackets) and which as percentages (built-in 9 and 10,
// and codes with a percent sign; see docs/xlsx.md).
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

// How a number format shows a percentage. ECMA-376 §18.8.31: a bare "%"
// multiplies the number by 100 (scaled: 0.0467 under "0.0%" is "4.7%");
// a quoted or escaped one ("0.0\" %\"", "0.0\\%") is literal text, so the
// stored number already is the percentage.
struct PercentFormat {
    enum class Kind : unsigned char { none, scaled, literal };
    Kind kind = Kind::none;
    unsigned char decimals = 0;  // digit places after the decimal point
    bool space = false;          // a space between the number and the sign
    bool grouped = false;        // thousands separated ("#,##0.0%")
};

// The percentage a number format code shows, if any: "0%", "0.0 %",
// "0.0\\ %", "#,##0.0\" %\"" are; "0\" % av alle\"", "0.0" are not.
PercentFormat percent_format(const std::string& code);
// The built-in percent formats: 9 ("0%") and 10 ("0.00%").
PercentFormat builtin_percent_format(unsigned id);
// The number as such a format shows it to a Norwegian reader, in the
// percent unit: percent_text(104.67, {scaled, 1, true}) is "104,7 %".
std::string percent_text(double percent, const PercentFormat& format);

class Styles {
  public:
    // True when cell style `index` (the s attribute of a cell) is a date.
    bool is_date(unsigned index) const noexcept { return index < date_.size() && date_[index]; }
    // The percentage cell style `index` shows; kind none when it is not one.
    PercentFormat percent(unsigned index) const noexcept {
        return index < percent_.size() ? percent_[index] : PercentFormat{};
    }

    // Reads the styles part; throws kdx::Error for bad XML.
    static Styles read(const Package& package, const std::string& part);

  private:
    std::vector<bool> date_;
    std::vector<PercentFormat> percent_;
};

}  // namespace kdx::xlsx
