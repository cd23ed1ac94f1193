// A whole Document as one self-contained HTML5 page: metadata in the head, the
// stylesheet inline, no script and nothing fetched from the network.
#pragma once

#include <string>

#include "html_chart.hpp"
#include "html_text.hpp"
#include "kdx/document.hpp"

namespace kdx::html {

struct PageOptions {
    ChartTable chart_table = ChartTable::collapsed;
    std::string date;  // YYYY-MM-DD when the Document has none (from SOURCE_DATE_EPOCH)
};

// The page; the same bytes for the same Document and options.
std::string page_html(const Document& document, const PageOptions& options, HtmlText& text);

}  // namespace kdx::html
