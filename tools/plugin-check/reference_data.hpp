// The data the checks write: a small dataset that exercises what formats get
// wrong (æøå and Sámi names, missing next to 0 next to suppressed, quotes and
// line breaks in texts) and a small report document.
#pragma once

#include "kdx/document.hpp"
#include "kdx/model.hpp"

namespace kdx::check {

// Four municipalities, settlement figures for two years, two programmes,
// outcomes, two nominations and one indicator of the dataset's own.
Dataset reference_dataset();

// A document with one block of each kind.
Document reference_document();

}  // namespace kdx::check
