// Bar and line charts drawn as vectors: axes, ticks, labels, a legend, and
// gaps where a value is missing or suppressed.
#pragma once

#include <memory>

#include "box.hpp"
#include "kdx/document.hpp"

namespace kdx::pdf {

// What the chart shows, in words of `language` ("nb", "nn" or "en"), for a
// screen reader: "Stolpediagram: <title> (<series>). <category>: <values>."
// for each category; without a title "<series> <first>–<last category>".
std::string chart_alt_text(const Chart& chart, const std::string& language);

std::unique_ptr<Box> make_chart(const Chart& chart, LayoutContext& context,
                                const std::string& where);

}  // namespace kdx::pdf
