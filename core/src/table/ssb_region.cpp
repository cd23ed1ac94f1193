#include <algorithm>

#include "kdx/model.hpp"
#include "table/cell_value.hpp"
#include "table/fields.hpp"
#include "table/ssb.hpp"

namespace kdx::table_detail {

namespace {

bool is_digit(char c) { return c >= '0' && c <= '9'; }

std::size_t digits_at(std::string_view s, std::size_t i) {
    std::size_t n = 0;
    while (i + n < s.size() && is_digit(s[i + n])) ++n;
    return n;
}

// The label without SSB's note on when the region existed: "Halden (-2019)",
// "Halden (2020-2023)".
std::string_view without_validity(std::string_view t) {
    if (t.empty() || t.back() != ')') return t;
    std::size_t open = t.rfind('(');
    if (open == std::string_view::npos) return t;
    std::string_view inner = t.substr(open + 1, t.size() - open - 2);
    if (inner.empty() || !std::all_of(inner.begin(), inner.end(),
                                      [](char c) { return is_digit(c) || c == '-' || c == ' '; }))
        return t;
    return trim(t.substr(0, open));
}

// The name after a code and its separator (" ", " - ").
std::string name_after(std::string_view t, std::size_t i) {
    while (i < t.size() && (t[i] == ' ' || t[i] == '-' || t[i] == ':' || space_length(t, i) > 0))
        i += std::max<std::size_t>(1, space_length(t, i));
    return std::string(trim(t.substr(std::min(i, t.size()))));
}

SsbRegion region(SsbRegion::Kind kind, std::string number, std::string name) {
    SsbRegion r;
    r.kind = kind;
    r.number = std::move(number);
    r.name = std::move(name);
    return r;
}

// A code of `n` digits at `i` ends there: the text ends or a separator follows.
bool code_ends(std::string_view t, std::size_t end) {
    return end == t.size() || t[end] == ' ' || t[end] == '-' || space_length(t, end) > 0;
}

SsbRegion by_digits(std::string_view t, std::size_t at, char prefix) {
    std::size_t n = digits_at(t, at);
    if (n == 0 || !code_ends(t, at + n)) return {};
    std::string code(t.substr(at, n));
    std::string name = name_after(t, at + n);
    using K = SsbRegion::Kind;
    if (prefix == 'F' || (prefix == 0 && n == 2)) return region(K::county, code, name);
    if (prefix == 'K' || (prefix == 0 && (n == 3 || n == 4))) {
        if (n > 4 || code == "0000") return region(K::other, code, name);
        code = std::string(4 - n, '0') + code;
        return region(K::municipality, code, name);
    }
    if (prefix == 0 && n == 1 && code == "0") return region(K::country, whole_country, name);
    return region(K::other, code, name);
}

}  // namespace

SsbRegion ssb_region(std::string_view label) {
    std::string_view t = without_validity(trim(label));
    if (t.empty()) return {};
    using K = SsbRegion::Kind;
    // "EAK Hele landet": SSB's code for the whole country in its regional tables.
    if (t.substr(0, 3) == "EAK" && (t.size() == 3 || t[3] == ' '))
        return region(K::country, whole_country, name_after(t, 3));
    if (is_digit(t[0])) return by_digits(t, 0, 0);
    // "K-3001", "F-30"; other letter codes are regions the model does not keep.
    std::size_t letters = 0;
    while (letters < t.size() && t[letters] >= 'A' && t[letters] <= 'Z') ++letters;
    if (letters > 0 && letters + 1 < t.size() && t[letters] == '-' && is_digit(t[letters + 1])) {
        char prefix = letters == 1 ? t[0] : 'X';
        if (prefix != 'K' && prefix != 'F') prefix = 'X';
        SsbRegion r = by_digits(t, letters + 1, prefix);
        if (r.kind != K::none) return r;
    }
    std::string n = normalise_header(t);
    if (n == "hele landet" || n == "heile landet" || n == "norge" || n == "the whole country")
        return region(K::country, whole_country, std::string(t));
    return {};
}

bool is_statbank_title(std::string_view text) {
    std::string_view t = trim(text);
    return t.size() > 6 && digits_at(t, 0) == 5 && t[5] == ':';
}

}  // namespace kdx::table_detail
