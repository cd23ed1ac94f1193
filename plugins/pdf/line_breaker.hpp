// Breaks styled text into lines of a given width using the fonts' real
// metrics: ragged right, breaks at spaces only, no hyphenation.
#pragma once

#include <string>
#include <vector>

#include "text_metrics.hpp"

namespace kdx::pdf {

// A run of text in one style, as checked by TextMetrics::checked().
struct Span {
    std::string text;
    FontStyle style = FontStyle::regular;
    std::string language;  // BCP 47, or empty for the document's (see break_lines)
};

// A piece of a line in one style, at `x` from the line's start.
struct Fragment {
    std::string text;
    FontStyle style = FontStyle::regular;
    double x = 0;
    double width = 0;
    std::string language;  // BCP 47 where the text is not in the document's language
};

struct Line {
    std::vector<Fragment> fragments;
    double width = 0;  // without trailing spaces
};

// Fills lines greedily. A word wider than `max_width` on a line of its own is
// cut between characters, the only case where a word is split. A line broken
// at a space ends with that space in its last fragment's text, though not in
// its width; no-break spaces (U+00A0, U+202F) keep their words together.
// Sámi and Kven name forms in the text (kdx/text_language.hpp) become
// fragments of their own with their language.
std::vector<Line> break_lines(const std::vector<Span>& spans, double max_width, double size,
                              const TextMetrics& metrics);

// The width of the widest word, for sizing table columns.
double longest_word(const std::vector<Span>& spans, double size, const TextMetrics& metrics);

// The width of the text set on one line.
double natural_width(const std::vector<Span>& spans, double size, const TextMetrics& metrics);

}  // namespace kdx::pdf
