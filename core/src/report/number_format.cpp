#include "kdx/number_format.hpp"

#include <cmath>
#include <cstdio>

namespace kdx {

namespace {

constexpr const char* nbsp = "\u00a0";

int usual_decimals(Unit unit) {
    switch (unit) {
        case Unit::percent:
        case Unit::per_mille:
            return 1;
        default:
            return 0;
    }
}

// Digits with grouping: "1234567.5" -> "1 234 567,5" (nb) or "1,234,567.5" (en).
std::string grouped(double number, int decimals, bool norwegian) {
    char buffer[64];
    std::snprintf(buffer, sizeof buffer, "%.*f", decimals, std::fabs(number));
    std::string digits = buffer;
    std::string fraction;
    if (auto dot = digits.find('.'); dot != std::string::npos) {
        fraction = digits.substr(dot + 1);
        digits.erase(dot);
    }
    std::string out;
    const std::string separator = norwegian ? nbsp : ",";
    for (std::size_t i = 0; i < digits.size(); ++i) {
        if (i > 0 && (digits.size() - i) % 3 == 0) out += separator;
        out += digits[i];
    }
    if (!fraction.empty()) out += (norwegian ? "," : ".") + fraction;
    bool zero = out.find_first_not_of("0,. \u00a0") == std::string::npos;
    return (number < 0 && !zero ? "-" : "") + out;
}

}  // namespace

std::string format_value(const Value& value, Unit unit, const std::string& language, int decimals) {
    if (value.is_suppressed()) return ":";
    if (value.is_missing()) return "..";
    bool norwegian = language != "en";
    std::string n = grouped(value.get(), decimals < 0 ? usual_decimals(unit) : decimals, norwegian);
    switch (unit) {
        case Unit::percent:
            return n + (norwegian ? std::string(nbsp) + "%" : "%");
        case Unit::per_mille:
            return n + (norwegian ? std::string(nbsp) + "‰" : "‰");
        case Unit::nok:
            return norwegian ? n + nbsp + "kr" : "NOK" + std::string(nbsp) + n;
        default:
            return n;
    }
}

std::string format_change(const Value& change, Unit unit, const std::string& language) {
    if (!change.has_value()) return "";
    std::string text = format_value(change, unit, language);
    return change.get() > 0 ? "+" + text : text;
}

std::string format_date(const std::string& iso_date, const std::string& language) {
    static const char* const norwegian[] = {"januar",    "februar", "mars",     "april",
                                            "mai",       "juni",    "juli",     "august",
                                            "september", "oktober", "november", "desember"};
    static const char* const english[] = {"January",   "February", "March",    "April",
                                          "May",       "June",     "July",     "August",
                                          "September", "October",  "November", "December"};
    int y = 0, m = 0, d = 0;
    char dash1 = 0, dash2 = 0;
    if (iso_date.size() != 10 ||
        std::sscanf(iso_date.c_str(), "%4d%c%2d%c%2d", &y, &dash1, &m, &dash2, &d) != 5 ||
        dash1 != '-' || dash2 != '-' || m < 1 || m > 12 || d < 1 || d > 31)
        return iso_date;
    if (language == "en") return std::to_string(d) + " " + english[m - 1] + " " + std::to_string(y);
    return std::to_string(d) + ". " + norwegian[m - 1] + " " + std::to_string(y);
}

}  // namespace kdx
