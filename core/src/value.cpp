#include "kdx/value.hpp"

#include <charconv>
#include <cmath>
#include <cstdint>
#include <string_view>

namespace kdx {

bool Value::is_whole() const noexcept {
    return has_value() && std::isfinite(number_) && std::floor(number_) == number_;
}

namespace {

// The text std::to_chars gives a whole number below 2^53 in size, written
// directly (counts are most figures, and to_chars is several times slower);
// empty when to_chars would write it in exponent form ("1e+05").
std::string_view whole_text(double number, char (&buffer)[32]) {
    if (!(number > -9007199254740992.0 && number < 9007199254740992.0) ||
        number != std::floor(number))
        return {};
    std::uint64_t n = static_cast<std::uint64_t>(number < 0 ? -number : number);
    char* end = buffer + sizeof buffer;
    char* p = end;
    do {
        *--p = static_cast<char>('0' + n % 10);
        n /= 10;
    } while (n != 0);
    // to_chars takes the shorter of the plain and the exponent form, the
    // plain one on a tie: "100000" (6) loses to "1e+05" (5).
    const std::size_t digits = static_cast<std::size_t>(end - p);
    std::size_t zeros = 0;
    while (zeros + 1 < digits && end[-1 - static_cast<std::ptrdiff_t>(zeros)] == '0') ++zeros;
    const std::size_t significant = digits - zeros;
    const std::size_t exponent = digits - 1;
    const std::size_t exponent_form =
        significant + (significant > 1 ? 1 : 0) + 2 + (exponent < 100 ? 2 : 3);
    if (digits > exponent_form) return {};
    if (number < 0) *--p = '-';
    return {p, static_cast<std::size_t>(end - p)};
}

}  // namespace

std::string to_string(const Value& v) {
    if (v.is_missing()) return {};
    if (v.is_suppressed()) return ":";
    char buffer[32];
    double number = v.get();
    if (number == 0) number = 0;  // no "-0"
    if (std::string_view whole = whole_text(number, buffer); !whole.empty())
        return std::string(whole);
    auto result = std::to_chars(buffer, buffer + sizeof buffer, number);
    return std::string(buffer, result.ptr);
}

}  // namespace kdx
