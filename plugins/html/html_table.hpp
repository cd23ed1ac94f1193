// A Table as an HTML table: caption, column headers, the first text column as
// row headers, the total row in tfoot, and the notes tied to the table.
#pragma once

#include <string>

#include "html_text.hpp"
#include "kdx/document.hpp"

namespace kdx::html {

// `id` is unique in the page ("table-3"); `where` names the table in warnings.
std::string table_html(const Table& table, const std::string& id, HtmlText& text,
                       const std::string& where);

// Figures (count, number, percent, per mille) are set right.
bool is_numeric(TableColumn::Type type);

}  // namespace kdx::html
