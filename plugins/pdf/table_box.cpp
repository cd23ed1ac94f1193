#include "table_box.hpp"

#include <algorithm>
#include <numeric>

#include "labels.hpp"
#include "text_boxes.hpp"

namespace kdx::pdf {

namespace {

constexpr double pad_x = 4, pad_y = 3.5;

struct Row {
    std::vector<std::vector<Line>> cells;
    double height = 0;
};

bool is_numeric(TableColumn::Type t) { return t != TableColumn::Type::text; }

class TableBox : public Box {
  public:
    TableBox(const Table& t, LayoutContext& c, const std::string& where)
        : last_is_total_(t.last_row_is_total && !t.rows.empty()), row_count_(t.rows.size()) {
        const std::size_t n = t.columns.size();
        std::string name = t.caption.empty() ? where : "table \"" + t.caption + "\"";
        caption_ = small_lines(t.caption, FontStyle::bold, style::caption_size, c.width, c, name);
        continued_ = small_lines(t.caption + " " + labels_for(c.language).continued,
                                 FontStyle::bold, style::caption_size, c.width, c, name);
        // Text checked once; the same strings are measured and then broken.
        std::vector<std::string> headers(n);
        std::vector<std::vector<std::string>> cells(t.rows.size(), std::vector<std::string>(n));
        for (std::size_t j = 0; j < n; ++j)
            headers[j] = c.metrics.checked(t.columns[j].header, FontStyle::bold, name + ", header");
        for (std::size_t i = 0; i < t.rows.size(); ++i)
            for (std::size_t j = 0; j < n && j < t.rows[i].size(); ++j)
                cells[i][j] = c.metrics.checked(
                    t.rows[i][j].text, row_style(i),
                    name + ", row " + std::to_string(i + 1) + ", column " + std::to_string(j + 1));
        std::vector<double> natural(n, 0), minimum(n, 0), wanted(n, 0);
        // The first column heads its row when it names what the row is about.
        row_headers_ = n > 1 && (t.columns[0].type == TableColumn::Type::text ||
                                 t.columns[0].type == TableColumn::Type::year);
        for (std::size_t j = 0; j < n; ++j) {
            numeric_.push_back(is_numeric(t.columns[j].type));
            double head =
                longest_word({{headers[j], FontStyle::bold, {}}}, style::table_size, c.metrics);
            natural[j] = numeric_[j] ? head
                                     : natural_width({{headers[j], FontStyle::bold, {}}},
                                                     style::table_size, c.metrics);
            minimum[j] = head;
            for (std::size_t i = 0; i < cells.size(); ++i) {
                std::vector<Span> s{{cells[i][j], row_style(i), {}}};
                double w = natural_width(s, style::table_size, c.metrics);
                natural[j] = std::max(natural[j], w);
                minimum[j] = std::max(
                    minimum[j], numeric_[j] ? w : longest_word(s, style::table_size, c.metrics));
            }
            wanted[j] = std::max(natural[j], natural_width({{headers[j], FontStyle::bold, {}}},
                                                           style::table_size, c.metrics));
            natural[j] += 2 * pad_x;
            minimum[j] += 2 * pad_x;
            wanted[j] += 2 * pad_x;
        }
        widths_ = column_widths(natural, minimum, wanted, numeric_, c.width);
        header_ = make_row(headers, FontStyle::bold, c);
        for (std::size_t i = 0; i < cells.size(); ++i)
            rows_.push_back(make_row(cells[i], row_style(i), c));
        for (std::size_t i = 0; i < t.notes.size(); ++i)
            notes_.push_back(small_lines(t.notes[i], FontStyle::italic, style::small_size, c.width,
                                         c, name + ", note " + std::to_string(i + 1)));
    }

    double lead_height() const override {
        double h = caption_height(caption_) + header_.height;
        if (!rows_.empty()) h += rows_.front().height;
        if (rows_.size() == 2 && last_is_total_) h += rows_.back().height;
        return h;
    }

    // Tagged Table, Caption, THead and TBody. On a continuation page the caption
    // and the header row are drawn again as artifacts: the table stays one
    // regular table whose header a screen reader reads once, and checkers see
    // one THead (a second THead or TH row would be read as data of its own).
    void place(PageFlow& flow) override {
        flow.keep(lead_height());
        flow.open("Table");
        if (!caption_.empty()) {
            flow.open("Caption");
            draw_caption(flow, caption_);
            flow.close();
        }
        flow.open("THead");
        draw_row(flow, header_, true, false, true);
        flow.close();
        flow.open("TBody");
        for (std::size_t i = 0; i < rows_.size(); ++i) {
            double need = rows_[i].height;
            // A total row never stands alone at the top of a page.
            if (last_is_total_ && i + 2 == rows_.size()) need += rows_.back().height;
            if (need > flow.remaining() && !fresh_) {
                flow.new_page();
                flow.open_artifact();
                draw_caption(flow, continued_);
                draw_row(flow, header_, true, false, false);
                flow.close();
            }
            draw_row(flow, rows_[i], false, last_is_total_ && i + 1 == rows_.size(), true);
        }
        flow.close();
        flow.close();
        for (const auto& note : notes_) {
            flow.advance(3);
            flow.keep(style::small_leading);
            std::size_t e = flow.open("Note");
            flow.element(e).id = "note-" + std::to_string(e);
            for (const Line& l : note) {
                flow.line(l, flow.left(),
                          flow.y() - baseline_offset(style::small_size, style::small_leading),
                          style::small_size, style::muted);
                flow.advance(style::small_leading);
            }
            flow.close();
        }
    }

  private:
    FontStyle row_style(std::size_t i) const {
        return last_is_total_ && i + 1 == row_count_ ? FontStyle::bold : FontStyle::regular;
    }

    Row make_row(const std::vector<std::string>& texts, FontStyle fs, LayoutContext& c) const {
        Row r;
        std::size_t lines = 1;
        for (std::size_t j = 0; j < widths_.size(); ++j) {
            r.cells.push_back(break_lines({{texts[j], fs, {}}}, widths_[j] - 2 * pad_x,
                                          style::table_size, c.metrics));
            lines = std::max(lines, r.cells.back().size());
        }
        r.height = static_cast<double>(lines) * style::table_leading + 2 * pad_y;
        return r;
    }

    static double caption_height(const std::vector<Line>& caption) {
        return caption.empty() ? 0
                               : static_cast<double>(caption.size()) * style::caption_leading + 4;
    }

    void draw_caption(PageFlow& flow, const std::vector<Line>& caption) {
        for (const Line& l : caption) {
            flow.line(l, flow.left(),
                      flow.y() - baseline_offset(style::caption_size, style::caption_leading),
                      style::caption_size, style::text);
            flow.advance(style::caption_leading);
        }
        if (!caption.empty()) flow.advance(4);
    }

    // `tagged`: a TR of TH or TD; else the row is inside an artifact.
    void draw_row(PageFlow& flow, const Row& row, bool header, bool total, bool tagged) {
        const double top = flow.y(), bottom = top - row.height, right = flow.left() + flow.width();
        if (header) flow.rect(flow.left(), bottom, flow.width(), row.height, style::header_fill);
        if (total) {
            flow.rect(flow.left(), bottom, flow.width(), row.height, style::total_fill);
            flow.rule(flow.left(), right, top, 0.8, style::text);
        }
        double x = flow.left();
        if (tagged) flow.open("TR");
        for (std::size_t j = 0; j < row.cells.size(); ++j) {
            if (tagged) {
                const bool head = header || (row_headers_ && j == 0);
                std::size_t e = flow.open(head ? "TH" : "TD");
                if (head) flow.element(e).scope = header ? "Column" : "Row";
            }
            double y = top - pad_y - baseline_offset(style::table_size, style::table_leading);
            for (const Line& l : row.cells[j]) {
                double lx = numeric_[j] ? x + widths_[j] - pad_x - l.width : x + pad_x;
                flow.line(l, lx, y, style::table_size, style::text);
                y -= style::table_leading;
            }
            if (tagged) flow.close();
            x += widths_[j];
        }
        if (tagged) flow.close();
        flow.rule(flow.left(), right, bottom, header ? 0.8 : 0.3,
                  header ? style::accent : style::light_rule);
        flow.advance(row.height);
        fresh_ = header;
    }

    bool last_is_total_;
    std::size_t row_count_;
    std::vector<bool> numeric_;
    bool row_headers_ = false;
    std::vector<double> widths_;
    std::vector<Line> caption_, continued_;
    Row header_;
    std::vector<Row> rows_;
    std::vector<std::vector<Line>> notes_;
    bool fresh_ = false;  // just drew a header: the next row goes here whatever its height
};

}  // namespace

std::vector<double> column_widths(const std::vector<double>& natural,
                                  const std::vector<double>& minimum,
                                  const std::vector<double>& wanted,
                                  const std::vector<bool>& numeric, double width) {
    const std::size_t n = natural.size();
    std::vector<double> w = natural;
    double total = std::accumulate(natural.begin(), natural.end(), 0.0);
    if (n == 0) return w;
    if (total <= width) {
        double spare = width - total, deficit = 0;
        for (std::size_t j = 0; j < n; ++j) deficit += std::max(0.0, wanted[j] - w[j]);
        double share = deficit > 0 ? std::min(1.0, spare / deficit) : 0;
        for (std::size_t j = 0; j < n; ++j) {
            double grow = std::max(0.0, wanted[j] - w[j]) * share;
            w[j] += grow;
            spare -= grow;
        }
        for (double& x : w) x += spare / static_cast<double>(n);
        return w;
    }
    double fixed = 0, min_text = 0, stretch = 0, text_columns = 0;
    for (std::size_t j = 0; j < n; ++j) {
        if (numeric[j])
            fixed += natural[j];
        else
            min_text += minimum[j], stretch += natural[j] - minimum[j], text_columns += 1;
    }
    double spare = width - fixed - min_text;
    if (spare < 0) {
        // Not even the longest words fit: shrink everything alike; long words get cut.
        for (std::size_t j = 0; j < n; ++j)
            w[j] = (numeric[j] ? natural[j] : minimum[j]) * width / (fixed + min_text);
        return w;
    }
    for (std::size_t j = 0; j < n; ++j)
        if (!numeric[j])
            w[j] = minimum[j] + (stretch > 0 ? spare * (natural[j] - minimum[j]) / stretch
                                             : spare / text_columns);
    return w;
}

std::unique_ptr<Box> make_table(const Table& table, LayoutContext& context,
                                const std::string& where) {
    return std::make_unique<TableBox>(table, context, where);
}

}  // namespace kdx::pdf
