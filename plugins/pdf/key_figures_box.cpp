#include "key_figures_box.hpp"

#include <algorithm>
#include <cmath>

#include "kdx/number_format.hpp"
#include "labels.hpp"
#include "text_boxes.hpp"

namespace kdx::pdf {

namespace {

constexpr double padding = 8;
constexpr double gap = 8;
constexpr double accent_height = 2.5;

struct Cell {
    std::vector<Line> label, value, change;
};

class KeyFiguresBox : public Box {
  public:
    KeyFiguresBox(const KeyFigures& k, LayoutContext& c, const std::string& where) {
        std::size_t n = k.figures.size();
        per_row_ = n <= 4 ? std::max<std::size_t>(n, 1) : (n + 1) / 2;
        width_ =
            (c.width - gap * static_cast<double>(per_row_ - 1)) / static_cast<double>(per_row_);
        double inner = width_ - 2 * padding;
        for (const KeyFigure& f : k.figures) {
            std::string place = where + ", \"" + f.label + "\"";
            Cell cell;
            cell.label =
                small_lines(f.label, FontStyle::regular, style::small_size, inner, c, place);
            cell.value = small_lines(f.text, FontStyle::bold, style::figure_size, inner, c, place);
            // A space after the value, unseen, so that it does not run into
            // the change when the text is read out or extracted.
            if (!cell.value.empty() && !cell.value.back().fragments.empty())
                cell.value.back().fragments.back().text += ' ';
            cell.change = small_lines(change_text(f, c.language), FontStyle::regular,
                                      style::small_size, inner, c, place);
            cells_.push_back(std::move(cell));
        }
        for (std::size_t i = 0; i < cells_.size(); i += per_row_) {
            double h = 0;
            for (std::size_t j = i; j < std::min(i + per_row_, cells_.size()); ++j)
                h = std::max(h, height(cells_[j]));
            rows_.push_back(h);
        }
    }

    double lead_height() const override { return rows_.empty() ? 0 : rows_.front(); }

    // A list: each figure an item whose label is the figure's name and whose
    // body is its value and change.
    void place(PageFlow& flow) override {
        flow.open("L");
        for (std::size_t r = 0; r < rows_.size(); ++r) {
            if (r > 0) flow.space(gap);
            flow.keep(rows_[r]);
            double top = flow.y();
            for (std::size_t j = 0; j < per_row_ && r * per_row_ + j < cells_.size(); ++j) {
                double x = flow.left() + static_cast<double>(j) * (width_ + gap);
                draw(flow, cells_[r * per_row_ + j], x, top, rows_[r]);
            }
            flow.advance(rows_[r]);
        }
        flow.close();
    }

  private:
    static double height(const Cell& c) {
        double h = accent_height + padding + lines(c.label) * style::small_leading + 2 +
                   lines(c.value) * (style::figure_size * 1.25) + padding;
        if (!c.change.empty()) h += lines(c.change) * style::small_leading;
        return h;
    }
    static double lines(const std::vector<Line>& l) { return static_cast<double>(l.size()); }

    void draw(PageFlow& flow, const Cell& c, double x, double top, double h) const {
        flow.rect(x, top - h, width_, h, style::box_fill);
        flow.rect(x, top - accent_height, width_, accent_height, style::accent);
        double y = top - accent_height - padding;
        flow.open("LI");
        flow.open("Lbl");
        for (const Line& l : c.label) {
            flow.line(l, x + padding, y - baseline_offset(style::small_size, style::small_leading),
                      style::small_size, style::muted);
            y -= style::small_leading;
        }
        flow.close();
        flow.open("LBody");
        y -= 2;
        const double leading = style::figure_size * 1.25;
        for (const Line& l : c.value) {
            flow.line(l, x + padding, y - baseline_offset(style::figure_size, leading),
                      style::figure_size, style::accent);
            y -= leading;
        }
        for (const Line& l : c.change) {
            flow.line(l, x + padding, y - baseline_offset(style::small_size, style::small_leading),
                      style::small_size, style::muted);
            y -= style::small_leading;
        }
        flow.close();
        flow.close();
    }

    std::size_t per_row_ = 1;
    double width_ = 0;
    std::vector<Cell> cells_;
    std::vector<double> rows_;
};

}  // namespace

std::string change_text(const KeyFigure& f, const std::string& language) {
    if (!f.change.has_value()) return "";
    double c = f.change.get();
    bool share = f.unit == Unit::percent;
    std::string sign = c > 0 ? "+" : c < 0 ? "\u2212" : "\u00b1";
    std::string magnitude =
        format_value(Value(std::fabs(c)), share ? Unit::other : f.unit, language, share ? 1 : -1);
    if (share) magnitude += "\u00a0" + std::string(labels_for(language).points);
    return sign + magnitude + " " + labels_for(language).change;
}

std::unique_ptr<Box> make_key_figures(const KeyFigures& figures, LayoutContext& context,
                                      const std::string& where) {
    return std::make_unique<KeyFiguresBox>(figures, context, where);
}

}  // namespace kdx::pdf
