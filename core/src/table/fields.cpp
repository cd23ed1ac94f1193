#include "table/fields.hpp"

#include <algorithm>
#include <array>
#include <unordered_map>
#include <utility>

#include "table/cell_value.hpp"

namespace kdx::table_detail {

namespace {

constexpr std::array<std::pair<Field, const char*>, 22> field_names{{
    {Field::ignore, "ignore"},
    {Field::municipality, "municipality"},
    {Field::municipality_number, "municipality-number"},
    {Field::municipality_name, "municipality-name"},
    {Field::county_number, "county-number"},
    {Field::county_name, "county-name"},
    {Field::population, "population"},
    {Field::year, "year"},
    {Field::requested, "requested"},
    {Field::decided, "decided"},
    {Field::settled, "settled"},
    {Field::unaccompanied_minors, "unaccompanied-minors"},
    {Field::family_reunifications, "family-reunifications"},
    {Field::outcome, "outcome"},
    {Field::indicator, "indicator"},
    {Field::unit, "unit"},
    {Field::value, "value"},
    {Field::programme, "programme"},
    {Field::cohort_size, "cohort-size"},
    {Field::source, "source"},
    {Field::business_region, "business-region"},
    {Field::district, "district"},
}};

// Headers partners write, in bokmål, nynorsk and English. Normalised when the
// table is built, so they are written here as people write them.
const std::vector<std::pair<Field, std::vector<const char*>>>& synonyms() {
    static const std::vector<std::pair<Field, std::vector<const char*>>> table{
        {Field::municipality,
         {"Kommune", "Municipality", "Bosettingskommune", "Busetjingskommune", "Kommune nr og navn",
          "Kommunenr og navn", "Kommunenummer og navn",
          // IMDi's wide export: "K0301" (municipality), "F03" (county).
          "Region"}},
        {Field::municipality_number,
         {"Kommunenr", "Knr", "Kommunenummer", "Kommune nr", "Komnr", "Kommune id", "Kommunekode",
          "Municipality number", "Number", "Nummer", "Nr"}},
        {Field::municipality_name,
         {"Kommunenavn", "Kommunenamn", "Kommune navn", "Navn", "Namn", "Name",
          "Municipality name"}},
        {Field::county_number,
         {"Fylkesnr", "Fylkesnummer", "Fnr", "Fylke nr", "Fylke id", "Fylkeskode",
          "County number"}},
        {Field::county_name, {"Fylke", "Fylkesnavn", "Fylkesnamn", "County", "County name"}},
        {Field::population,
         {"Innbyggere", "Innbyggjarar", "Folketall", "Befolkning", "Folkemengde",
          "Antall innbyggere", "Population"}},
        {Field::year,
         {"År", "Aar", "Ar", "Year", "Årstall", "Bosettingsår", "Busetjingsår", "Statistikkår"}},
        {Field::requested,
         {"Anmodning", "Anmodet", "Anmodede", "Anmodninger", "Anmodning om bosetting",
          "Antall anmodet", "IMDis anmodning", "Oppmoding", "Oppmoda", "Requested"}},
        {Field::decided,
         {"Vedtak", "Vedtatt", "Vedtatte", "Vedtak om bosetting", "Kommunens vedtak",
          "Antall vedtatt", "Vedteke", "Decided"}},
        {Field::settled,
         {"Bosatt", "Bosatte", "Antall bosatt", "Antall bosatte", "Bosatte flyktninger",
          "Faktisk bosatt", "Faktisk bosetting", "Busett", "Busette", "Settled"}},
        {Field::unaccompanied_minors,
         {"Enslige mindreårige", "Einslege mindreårige", "EM", "EMF",
          "Enslige mindreårige flyktninger", "Herav enslige mindreårige",
          "Bosatte enslige mindreårige", "Enslige mindreårige bosatt", "Enslige mindreaarige",
          "Unaccompanied minors"}},
        {Field::family_reunifications,
         {"Familiegjenforente", "Familiegjenforening", "Familiegjenforeninger", "Familiegjeneinte",
          "Herav familiegjenforente", "Familiegjenforente bosatt", "Family reunifications"}},
        {Field::indicator, {"Indikator", "Indicator", "Variabel", "Bosetting", "Måltall"}},
        {Field::unit, {"Enhet", "Eining", "Unit", "Måleenhet"}},
        {Field::value, {"Verdi", "Value", "Tabellvariabel", "Tall", "Antall"}},
        {Field::programme, {"Programme", "Program", "Programme id"}},
        {Field::cohort_size,
         {"Cohort size", "Cohort", "Kohort", "Kull", "Kullstørrelse", "Antall i kullet"}},
        {Field::source, {"Kilde", "Kjelde", "Source"}},
        {Field::business_region,
         {"Næringsregion", "Naringsregion", "Næringsregion id", "Naringsregion id",
          "Næringsregion nr", "Naringsregion nr"}},
        {Field::district,
         {"Bydel", "Bydel id", "Bydel nr", "Bydelsnr", "Bydelsnummer", "District"}},
        // IMDi's table name column says nothing the model needs.
        {Field::ignore, {"Tabell navn"}},
    };
    return table;
}

// Outcome headers besides the catalogue's ids and labels.
const std::vector<std::pair<const char*, const char*>>& outcome_synonyms() {
    static const std::vector<std::pair<const char*, const char*>> table{
        {"Bosatt per 1000 innbyggere", "settled-per-1000"},
        {"Bosatt per 1000", "settled-per-1000"},
        {"Bosatt i prosent av anmodning", "settled-share-of-requested"},
        {"Andel bosatt av anmodet", "settled-share-of-requested"},
        {"Bosatt av anmodede", "settled-share-of-requested"},
        {"Bosatt i prosent av vedtak", "settled-share-of-decided"},
        {"Bosatt av vedtak", "settled-share-of-decided"},
        {"I arbeid eller utdanning", "work-or-education-1y"},
        {"Andel i arbeid eller utdanning", "work-or-education-1y"},
        {"Deltakere i introduksjonsprogram", "introduction-participants"},
    };
    return table;
}

std::optional<Field> settlement_field_for_id(std::string_view id) {
    if (id == "requested") return Field::requested;
    if (id == "decided") return Field::decided;
    if (id == "settled") return Field::settled;
    if (id == "unaccompanied-minors") return Field::unaccompanied_minors;
    if (id == "family-reunifications") return Field::family_reunifications;
    return std::nullopt;
}

const Indicator* catalogue_entry(std::string_view id) {
    for (const auto* list : {&builtin_indicators(), &imdi_extra_indicators()})
        for (const Indicator& i : *list)
            if (i.id == id) return &i;
    return nullptr;
}

HeaderMatch match_for_indicator(const Indicator& i) {
    HeaderMatch m;
    if (auto f = settlement_field_for_id(i.id)) {
        m.field = *f;
    } else {
        m.field = Field::outcome;
        m.indicator = i.id;
        m.unit = i.unit;
    }
    return m;
}

const std::unordered_map<std::string, HeaderMatch>& header_table() {
    static const auto table = [] {
        std::unordered_map<std::string, HeaderMatch> t;
        for (const auto& [field, names] : synonyms())
            for (const char* name : names) {
                HeaderMatch m;
                m.field = field;
                t.emplace(normalise_header(name), m);
            }
        for (const auto* list : {&builtin_indicators(), &imdi_extra_indicators()})
            for (const Indicator& i : *list)
                for (const std::string& text : {i.id, i.label_nb, i.label_nn, i.label_en})
                    t.emplace(normalise_header(text), match_for_indicator(i));
        for (const auto& [text, id] : outcome_synonyms())
            t.emplace(normalise_header(text), match_for_indicator(*catalogue_entry(id)));
        return t;
    }();
    return table;
}

std::optional<HeaderMatch> lookup(const std::string& normalised) {
    const auto& table = header_table();
    auto it = table.find(normalised);
    if (it == table.end()) return std::nullopt;
    return it->second;
}

bool is_year_text(std::string_view n) {
    return n.size() == 4 &&
           std::all_of(n.begin(), n.end(), [](char c) { return c >= '0' && c <= '9'; });
}

// IMDi's imdikator tables name a column by indicator, year and unit,
// "vedtak_2017_prosent" (folded to "vedtak 2017 prosent"): counts in persons,
// shares of the request in percent.
std::optional<HeaderMatch> code_year_unit(const std::string& n) {
    std::size_t last = n.rfind(' ');
    if (last == std::string::npos || last < 6) return std::nullopt;
    std::size_t before = n.rfind(' ', last - 1);
    if (before == std::string::npos || !is_year_text(n.substr(before + 1, last - before - 1)))
        return std::nullopt;
    auto unit = unit_from_text(n.substr(last + 1));
    auto m = lookup(n.substr(0, before));
    if (!unit || !m || !is_settlement_field(m->field)) return std::nullopt;
    int year = std::stoi(n.substr(before + 1, 4));
    if (*unit != Unit::persons) {
        auto share = share_code(m->field, *unit, ShareBase::requested);
        if (!share) return std::nullopt;
        m->field = Field::outcome;
        m->indicator = share->indicator;
        m->unit = share->unit;
    }
    m->year = year;
    return m;
}

std::string without_parentheses(const std::string& s) {
    std::string out;
    int depth = 0;
    for (char c : s) {
        if (c == '(') ++depth;
        if (depth == 0) out += c;
        if (c == ')' && depth > 0) --depth;
    }
    return normalise_header(out);
}

}  // namespace

const char* field_name(Field f) noexcept {
    for (const auto& [field, name] : field_names)
        if (field == f) return name;
    return "";
}

std::optional<Field> field_from_name(std::string_view name) {
    for (const auto& [field, n] : field_names)
        if (name == n) return field;
    return std::nullopt;
}

bool is_settlement_field(Field f) noexcept {
    return f == Field::requested || f == Field::decided || f == Field::settled ||
           f == Field::unaccompanied_minors || f == Field::family_reunifications;
}

Value& settlement_value(SettlementFigures& s, Field f) {
    switch (f) {
        case Field::requested:
            return s.requested;
        case Field::decided:
            return s.decided;
        case Field::unaccompanied_minors:
            return s.unaccompanied_minors;
        case Field::family_reunifications:
            return s.family_reunifications;
        default:
            return s.settled;
    }
}

std::string normalise_header(std::string_view text) {
    std::string out;
    normalise_header(text, out);
    return out;
}

void normalise_header(std::string_view text, std::string& out) {
    out.clear();
    bool space = true;  // drops leading spaces and collapses runs
    for (std::size_t i = 0; i < text.size();) {
        unsigned char c = static_cast<unsigned char>(text[i]);
        std::size_t n = space_length(text, i);
        if (n > 0 || c == '_' || c == '-') {
            if (!space) out += ' ';
            space = true;
            i += n > 0 ? n : 1;
            continue;
        }
        space = false;
        if (c == '*' || c == '.' || c == ':') {
            space = out.empty() || out.back() == ' ';
            ++i;
        } else if (c == 0xC2 && i + 1 < text.size() &&
                   (text[i + 1] == '\xb2' || text[i + 1] == '\xb3' || text[i + 1] == '\xb9')) {
            i += 2;  // superscript footnote digits
        } else if (c == 0xC3 && i + 1 < text.size()) {
            // Latin-1 capitals (Æ Ø Å É ...) to lower case; × stays.
            unsigned char d = static_cast<unsigned char>(text[i + 1]);
            out += text[i];
            out += static_cast<char>(d >= 0x80 && d <= 0x9e && d != 0x97 ? d + 0x20 : d);
            i += 2;
        } else {
            out += static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
            ++i;
        }
    }
    while (!out.empty() && out.back() == ' ') out.pop_back();
}

std::optional<HeaderMatch> match_header(std::string_view text) {
    std::string n = normalise_header(text);
    if (n.empty()) return std::nullopt;
    if (auto m = lookup(n)) return m;
    // "Bosatt 2018": a value column for one year.
    if (n.size() > 5 && n[n.size() - 5] == ' ' &&
        std::all_of(n.end() - 4, n.end(), [](char c) { return c >= '0' && c <= '9'; })) {
        int year = std::stoi(n.substr(n.size() - 4));
        auto m = lookup(n.substr(0, n.size() - 5));
        if (m && year >= 1900 && year <= 2100 &&
            (is_settlement_field(m->field) || m->field == Field::outcome)) {
            m->year = year;
            return m;
        }
    }
    if (auto m = code_year_unit(n)) return m;
    std::string bare = without_parentheses(n);
    if (bare != n && !bare.empty()) return match_header(bare);
    // "Bosetting: Anmodning om bosetting" (IMDi's group and category) and
    // dotted ids, "bosetting.anmodning": the last part names the column.
    std::size_t cut = text.find_last_of(".:", text.size() >= 2 ? text.size() - 2 : 0);
    if (cut != std::string_view::npos && cut > 0) {
        std::string_view last = text.substr(cut + 1);
        if (!normalise_header(last).empty()) return match_header(last);
    }
    return std::nullopt;
}

std::optional<Unit> unit_from_text(std::string_view text) {
    static const std::unordered_map<std::string, Unit> units = [] {
        std::unordered_map<std::string, Unit> t;
        const std::vector<std::pair<Unit, std::vector<const char*>>> names{
            {Unit::persons, {"personer", "person", "persons", "antall", "count"}},
            {Unit::percent, {"prosent", "percent", "%", "pct", "prosentandel"}},
            {Unit::per_mille, {"promille", "per mille", "per-mille", "\u2030"}},
            {Unit::nok, {"kroner", "kr", "nok"}},
            {Unit::years, {"år", "aar", "years"}},
            {Unit::other, {"other", "annet", "anna"}},
        };
        for (const auto& [unit, list] : names)
            for (const char* name : list) t.emplace(normalise_header(name), unit);
        return t;
    }();
    auto it = units.find(normalise_header(text));
    if (it == units.end()) return std::nullopt;
    return it->second;
}

std::optional<IndicatorCode> indicator_code(std::string_view code, const Dataset& dataset) {
    static const std::unordered_map<std::string, IndicatorCode> imdi = [] {
        std::unordered_map<std::string, IndicatorCode> t;
        auto count = [&](const char* c, Field f) {
            t.emplace(normalise_header(c), IndicatorCode{f, {}, Unit::persons});
        };
        count("anmodning", Field::requested);
        count("anmodet", Field::requested);
        count("vedtak", Field::decided);
        count("vedtatt", Field::decided);
        count("bosatt", Field::settled);
        count("bosatte", Field::settled);
        // The categories of IMDi's statistics export ("Bosetting" column).
        count("anmodning om bosetting", Field::requested);
        count("vedtak om bosetting", Field::decided);
        count("faktisk bosetting", Field::settled);
        count("faktisk bosatt", Field::settled);
        count("enslige_mindreaarige", Field::unaccompanied_minors);
        count("enslige mindreårige", Field::unaccompanied_minors);
        count("familiegjenforente", Field::family_reunifications);
        auto outcome = [&](const char* c, const char* id, Unit u) {
            t.emplace(normalise_header(c), IndicatorCode{Field::outcome, id, u});
        };
        outcome("bosatt_per_1000", "settled-per-1000", Unit::per_mille);
        outcome("bosatt_av_anmodede", "settled-share-of-requested", Unit::percent);
        outcome("bosatt_av_vedtak", "settled-share-of-decided", Unit::percent);
        outcome("bosatt_siste_trear", "settled-last-3-years", Unit::persons);
        outcome("bosatt_per_1000_snitt_trear", "settled-per-1000-3y-average", Unit::per_mille);
        return t;
    }();
    std::string n = normalise_header(code);
    if (auto it = imdi.find(n); it != imdi.end()) return it->second;
    // A catalogue id, as kdx writes outcomes ("settled-per-1000").
    auto same = [&](const Indicator& i) { return normalise_header(i.id) == n; };
    const Indicator* found = nullptr;
    for (const Indicator& i : dataset.indicators)
        if (!found && same(i)) found = &i;
    for (const auto* list : {&builtin_indicators(), &imdi_extra_indicators()})
        for (const Indicator& i : *list)
            if (!found && same(i)) found = &i;
    if (!found) return std::nullopt;
    HeaderMatch m = match_for_indicator(*found);
    return IndicatorCode{m.field, m.indicator,
                         is_settlement_field(m.field) ? Unit::persons : m.unit};
}

std::optional<IndicatorCode> share_code(Field count, Unit unit, ShareBase base) {
    if (unit == Unit::percent && count == Field::decided)
        return IndicatorCode{Field::outcome, "decided-share-of-requested", Unit::percent};
    if (unit == Unit::percent && count == Field::settled)
        return IndicatorCode{Field::outcome,
                             base == ShareBase::requested ? "settled-share-of-requested"
                                                          : "settled-share-of-decided",
                             Unit::percent};
    if (unit == Unit::per_mille && count == Field::settled)
        return IndicatorCode{Field::outcome, "settled-per-1000", Unit::per_mille};
    return std::nullopt;
}

const std::vector<Indicator>& imdi_extra_indicators() {
    static const std::vector<Indicator> extra{
        {"decided-share-of-requested", "Vedtak i prosent av anmodning",
         "Vedtak i prosent av oppmoding", "Decided as a share of requested", Unit::percent, false},
        {"settled-share-of-decided", "Bosatte i prosent av vedtak", "Busette i prosent av vedtak",
         "Settled as a share of decided", Unit::percent, false},
        {"settled-last-3-years", "Bosatte siste tre år", "Busette siste tre år",
         "Settled in the last three years", Unit::persons, true},
        {"settled-per-1000-3y-average", "Bosatte per 1000 innbyggere, snitt siste tre år",
         "Busette per 1000 innbyggjarar, snitt siste tre år",
         "Settled per 1,000 inhabitants, three-year average", Unit::per_mille, false},
    };
    return extra;
}

const std::vector<std::string>& default_total_words() {
    static const std::vector<std::string> words{"sum",    "summer",        "totalt",
                                                "total",  "i alt",         "hele landet",
                                                "landet", "alle kommuner", "norge"};
    return words;
}

bool is_total_text(std::string_view text, const std::vector<std::string>& words) {
    // Asked of a cell or two on every row, and nearly always no: when the
    // text starts with an ASCII letter or digit, which folding only lowers,
    // a word must start with the same one.
    std::size_t first = 0;
    while (first < text.size() && (text[first] == ' ' || text[first] == '\t')) ++first;
    if (first < text.size()) {
        char c = text[first];
        if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
        if (((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) &&
            std::none_of(words.begin(), words.end(),
                         [&](const std::string& w) { return !w.empty() && w[0] == c; }))
            return false;
    }
    thread_local std::string n;
    normalise_header(text, n);
    if (n.empty()) return false;
    for (const std::string& w : words) {
        if (w.empty()) continue;
        if (n == w || (n.size() > w.size() && n.compare(0, w.size(), w) == 0 && n[w.size()] == ' '))
            return true;
    }
    return false;
}

}  // namespace kdx::table_detail
