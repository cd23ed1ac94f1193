// Boxes of running text: the title block, headings, paragraphs, the notes at
// the end, and page breaks.
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "box.hpp"
#include "kdx/document.hpp"

namespace kdx::pdf {

// Title, subtitle and a line with author and date; the outline's root.
std::unique_ptr<Box> make_title(const DocumentInfo& info, LayoutContext& context);
// A heading kept on the page of what follows it, and an outline entry.
std::unique_ptr<Box> make_heading(const Heading& heading, LayoutContext& context);
// Body text that flows across pages without widows or orphans; emphasis in italics.
std::unique_ptr<Box> make_paragraph(const Paragraph& paragraph, LayoutContext& context,
                                    const std::string& where);
// The document's notes and its sources, in small type after the last block.
std::unique_ptr<Box> make_notes(const std::vector<std::string>& notes,
                                const std::vector<std::string>& sources, LayoutContext& context);
std::unique_ptr<Box> make_page_break();

// Lines of small text of one style, as tables, charts and notes use them.
std::vector<Line> small_lines(const std::string& text, FontStyle style, double size, double width,
                              LayoutContext& context, const std::string& where);

}  // namespace kdx::pdf
