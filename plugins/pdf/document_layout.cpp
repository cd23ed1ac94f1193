#include "document_layout.hpp"

#include <algorithm>
#include <cmath>
#include <memory>
#include <vector>

#include "chart_box.hpp"
#include "kdx/utf8.hpp"
#include "key_figures_box.hpp"
#include "labels.hpp"
#include "table_box.hpp"
#include "text_boxes.hpp"

namespace kdx::pdf {

namespace {

std::unique_ptr<Box> box_for(const Block& block, std::size_t index, LayoutContext& c) {
    const std::string where = "block " + std::to_string(index + 1);
    return std::visit(
        [&](const auto& b) -> std::unique_ptr<Box> {
            using T = std::decay_t<decltype(b)>;
            if constexpr (std::is_same_v<T, Heading>)
                return make_heading(b, c);
            else if constexpr (std::is_same_v<T, Paragraph>)
                return make_paragraph(b, c, where + " (paragraph)");
            else if constexpr (std::is_same_v<T, KeyFigures>)
                return make_key_figures(b, c, where + " (key figures)");
            else if constexpr (std::is_same_v<T, Table>)
                return make_table(b, c, where + " (table)");
            else if constexpr (std::is_same_v<T, Chart>)
                return make_chart(b, c, where + " (chart)");
            else
                return make_page_break();
        },
        block);
}

// Title in the header from page 2 on; author and "n av m" in every footer.
void add_page_frame(DisplayList& list, const DocumentInfo& info, TextMetrics& metrics,
                    const std::string& language) {
    const double left = style::margin_left, right = list.size.width - style::margin_right;
    const double size = 7.5;
    std::string title = metrics.checked(info.title, FontStyle::regular, "the running header");
    std::string author = metrics.checked(info.author, FontStyle::regular, "the running footer");
    // A title too long for the header is cut at a word and marked with an ellipsis.
    const double room = right - left;
    if (metrics.width(title, FontStyle::regular, size) > room) {
        std::string ellipsis = metrics.checked("\u2026", FontStyle::regular, "the running header");
        while (!title.empty() && metrics.width(title + ellipsis, FontStyle::regular, size) > room) {
            std::size_t space = title.rfind(' ');
            if (space != std::string::npos && space > 0) {
                title.erase(space);
            } else {
                // No word left to drop: drop the last character, not half of one.
                title.erase(utf8::boundary_before(title, title.size() - 1));
            }
        }
        title += ellipsis;
    }
    const std::size_t n = list.pages.size();
    for (std::size_t i = 0; i < n; ++i) {
        auto& items = list.pages[i].items;
        const double header_y = list.size.height - style::header_offset;
        if (i > 0 && !title.empty()) {
            items.push_back(
                TextItem{left, header_y, title, FontStyle::regular, size, style::muted});
            PathItem rule;
            rule.points = {{left, header_y - 5}, {right, header_y - 5}};
            rule.stroke = style::light_rule;
            rule.line_width = 0.5;
            items.push_back(std::move(rule));
        }
        const double footer_y = style::footer_offset;
        if (!author.empty())
            items.push_back(
                TextItem{left, footer_y, author, FontStyle::regular, size, style::muted});
        std::string number = page_of(i + 1, n, language);
        double w = metrics.width(number, FontStyle::regular, size);
        items.push_back(
            TextItem{right - w, footer_y, number, FontStyle::regular, size, style::muted});
    }
}

}  // namespace

namespace {

// How the boxes are placed: the gaps between blocks scaled by `gap_scale`,
// and a new page started before box `break_before` (none when 0).
// `reserve` is left free at the foot of page `reserve_page`.
DisplayList place_boxes(const std::vector<std::unique_ptr<Box>>& boxes, PageSize size,
                        double gap_scale, std::size_t break_before,
                        std::vector<std::size_t>* first_page, std::size_t reserve_page = 0,
                        double reserve = 0) {
    PageFlow flow(size);
    if (reserve > 0) flow.reserve(reserve_page, reserve);
    for (std::size_t i = 0; i < boxes.size(); ++i) {
        if (i > 0) {
            const Box& before = *boxes[i - 1];
            flow.space(gap_scale * (before.is_heading()
                                        ? style::heading_gap_after
                                        : std::max(before.gap_after(), boxes[i]->gap_before())));
        }
        if (i == break_before && i > 0 && !flow.at_top()) flow.new_page();
        if (first_page) first_page->push_back(flow.page_index());
        boxes[i]->place(flow);
    }
    return std::move(flow.list());
}

// The lines of text on a page: its distinct baselines.
std::size_t lines_on(const Page& page) {
    std::vector<double> baselines;
    for (const Item& item : page.items)
        if (auto t = std::get_if<TextItem>(&item)) {
            bool seen = std::any_of(baselines.begin(), baselines.end(),
                                    [&](double b) { return std::abs(b - t->y) < 1; });
            if (!seen) baselines.push_back(t->y);
        }
    return baselines.size();
}

}  // namespace

DisplayList lay_out(const Document& document, TextMetrics& metrics, PageSize size) {
    const std::string& lang = document.info.language;
    LayoutContext context{metrics, lang == "en" || lang == "nn" ? lang : "nb",
                          size.width - style::margin_left - style::margin_right};
    std::vector<std::unique_ptr<Box>> boxes;
    if (!document.info.title.empty() || !document.info.subtitle.empty())
        boxes.push_back(make_title(document.info, context));
    for (std::size_t i = 0; i < document.blocks.size(); ++i)
        boxes.push_back(box_for(document.blocks[i], i, context));
    if (!document.notes.empty() || !document.info.sources.empty())
        boxes.push_back(make_notes(document.notes, document.info.sources, context));
    for (std::size_t i = 0; i + 1 < boxes.size(); ++i) boxes[i]->follow_with(boxes[i + 1].get());

    std::vector<std::size_t> first_page;
    DisplayList list = place_boxes(boxes, size, 1.0, 0, &first_page);
    // A short tail (the sources alone, or a few lines) must not make a page
    // of its own: first tighten the gaps between blocks so that it fits on
    // the page before; else keep the block before the tail with it, so that
    // the last page carries enough to stand.
    auto short_tail = [](const DisplayList& l) {
        return l.pages.size() > 1 && lines_on(l.pages.back()) < style::min_lines_on_last_page;
    };
    if (short_tail(list)) {
        bool fitted = false;
        for (double scale : {0.7, 0.45}) {
            DisplayList tighter = place_boxes(boxes, size, scale, 0, nullptr);
            if (tighter.pages.size() < list.pages.size()) {
                list = std::move(tighter);
                fitted = true;
                break;
            }
        }
        // Else a page is started earlier: before the last box that began on
        // the page before, then the one before that, until the last page has
        // enough to stand on without adding a page. A heading goes with the
        // box it heads.
        const std::size_t last = list.pages.size() - 1;
        for (std::size_t move = boxes.size(); !fitted && move-- > 1;) {
            if (first_page[move] == last) continue;
            if (first_page[move] + 1 != last) break;
            if (boxes[move - 1]->is_heading()) continue;
            DisplayList kept = place_boxes(boxes, size, 1.0, move, nullptr);
            if (kept.pages.size() != list.pages.size()) break;
            if (!short_tail(kept)) {
                list = std::move(kept);
                fitted = true;
            }
        }
        // Else the block that runs over (a long table) ends earlier on the
        // page before, so that some of its lines go with the tail.
        for (double reserve = 40; !fitted && reserve <= 240; reserve += 40) {
            DisplayList kept = place_boxes(boxes, size, 1.0, 0, nullptr, last - 1, reserve);
            if (kept.pages.size() != list.pages.size()) break;
            if (!short_tail(kept)) {
                list = std::move(kept);
                fitted = true;
            }
        }
    }
    add_page_frame(list, document.info, metrics, context.language);
    return list;
}

}  // namespace kdx::pdf
