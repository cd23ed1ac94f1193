// A Chart as inline SVG that a screen reader can read: role="img", a title,
// and a description made from the data (kdx::chart_alt_text, the words the
// PDF gives its Figure), with the figures also as a table beside it.
#pragma once

#include <string>

#include "html_text.hpp"
#include "kdx/document.hpp"

namespace kdx::html {

enum class ChartTable { collapsed, open, none };

// `id` is unique in the page ("chart-2"); `language` is "nb", "nn" or "en".
std::string chart_html(const Chart& chart, const std::string& id, const std::string& language,
                       ChartTable table, HtmlText& text, const std::string& where);

}  // namespace kdx::html
