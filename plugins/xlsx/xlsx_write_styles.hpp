// The cell styles datasets and documents share, and the write options.
#pragma once

#include <cstddef>
#include <string>

#include "kdx/format.hpp"
#include "kdx/model.hpp"
#include "xlsx_write_book.hpp"

namespace kdx::xlsx {

// Values are written as they are in kdx (12.5 for 12.5 %), so the cell holds
// the same number the dataset does; the unit is part of the format only.
// `#,##0` shows the reader's own thousands separator ("1 234" in Norway).
inline CellStyle unit_style(Unit unit, int decimals = -1) {
    CellStyle s;
    auto fixed = [&](int d, const char* suffix, std::size_t suffix_chars, bool grouped) {
        s.code = grouped ? "#,##0" : "0";
        if (d > 0) s.code += "." + std::string(static_cast<std::size_t>(d), '0');
        s.code += suffix;
        s.decimals = d;
        s.grouped = grouped;
        s.suffix = suffix_chars;
    };
    switch (unit) {
        case Unit::persons:
            fixed(decimals < 0 ? 0 : decimals, "", 0, true);
            break;
        case Unit::percent:
            fixed(decimals < 0 ? 1 : decimals, "\" %\"", 2, true);
            break;
        case Unit::per_mille:
            fixed(decimals < 0 ? 1 : decimals, "\" ‰\"", 2, true);
            break;
        case Unit::nok:
            fixed(decimals < 0 ? 0 : decimals, "\" kr\"", 3, true);
            break;
        case Unit::years:
            fixed(decimals < 0 ? 1 : decimals, "", 0, true);
            break;
        case Unit::other:
            if (decimals >= 0) fixed(decimals, "", 0, true);
            break;
    }
    return s;
}

// A year or other whole number shown without a thousands separator.
inline CellStyle year_style() {
    CellStyle s;
    s.code = "0";
    return s;
}

inline CellStyle header_style() {
    CellStyle s;
    s.bold = true;
    s.border_below = true;
    return s;
}

inline CellStyle title_style(double size = 14) {
    CellStyle s;
    s.bold = true;
    s.size = size;
    return s;
}

inline CellStyle italic_style() {
    CellStyle s;
    s.italic = true;
    return s;
}

// Datasets with more records than this are written in constant-memory mode
// when the option constant-memory is "auto".
inline constexpr std::size_t constant_memory_rows = 100000;

// Checks the option names and values; fills constant_memory (given the
// largest sheet's row count) and invalid_text. Throws kdx::Error.
void apply_options(const Options& options, std::size_t largest_sheet, BookSettings& settings);

}  // namespace kdx::xlsx
