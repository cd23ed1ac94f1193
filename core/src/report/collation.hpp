// Names in the order a Norwegian reader expects (æ, ø, å after z; Bodø
// before Bærum), from ICU's collator for Norwegian bokmål, never from a
// hand-written table.
#pragma once

#include <string>

namespace kdx::report {

// True when `a` sorts before `b` in Norwegian. Falls back to byte order only
// if ICU cannot open its Norwegian rules (a broken ICU data install).
bool norwegian_less(const std::string& a, const std::string& b);

}  // namespace kdx::report
