#include "document_layout.hpp"

#include <algorithm>
#include <memory>
#include <vector>

#include "chart_box.hpp"
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
                while (!title.empty() && (static_cast<unsigned char>(title.back()) & 0xc0) == 0x80)
                    title.pop_back();
                if (!title.empty()) title.pop_back();
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

DisplayList lay_out(const Document& document, TextMetrics& metrics, PageSize size) {
    PageFlow flow(size);
    const std::string& lang = document.info.language;
    LayoutContext context{metrics, lang == "en" || lang == "nn" ? lang : "nb", flow.width()};
    std::vector<std::unique_ptr<Box>> boxes;
    if (!document.info.title.empty() || !document.info.subtitle.empty())
        boxes.push_back(make_title(document.info, context));
    for (std::size_t i = 0; i < document.blocks.size(); ++i)
        boxes.push_back(box_for(document.blocks[i], i, context));
    if (!document.notes.empty() || !document.info.sources.empty())
        boxes.push_back(make_notes(document.notes, document.info.sources, context));
    for (std::size_t i = 0; i + 1 < boxes.size(); ++i) boxes[i]->follow_with(boxes[i + 1].get());

    for (std::size_t i = 0; i < boxes.size(); ++i) {
        if (i > 0) {
            const Box& before = *boxes[i - 1];
            flow.space(before.is_heading() ? style::heading_gap_after
                                           : std::max(before.gap_after(), boxes[i]->gap_before()));
        }
        boxes[i]->place(flow);
    }
    DisplayList list = std::move(flow.list());
    add_page_frame(list, document.info, metrics, context.language);
    return list;
}

}  // namespace kdx::pdf
