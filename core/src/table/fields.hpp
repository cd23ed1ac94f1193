// The model fields a table column can feed, how headers name them (Norwegian
// synonyms built in), and the indicator codes of long-format statistics.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "kdx/model.hpp"

namespace kdx::table_detail {

enum class Field {
    ignore,
    municipality,         // a number, a name, or both as in "5006 Steinkjer"
    municipality_number,  // only a number
    municipality_name,
    county_number,  // in a long-format table: rows about a whole county
    county_name,
    population,
    year,
    requested,
    decided,
    settled,
    unaccompanied_minors,
    family_reunifications,
    outcome,  // an indicator value, with indicator id and unit
    // Long format: one row per area, year, indicator and value.
    indicator,
    unit,
    value,
    programme,
    cohort_size,
    source,
    business_region,  // næringsregion rows
    district,         // Oslo district (bydel) rows
};

// The name mapping files use, e.g. "municipality-number"; nullopt if unknown.
const char* field_name(Field f) noexcept;
std::optional<Field> field_from_name(std::string_view name);

// True for the counts of SettlementFigures.
bool is_settlement_field(Field f) noexcept;
// The SettlementFigures member a settlement field fills.
Value& settlement_value(SettlementFigures& s, Field f);

// A header text folded for comparison: lower case (æøå and other Latin-1
// letters too), "_", "-" and runs of spaces as one space, footnote marks and
// trailing ":" or "." dropped.
std::string normalise_header(std::string_view text);
// The same into `out`, whose storage is reused: for checks made on every row.
void normalise_header(std::string_view text, std::string& out);

// What a header cell names: a field, an outcome's indicator and unit, and a
// year when the header carries one ("Bosatt 2018").
struct HeaderMatch {
    Field field = Field::ignore;
    std::string indicator;
    Unit unit = Unit::other;
    int year = 0;
};

// Recognises a header text by its built-in synonyms and the indicator
// catalogue; nullopt when it names nothing kdx knows.
std::optional<HeaderMatch> match_header(std::string_view text);

// Units as tables write them ("personer", "prosent", "promille", "%"); nullopt if unknown.
std::optional<Unit> unit_from_text(std::string_view text);

// What a long-format indicator code stands for: a settlement count, or an
// outcome with its indicator id and unit.
struct IndicatorCode {
    Field field = Field::outcome;
    std::string indicator;
    Unit unit = Unit::other;
};

// IMDi's settlement codes ("anmodning", "bosatt_per_1000", ...) and the ids of
// the catalogue `dataset` sees; nullopt when unknown.
std::optional<IndicatorCode> indicator_code(std::string_view code, const Dataset& dataset);

// What IMDi's percentages of settlement are shares of. Its long export gives
// "Faktisk bosetting" in percent of the decision; its imdikator tables give
// every count in percent of the request (whose own column is 100 throughout).
enum class ShareBase { decided, requested };

// The share outcome a settlement count stands for when IMDi writes it in
// another unit: decided in percent is decided-share-of-requested, settled in
// percent settled-share-of-decided (or -of-requested), settled per mille
// settled-per-1000. Nullopt for the rest (the request as a share of itself).
std::optional<IndicatorCode> share_code(Field count, Unit unit, ShareBase base);

// Catalogue entries for indicators IMDi publishes that the built-in catalogue
// lacks; added to a dataset when its rows use them.
const std::vector<Indicator>& imdi_extra_indicators();

// Words that start a total row ("sum", "totalt", "i alt", "hele landet"), normalised.
const std::vector<std::string>& default_total_words();
// True when `text` is one of the normalised `words` or starts with one ("Sum Trøndelag").
bool is_total_text(std::string_view text, const std::vector<std::string>& words);

}  // namespace kdx::table_detail
