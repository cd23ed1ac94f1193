#include "table/sheet_context.hpp"

#include <utility>

namespace kdx::table_detail {

ImportContext::ImportContext(Dataset& d, Diagnostics& diag, TableImportOptions o)
    : dataset(d),
      diagnostics(diag),
      options(std::move(o)),
      mapping(options.mapping_file.empty() ? default_mapping()
                                           : load_mapping(options.mapping_file)),
      book(d) {}

Location SheetContext::at(std::uint32_t row, unsigned column) const {
    if (sheet.lines) return Location::at(sheet.file, row, column);
    std::string cell =
        column > 0 ? cell_reference(row, column) : std::to_string(row) + ":" + std::to_string(row);
    return Location::at_cell(sheet.file, sheet.name, cell);
}

Origin SheetContext::origin(std::uint32_t row, unsigned column) const {
    return Origin{source, row, column};
}

void SheetContext::error(std::uint32_t row, unsigned column, std::string message) {
    import.diagnostics.error(std::move(message), at(row, column));
}

void SheetContext::warning(std::uint32_t row, unsigned column, std::string message) {
    import.diagnostics.warning(std::move(message), at(row, column));
}

void SheetContext::info(std::uint32_t row, unsigned column, std::string message) {
    import.diagnostics.info(std::move(message), at(row, column));
}

const Cell& cell_of(const Row& row, const Column& column) {
    static const Cell empty;
    return column.index < row.cells.size() ? row.cells[column.index] : empty;
}

RowMapper::~RowMapper() = default;

void ensure_indicator(Dataset& dataset, const std::string& id, Unit unit, bool additive,
                      const std::string& label) {
    if (dataset.find_indicator(id)) return;
    for (const Indicator& i : imdi_extra_indicators())
        if (i.id == id) {
            dataset.indicators.push_back(i);
            return;
        }
    Indicator i;
    i.id = id;
    i.label_nb = i.label_nn = i.label_en = label.empty() ? id : label;
    i.unit = unit;
    i.additive = additive;
    dataset.indicators.push_back(std::move(i));
}

}  // namespace kdx::table_detail
