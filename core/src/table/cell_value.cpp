#include "table/cell_value.hpp"

#include <algorithm>
#include <cctype>
#include <charconv>
#include <cmath>

namespace kdx::table_detail {

namespace {

// Byte length of a space character ending just before `end` (0 when none).
std::size_t space_before(std::string_view s, std::size_t end) {
    for (std::size_t n = 1; n <= 3 && n <= end; ++n)
        if (space_length(s, end - n) == n) return n;
    return 0;
}

bool ends_with(std::string_view s, std::string_view suffix) {
    return s.size() >= suffix.size() && s.substr(s.size() - suffix.size()) == suffix;
}

bool equal_ignoring_case(std::string_view a, std::string_view b) {
    if (a.size() != b.size()) return false;
    for (std::size_t i = 0; i < a.size(); ++i) {
        unsigned char x = static_cast<unsigned char>(a[i]);
        unsigned char y = static_cast<unsigned char>(b[i]);
        if (x < 0x80) x = static_cast<unsigned char>(std::tolower(x));
        if (y < 0x80) y = static_cast<unsigned char>(std::tolower(y));
        if (x != y) return false;
    }
    return true;
}

// The digits of a number body with its group separators checked: groups after
// the first hold exactly three digits. Returns false for anything else.
bool collect_digits(std::string_view body, char decimal, char group, std::string& out) {
    std::string integer, fraction;
    std::vector<std::size_t> groups{0};
    bool in_fraction = false;
    for (std::size_t i = 0; i < body.size();) {
        char c = body[i];
        if (c >= '0' && c <= '9') {
            (in_fraction ? fraction : integer) += c;
            if (!in_fraction) ++groups.back();
            ++i;
        } else if (c == decimal && !in_fraction) {
            in_fraction = true;
            ++i;
        } else if (std::size_t n = (c == group ? 1 : space_length(body, i));
                   n > 0 && !in_fraction) {
            if (groups.back() == 0) return false;  // two separators in a row, or a leading one
            groups.push_back(0);
            i += n;
        } else {
            return false;
        }
    }
    if (integer.empty() && fraction.empty()) return false;
    if (in_fraction && fraction.empty()) return false;
    if (groups.size() > 1) {
        if (groups.front() > 3) return false;
        for (std::size_t g = 1; g < groups.size(); ++g)
            if (groups[g] != 3) return false;
    }
    out = (integer.empty() ? "0" : integer) + (fraction.empty() ? "" : "." + fraction);
    return true;
}

Reading fails(std::string what) {
    Reading r;
    r.expected = std::move(what);
    return r;
}

}  // namespace

std::size_t space_length(std::string_view s, std::size_t i) {
    if (i >= s.size()) return 0;
    auto byte = [&](std::size_t k) { return k < s.size() ? static_cast<unsigned char>(s[k]) : 0u; };
    unsigned c = byte(i);
    if (c == ' ' || c == '\t' || c == '\r' || c == '\n') return 1;
    if (c == 0xC2 && byte(i + 1) == 0xA0) return 2;  // U+00A0 no-break space
    // U+2007 figure space, U+2009 thin space, U+202F narrow no-break space
    if (c == 0xE2 && byte(i + 1) == 0x80) {
        unsigned d = byte(i + 2);
        if (d == 0x87 || d == 0x89 || d == 0xAF) return 3;
    }
    return 0;
}

std::string_view trim(std::string_view text) {
    std::size_t begin = 0, end = text.size();
    while (std::size_t n = space_length(text, begin)) begin += n;
    while (end > begin)
        if (std::size_t n = space_before(text, end); n > 0 && end - n >= begin)
            end -= n;
        else
            break;
    return text.substr(begin, end - begin);
}

std::string shown(const Cell& cell) {
    if (!cell.text.empty()) return cell.text;
    switch (cell.type) {
        case Cell::Type::number:
            return to_string(Value(cell.number));
        case Cell::Type::boolean:
            return cell.number != 0 ? "TRUE" : "FALSE";
        default:
            return {};
    }
}

std::string expected_found(const std::string& what, const Cell& cell) {
    std::string found;
    if (is_blank(cell))
        found = "nothing";
    else if (cell.type == Cell::Type::date)
        found = "the date \"" + shown(cell) + "\"";
    else if (cell.type == Cell::Type::error)
        found = "the error \"" + shown(cell) + "\"";
    else
        found = "\"" + shown(cell) + "\"";
    return "expected " + what + ", found " + found;
}

bool is_blank(const Cell& cell) {
    return cell.type == Cell::Type::empty ||
           (cell.type == Cell::Type::text && trim(cell.text).empty());
}

bool is_marker(std::string_view text, const std::vector<std::string>& markers) {
    std::string_view t = trim(text);
    return std::any_of(markers.begin(), markers.end(),
                       [&](const std::string& m) { return equal_ignoring_case(t, m); });
}

std::optional<double> parse_number(std::string_view text, DecimalMark decimal, Mark* mark) {
    std::string_view s = trim(text);
    Mark found_mark = Mark::none;
    if (ends_with(s, "%")) {
        found_mark = Mark::percent;
        s = trim(s.substr(0, s.size() - 1));
    } else if (ends_with(s, "\u2030")) {
        found_mark = Mark::per_mille;
        s = trim(s.substr(0, s.size() - 3));
    }
    bool negative = false;
    if (!s.empty() && (s[0] == '-' || s[0] == '+')) {
        negative = s[0] == '-';
        s.remove_prefix(1);
    } else if (s.substr(0, 3) == "\u2212") {
        negative = true;
        s.remove_prefix(3);
    }
    if (s.empty() ||
        !(std::isdigit(static_cast<unsigned char>(s[0])) || s[0] == ',' || s[0] == '.'))
        return std::nullopt;

    auto commas = std::count(s.begin(), s.end(), ',');
    auto points = std::count(s.begin(), s.end(), '.');
    char dec = '.', group = ',';
    switch (decimal) {
        case DecimalMark::comma:
            dec = ',', group = '.';
            break;
        case DecimalMark::point:
            dec = '.', group = ',';
            break;
        case DecimalMark::automatic:
            // Norwegian first: a lone comma is a decimal comma. With both marks
            // the last one is the decimal mark; a repeated mark can only group.
            if (commas > 0 && points > 0)
                s.rfind(',') > s.rfind('.') ? (dec = ',', group = '.') : (dec = '.', group = ',');
            else if (commas > 1)
                dec = '.', group = ',';
            else if (points > 1)
                dec = ',', group = '.';
            else if (commas == 1)
                dec = ',', group = '.';
            break;
    }
    std::string digits;
    if (!collect_digits(s, dec, group, digits)) return std::nullopt;
    double value = 0;
    auto result = std::from_chars(digits.data(), digits.data() + digits.size(), value);
    if (result.ec != std::errc() || result.ptr != digits.data() + digits.size())
        return std::nullopt;
    if (mark) *mark = found_mark;
    return negative ? -value : value;
}

std::optional<Symbols> symbols_named(std::string_view name) {
    std::string n;
    for (char c : trim(name)) n += static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
    if (n == "kdx") return Symbols::kdx;
    if (n == "ssb") return Symbols::ssb;
    if (n == "imdi") return Symbols::imdi;
    return std::nullopt;
}

const char* symbols_name(Symbols symbols) {
    switch (symbols) {
        case Symbols::ssb:
            return "ssb";
        case Symbols::imdi:
            return "imdi";
        case Symbols::kdx:
            break;
    }
    return "kdx";
}

ValueRules symbol_rules(Symbols symbols) {
    ValueRules r;
    switch (symbols) {
        case Symbols::kdx:
            break;
        case Symbols::ssb:
            // ".." not available, "..." not yet available, "." not applicable:
            // none is a figure. ":" is withheld; "-" is nil, exactly zero.
            r.missing = {"..", "...", "."};
            r.suppressed = {":"};
            r.zero = {"-", "\u2013", "\u2014"};
            break;
        case Symbols::imdi:
            // IMDi writes "." where a figure does not exist (no decision
            // registered, no three-year figure yet) and "NULL" for an empty
            // id; its county totals show such cells hold nothing.
            r.missing = {".", "..", "...", "-", "\u2013", "\u2014", "NULL"};
            r.suppressed = {":"};
            break;
    }
    return r;
}

Reading read_number(const Cell& cell, const ValueRules& rules) {
    switch (cell.type) {
        case Cell::Type::empty:
            return {};
        case Cell::Type::number: {
            Reading r;
            r.value = Value(cell.number);
            // A percent-formatted cell: its number is already in percent (table.hpp).
            if (ends_with(cell.text, "%")) r.mark = Mark::percent;
            return r;
        }
        case Cell::Type::text:
            break;
        default:
            return fails("a number");
    }
    std::string_view t = trim(cell.text);
    Reading r;
    if (t.empty() || is_marker(t, rules.missing)) return r;
    if (is_marker(t, rules.suppressed)) {
        r.value = Value::suppressed();
        return r;
    }
    if (is_marker(t, rules.zero)) {
        r.value = Value(0);
        return r;
    }
    auto number = parse_number(t, rules.decimal, &r.mark);
    if (!number) return fails("a number");
    r.value = Value(*number);
    return r;
}

Reading read_count(const Cell& cell, const ValueRules& rules) {
    Reading r = read_number(cell, rules);
    if (!r) return fails("a whole number");
    if (!r.value.has_value()) return r;
    if (r.mark != Mark::none || !r.value.is_whole()) return fails("a whole number");
    if (r.value.get() < 0) return fails("a whole number of 0 or more");
    return r;
}

std::optional<int> read_year(const Cell& cell) {
    double year = 0;
    if (cell.type == Cell::Type::number) {
        year = cell.number;
    } else if (cell.type == Cell::Type::text) {
        std::string_view t = trim(cell.text);
        if (t.size() != 4 ||
            !std::all_of(t.begin(), t.end(), [](char c) { return c >= '0' && c <= '9'; }))
            return std::nullopt;
        year = std::stoi(std::string(t));
    } else {
        return std::nullopt;
    }
    if (!(year >= 1900 && year <= 2100) || std::floor(year) != year) return std::nullopt;
    return static_cast<int>(year);
}

}  // namespace kdx::table_detail
