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

void PageFlow::add(Item item) {
    const std::size_t e = open_.back();
    std::visit([&](auto& i) { i.element = e; }, item);
    auto& items = list_.pages.back().items;
    if (e != artifact) {
        // A new marked-content sequence unless the item continues one.
        bool continues = false;
        if (!items.empty())
            std::visit([&](const auto& last) { continues = last.element == e; }, items.back());
        if (!continues) list_.elements[e].kids.push_back({false, 0, page_index(), items.size()});
    }
    items.push_back(std::move(item));
}

std::size_t PageFlow::open(std::string type) {
    const std::size_t parent = open_.back();
    StructElement e;
    e.type = std::move(type);
    e.parent = parent;
    list_.elements.push_back(std::move(e));
    const std::size_t index = list_.elements.size() - 1;
    list_.elements[parent].kids.push_back({true, index, 0, 0});
    open_.push_back(index);
    return index;
}

void PageFlow::text(double x, double baseline, std::string text, FontStyle style, double size,
                    Color color) {
    if (text.empty()) return;
    add(TextItem{x, baseline, std::move(text), style, size, color});
}

void PageFlow::line(const Line& line, double x, double baseline, double size, Color color) {
    for (const Fragment& f : line.fragments) {
        // Words in another language are a Span with its /Lang (ISO 32000-1,
        // 14.9.2), except where nobody reads them: in artifacts, and inside a
        // Figure, which is read by its Alt.
        const std::size_t e = open_.back();
        if (f.language.empty() || e == artifact || list_.elements[e].type == "Figure") {
            text(x + f.x, baseline, f.text, f.style, size, color);
            continue;
        }
        element(open("Span")).lang = f.language;
        text(x + f.x, baseline, f.text, f.style, size, color);
        close();
    }
}

void PageFlow::rect(double x, double y, double width, double height, Color fill) {
    list_.pages.back().items.push_back(RectItem{x, y, width, height, fill, std::nullopt, 0});
}

void PageFlow::rule(double x1, double x2, double y, double width, Color color) {
    PathItem p;
    p.points = {{x1, y}, {x2, y}};
    p.stroke = color;
    p.line_width = width;
    list_.pages.back().items.push_back(std::move(p));
}

void PageFlow::bookmark(int level, std::string title) {
    list_.bookmarks.push_back({level, std::move(title), page_index(), y_});
}

}  // namespace kdx::pdf
