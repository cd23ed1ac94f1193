// The page's look: one stylesheet, inlined in every page, and the palette the
// charts share with it. Text colours keep a contrast of at least 4.5:1 with
// their background (WCAG 2.1 AA, 1.4.3), chart colours 3:1 with white (1.4.11).
#pragma once

#include <array>

namespace kdx::html {

namespace palette {
inline constexpr const char* text = "#1a1a1f";    // 17.3:1 on white
inline constexpr const char* muted = "#5c616b";   // 6.2:1 on white, 5.5:1 on the key-figure fill
inline constexpr const char* accent = "#17344f";  // 12.8:1, the headings' navy (as in the PDF)
inline constexpr const char* axis = "#5c616b";
inline constexpr const char* grid = "#d1d4d9";  // decorative: no contrast needed
// Series: navy, orange, blue, purple: 12.8, 4.6, 3.5 and 7.1:1 with white,
// and far apart in lightness so that they stay apart in grey.
inline constexpr std::array<const char*, 4> series{{"#17344f", "#c25400", "#4f8fc0", "#7f3d8c"}};
}  // namespace palette

// The stylesheet: screen and print (@media print: A4, page breaks where the
// Document asks, table headers repeated, no box split across pages).
const char* stylesheet();

}  // namespace kdx::html
