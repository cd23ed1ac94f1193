#include "chart_axis.hpp"

#include <algorithm>
#include <cmath>

#include "style.hpp"

namespace kdx::pdf {

ValueAxis value_axis(double lo, double hi, int target) {
    lo = std::min(lo, 0.0);
    hi = std::max(hi, 0.0);
    if (hi - lo < 1e-12) hi = lo + 1;
    double raw = (hi - lo) / std::max(target, 1);
    double magnitude = std::pow(10.0, std::floor(std::log10(raw)));
    double step = magnitude;
    for (double m : {1.0, 2.0, 2.5, 5.0, 10.0}) {
        step = m * magnitude;
        if (step >= raw * (1 - 1e-9)) break;
    }
    ValueAxis a;
    a.step = step;
    a.min = std::floor(lo / step + 1e-9) * step;
    a.max = std::ceil(hi / step - 1e-9) * step;
    if (a.max <= a.min) a.max = a.min + step;
    double exponent = std::floor(std::log10(step) + 1e-9);
    a.decimals = exponent < 0 ? static_cast<int>(-exponent) : 0;
    if (std::fabs(step / std::pow(10.0, exponent) - 2.5) < 1e-9 && exponent <= 0) ++a.decimals;
    for (int i = 0;; ++i) {
        double t = a.min + i * step;
        if (t > a.max + step * 1e-6) break;
        a.ticks.push_back(std::fabs(t) < step * 1e-9 ? 0.0 : t);
    }
    return a;
}

SeriesLook series_look(std::size_t index) {
    static const std::vector<std::vector<double>> dashes{
        {}, {4.5, 2.5}, {1.2, 2.0}, {6, 2, 1.5, 2}};
    static const Marker markers[] = {Marker::circle, Marker::square, Marker::triangle,
                                     Marker::diamond};
    std::size_t i = index % style::bar_colors.size();
    return {style::bar_colors[i], style::line_colors[i], dashes[i], markers[i]};
}

std::vector<Point> marker_outline(Marker marker, double x, double y, double r) {
    switch (marker) {
        case Marker::square:
            r *= 0.88;
            return {{x - r, y - r}, {x + r, y - r}, {x + r, y + r}, {x - r, y + r}};
        case Marker::triangle:
            r *= 1.2;
            return {{x, y + r}, {x - r * 0.866, y - r * 0.5}, {x + r * 0.866, y - r * 0.5}};
        case Marker::diamond:
            r *= 1.2;
            return {{x, y + r}, {x + r, y}, {x, y - r}, {x - r, y}};
        case Marker::circle:
        default: {
            std::vector<Point> points;
            for (int i = 0; i < 16; ++i) {
                double angle = i * 3.14159265358979 / 8;
                points.push_back({x + r * std::cos(angle), y + r * std::sin(angle)});
            }
            return points;
        }
    }
}

}  // namespace kdx::pdf
