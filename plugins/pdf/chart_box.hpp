// Bar and line charts drawn as vectors: axes, ticks, labels, a legend, and
// gaps where a value is missing or suppressed.
#pragma once

#include <memory>

#include "box.hpp"
#include "kdx/document.hpp"

namespace kdx::pdf {

std::unique_ptr<Box> make_chart(const Chart& chart, LayoutContext& context,
                                const std::string& where);

}  // namespace kdx::pdf
