#include "html_chart.hpp"

#include <algorithm>
#include <array>
#include <cmath>

#include "html_style.hpp"
#include "html_table.hpp"
#include "kdx/chart_text.hpp"
#include "kdx/number_format.hpp"
#include "kdx/utf8.hpp"
#include "labels.hpp"

namespace kdx::html {

namespace {

// The drawing's own units; the SVG scales to the width of the page.
constexpr double width = 640, plot_height = 220, top = 14;
constexpr double label_size = 12, char_width = 0.6 * label_size;  // an estimate, no font metrics
constexpr double category_line = 16;

// A coordinate with one decimal, written the same whatever the C locale.
std::string num(double v) {
    long tenths = std::lround(v * 10);
    std::string sign = tenths < 0 ? "-" : "";
    tenths = std::labs(tenths);
    std::string out = sign + std::to_string(tenths / 10);
    if (tenths % 10) out += "." + std::to_string(tenths % 10);
    return out;
}

std::size_t characters(const std::string& s) { return utf8::count(s); }

// Round ticks from `lo` to `hi` (0 included), about five of them.
struct Axis {
    double lo = 0, hi = 1, step = 1;
    int decimals = 0;
    std::vector<double> ticks;
    double y(double v, double bottom) const { return bottom - (v - lo) / (hi - lo) * plot_height; }
};

Axis value_axis(double lo, double hi) {
    Axis a;
    if (hi <= lo) hi = lo + 1;
    const double raw = (hi - lo) / 5;
    const double magnitude = std::pow(10.0, std::floor(std::log10(raw)));
    double step = magnitude;
    for (double m : {1.0, 2.0, 2.5, 5.0, 10.0})
        if (m * magnitude >= raw) {
            step = m * magnitude;
            break;
        }
    a.step = step;
    a.lo = std::floor(lo / step) * step;
    a.hi = std::ceil(hi / step) * step;
    a.decimals = step >= 1 ? 0 : static_cast<int>(std::ceil(-std::log10(step) - 1e-9));
    if (step == 2.5 * magnitude && step < 10) a.decimals += 1;
    for (double t = a.lo; t <= a.hi + step / 2; t += step)
        a.ticks.push_back(std::abs(t) < step / 1e6 ? 0 : t);
    return a;
}

// The figures of the chart as a Table: a row per category, a column per series.
Table chart_table(const Chart& chart, const std::string& language) {
    Table t;
    t.caption = chart.title;
    t.columns.push_back({chart.x_title.empty() ? labels_for(language).category : chart.x_title,
                         TableColumn::Type::text});
    const auto type =
        chart.unit == Unit::percent ? TableColumn::Type::percent : TableColumn::Type::number;
    for (const ChartSeries& s : chart.series) t.columns.push_back({s.name, type});
    for (std::size_t c = 0; c < chart.categories.size(); ++c) {
        std::vector<TableCell> row{{chart.categories[c], Value()}};
        for (const ChartSeries& s : chart.series) {
            Value v = c < s.values.size() ? s.values[c] : Value();
            row.push_back({format_value(v, chart.unit, language), v});
        }
        t.rows.push_back(std::move(row));
    }
    return t;
}

// A marker of shape `i` (circle, square, triangle, diamond) at x, y.
std::string marker(std::size_t i, double x, double y, const std::string& colour) {
    const std::string fill = "fill=\"" + colour + "\" stroke=\"#ffffff\" stroke-width=\"1\"";
    const double r = 4.2;
    switch (i % 4) {
        case 0:
            return "<circle cx=\"" + num(x) + "\" cy=\"" + num(y) + "\" r=\"" + num(r) + "\" " +
                   fill + "/>";
        case 1:
            return "<rect x=\"" + num(x - r) + "\" y=\"" + num(y - r) + "\" width=\"" + num(2 * r) +
                   "\" height=\"" + num(2 * r) + "\" " + fill + "/>";
        case 2:
            return "<path d=\"M" + num(x) + " " + num(y - r - 1) + "L" + num(x + r + 1) + " " +
                   num(y + r) + "L" + num(x - r - 1) + " " + num(y + r) + "Z\" " + fill + "/>";
        default:
            return "<path d=\"M" + num(x) + " " + num(y - r - 1) + "L" + num(x + r + 1) + " " +
                   num(y) + "L" + num(x) + " " + num(y + r + 1) + "L" + num(x - r - 1) + " " +
                   num(y) + "Z\" " + fill + "/>";
    }
}

const std::array<const char*, 4> dashes{{"", "7 3", "2 3", "9 3 2 3"}};

class SvgChart {
  public:
    SvgChart(const Chart& chart, const std::string& language, HtmlText& text,
             const std::string& where)
        : chart_(chart), language_(language), text_(text), where_(where) {
        double lo = 0, hi = 0;
        for (const ChartSeries& s : chart.series)
            for (const Value& v : s.values)
                if (v.has_value()) lo = std::min(lo, v.get()), hi = std::max(hi, v.get());
        axis_ = value_axis(lo, hi);
        std::size_t widest = 0;
        for (double t : axis_.ticks) {
            tick_labels_.push_back(format_value(Value(t), Unit::other, language, axis_.decimals));
            widest = std::max(widest, characters(tick_labels_.back()));
        }
        left_ = (chart.y_title.empty() ? 6 : 26) + static_cast<double>(widest) * char_width + 8;
        slot_ = chart.categories.empty()
                    ? 0
                    : (width - left_ - 8) / static_cast<double>(chart.categories.size());
        std::size_t longest = 0;
        for (const std::string& c : chart.categories) longest = std::max(longest, characters(c));
        // Category labels wider than their slot are set at a slant.
        slanted_ = static_cast<double>(longest) * char_width > slot_ - 4;
        labels_height_ = slanted_
                             ? std::min(static_cast<double>(longest) * char_width * 0.6 + 14, 110.0)
                             : category_line + 4;
        bottom_ = top + plot_height;
        height_ = bottom_ + labels_height_ + (chart.x_title.empty() ? 4 : 22);
    }

    std::string svg(const std::string& id) {
        std::string name = chart_.title;
        const std::string alt = chart_alt_text(chart_, language_);
        if (name.empty()) name = alt.substr(0, alt.find(". "));
        std::string out = "<svg role=\"img\" aria-labelledby=\"" + id +
                          "-title\" aria-describedby=\"" + id + "-desc\" viewBox=\"0 0 " +
                          num(width) + " " + num(height_) + "\" width=\"" + num(width) +
                          "\" height=\"" + num(height_) + "\" font-size=\"" + num(label_size) +
                          "\">\n";
        out += "<title id=\"" + id + "-title\">" + text_(name, where_ + ", title") + "</title>\n";
        out += "<desc id=\"" + id + "-desc\">" + text_(alt, where_ + ", description") + "</desc>\n";
        grid(out);
        if (chart_.kind == Chart::Kind::bar)
            bars(out);
        else
            lines(out);
        categories(out);
        return out + "</svg>\n";
    }

  private:
    double y(double v) const { return axis_.y(v, bottom_); }

    void grid(std::string& out) {
        for (std::size_t i = 0; i < axis_.ticks.size(); ++i) {
            const double ty = y(axis_.ticks[i]);
            out += "<line x1=\"" + num(left_) + "\" x2=\"" + num(width - 8) + "\" y1=\"" + num(ty) +
                   "\" y2=\"" + num(ty) + "\" stroke=\"" +
                   (axis_.ticks[i] == 0 ? palette::axis : palette::grid) + "\" stroke-width=\"" +
                   (axis_.ticks[i] == 0 ? "1.2" : "0.8") + "\"/>\n";
            out += "<text x=\"" + num(left_ - 6) + "\" y=\"" + num(ty + 4) +
                   "\" text-anchor=\"end\" fill=\"" + palette::muted + "\">" +
                   text_(tick_labels_[i], where_) + "</text>\n";
        }
        if (!chart_.y_title.empty())
            out += "<text transform=\"translate(14 " + num(top + plot_height / 2) +
                   ") rotate(-90)\" text-anchor=\"middle\" fill=\"" + palette::muted + "\">" +
                   text_(chart_.y_title, where_ + ", axis title") + "</text>\n";
        if (!chart_.x_title.empty())
            out += "<text x=\"" + num(left_ + (width - 8 - left_) / 2) + "\" y=\"" +
                   num(height_ - 6) + "\" text-anchor=\"middle\" fill=\"" + palette::muted + "\">" +
                   text_(chart_.x_title, where_ + ", axis title") + "</text>\n";
    }

    // ".." or ":" at the axis where a value is missing or suppressed.
    void gap(std::string& out, const Value& v, double x) {
        out += "<text x=\"" + num(x) + "\" y=\"" + num(y(0) - 4) +
               "\" text-anchor=\"middle\" fill=\"" + palette::muted + "\">" +
               (v.is_suppressed() ? ":" : "..") + "</text>\n";
    }

    void bars(std::string& out) {
        const std::size_t n = std::max<std::size_t>(chart_.series.size(), 1);
        const double group = slot_ * 0.8, bar = group / static_cast<double>(n);
        for (std::size_t s = 0; s < chart_.series.size(); ++s) {
            const std::string colour = palette::series[s % palette::series.size()];
            out += "<g fill=\"" + colour + "\">\n";
            for (std::size_t c = 0; c < chart_.categories.size(); ++c) {
                const double x = left_ + static_cast<double>(c) * slot_ + slot_ * 0.1 +
                                 static_cast<double>(s) * bar;
                const Value v =
                    c < chart_.series[s].values.size() ? chart_.series[s].values[c] : Value();
                if (!v.has_value()) {
                    gap(out, v, x + bar / 2);
                    continue;
                }
                const double y0 = y(0), y1 = y(v.get());
                out += "<rect x=\"" + num(x + 0.5) + "\" y=\"" + num(std::min(y0, y1)) +
                       "\" width=\"" + num(std::max(bar - 1, 0.5)) + "\" height=\"" +
                       num(std::abs(y0 - y1)) + "\"/>\n";
            }
            out += "</g>\n";
        }
    }

    void lines(std::string& out) {
        for (std::size_t s = 0; s < chart_.series.size(); ++s) {
            const std::string colour = palette::series[s % palette::series.size()];
            const std::string dash = dashes[s % dashes.size()];
            std::string path, markers;
            bool open = false;
            for (std::size_t c = 0; c < chart_.categories.size(); ++c) {
                const double x = left_ + (static_cast<double>(c) + 0.5) * slot_;
                const Value v =
                    c < chart_.series[s].values.size() ? chart_.series[s].values[c] : Value();
                if (!v.has_value()) {
                    gap(out, v, x);
                    open = false;  // a gap breaks the line
                    continue;
                }
                path += (open ? "L" : "M") + num(x) + " " + num(y(v.get()));
                open = true;
                markers += marker(s, x, y(v.get()), colour);
            }
            if (!path.empty())
                out += "<path d=\"" + path + "\" fill=\"none\" stroke=\"" + colour +
                       "\" stroke-width=\"2.2\"" +
                       (dash.empty() ? std::string() : " stroke-dasharray=\"" + dash + "\"") +
                       "/>\n";
            out += markers + "\n";
        }
    }

    void categories(std::string& out) {
        for (std::size_t c = 0; c < chart_.categories.size(); ++c) {
            const double x = left_ + (static_cast<double>(c) + 0.5) * slot_;
            const std::string label =
                text_(chart_.categories[c], where_ + ", category " + std::to_string(c + 1));
            if (slanted_)
                out += "<text transform=\"translate(" + num(x + 4) + " " + num(bottom_ + 12) +
                       ") rotate(-35)\" text-anchor=\"end\" fill=\"" + palette::text + "\">" +
                       label + "</text>\n";
            else
                out += "<text x=\"" + num(x) + "\" y=\"" + num(bottom_ + category_line) +
                       "\" text-anchor=\"middle\" fill=\"" + palette::text + "\">" + label +
                       "</text>\n";
        }
    }

    const Chart& chart_;
    const std::string& language_;
    HtmlText& text_;
    std::string where_;
    Axis axis_;
    std::vector<std::string> tick_labels_;
    double left_ = 0, slot_ = 0, bottom_ = 0, height_ = 0, labels_height_ = 0;
    bool slanted_ = false;
};

// The series' names beside their colour, for sighted readers; a screen
// reader has them in the description already.
std::string legend(const Chart& chart, HtmlText& text, const std::string& where) {
    std::string out = "<ul class=\"legend\" aria-hidden=\"true\">\n";
    for (std::size_t s = 0; s < chart.series.size(); ++s) {
        const std::string colour = palette::series[s % palette::series.size()];
        std::string sample;
        if (chart.kind == Chart::Kind::bar) {
            sample = "<rect x=\"1\" y=\"1\" width=\"12\" height=\"12\" fill=\"" + colour + "\"/>";
        } else {
            const std::string dash = dashes[s % dashes.size()];
            sample = "<path d=\"M0 7H26\" stroke=\"" + colour + "\" stroke-width=\"2.2\"" +
                     (dash.empty() ? std::string() : " stroke-dasharray=\"" + dash + "\"") + "/>" +
                     marker(s, 13, 7, colour);
        }
        const std::string w = chart.kind == Chart::Kind::bar ? "14" : "26";
        out += "<li><svg width=\"" + w + "\" height=\"14\" viewBox=\"0 0 " + w +
               " 14\" focusable=\"false\">" + sample + "</svg>" +
               text(chart.series[s].name, where + ", legend") + "</li>\n";
    }
    return out + "</ul>\n";
}

}  // namespace

std::string chart_html(const Chart& chart, const std::string& id, const std::string& language,
                       ChartTable table, HtmlText& text, const std::string& where) {
    std::string out = "<figure class=\"chart\">\n";
    if (!chart.title.empty())
        out += "<figcaption>" + text(chart.title, where + ", title") + "</figcaption>\n";
    out += SvgChart(chart, language, text, where).svg(id);
    if (!chart.series.empty()) out += legend(chart, text, where);
    if (table != ChartTable::none && !chart.categories.empty()) {
        const Table t = chart_table(chart, language);
        out += std::string("<details class=\"chart-data\"") +
               (table == ChartTable::open ? " open" : "") + ">\n<summary>" +
               text(labels_for(language).chart_table, where) + "</summary>\n" +
               table_html(t, id + "-data", text, where + ", table of figures") + "</details>\n";
    }
    return out + "</figure>\n";
}

}  // namespace kdx::html
