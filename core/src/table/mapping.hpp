// Mapping files (schemas/kdx-mapping-1.xsd, docs/mapping.md): which sheet,
// which header row, which column feeds which field, and how values are written.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "kdx/model.hpp"
#include "table/cell_value.hpp"
#include "table/fields.hpp"

namespace kdx::table_detail {

// One <column>: found by its header text or by its letter.
struct ColumnRule {
    std::string header;   // as the mapping wrote it; empty when by letter
    unsigned column = 0;  // 1-based, from the letter; 0 when by header
    Field field = Field::ignore;
    std::string indicator;  // for outcome columns
    Unit unit = Unit::other;
    bool additive = false;  // an outcome count that adds up across municipalities
    int year = 0;           // the column's own year; 0 = the row's or the sheet's
    unsigned line = 0;      // where in the mapping file, for messages
};

// One <indicator>: a long-format code and what it feeds.
struct IndicatorRule {
    std::string code;
    Field field = Field::outcome;
    std::string indicator;
    std::optional<Unit> unit;
};

struct Mapping {
    std::string file;
    std::string sheet;    // empty: every sheet
    int header_row = -1;  // -1: find it; 0: the table has no header row; N: row N
    DecimalMark decimal = DecimalMark::automatic;
    std::optional<Symbols> symbols;  // <values symbols="…">; none: the layout's publisher or kdx
    // <missing>, <suppressed>, <zero> lists; each adds to the convention's
    // list, and its markers leave the other lists.
    std::optional<std::vector<std::string>> missing, suppressed, zero;
    std::vector<std::string> total_words;  // normalised; the defaults unless given
    int year = 0;                          // for tables without a year column; 0 = none
    std::string source;                    // written into Outcome::source
    std::vector<ColumnRule> columns;       // empty: recognise columns by their headers
    std::vector<IndicatorRule> indicators;
};

// The symbols a source follows: the read option (symbols=…) when given, else
// the mapping's, else the publisher the layout shows, else kdx's. Throws
// kdx::Error for an option naming no convention.
Symbols source_symbols(const std::string& option, const Mapping& mapping,
                       std::optional<Symbols> publisher);

// The value rules of a convention with the mapping's own decimal mark and lists.
ValueRules value_rules(const Mapping& mapping, Symbols symbols);

// The defaults a table gets without a mapping file.
Mapping default_mapping();

// Reads and checks a mapping file. Throws kdx::Error with the file, line and
// what was expected for an unreadable file or a wrong element or value.
Mapping load_mapping(const std::string& path);

}  // namespace kdx::table_detail
