// How layout measures and checks text, without knowing where fonts come from.
#pragma once

#include <string>
#include <string_view>

#include "display_list.hpp"

namespace kdx::pdf {

class TextMetrics {
  public:
    virtual ~TextMetrics() = default;
    // Width in points of text returned by checked(), set in `style` at `size`.
    virtual double width(std::string_view text, FontStyle style, double size) const = 0;
    // Height of the font's capitals above the baseline, for placing text in boxes.
    virtual double ascent(FontStyle style, double size) const = 0;
    // The text as it can be drawn: characters the font lacks are replaced and
    // remembered with `where` (e.g. "heading \"Resultater\"") for a warning.
    virtual std::string checked(std::string_view text, FontStyle style,
                                const std::string& where) = 0;
};

}  // namespace kdx::pdf
