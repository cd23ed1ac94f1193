#include "page_flow.hpp"

#include "style.hpp"

namespace kdx::pdf {

PageFlow::PageFlow(PageSize size)
    : left_(style::margin_left),
      right_(size.width - style::margin_right),
      top_(size.height - style::margin_top),
      bottom_(style::margin_bottom),
      y_(top_) {
    list_.size = size;
    list_.pages.emplace_back();
}

void PageFlow::new_page() {
    list_.pages.emplace_back();
    y_ = top_;
}

void PageFlow::keep(double height) {
    if (!at_top() && height > remaining()) new_page();
}

void PageFlow::space(double gap) {
    if (at_top()) return;
    if (gap >= remaining()) {
        new_page();
        return;
    }
    y_ -= gap;
}

void PageFlow::text(double x, double baseline, std::string text, FontStyle style, double size,
                    Color color) {
    if (text.empty()) return;
    add(TextItem{x, baseline, std::move(text), style, size, color});
}

void PageFlow::line(const Line& line, double x, double baseline, double size, Color color) {
    for (const Fragment& f : line.fragments) text(x + f.x, baseline, f.text, f.style, size, color);
}

void PageFlow::rect(double x, double y, double width, double height, Color fill) {
    add(RectItem{x, y, width, height, fill, std::nullopt, 0});
}

void PageFlow::rule(double x1, double x2, double y, double width, Color color) {
    PathItem p;
    p.points = {{x1, y}, {x2, y}};
    p.stroke = color;
    p.line_width = width;
    add(std::move(p));
}

void PageFlow::bookmark(int level, std::string title) {
    list_.bookmarks.push_back({level, std::move(title), page_index(), y_});
}

}  // namespace kdx::pdf
