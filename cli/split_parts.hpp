// Reports on municipalities that received part of a divided one.
#pragma once

#include <map>
#include <string>

#include "kdx/diagnostics.hpp"
#include "kdx/model.hpp"

namespace kdx::cli {

// After harmonise() to `year`, a municipality that received part of a divided
// one (Hitra got part of Snillfjord in 2020) has no figures of its own for the
// years before: harmonise() keeps its predecessors' numbers, because the
// divided part's figures cannot be divided. For a report, its figures of such
// a year are those of the predecessors wholly inside it (1617 Hitra), summed
// when several; the report notes that the divided part is not included.
// Returns, for municipalities of `year` that still have no figures at all,
// why no report can be made. Settlement figures only; outcomes keep their
// numbers as harmonise() left them.
std::map<std::string, std::string> use_whole_predecessors(Dataset& dataset, int year,
                                                          Diagnostics& diagnostics);

}  // namespace kdx::cli
