#include "report/source_line.hpp"

#include <cctype>

namespace kdx::report {
namespace {

const char* const months_no[12] = {"januar",    "februar", "mars",     "april",
                                   "mai",       "juni",    "juli",     "august",
                                   "september", "oktober", "november", "desember"};
const char* const months_en[12] = {"January",   "February", "March",    "April",
                                   "May",       "June",     "July",     "August",
                                   "September", "October",  "November", "December"};

bool digits(const std::string& s, std::size_t from, std::size_t count) {
    if (s.size() < from + count) return false;
    for (std::size_t i = from; i < from + count; ++i)
        if (!std::isdigit(static_cast<unsigned char>(s[i]))) return false;
    return true;
}

}  // namespace

std::string as_of_phrase(const std::string& as_of, const std::string& language) {
    const bool en = language == "en";
    const std::string figures = en ? "figures" : language == "nn" ? "tal" : "tall";
    if (as_of.size() == 4 && digits(as_of, 0, 4)) return figures + (en ? " for " : " for ") + as_of;
    if (!(as_of.size() == 7 || as_of.size() == 10) || !digits(as_of, 0, 4) || as_of[4] != '-' ||
        !digits(as_of, 5, 2))
        return {};
    const int month = std::stoi(as_of.substr(5, 2));
    if (month < 1 || month > 12) return {};
    const std::string year = as_of.substr(0, 4);
    const std::string month_name = en ? months_en[month - 1] : months_no[month - 1];
    std::string date = month_name + " " + year;
    if (as_of.size() == 10) {
        if (as_of[7] != '-' || !digits(as_of, 8, 2)) return {};
        const int day = std::stoi(as_of.substr(8, 2));
        if (day < 1 || day > 31) return {};
        // People write "31. oktober 2015" and "31 October 2015".
        date = std::to_string(day) + (en ? " " : ". ") + date;
    }
    return figures + (en ? " as of " : " per ") + date;
}

std::string source_line(const DataSource& source, const std::string& language) {
    return source_line(source, language, false, false);
}

std::string source_line(const DataSource& source, const std::string& language, bool licence,
                        bool link) {
    std::string line;
    auto add = [&](const std::string& part) {
        if (part.empty()) return;
        if (!line.empty()) line += ", ";
        line += part;
    };
    add(source.publisher);
    add(source.title(language));
    add(as_of_phrase(source.as_of, language));
    if (licence && !source.licence.empty())
        add((language == "en" ? "licence " : "lisens ") + source.licence);
    if (link) add(source.link);
    return line;
}

}  // namespace kdx::report
