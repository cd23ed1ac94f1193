#include "kdx/value.hpp"

#include <charconv>
#include <cmath>

namespace kdx {

bool Value::is_whole() const noexcept {
    return has_value() && std::isfinite(number_) && std::floor(number_) == number_;
}

std::string to_string(const Value& v) {
    if (v.is_missing()) return {};
    if (v.is_suppressed()) return ":";
    char buffer[32];
    double number = v.get();
    if (number == 0) number = 0;  // no "-0"
    auto result = std::to_chars(buffer, buffer + sizeof buffer, number);
    return std::string(buffer, result.ptr);
}

}  // namespace kdx
