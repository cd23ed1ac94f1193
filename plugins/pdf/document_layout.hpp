// Lays out a whole Document: title block, blocks in order, notes, and the
// running header and footer, into a display list.
#pragma once

#include "display_list.hpp"
#include "kdx/document.hpp"
#include "text_metrics.hpp"

namespace kdx::pdf {

DisplayList lay_out(const Document& document, TextMetrics& metrics, PageSize size);

}  // namespace kdx::pdf
