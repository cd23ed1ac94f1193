// A block prepared for the page: measured once, then placed by the flow.
#pragma once

#include <string>

#include "page_flow.hpp"
#include "style.hpp"
#include "text_metrics.hpp"

namespace kdx::pdf {

// What every box needs to measure itself.
struct LayoutContext {
    TextMetrics& metrics;
    std::string language;  // "nb", "nn" or "en"
    double width = 0;      // the text column
};

class Box {
  public:
    virtual ~Box() = default;
    // The gap above the box; the flow drops it at the top of a page.
    virtual double gap_before() const { return style::block_gap; }
    // The gap below the box; the larger of it and the next box's gap is used.
    virtual double gap_after() const { return style::block_gap; }
    // The height of the part that must not be parted from a heading above it.
    virtual double lead_height() const = 0;
    // Places the box at the flow's position, starting new pages as needed.
    virtual void place(PageFlow& flow) = 0;
    // Tells a box which box follows it; headings keep with it.
    virtual void follow_with(const Box* /*next*/) {}
    // True for headings: the gap after them replaces the next box's gap.
    virtual bool is_heading() const { return false; }
};

}  // namespace kdx::pdf
