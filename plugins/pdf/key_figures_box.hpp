// Key figures as a grid of boxes: label, the value as the document wrote it,
// and the change from the year before.
#pragma once

#include <memory>

#include "box.hpp"
#include "kdx/document.hpp"

namespace kdx::pdf {

std::unique_ptr<Box> make_key_figures(const KeyFigures& figures, LayoutContext& context,
                                      const std::string& where);

// "+12 fra året før", "−3,5 %-poeng fra året før"; "" when the change is unknown.
std::string change_text(const KeyFigure& figure, const std::string& language);

}  // namespace kdx::pdf
