// The kdx data model: municipalities, their settlement figures, programmes,
// outcomes and prize nominations, gathered in a Dataset.
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "kdx/diagnostics.hpp"
#include "kdx/value.hpp"

namespace kdx {

// Where a record came from, kept small because a dataset may hold millions of
// records: an index into Dataset::sources (0 = unknown) and a 1-based line or
// row, and a 1-based column (0 = whole line or row).
struct Origin {
    std::uint32_t source = 0;
    std::uint32_t line = 0;
    std::uint32_t column = 0;
};

// A file (and sheet) records were read from.
struct Source {
    std::string file;
    std::string sheet;
    std::string sha256;  // of the file's bytes, 64 lower-case hex digits; empty: not known
};

enum class LanguageForm { unspecified, bokmal, nynorsk, neutral };

// "", "nb", "nn" or "neutral"; the reverse returns nullopt for an unknown text.
const char* to_string(LanguageForm f) noexcept;
std::optional<LanguageForm> language_form_from_string(const std::string& s);

struct Municipality {
    std::string number;  // four-digit kommunenummer, e.g. "5006"
    std::string name;
    std::string county_number;  // two digits, e.g. "50"
    std::string county_name;
    std::string imdi_region;
    LanguageForm language = LanguageForm::unspecified;
    std::optional<std::int64_t> population;
    std::vector<std::string> other_names;  // official Sámi, Kven or earlier names
    int valid_from = 0;                    // first year the number was valid; 0 = not known
    int valid_to = 0;                      // last year the number was valid; 0 = still valid
    Origin origin;
};

// IMDi's request (anmodning), the council's decision (vedtak) and the number
// actually settled (bosatt) for one municipality and year.
struct SettlementFigures {
    std::string municipality;
    int year = 0;
    Value requested;
    Value decided;
    Value settled;
    Value unaccompanied_minors;
    Value family_reunifications;
    Origin origin;
};

enum class ProgrammeKind {
    introduction_programme,
    norwegian_training,
    vocational_course,
    integration_reception_centre,
    parent_guidance,
    other
};

// Identifier used in files, e.g. "introduction-programme"; reverse is nullopt if unknown.
const char* to_string(ProgrammeKind k) noexcept;
std::optional<ProgrammeKind> programme_kind_from_string(const std::string& s);

struct Programme {
    std::string id;
    std::string municipality;
    ProgrammeKind kind = ProgrammeKind::other;
    std::string name;
    std::string description;
    std::vector<std::string> partners;
    std::vector<int> years;
    Origin origin;
};

enum class Unit { persons, percent, per_mille, nok, years, other };

// Identifier used in files: "persons", "percent", "per-mille", "nok", "years", "other".
const char* to_string(Unit u) noexcept;
std::optional<Unit> unit_from_string(const std::string& s);

// An entry of the indicator catalogue.
struct Indicator {
    std::string id;  // e.g. "work-or-education-1y"
    std::string label_nb;
    std::string label_nn;
    std::string label_en;
    Unit unit = Unit::other;
    // True for counts that add up across municipalities (persons settled);
    // false for shares and rates, which must never be summed.
    bool additive = false;
    // True for statistics about people (outcomes, cohort sizes): a public
    // report hides counts of 1 to threshold - 1 and shares of such cohorts.
    // Administrative counts IMDi publishes as they are (requested, decided,
    // settled) are false and are never hidden.
    bool person_statistic = false;
};

// The indicators kdx knows without being told.
const std::vector<Indicator>& builtin_indicators();

// The municipality number used for figures about the whole country (SSB's
// "Hele landet"), e.g. the national outcome a municipality is compared with.
inline constexpr const char* whole_country = "0000";

struct Outcome {
    std::string municipality;
    std::string programme;  // Programme::id, or empty
    std::string indicator;  // Indicator::id
    int year = 0;
    Value value;
    Unit unit = Unit::other;
    Value cohort_size;
    std::string source;
    Origin origin;
};

enum class NominationStatus { nominated, finalist, winner };

const char* to_string(NominationStatus s) noexcept;
std::optional<NominationStatus> nomination_status_from_string(const std::string& s);

struct Section {
    std::string heading;
    std::string text;
};

struct Nomination {
    std::string prize;  // e.g. "bosettings-og-inkluderingsprisen"
    int year = 0;
    std::string municipality;
    NominationStatus status = NominationStatus::nominated;
    std::string summary;
    std::vector<Section> sections;
    std::string last_updated;  // ISO date, e.g. "2018-12-21", or empty
    Value votes;
    Origin origin;
};

// A published statistic the dataset's figures come from, as a report cites it
// ("IMDi, bosettingsstatistikk, tall per oktober 2015"). Distinct from Source,
// which is the file a record was read from.
struct DataSource {
    std::string publisher;                     // the organisation, e.g. "IMDi"
    std::string title_nb, title_nn, title_en;  // the statistic, per language
    std::string as_of;    // date of the data: "2015", "2015-10" or "2015-10-31"
    std::string licence;  // e.g. "NLOD 2.0"
    std::string link;     // where the statistic is published

    // The title in a language: a Norwegian form falls back to the other
    // Norwegian form, never to English; English falls back to bokmål, nynorsk.
    const std::string& title(const std::string& language) const;
};

// Describes the dataset as a whole.
struct DatasetInfo {
    std::string title;
    std::string description;
    std::string language;                  // "nb", "nn" or "en"
    std::vector<std::string> provenance;   // free notes on the figures; never printed in reports
    std::vector<DataSource> data_sources;  // the statistics cited in reports
    std::string
        publisher;  // who publishes reports made from the dataset; empty: the first source's
};

// A whole dataset. Collections are plain vectors in the order they were read;
// the lookups build their index on first use and are invalidated by changes.
//
// Threads: a const Dataset may be read from several threads at once, lookups
// included, once build_indexes() has run after the last change for the
// lookups the threads use. Before that, find_municipality() and
// find_settlement() build their index on first use and must not race.
// location_of(), find_indicator(), settlement_of(), nominations_in() and
// empty() keep no state and are always safe to call together. Changing a
// dataset (its members, add_source(), reindex(), merge()) needs it to itself.
class Dataset {
  public:
    DatasetInfo info;
    std::vector<Source> sources;        // Origin::source - 1 indexes this
    std::vector<Indicator> indicators;  // the dataset's own catalogue entries
    std::vector<Municipality> municipalities;
    std::vector<SettlementFigures> settlement;
    std::vector<Programme> programmes;
    std::vector<Outcome> outcomes;
    std::vector<Nomination> nominations;

    // True when the dataset holds no records (sources and indicators aside).
    bool empty() const noexcept {
        return municipalities.empty() && settlement.empty() && programmes.empty() &&
               outcomes.empty() && nominations.empty();
    }

    // Registers a source and returns its index for Origin::source.
    std::uint32_t add_source(std::string file, std::string sheet = {});
    // The location an origin points to, as a diagnostic location.
    Location location_of(const Origin& o) const;

    // Lookups; nullptr when absent.
    const Municipality* find_municipality(const std::string& number) const;
    const SettlementFigures* find_settlement(const std::string& municipality, int year) const;
    // The dataset's own entry first, then the built-in catalogue.
    const Indicator* find_indicator(const std::string& id) const;

    // Settlement figures of a municipality, ordered by year.
    std::vector<const SettlementFigures*> settlement_of(const std::string& municipality) const;
    // Nominations of a year, in dataset order.
    std::vector<const Nomination*> nominations_in(int year) const;

    // Forget the lookup indexes. Lookups rebuild them when a collection's size
    // changed; call this after changing keys of records already looked up.
    void reindex() const;
    // The lookups whose index build_indexes() builds.
    enum Lookups : unsigned {
        municipality_lookup = 1u << 0,  // find_municipality()
        settlement_lookup = 1u << 1,    // find_settlement()
        all_lookups = municipality_lookup | settlement_lookup,
    };
    // Builds the indexes of `which` lookups now, so that those lookups only
    // read: call it after the last change and before threads share the
    // dataset. (An index costs memory: the settlement one about 100 bytes a
    // record, so callers that never look settlement up leave it out.)
    void build_indexes(unsigned which = all_lookups) const;

  private:
    void ensure_index() const;
    mutable bool indexed_ = false;
    mutable std::pair<std::size_t, std::size_t> indexed_sizes_{0, 0};
    mutable std::map<std::string, std::size_t> municipality_index_;
    mutable std::map<std::pair<std::string, int>, std::size_t> settlement_index_;
};

// Adds `from` to `into`: records are appended with their origins kept, a
// municipality already in `into` is not added twice (the first wins), info
// fields empty in `into` are taken from `from`, provenance lines and data
// sources appended (a data source already in `into` is not added twice).
void merge(Dataset& into, Dataset from);

}  // namespace kdx
