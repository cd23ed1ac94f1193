#include "content_stream.hpp"

#include <cmath>
#include <cstdint>
#include <cstdio>

namespace kdx::pdf {

void append_fixed(std::string& out, double value) {
    const double magnitude = std::fabs(value);
    // Below a million the product's rounding error (under 1e-7) can only
    // matter at a tie, which printf settles on the exact binary value.
    const double scaled = magnitude * 1000.0;
    const double whole = std::floor(scaled);
    const double fraction = scaled - whole;
    if (!(magnitude < 1e6) || std::fabs(fraction - 0.5) < 1e-6) {
        char text[64];
        const int n = std::snprintf(text, sizeof text, "%.3f", value);
        out.append(text, static_cast<std::size_t>(n));
        return;
    }
    auto thousandths = static_cast<std::uint64_t>(whole) + (fraction > 0.5 ? 1 : 0);
    char text[32];
    char* end = text + sizeof text;
    char* p = end;
    for (int i = 0; i < 3; ++i) {
        *--p = static_cast<char>('0' + thousandths % 10);
        thousandths /= 10;
    }
    *--p = '.';
    do {
        *--p = static_cast<char>('0' + thousandths % 10);
        thousandths /= 10;
    } while (thousandths);
    if (std::signbit(value)) *--p = '-';
    out.append(p, static_cast<std::size_t>(end - p));
}

}  // namespace kdx::pdf
