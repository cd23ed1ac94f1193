#include "pdf_render.hpp"

#include <podofo/podofo.h>

#include <algorithm>
#include <cstdio>
#include <map>

#include "content_stream.hpp"
#include "flate.hpp"

namespace kdx::pdf {

namespace {

using namespace PoDoFo;

PdfString utf8(const std::string& s) {
    return PdfString(reinterpret_cast<const pdf_utf8*>(s.c_str()));
}

// Draws one page into its content stream with the bytes PdfPainter wrote
// for the same calls (SetColor, DrawText, Rectangle, MoveTo, ...), the
// marked-content operators PoDoFo 0.9.8 lacks among them, and sets the
// stream when the page is done. The fonts go into the page's resources as
// PdfPainter put them.
class Painter {
  public:
    Painter(PdfPage* page, const FontSet& fonts)
        : fonts_(fonts), page_(page), contents_(page->GetContentsForAppending()) {
        out_.buffer().reserve(16384);
    }
    // Deflated at zlib's fastest level, as the font programs are: 0.7 million
    // instructions less a council report than PoDoFo's level 6, for 2 % more
    // bytes (0.7 KB).
    void finish() { set_deflated_stream(*contents_, deflated(out_.bytes(), 1)); }

    // Ends the open marked-content sequence and begins one for an element's
    // content with `mcid`, or an artifact when `type` is empty.
    void begin_marked(const std::string& type, int mcid) {
        end_marked();
        if (type.empty())
            out_.raw("/Artifact BMC\n");
        else
            out_.raw("/").raw(type).raw(" <</MCID ").raw(std::to_string(mcid)).raw(">> BDC\n");
        open_ = true;
    }
    void end_marked() {
        if (open_) out_.raw("EMC\n");
        open_ = false;
    }

    void operator()(const TextItem& t) {
        PdfFont* font = fonts_.pdf_font(t.style);
        const auto style = static_cast<std::size_t>(t.style);
        if (!in_resources_[style]) {
            page_->AddResource(font->GetIdentifier(), font->GetObject()->Reference(),
                               PdfName("Font"));
            in_resources_[style] = true;
        }
        set_color(t.color, " rg\n");
        out_.raw("BT\n/").raw(font->GetIdentifier().GetName()).raw(" ");
        out_.number(static_cast<float>(t.size));  // PdfFont keeps its size as a float
        out_.raw(" Tf\n100.000 Tz\n0.000 Tc\n");
        out_.number(t.x);
        out_.raw("\n");
        out_.number(t.y);
        out_.raw("\nTd <");
        fonts_.append_glyphs(out_.buffer(), t.text, t.style);
        out_.raw("> Tj\nET\n");
    }

    void operator()(const RectItem& r) {
        set_colors(r.fill, r.stroke, r.line_width);
        out_ << r.x << r.y << r.width;
        out_.number(r.height);
        out_.raw(" re\n");
        paint(r.fill.has_value(), r.stroke.has_value());
    }

    void operator()(const PathItem& p) {
        if (p.points.empty()) return;
        const bool dashed = !p.dash.empty() && p.stroke;
        if (dashed) {
            out_.raw("q\n[");
            char number[32];
            for (std::size_t i = 0; i < p.dash.size(); ++i) {
                // As an ostream's default (%g) prints it.
                const int n = std::snprintf(number, sizeof number, "%g", p.dash[i]);
                if (i) out_.raw(" ");
                out_.raw(std::string_view(number, static_cast<std::size_t>(n)));
            }
            out_.raw("] 0 d\n");
        }
        set_colors(p.fill, p.stroke, p.line_width);
        point(p.points.front(), " m\n");
        for (std::size_t i = 1; i < p.points.size(); ++i) point(p.points[i], " l\n");
        if (p.closed) out_.raw("h\n");
        paint(p.fill.has_value(), p.stroke.has_value());
        if (dashed) out_.raw("Q\n");
    }

  private:
    void point(const Point& at, std::string_view op) {
        out_ << at.x;
        out_.number(at.y);
        out_.raw(op);
    }
    void set_color(const Color& c, std::string_view op) {
        out_ << c.r << c.g;
        out_.number(c.b);
        out_.raw(op);
    }
    void set_colors(const std::optional<Color>& fill, const std::optional<Color>& stroke,
                    double width) {
        if (fill) set_color(*fill, " rg\n");
        if (stroke) {
            set_color(*stroke, " RG\n");
            out_.number(width);
            out_.raw(" w\n");
        }
    }
    void paint(bool fill, bool stroke) {
        out_.raw(fill && stroke ? "B\n" : fill ? "f\n" : stroke ? "S\n" : "n\n");
    }

    const FontSet& fonts_;
    PdfPage* page_;
    PdfObject* contents_;
    ContentStream out_;
    bool in_resources_[3] = {false, false, false};
    bool open_ = false;
};

std::size_t element_of(const Item& item) {
    return std::visit([](const auto& i) { return i.element; }, item);
}

// The marked content of one page: the MCID of each run that starts at an
// item, and the element each MCID belongs to (the page's ParentTree entry).
struct PageMarks {
    std::map<std::size_t, int> mcid_at;  // item index → MCID
    std::vector<std::size_t> owners;     // MCID → element
};

PdfString text_string(const std::string& s) { return utf8(s); }

// A value as PoDoFo writes it in its clean mode (ePdfWriteMode_Clean).
std::string serialized(const PdfObject& value) {
    PdfRefCountedBuffer buffer;
    PdfOutputDevice device(&buffer);
    value.Write(&device, ePdfWriteMode_Clean, nullptr);
    return std::string(buffer.GetBuffer(), device.GetLength());
}

void append_reference(std::string& out, const PdfReference& ref) {
    out += std::to_string(ref.ObjectNumber());
    out += ' ';
    out += std::to_string(ref.GenerationNumber());
    out += " R";
}

// A name as PdfName writes it: letters and digits need no escaping.
void append_name(std::string& out, const std::string& name) {
    const bool plain = !name.empty() && std::all_of(name.begin(), name.end(), [](char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
    });
    out += plain ? "/" + name : serialized(PdfObject(PdfName(name)));
}

// The items of an array as PdfArray writes them in the clean mode: "[ ",
// each item followed by a space, or by a line break after every tenth, "]".
class ArrayItems {
  public:
    explicit ArrayItems(std::string& out) : out_(out) { out_ += "[ "; }
    std::string& next() {
        if (count_++) out_ += count_ % 10 == 1 ? '\n' : ' ';
        return out_;
    }
    void close() { out_ += count_ ? (count_ % 10 == 0 ? "\n]" : " ]") : "]"; }

  private:
    std::string& out_;
    std::size_t count_ = 0;
};

// An indirect object whose value is `bytes`, written as they are.
void set_raw(PdfObject* object, const std::string& bytes) {
    static_cast<PdfVariant&>(*object) = PdfVariant(PdfData(bytes.data(), bytes.size()));
}

// Writes the structure tree (ISO 32000-1, 14.7 and 14.8) for the elements
// and the marks of each page: StructTreeRoot, one StructElem per element,
// the ParentTree from each page's MCIDs to their elements, and the IDTree.
// The StructElem objects and the ParentTree's arrays, a report's most
// numerous objects, are written here in the bytes PoDoFo's dictionaries and
// arrays would have (keys in order, /Type first): through PoDoFo's objects
// they took 3.5 million instructions of a council report to make and print.
void add_structure(const DisplayList& list, const std::vector<PageMarks>& marks,
                   PdfMemDocument& doc) {
    PdfVecObjects& objects = doc.GetObjects();
    PdfObject* root = objects.CreateObject("StructTreeRoot");
    std::vector<PdfObject*> elements;
    for (std::size_t i = 0; i < list.elements.size(); ++i)
        elements.push_back(objects.CreateObject());  // its value set below
    std::vector<std::string> page_refs(list.pages.size());
    auto page_ref = [&](std::size_t p) -> const std::string& {
        if (page_refs[p].empty())
            append_reference(page_refs[p],
                             doc.GetPage(static_cast<int>(p))->GetObject()->Reference());
        return page_refs[p];
    };
    std::vector<std::pair<std::string, PdfReference>> ids;
    std::string d;
    for (std::size_t i = 0; i < list.elements.size(); ++i) {
        const StructElement& e = list.elements[i];
        d = "<<\n/Type /StructElem\n";
        if (e.bbox) {
            PdfDictionary a;
            a.AddKey("O", PdfName("Layout"));
            a.AddKey("Placement", PdfName("Block"));
            PdfArray box;
            for (double v : *e.bbox) box.push_back(PdfObject(v));
            a.AddKey("BBox", box);
            d += "/A " + serialized(PdfObject(a)) + "\n";
        } else if (!e.scope.empty()) {
            d += "/A <<\n/O /Table\n/Scope ";
            append_name(d, e.scope);
            d += "\n>>\n";
        }
        if (!e.alt.empty()) d += "/Alt " + serialized(PdfObject(text_string(e.alt))) + "\n";
        if (!e.id.empty()) {
            d += "/ID " + serialized(PdfObject(PdfString(e.id))) + "\n";
            ids.emplace_back(e.id, elements[i]->Reference());
        }
        std::optional<std::size_t> page;
        if (!e.kids.empty()) {
            d += "/K ";
            ArrayItems kids(d);
            for (const StructKid& k : e.kids) {
                std::string& out = kids.next();
                if (k.is_element) {
                    append_reference(out, elements[k.element]->Reference());
                    continue;
                }
                const int mcid = marks[k.page].mcid_at.at(k.item);
                if (!page) page = k.page;
                if (*page == k.page) {
                    out += std::to_string(mcid);
                } else {
                    out += "<<\n/Type /MCR\n/MCID " + std::to_string(mcid) + "\n/Pg " +
                           page_ref(k.page) + "\n>>";
                }
            }
            kids.close();
            d += '\n';
        }
        if (!e.lang.empty()) d += "/Lang " + serialized(PdfObject(PdfString(e.lang))) + "\n";
        d += "/P ";
        append_reference(d, i == 0 ? root->Reference() : elements[e.parent]->Reference());
        d += '\n';
        if (page) d += "/Pg " + page_ref(*page) + "\n";
        d += "/S ";
        append_name(d, e.type);
        d += "\n>>";
        set_raw(elements[i], d);
    }
    PdfDictionary& r = root->GetDictionary();
    r.AddKey("K", elements.front()->Reference());
    PdfArray nums;
    for (std::size_t p = 0; p < marks.size(); ++p) {
        std::string owners;
        ArrayItems items(owners);
        for (std::size_t e : marks[p].owners)
            append_reference(items.next(), elements[e]->Reference());
        items.close();
        PdfObject* entry = objects.CreateObject();
        set_raw(entry, owners);
        nums.push_back(PdfObject(static_cast<pdf_int64>(p)));
        nums.push_back(entry->Reference());
    }
    PdfDictionary parent_tree;
    parent_tree.AddKey("Nums", nums);
    r.AddKey("ParentTree", objects.CreateObject(parent_tree)->Reference());
    r.AddKey("ParentTreeNextKey", static_cast<pdf_int64>(marks.size()));
    if (!ids.empty()) {
        std::sort(ids.begin(), ids.end(),
                  [](const auto& a, const auto& b) { return a.first < b.first; });
        PdfArray names;
        for (const auto& [id, ref] : ids) {
            names.push_back(PdfString(id));
            names.push_back(ref);
        }
        PdfDictionary id_tree;
        id_tree.AddKey("Names", names);
        r.AddKey("IDTree", id_tree);
    }
    PdfDictionary& catalog = doc.GetCatalog()->GetDictionary();
    catalog.AddKey("StructTreeRoot", root->Reference());
    PdfDictionary mark_info;
    mark_info.AddKey("Marked", PdfVariant(true));
    catalog.AddKey("MarkInfo", mark_info);
    PdfDictionary viewer;
    viewer.AddKey("DisplayDocTitle", PdfVariant(true));
    catalog.AddKey("ViewerPreferences", viewer);
}

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
    std::vector<PageMarks> marks(list.pages.size());
    for (std::size_t p = 0; p < list.pages.size(); ++p) {
        const Page& page = list.pages[p];
        PdfPage* pdf_page = document.CreatePage(PdfRect(0, 0, list.size.width, list.size.height));
        PdfDictionary& d = pdf_page->GetObject()->GetDictionary();
        d.AddKey("StructParents", static_cast<pdf_int64>(p));
        d.AddKey("Tabs", PdfName("S"));
        Painter painter(pdf_page, fonts);
        // Consecutive items of one element (or consecutive artifacts) share a
        // marked-content sequence, as the layout counted them.
        std::size_t open = artifact - 1;  // no sequence yet
        for (std::size_t i = 0; i < page.items.size(); ++i) {
            const std::size_t e = element_of(page.items[i]);
            if (i == 0 || e != open) {
                if (e == artifact) {
                    painter.begin_marked("", 0);
                } else {
                    const int mcid = static_cast<int>(marks[p].owners.size());
                    marks[p].mcid_at[i] = mcid;
                    marks[p].owners.push_back(e);
                    painter.begin_marked(list.elements[e].type, mcid);
                }
                open = e;
            }
            std::visit(painter, page.items[i]);
        }
        painter.end_marked();
        painter.finish();
    }
    add_outline(list, document);
    add_structure(list, marks, document);
}

}  // namespace kdx::pdf
