// TrueType hinting taken out of an embedded font program: a PDF viewer
// scales the outlines itself, and the instructions were most of what the
// subsets of DejaVu carried (and most of what deflate spent its time on).
#pragma once

#include <set>
#include <string>
#include <string_view>

namespace kdx::pdf {

// `font` (a TrueType file or a subset of one) without its hinting: no fpgm,
// prep, cvt, hdmx, LTSH or VDMX table, no instructions in any glyph (loca
// rewritten to match, in its own format), maxp's hinting limits zero, the
// table directory sorted and every checksum recomputed. Outlines, advances
// and the other tables are kept byte for byte. Throws kdx::Error for bytes it
// cannot read as TrueType.
//
// `drawn`, when given, names the glyphs text is set in: the other glyphs
// without an outline (those a subset left out, which keeps the glyph numbers)
// get zero advance and side bearing in hmtx, runs of zeros that deflate
// passes over instead of the whole font's metrics up to the last glyph used.
std::string without_hinting(std::string_view font, const std::set<unsigned>* drawn = nullptr);

}  // namespace kdx::pdf
