// Streams deflated by kdx rather than by PoDoFo's FlateDecode filter, with
// the same zlib settings (so the same bytes) on a z_stream kept per thread
// and level: PoDoFo's filter made and zeroed zlib's 256 KB of state for
// each stream, a tenth of the deflating a council report did.
#pragma once

#include <string_view>

namespace PoDoFo {
class PdfObject;
}

namespace kdx::pdf {

// PoDoFo's level (Z_DEFAULT_COMPRESSION).
constexpr int default_level = 6;

// `bytes` deflated at `level` (zlib format, as compress2 makes it); valid
// until the next call on this thread. Throws kdx::Error if zlib fails.
std::string_view deflated(std::string_view bytes, int level);

// Sets the stream of `object` to `packed`, already deflated, with
// /Filter /FlateDecode, as PdfStream::Set with PoDoFo's default filter does.
void set_deflated_stream(PoDoFo::PdfObject& object, std::string_view packed);

}  // namespace kdx::pdf
