#include <algorithm>

#include "kdx/model.hpp"

namespace kdx {

std::uint32_t Dataset::add_source(std::string file, std::string sheet) {
    for (std::size_t i = 0; i < sources.size(); ++i)
        if (sources[i].file == file && sources[i].sheet == sheet)
            return static_cast<std::uint32_t>(i + 1);
    sources.push_back({std::move(file), std::move(sheet), {}});
    return static_cast<std::uint32_t>(sources.size());
}

Location Dataset::location_of(const Origin& o) const {
    Location where;
    if (o.source == 0 || o.source > sources.size()) return where;
    const Source& s = sources[o.source - 1];
    where.file = s.file;
    if (!s.sheet.empty()) {
        where.sheet = s.sheet;
        // A whole row is written the A1 way, "12:12".
        if (o.line > 0)
            where.cell = o.column > 0 ? cell_reference(o.line, o.column)
                                      : std::to_string(o.line) + ":" + std::to_string(o.line);
    } else {
        where.line = o.line;
        where.column = o.column;
    }
    return where;
}

// The two indexes are built apart, each on its first lookup after the
// collection changed size or reindex() was called: importing a big table
// looks up municipalities, and only reports look up settlement records.
// indexed_sizes_ holds the sizes each index was built for; no_index marks
// one that is not built.
namespace {
constexpr std::size_t no_index = static_cast<std::size_t>(-1);
}

void Dataset::reindex() const {
    indexed_ = false;
    indexed_sizes_ = {no_index, no_index};
}

// Lookups on an index that is built write nothing, so threads may share a
// dataset once its indexes are built.
void Dataset::ensure_index() const {
    if (indexed_) return;
    indexed_sizes_ = {no_index, no_index};
    indexed_ = true;
}

const Municipality* Dataset::find_municipality(const std::string& number) const {
    ensure_index();
    if (indexed_sizes_.first != municipalities.size()) {
        municipality_index_.clear();
        for (std::size_t i = 0; i < municipalities.size(); ++i)
            municipality_index_.emplace(municipalities[i].number, i);
        indexed_sizes_.first = municipalities.size();
    }
    auto it = municipality_index_.find(number);
    return it == municipality_index_.end() ? nullptr : &municipalities[it->second];
}

const SettlementFigures* Dataset::find_settlement(const std::string& municipality, int year) const {
    ensure_index();
    if (indexed_sizes_.second != settlement.size()) {
        settlement_index_.clear();
        for (std::size_t i = 0; i < settlement.size(); ++i)
            settlement_index_.emplace(
                std::make_pair(settlement[i].municipality, settlement[i].year), i);
        indexed_sizes_.second = settlement.size();
    }
    auto it = settlement_index_.find({municipality, year});
    return it == settlement_index_.end() ? nullptr : &settlement[it->second];
}

void Dataset::build_indexes(unsigned which) const {
    // A lookup of a number no record has brings its index up to date.
    if (which & municipality_lookup) find_municipality(std::string());
    if (which & settlement_lookup) find_settlement(std::string(), 0);
}

const Indicator* Dataset::find_indicator(const std::string& id) const {
    for (const Indicator& i : indicators)
        if (i.id == id) return &i;
    for (const Indicator& i : builtin_indicators())
        if (i.id == id) return &i;
    return nullptr;
}

std::vector<const SettlementFigures*> Dataset::settlement_of(
    const std::string& municipality) const {
    std::vector<const SettlementFigures*> found;
    for (const SettlementFigures& s : settlement)
        if (s.municipality == municipality) found.push_back(&s);
    std::stable_sort(found.begin(), found.end(),
                     [](const auto* a, const auto* b) { return a->year < b->year; });
    return found;
}

std::vector<const Nomination*> Dataset::nominations_in(int year) const {
    std::vector<const Nomination*> found;
    for (const Nomination& n : nominations)
        if (n.year == year) found.push_back(&n);
    return found;
}

namespace {

template <typename Record>
void append(std::vector<Record>& into, std::vector<Record>& from,
            const std::vector<std::uint32_t>& source_map) {
    into.reserve(into.size() + from.size());
    for (Record& r : from) {
        if (r.origin.source > 0) r.origin.source = source_map[r.origin.source - 1];
        into.push_back(std::move(r));
    }
}

}  // namespace

const std::string& DataSource::title(const std::string& language) const {
    // A Norwegian report takes the other Norwegian form but never the English
    // title; an English one falls back to bokmål, then nynorsk.
    static const std::string none;
    if (language == "en")
        return !title_en.empty() ? title_en : !title_nb.empty() ? title_nb : title_nn;
    const std::string& first = language == "nn" ? title_nn : title_nb;
    const std::string& second = language == "nn" ? title_nb : title_nn;
    return !first.empty() ? first : !second.empty() ? second : none;
}

void merge(Dataset& into, Dataset from) {
    std::vector<std::uint32_t> source_map;
    for (Source& s : from.sources) {
        source_map.push_back(into.add_source(s.file, s.sheet));
        std::string& sha256 = into.sources[source_map.back() - 1].sha256;
        if (sha256.empty()) sha256 = std::move(s.sha256);
    }
    if (into.info.title.empty()) into.info.title = from.info.title;
    if (into.info.description.empty()) into.info.description = from.info.description;
    if (into.info.language.empty()) into.info.language = from.info.language;
    if (into.info.publisher.empty()) into.info.publisher = from.info.publisher;
    for (auto& p : from.info.provenance) into.info.provenance.push_back(std::move(p));
    for (DataSource& s : from.info.data_sources) {
        bool known = std::any_of(
            into.info.data_sources.begin(), into.info.data_sources.end(), [&](const DataSource& k) {
                return k.publisher == s.publisher && k.title_nb == s.title_nb &&
                       k.title_nn == s.title_nn && k.title_en == s.title_en && k.as_of == s.as_of;
            });
        if (!known) into.info.data_sources.push_back(std::move(s));
    }
    for (Indicator& i : from.indicators) {
        bool known = std::any_of(into.indicators.begin(), into.indicators.end(),
                                 [&](const Indicator& k) { return k.id == i.id; });
        if (!known) into.indicators.push_back(std::move(i));
    }
    std::vector<Municipality> fresh;
    for (Municipality& m : from.municipalities)
        if (!into.find_municipality(m.number)) fresh.push_back(std::move(m));
    append(into.municipalities, fresh, source_map);
    append(into.settlement, from.settlement, source_map);
    append(into.programmes, from.programmes, source_map);
    append(into.outcomes, from.outcomes, source_map);
    append(into.nominations, from.nominations, source_map);
    into.reindex();
}

}  // namespace kdx
