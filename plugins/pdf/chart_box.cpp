#include "chart_box.hpp"

#include <algorithm>
#include <cmath>

#include "chart_axis.hpp"
#include "kdx/chart_text.hpp"
#include "kdx/number_format.hpp"
#include "text_boxes.hpp"

namespace kdx::pdf {

namespace {

constexpr double plot_height = 150;
constexpr double legend_leading = 13;
constexpr double swatch = 8, line_sample = 20;
constexpr double label_size = 7.5, label_leading = 9.5;
const Color outline{0.2, 0.2, 0.22};
const Color white{1, 1, 1};

struct LegendItem {
    std::string name;
    double width = 0;
    double x = 0;
    std::size_t row = 0;
};

class ChartBox : public Box {
  public:
    ChartBox(const Chart& chart, LayoutContext& c, const std::string& where)
        : chart_(chart), metrics_(c.metrics), language_(c.language) {
        std::string name = chart.title.empty() ? where : "chart \"" + chart.title + "\"";
        title_ = small_lines(chart.title, FontStyle::bold, style::caption_size, c.width, c, name);
        y_title_ = c.metrics.checked(chart.y_title, FontStyle::regular, name + ", axis title");
        x_title_ = c.metrics.checked(chart.x_title, FontStyle::regular, name + ", axis title");
        // Legend entries flow left to right and wrap.
        const double sample = chart.kind == Chart::Kind::bar ? swatch : line_sample;
        double x = 0;
        std::size_t row = 0;
        for (const ChartSeries& s : chart.series) {
            LegendItem item{c.metrics.checked(s.name, FontStyle::regular, name + ", legend"), 0, 0,
                            0};
            item.width =
                sample + 4 + c.metrics.width(item.name, FontStyle::regular, style::small_size);
            if (x > 0 && x + item.width > c.width) x = 0, ++row;
            item.x = x;
            item.row = row;
            x += item.width + 14;
            legend_.push_back(std::move(item));
        }
        legend_rows_ = legend_.empty() ? 0 : row + 1;
        // The value axis and the room its labels take.
        double lo = 0, hi = 0;
        for (const ChartSeries& s : chart.series)
            for (const Value& v : s.values)
                if (v.has_value()) lo = std::min(lo, v.get()), hi = std::max(hi, v.get());
        axis_ = value_axis(lo, hi);
        for (double t : axis_.ticks) {
            tick_labels_.push_back(
                c.metrics.checked(format_value(Value(t), Unit::other, language_, axis_.decimals),
                                  FontStyle::regular, name + ", axis"));
            label_width_ = std::max(
                label_width_, c.metrics.width(tick_labels_.back(), FontStyle::regular, label_size));
        }
        plot_left_ = label_width_ + 8;
        plot_width_ = c.width - plot_left_ - 4;
        double slot =
            plot_width_ / static_cast<double>(std::max<std::size_t>(chart.categories.size(), 1));
        for (std::size_t i = 0; i < chart.categories.size(); ++i) {
            categories_.push_back(small_lines(chart.categories[i], FontStyle::regular, label_size,
                                              slot - 4, c,
                                              name + ", category " + std::to_string(i + 1)));
            category_lines_ = std::max(category_lines_, categories_.back().size());
        }
    }

    double lead_height() const override { return height(); }

    // One Figure, its alternative text made from the data.
    void place(PageFlow& flow) override {
        flow.keep(height());
        const double left = flow.left(), figure_top = flow.y();
        const std::size_t figure = flow.open("Figure");
        flow.element(figure).alt = chart_alt_text(chart_, language_);
        for (const Line& l : title_) {
            flow.line(l, left,
                      flow.y() - baseline_offset(style::caption_size, style::caption_leading),
                      style::caption_size, style::text);
            flow.advance(style::caption_leading);
        }
        flow.advance(4);
        draw_legend(flow);
        flow.advance(6);
        if (!y_title_.empty())
            flow.text(left, flow.y() - baseline_offset(label_size, label_leading), y_title_,
                      FontStyle::regular, label_size, style::muted);
        flow.advance(label_leading + 4);
        const double top = flow.y(), bottom = top - plot_height;
        draw_axes(flow, left, bottom, top);
        if (chart_.kind == Chart::Kind::bar)
            draw_bars(flow, left + plot_left_, bottom, top);
        else
            draw_lines(flow, left + plot_left_, bottom, top);
        flow.advance(plot_height + 5);
        draw_categories(flow, left + plot_left_);
        if (!x_title_.empty()) {
            double w = metrics_.width(x_title_, FontStyle::regular, label_size);
            flow.text(left + plot_left_ + (plot_width_ - w) / 2,
                      flow.y() - baseline_offset(label_size, label_leading), x_title_,
                      FontStyle::regular, label_size, style::muted);
            flow.advance(label_leading);
        }
        flow.element(figure).bbox =
            std::vector<double>{left, flow.y(), left + flow.width(), figure_top};
        flow.close();
    }

  private:
    double height() const {
        double h = static_cast<double>(title_.size()) * style::caption_leading + 4;
        h += static_cast<double>(legend_rows_) * legend_leading + 6;
        h += label_leading + 4 + plot_height + 5;
        h += static_cast<double>(category_lines_) * label_leading;
        if (!x_title_.empty()) h += label_leading;
        return h;
    }

    double slot() const {
        return plot_width_ /
               static_cast<double>(std::max<std::size_t>(chart_.categories.size(), 1));
    }

    void draw_legend(PageFlow& flow) {
        const double top = flow.y();
        for (std::size_t i = 0; i < legend_.size(); ++i) {
            const LegendItem& item = legend_[i];
            SeriesLook look = series_look(i);
            double x = flow.left() + item.x;
            double mid = top - static_cast<double>(item.row) * legend_leading - legend_leading / 2;
            double text_x = x;
            if (chart_.kind == Chart::Kind::bar) {
                flow.add(RectItem{x, mid - swatch / 2, swatch, swatch, look.bar, outline, 0.4});
                text_x += swatch + 4;
            } else {
                PathItem p;
                p.points = {{x, mid}, {x + line_sample, mid}};
                p.stroke = look.line;
                p.line_width = 1.6;
                p.dash = look.dash;
                flow.add(std::move(p));
                marker(flow, look, x + line_sample / 2, mid);
                text_x += line_sample + 4;
            }
            flow.text(text_x, mid - style::small_size * 0.35, item.name, FontStyle::regular,
                      style::small_size, style::text);
        }
        flow.advance(static_cast<double>(legend_rows_) * legend_leading);
    }

    void draw_axes(PageFlow& flow, double left, double bottom, double top) {
        const double x0 = left + plot_left_, x1 = x0 + plot_width_;
        for (std::size_t i = 0; i < axis_.ticks.size(); ++i) {
            double y = axis_.position(axis_.ticks[i], bottom, top);
            if (axis_.ticks[i] != 0 && axis_.ticks[i] != axis_.min)
                flow.rule(x0, x1, y, 0.4, style::light_rule);
            flow.rule(x0 - 3, x0, y, 0.6, style::muted);
            double w = metrics_.width(tick_labels_[i], FontStyle::regular, label_size);
            flow.text(x0 - 5 - w, y - label_size * 0.35, tick_labels_[i], FontStyle::regular,
                      label_size, style::muted);
        }
        PathItem axes;
        axes.points = {{x0, top}, {x0, bottom}, {x1, bottom}};
        axes.stroke = style::muted;
        axes.line_width = 0.6;
        flow.add(std::move(axes));
        if (axis_.min < 0) flow.rule(x0, x1, axis_.position(0, bottom, top), 0.8, style::text);
        for (std::size_t i = 0; i <= chart_.categories.size(); ++i) {
            double x = x0 + static_cast<double>(i) * slot();
            PathItem tick;
            tick.points = {{x, bottom}, {x, bottom - 3}};
            tick.stroke = style::muted;
            tick.line_width = 0.6;
            flow.add(std::move(tick));
        }
    }

    // A gap says why it is there: ":" suppressed, ".." missing.
    void gap_mark(PageFlow& flow, const Value& v, double x, double base) {
        std::string mark = v.is_suppressed() ? ":" : "..";
        double w = metrics_.width(mark, FontStyle::regular, label_size);
        flow.text(x - w / 2, base + 3, mark, FontStyle::regular, label_size, style::muted);
    }

    void draw_bars(PageFlow& flow, double x0, double bottom, double top) {
        const std::size_t n = std::max<std::size_t>(chart_.series.size(), 1);
        const double group = slot() * 0.74, bar = group / static_cast<double>(n);
        const double zero = axis_.position(0, bottom, top);
        for (std::size_t s = 0; s < chart_.series.size(); ++s) {
            SeriesLook look = series_look(s);
            const auto& values = chart_.series[s].values;
            for (std::size_t c = 0; c < chart_.categories.size() && c < values.size(); ++c) {
                double x = x0 + static_cast<double>(c) * slot() + (slot() - group) / 2 +
                           static_cast<double>(s) * bar;
                if (!values[c].has_value()) {
                    gap_mark(flow, values[c], x + bar / 2, zero);
                    continue;
                }
                double y = axis_.position(values[c].get(), bottom, top);
                flow.add(RectItem{x + 0.6, std::min(y, zero), bar - 1.2, std::fabs(y - zero),
                                  look.bar, outline, 0.4});
            }
        }
    }

    void draw_lines(PageFlow& flow, double x0, double bottom, double top) {
        for (std::size_t s = 0; s < chart_.series.size(); ++s) {
            SeriesLook look = series_look(s);
            const auto& values = chart_.series[s].values;
            PathItem run;
            auto flush = [&] {
                if (run.points.size() > 1) {
                    run.stroke = look.line;
                    run.line_width = 1.6;
                    run.dash = look.dash;
                    flow.add(run);
                }
                run.points.clear();
            };
            std::vector<Point> points;
            for (std::size_t c = 0; c < chart_.categories.size() && c < values.size(); ++c) {
                double x = x0 + (static_cast<double>(c) + 0.5) * slot();
                if (!values[c].has_value()) {
                    flush();
                    gap_mark(flow, values[c], x, axis_.position(0, bottom, top));
                    continue;
                }
                run.points.push_back({x, axis_.position(values[c].get(), bottom, top)});
                points.push_back(run.points.back());
            }
            flush();
            for (const Point& p : points) marker(flow, look, p.x, p.y);
        }
    }

    static void marker(PageFlow& flow, const SeriesLook& look, double x, double y) {
        PathItem m;
        m.points = marker_outline(look.marker, x, y, 3.2);
        m.closed = true;
        m.fill = look.line;
        m.stroke = white;
        m.line_width = 0.6;
        flow.add(std::move(m));
    }

    void draw_categories(PageFlow& flow, double x0) {
        for (std::size_t i = 0; i < categories_.size(); ++i) {
            double y = flow.y();
            for (const Line& l : categories_[i]) {
                double x = x0 + (static_cast<double>(i) + 0.5) * slot() - l.width / 2;
                flow.line(l, x, y - baseline_offset(label_size, label_leading), label_size,
                          style::text);
                y -= label_leading;
            }
        }
        flow.advance(static_cast<double>(category_lines_) * label_leading);
    }

    const Chart& chart_;
    TextMetrics& metrics_;
    std::string language_;
    std::vector<Line> title_;
    std::string y_title_, x_title_;
    std::vector<LegendItem> legend_;
    std::size_t legend_rows_ = 0;
    ValueAxis axis_;
    std::vector<std::string> tick_labels_;
    double label_width_ = 0, plot_left_ = 0, plot_width_ = 0;
    std::vector<std::vector<Line>> categories_;
    std::size_t category_lines_ = 0;
};

}  // namespace

std::unique_ptr<Box> make_chart(const Chart& chart, LayoutContext& context,
                                const std::string& where) {
    return std::make_unique<ChartBox>(chart, context, where);
}

}  // namespace kdx::pdf
