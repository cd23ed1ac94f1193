// What the layout produces and the renderer paints: pages of positioned text,
// rectangles and paths, plus bookmarks and the structure tree that says what
// each item is (a heading, a table cell, a figure) or that it is an artifact.
// Kept free of PoDoFo so that layout can be tested without writing a PDF.
// Coordinates are PDF points from the page's lower left corner.
#pragma once

#include <cstddef>
#include <limits>
#include <optional>
#include <string>
#include <variant>
#include <vector>

namespace kdx::pdf {

enum class FontStyle { regular, bold, italic };

struct Color {
    double r = 0, g = 0, b = 0;
};

// The element an item belongs to, as an index into DisplayList::elements;
// `artifact` for what is there for the page only (running header and footer,
// page numbers, rules, backgrounds, a repeated table header).
constexpr std::size_t artifact = std::numeric_limits<std::size_t>::max();

// Text on one baseline, in one font.
struct TextItem {
    double x = 0, y = 0;
    std::string text;  // UTF-8, already checked against the font
    FontStyle style = FontStyle::regular;
    double size = 10;
    Color color;
    std::size_t element = artifact;
};

struct RectItem {
    double x = 0, y = 0, width = 0, height = 0;
    std::optional<Color> fill;
    std::optional<Color> stroke;
    double line_width = 0.5;
    std::size_t element = artifact;
};

struct Point {
    double x = 0, y = 0;
};

// An open or closed polyline, stroked and/or filled.
struct PathItem {
    std::vector<Point> points;
    bool closed = false;
    std::optional<Color> fill;
    std::optional<Color> stroke;
    double line_width = 0.5;
    std::vector<double> dash;  // on/off lengths; empty for solid
    std::size_t element = artifact;
};

using Item = std::variant<TextItem, RectItem, PathItem>;

struct Page {
    std::vector<Item> items;
};

// An outline entry pointing at a place in the document.
struct Bookmark {
    int level = 1;  // 0 for the document title
    std::string title;
    std::size_t page = 0;
    double y = 0;
};

// A child of a structure element: another element, or a run of consecutive
// items on one page (one marked-content sequence) starting at `item`.
struct StructKid {
    bool is_element = false;
    std::size_t element = 0;
    std::size_t page = 0, item = 0;
};

// A node of the structure tree (ISO 32000-1, 14.8.4): Document, H1, P, Table,
// TH, Figure and so on. Element 0 is the Document.
struct StructElement {
    std::string type;
    std::size_t parent = 0;
    std::vector<StructKid> kids;              // in reading order
    std::string alt;                          // a Figure's alternative text
    std::string scope;                        // a TH's "Column" or "Row"
    std::string id;                           // a Note's unique ID
    std::string lang;                         // a Span's language (BCP 47), if not the document's
    std::optional<std::vector<double>> bbox;  // a Figure's x1 y1 x2 y2
};

struct PageSize {
    double width = 595.276;  // A4
    double height = 841.89;
};

struct DisplayList {
    PageSize size;
    std::vector<Page> pages;
    std::vector<Bookmark> bookmarks;
    std::vector<StructElement> elements{StructElement{"Document", 0, {}, {}, {}, {}, {}, {}}};
};

}  // namespace kdx::pdf
