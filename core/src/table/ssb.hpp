// Statistics Norway's statbank exports (CSV or XLSX): a title line naming the
// table ("07459: Befolkning, etter region, statistikkvariabel og år"), then
// either a long header "region";"statistikkvariabel";"år";<value> or a wide
// one "region";"Personer 2014";"Personer 2015", and region labels such as
// "0301 Oslo", "K-3001 Halden", "F-30 Viken" or "EAK Hele landet".
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "table/layout.hpp"
#include "table/sheet_context.hpp"

namespace kdx::table_detail {

// What a statbank region label names.
struct SsbRegion {
    enum class Kind { none, country, county, municipality, other };
    Kind kind = Kind::none;
    std::string number;  // "0000" for the country, two digits for a county, four for a municipality
    std::string name;    // without SSB's validity note "(-2019)"
};

// Reads "0301 Oslo", "K-3001 Halden", "3001 Halden (2020-2023)", "F-30 Viken",
// "30 Viken", "EAK Hele landet", "0 Hele landet"; Kind::other for the other
// regions SSB publishes (city districts "030101 Gamle Oslo", economic
// regions); Kind::none for a text that is no region label.
SsbRegion ssb_region(std::string_view label);

// True for a statbank title: five digits and a colon ("07459: Befolkning, ...").
bool is_statbank_title(std::string_view text);

// The layout of a statbank export's header row, or nullopt when the row is not
// one. `titles` are the rows above it (their texts), where SSB writes the
// table's title.
std::optional<Layout> recognise_ssb_layout(
    const Row& row, const std::vector<std::pair<std::uint32_t, std::string>>& titles);

// Rows of a statbank export: municipality and country rows become figures,
// county rows are checked against their municipalities and skipped.
std::unique_ptr<RowMapper> make_ssb_mapper(SheetContext& sheet, const Layout& layout);

}  // namespace kdx::table_detail
