#include "xml_text.hpp"

#include <charconv>
#include <cmath>
#include <cstdio>
#include <limits>

#include "kdx/utf8.hpp"

namespace kdx::xml {

namespace {

bool is_digit(char c) { return c >= '0' && c <= '9'; }

bool is_xml_char(char32_t cp) {
    if (cp < 0x20) return cp == '\t' || cp == '\n' || cp == '\r';
    return cp != 0xFFFE && cp != 0xFFFF;
}

}  // namespace

std::string_view trim(std::string_view text) {
    constexpr std::string_view ws = " \t\r\n";
    std::size_t first = text.find_first_not_of(ws);
    if (first == std::string_view::npos) return {};
    return text.substr(first, text.find_last_not_of(ws) - first + 1);
}

std::optional<Value> parse_value(std::string_view text) {
    text = trim(text);
    if (text == ":") return Value::suppressed();
    if (text.empty()) return std::nullopt;
    // xs:decimal: an optional sign, digits with at most one point, at least one digit.
    std::size_t i = 0, digits = 0;
    bool point = false;
    if (i < text.size() && (text[i] == '+' || text[i] == '-')) ++i;
    std::size_t start = text[0] == '+' ? 1 : 0;  // from_chars takes no '+'
    for (; i < text.size(); ++i) {
        if (is_digit(text[i]))
            ++digits;
        else if (text[i] == '.' && !point)
            point = true;
        else
            return std::nullopt;
    }
    if (digits == 0) return std::nullopt;
    double number = 0;
    auto result = std::from_chars(text.data() + start, text.data() + text.size(), number,
                                  std::chars_format::fixed);
    if (result.ec != std::errc() || result.ptr != text.data() + text.size() ||
        !std::isfinite(number))
        return std::nullopt;
    return Value(number);
}

std::optional<std::string> format_value(const Value& v) {
    if (v.has_value() && !std::isfinite(v.get())) return std::nullopt;
    std::string text = to_string(v);
    if (text.find('e') == std::string::npos) return text;
    // The shortest fixed notation that reads back as the same double.
    char buffer[400];
    auto result = std::to_chars(buffer, buffer + sizeof buffer, v.get(), std::chars_format::fixed);
    if (result.ec != std::errc()) return std::nullopt;
    return std::string(buffer, result.ptr);
}

std::optional<int> parse_year(std::string_view text) {
    text = trim(text);
    if (!is_digits(text, 4)) return std::nullopt;
    return (text[0] - '0') * 1000 + (text[1] - '0') * 100 + (text[2] - '0') * 10 + (text[3] - '0');
}

std::optional<std::int64_t> parse_integer(std::string_view text) {
    text = trim(text);
    if (!text.empty() && text[0] == '+') text.remove_prefix(1);
    if (text.empty() || (text[0] == '-' && text.size() == 1)) return std::nullopt;
    std::int64_t number = 0;
    auto result = std::from_chars(text.data(), text.data() + text.size(), number);
    if (result.ec != std::errc() || result.ptr != text.data() + text.size()) return std::nullopt;
    return number;
}

std::optional<bool> parse_boolean(std::string_view text) {
    text = trim(text);
    if (text == "true" || text == "1") return true;
    if (text == "false" || text == "0") return false;
    return std::nullopt;
}

bool is_date(std::string_view text) {
    text = trim(text);
    if (text.size() != 10 || text[4] != '-' || text[7] != '-') return false;
    if (!is_digits(text.substr(0, 4), 4) || !is_digits(text.substr(5, 2), 2) ||
        !is_digits(text.substr(8, 2), 2))
        return false;
    int year = std::stoi(std::string(text.substr(0, 4)));
    int month = std::stoi(std::string(text.substr(5, 2)));
    int day = std::stoi(std::string(text.substr(8, 2)));
    static constexpr int days[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    if (month < 1 || month > 12 || day < 1) return false;
    bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
    return day <= days[month - 1] + (month == 2 && leap ? 1 : 0);
}

bool is_digits(std::string_view text, std::size_t count) {
    if (text.size() != count) return false;
    for (char c : text)
        if (!is_digit(c)) return false;
    return true;
}

std::size_t invalid_character_at(std::string_view text) {
    for (std::size_t i = 0; i < text.size();) {
        const utf8::Sequence q = utf8::decode(text, i);
        if (!q.valid || !is_xml_char(q.code_point)) return i;
        i += q.length;
    }
    return std::string_view::npos;
}

std::string describe_character_at(std::string_view text, std::size_t offset) {
    const utf8::Sequence q = utf8::decode(text, offset);
    if (q.valid) return utf8::code_point_name(q.code_point);
    char buffer[32];
    std::snprintf(buffer, sizeof buffer, "byte 0x%02X",
                  static_cast<unsigned>(static_cast<unsigned char>(text[offset])));
    return buffer;
}

std::size_t character_count(std::string_view text) { return utf8::count(text); }

}  // namespace kdx::xml
