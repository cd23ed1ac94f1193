// File names of reports in ASCII.
#pragma once

#include <string>

namespace kdx::cli {

// A name safe in file names: "Bærum" -> "baerum". As ICU's "Any-Latin;
// Latin-ASCII; Lower" transliteration writes it, then lower-case letters and
// digits with runs of anything else as one "-"; "report" if nothing is left.
std::string slug(const std::string& text);

}  // namespace kdx::cli
