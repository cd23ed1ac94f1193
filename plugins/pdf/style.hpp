// The house style of kdx's PDF reports: sizes in points and colours. One
// place, so that every block agrees on the type scale and the palette.
#pragma once

#include <array>
#include <cstddef>

#include "display_list.hpp"

namespace kdx::pdf::style {

// Type sizes and their line heights.
inline constexpr double body_size = 10, body_leading = 14.5;
inline constexpr double title_size = 22, title_leading = 27;
inline constexpr double subtitle_size = 13, subtitle_leading = 17;
inline constexpr double h1_size = 15, h1_leading = 19;
inline constexpr double h2_size = 12, h2_leading = 16;
inline constexpr double h3_size = 10.5, h3_leading = 14.5;
inline constexpr double small_size = 8, small_leading = 11;
inline constexpr double table_size = 8.5, table_leading = 11.5;
inline constexpr double caption_size = 9.5, caption_leading = 13;
inline constexpr double figure_size = 17;

// Vertical rhythm.
inline constexpr double paragraph_gap = 7;
inline constexpr double block_gap = 14;
inline constexpr double heading_gap_before = 16, heading_gap_after = 6;
// A last page with fewer lines than this is a short tail: the layout
// tightens or keeps it with the blocks before it.
inline constexpr std::size_t min_lines_on_last_page = 8;

// Page furniture.
inline constexpr double margin_left = 62, margin_right = 62;
inline constexpr double margin_top = 70, margin_bottom = 66;
inline constexpr double header_offset = 36, footer_offset = 38;

inline constexpr Color text{0.10, 0.10, 0.12};
inline constexpr Color muted{0.36, 0.38, 0.42};
inline constexpr Color accent{0.09, 0.20, 0.31};  // #17344f, the headings' navy
inline constexpr Color rule{0.70, 0.72, 0.75};
inline constexpr Color light_rule{0.82, 0.83, 0.85};
inline constexpr Color header_fill{0.90, 0.92, 0.95};
inline constexpr Color total_fill{0.94, 0.94, 0.95};
inline constexpr Color box_fill{0.93, 0.95, 0.97};

// Series colours far apart in lightness (CIE L* 21, 55, 79, 37), so that bars
// stay apart when printed in grey.
inline constexpr std::array<Color, 4> bar_colors{
    {{0.09, 0.20, 0.31}, {0.85, 0.37, 0.01}, {0.65, 0.78, 0.91}, {0.50, 0.24, 0.55}}};
// Lines need more contrast against white; they also differ in dash and marker.
inline constexpr std::array<Color, 4> line_colors{
    {{0.09, 0.20, 0.31}, {0.85, 0.37, 0.01}, {0.31, 0.56, 0.75}, {0.50, 0.24, 0.55}}};

}  // namespace kdx::pdf::style
