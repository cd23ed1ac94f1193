// Tables that split across pages with the header row repeated, numbers set
// right, the total row set apart, and the table's notes beneath.
#pragma once

#include <memory>
#include <vector>

#include "box.hpp"
#include "kdx/document.hpp"

namespace kdx::pdf {

std::unique_ptr<Box> make_table(const Table& table, LayoutContext& context,
                                const std::string& where);

// Column widths that fill `width`. With room to spare, columns first grow
// towards `wanted` (their header on one line), then alike. Without, numeric
// columns keep their widest figure and text columns share the rest in
// proportion to their text and wrap. All widths include the cells' padding.
std::vector<double> column_widths(const std::vector<double>& natural,
                                  const std::vector<double>& minimum,
                                  const std::vector<double>& wanted,
                                  const std::vector<bool>& numeric, double width);

}  // namespace kdx::pdf
