#include "pdf_render.hpp"

#include <podofo/podofo.h>

#include <sstream>

namespace kdx::pdf {

namespace {

using namespace PoDoFo;

PdfString utf8(const std::string& s) {
    return PdfString(reinterpret_cast<const pdf_utf8*>(s.c_str()));
}

class Painter {
  public:
    Painter(PdfPage* page, const FontSet& fonts) : fonts_(fonts) { painter_.SetPage(page); }
    void finish() { painter_.FinishPage(); }

    void operator()(const TextItem& t) {
        PdfFont* font = fonts_.pdf_font(t.style);
        font->SetFontSize(static_cast<float>(t.size));
        painter_.SetFont(font);
        painter_.SetColor(t.color.r, t.color.g, t.color.b);
        painter_.DrawText(t.x, t.y, utf8(t.text));
    }

    void operator()(const RectItem& r) {
        set_colors(r.fill, r.stroke, r.line_width);
        painter_.Rectangle(r.x, r.y, r.width, r.height);
        paint(r.fill.has_value(), r.stroke.has_value());
    }

    void operator()(const PathItem& p) {
        if (p.points.empty()) return;
        const bool dashed = !p.dash.empty() && p.stroke;
        if (dashed) {
            painter_.Save();
            std::ostringstream pattern;
            pattern << '[';
            for (std::size_t i = 0; i < p.dash.size(); ++i) pattern << (i ? " " : "") << p.dash[i];
            pattern << "] 0";
            painter_.SetStrokeStyle(ePdfStrokeStyle_Custom, pattern.str().c_str());
        }
        set_colors(p.fill, p.stroke, p.line_width);
        painter_.MoveTo(p.points.front().x, p.points.front().y);
        for (std::size_t i = 1; i < p.points.size(); ++i)
            painter_.LineTo(p.points[i].x, p.points[i].y);
        if (p.closed) painter_.ClosePath();
        paint(p.fill.has_value(), p.stroke.has_value());
        if (dashed) painter_.Restore();
    }

  private:
    void set_colors(const std::optional<Color>& fill, const std::optional<Color>& stroke,
                    double width) {
        if (fill) painter_.SetColor(fill->r, fill->g, fill->b);
        if (stroke) {
            painter_.SetStrokingColor(stroke->r, stroke->g, stroke->b);
            painter_.SetStrokeWidth(width);
        }
    }
    void paint(bool fill, bool stroke) {
        if (fill && stroke)
            painter_.FillAndStroke();
        else if (fill)
            painter_.Fill();
        else if (stroke)
            painter_.Stroke();
        else
            painter_.EndPath();
    }

    const FontSet& fonts_;
    PdfPainter painter_;
};

// Headings nest under the nearest heading of a higher level, all under the title.
void add_outline(const DisplayList& list, PdfMemDocument& doc) {
    if (list.bookmarks.empty() || doc.GetPageCount() == 0) return;
    // Pages are looked up again: the pointers CreatePage returned may not live
    // as long as the page tree's cache.
    auto destination = [&](const Bookmark& b) {
        return PdfDestination(doc.GetPage(static_cast<int>(b.page)), 0, b.y, 0);
    };
    PdfOutlines* outlines = doc.GetOutlines();
    std::size_t first = 0;
    const Bookmark& head = list.bookmarks.front();
    PdfOutlineItem* root =
        outlines->CreateRoot(utf8(head.level == 0 ? head.title : std::string("–")));
    root->SetDestination(head.level == 0 ? destination(head) : PdfDestination(doc.GetPage(0)));
    if (head.level == 0) first = 1;
    struct Node {
        int level;
        std::size_t index;  // into items
        PdfOutlineItem* last_child;
    };
    std::vector<PdfOutlineItem*> items{root};
    std::vector<std::size_t> parents{0};
    std::vector<Node> stack{{0, 0, nullptr}};
    for (std::size_t i = first; i < list.bookmarks.size(); ++i) {
        const Bookmark& b = list.bookmarks[i];
        int level = std::max(b.level, 1);
        while (stack.size() > 1 && stack.back().level >= level) stack.pop_back();
        Node& parent = stack.back();
        PdfOutlineItem* item =
            parent.last_child ? parent.last_child->CreateNext(utf8(b.title), destination(b))
                              : items[parent.index]->CreateChild(utf8(b.title), destination(b));
        parent.last_child = item;
        items.push_back(item);
        parents.push_back(parent.index);
        stack.push_back({level, items.size() - 1, nullptr});
    }
    // Every entry is open, so each /Count is the number of entries below it;
    // PDF/A wants the outline dictionary's /Count too.
    std::vector<pdf_int64> below(items.size(), 0);
    for (std::size_t i = items.size(); i-- > 1;)
        for (std::size_t p = parents[i];; p = parents[p]) {
            ++below[p];
            if (p == 0) break;
        }
    for (std::size_t i = 0; i < items.size(); ++i)
        if (below[i] > 0) items[i]->GetObject()->GetDictionary().AddKey("Count", below[i]);
    outlines->GetObject()->GetDictionary().AddKey("Count", static_cast<pdf_int64>(items.size()));
    doc.GetCatalog()->GetDictionary().AddKey("PageMode", PdfName("UseOutlines"));
}

}  // namespace

void render(const DisplayList& list, const FontSet& fonts, PdfMemDocument& document) {
    for (const Page& page : list.pages) {
        Painter painter(document.CreatePage(PdfRect(0, 0, list.size.width, list.size.height)),
                        fonts);
        for (const Item& item : page.items) std::visit(painter, item);
        painter.finish();
    }
    add_outline(list, document);
}

}  // namespace kdx::pdf
