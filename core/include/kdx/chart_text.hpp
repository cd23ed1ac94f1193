// A chart in words, for readers who cannot see it. Every renderer that draws
// a chart gives it the same text (the PDF as a Figure's Alt, HTML as an SVG
// description), so a screen reader hears one report whatever the format.
#pragma once

#include <string>

#include "kdx/document.hpp"

namespace kdx {

// What `chart` shows, in words of `language` ("nb", "nn" or "en"):
// "Stolpediagram: <title> (<series>). <category>: <values>." for each
// category; without a title "<series> <first>–<last category>". Values are
// formatted as format_value does; a suppressed one reads "skjult"
// ("suppressed"), a missing one "mangler" ("manglar", "missing").
std::string chart_alt_text(const Chart& chart, const std::string& language);

}  // namespace kdx
