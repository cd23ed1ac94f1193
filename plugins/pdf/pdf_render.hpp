// Paints a display list into a PoDoFo document: one page per display page,
// and the outline from the bookmarks.
#pragma once

#include "display_list.hpp"
#include "fonts.hpp"

namespace PoDoFo {
class PdfMemDocument;
}

namespace kdx::pdf {

void render(const DisplayList& list, const FontSet& fonts, PoDoFo::PdfMemDocument& document);

}  // namespace kdx::pdf
