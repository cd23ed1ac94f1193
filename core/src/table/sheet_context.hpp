// What the parts of a table import share: the dataset and diagnostics, the
// mapping, and for the sheet being read its source, value rules and year.
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <utility>

#include "kdx/diagnostics.hpp"
#include "kdx/model.hpp"
#include "kdx/table.hpp"
#include "kdx/table_import.hpp"
#include "table/layout.hpp"
#include "table/mapping.hpp"
#include "table/municipality_cell.hpp"

namespace kdx::table_detail {

// One import: every sheet of one file.
struct ImportContext {
    ImportContext(Dataset& d, Diagnostics& diag, TableImportOptions o);

    Dataset& dataset;
    Diagnostics& diagnostics;
    TableImportOptions options;
    Mapping mapping;
    MunicipalityBook book;
};

// The sheet being read.
struct SheetContext {
    SheetContext(ImportContext& i, SheetInfo s) : import(i), sheet(std::move(s)) {}

    ImportContext& import;
    SheetInfo sheet;
    std::uint32_t source = 0;  // Dataset::sources index of this sheet
    ValueRules rules;
    std::string outcome_source;  // Outcome::source for this sheet's outcomes
    int year = 0;                // the sheet's year when rows give none; 0 = none
    std::size_t records = 0;     // settlement figures and outcomes added

    Dataset& dataset() { return import.dataset; }
    // A cell (1-based column) or, for column 0, the whole row.
    Location at(std::uint32_t row, unsigned column = 0) const;
    Origin origin(std::uint32_t row, unsigned column = 0) const;
    void error(std::uint32_t row, unsigned column, std::string message);
    void warning(std::uint32_t row, unsigned column, std::string message);
    void info(std::uint32_t row, unsigned column, std::string message);
};

// The cell of a row in a column; an empty cell past the row's end.
const Cell& cell_of(const Row& row, const Column& column);

// Turns rows of one layout into records.
class RowMapper {
  public:
    virtual ~RowMapper();
    virtual void row(const Row& row) = 0;
    // Reports what it counted over the sheet (rows skipped by kind).
    virtual void finish() {}
    // Why rows gave no figures when the mapper knows better than "no figure
    // columns" (e.g. only county rows); empty otherwise.
    virtual std::string nothing_read() const { return {}; }
    // True when the records a row adds are never touched again by this
    // mapper, so that they may be handed on before the sheet ends.
    virtual bool records_final() const { return false; }
};

// One row per municipality (and year), one column per field.
std::unique_ptr<RowMapper> make_wide_mapper(SheetContext& sheet, const Layout& layout);
// One row per area, year, indicator and value.
std::unique_ptr<RowMapper> make_long_mapper(SheetContext& sheet, const Layout& layout);

// Adds a dataset catalogue entry for an outcome indicator kdx does not know
// built in, so that validation and exporters can name it.
void ensure_indicator(Dataset& dataset, const std::string& id, Unit unit, bool additive,
                      const std::string& label);

}  // namespace kdx::table_detail
