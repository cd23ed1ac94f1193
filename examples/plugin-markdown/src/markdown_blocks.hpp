// The blocks of a kdx Document as Markdown text.
#pragma once

#include <kdx/document.hpp>
#include <string>

namespace markdown {

struct Style {
    int heading_offset = 0;    // added to every heading level (1 makes sections "##")
    bool chart_tables = true;  // a chart as the table of its figures; else its title only
};

// Text with Markdown's special characters escaped, so that a name such as
// "Nord-Odal *" or a "|" in a cell is shown as written.
std::string escape(const std::string& text);

// The whole document: title, blocks, notes and sources.
std::string render(const kdx::Document& document, const Style& style);

}  // namespace markdown
