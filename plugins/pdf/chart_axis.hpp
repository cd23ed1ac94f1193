// Chart scaffolding: a value axis with round ticks, and how each series is
// told apart (colour lightness, dash pattern, marker shape).
#pragma once

#include <cstddef>
#include <vector>

#include "display_list.hpp"

namespace kdx::pdf {

struct ValueAxis {
    double min = 0, max = 1, step = 1;
    int decimals = 0;  // enough to tell the tick labels apart
    std::vector<double> ticks;

    // Maps a value to a position between `bottom` and `top`.
    double position(double value, double bottom, double top) const {
        return bottom + (value - min) / (max - min) * (top - bottom);
    }
};

// An axis from 0 (or below, for negative data) that covers [lo, hi] with about
// `target` steps of 1, 2, 2.5 or 5 times a power of ten.
ValueAxis value_axis(double lo, double hi, int target = 5);

enum class Marker { circle, square, triangle, diamond };

struct SeriesLook {
    Color bar;
    Color line;
    std::vector<double> dash;
    Marker marker = Marker::circle;
};

// The look of series `index`; it cycles after four series.
SeriesLook series_look(std::size_t index);

// The outline of a marker of radius `r` centred on (x, y).
std::vector<Point> marker_outline(Marker marker, double x, double y, double r);

}  // namespace kdx::pdf
