// What the layout produces and the renderer paints: pages of positioned text,
// rectangles and paths, plus bookmarks. Kept free of PoDoFo so that layout can
// be tested without writing a PDF. Coordinates are PDF points from the page's
// lower left corner.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <variant>
#include <vector>

namespace kdx::pdf {

enum class FontStyle { regular, bold, italic };

struct Color {
    double r = 0, g = 0, b = 0;
};

// Text on one baseline, in one font.
struct TextItem {
    double x = 0, y = 0;
    std::string text;  // UTF-8, already checked against the font
    FontStyle style = FontStyle::regular;
    double size = 10;
    Color color;
};

struct RectItem {
    double x = 0, y = 0, width = 0, height = 0;
    std::optional<Color> fill;
    std::optional<Color> stroke;
    double line_width = 0.5;
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

struct PageSize {
    double width = 595.276;  // A4
    double height = 841.89;
};

struct DisplayList {
    PageSize size;
    std::vector<Page> pages;
    std::vector<Bookmark> bookmarks;
};

}  // namespace kdx::pdf
