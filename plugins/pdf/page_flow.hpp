// The running position on the current page: where the next block goes, when
// a new page starts, the items placed so far, and the structure element they
// belong to.
#pragma once

#include <string>

#include "display_list.hpp"
#include "line_breaker.hpp"

namespace kdx::pdf {

class PageFlow {
  public:
    // Starts with one empty page of `size` with the house margins.
    explicit PageFlow(PageSize size);

    DisplayList& list() { return list_; }
    std::size_t page_index() const { return list_.pages.size() - 1; }

    double left() const { return left_; }
    double width() const { return right_ - left_; }
    // The top of the free space, in PDF coordinates.
    double y() const { return y_; }
    double remaining() const {
        return y_ - bottom_ - (page_index() == reserve_page_ ? reserve_ : 0);
    }
    // Leaves `height` free at the foot of page `page` (0-based), so that what
    // would end there goes on to the next page.
    void reserve(std::size_t page, double height) { reserve_page_ = page, reserve_ = height; }
    // The height a page offers from the top margin to the bottom margin.
    double page_height() const { return top_ - bottom_; }
    bool at_top() const { return y_ >= top_; }

    void new_page();
    // Starts a new page unless `height` fits (or nothing is on this page yet).
    void keep(double height);
    // A gap between blocks; none at the top of a page.
    void space(double gap);
    void advance(double height) { y_ -= height; }

    // Adds `item` to the current page as content of the open element (or as an
    // artifact inside open_artifact()).
    void add(Item item);
    // Opens a structure element of `type` ("P", "TH", "Figure") as the next
    // child of the open one; what is added until close() belongs to it.
    std::size_t open(std::string type);
    // What is added until close() is an artifact: it is there for the page only.
    void open_artifact() { open_.push_back(artifact); }
    void close() { open_.pop_back(); }
    StructElement& element(std::size_t index) { return list_.elements[index]; }
    void text(double x, double baseline, std::string text, FontStyle style, double size,
              Color color);
    // Draws a broken line at `x` (its left edge) on `baseline`.
    void line(const Line& line, double x, double baseline, double size, Color color);
    // Fills and rules are artifacts: backgrounds and separators.
    void rect(double x, double y, double width, double height, Color fill);
    void rule(double x1, double x2, double y, double width, Color color);
    void bookmark(int level, std::string title);

  private:
    DisplayList list_;
    double left_, right_, top_, bottom_;
    double y_;
    std::size_t reserve_page_ = static_cast<std::size_t>(-1);
    double reserve_ = 0;
    std::vector<std::size_t> open_{0};  // the Document, then the elements inside it
};

// Where the baseline of a line sits below the top of its line box.
inline double baseline_offset(double size, double leading) { return leading * 0.5 + size * 0.35; }

}  // namespace kdx::pdf
