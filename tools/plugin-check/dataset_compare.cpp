#include "dataset_compare.hpp"

#include <algorithm>
#include <functional>
#include <map>

namespace kdx::check {

namespace {

// One field of a record type: its text for messages and whether it holds
// nothing (so that a format that never fills it is seen not to carry it).
template <typename T>
struct Field {
    std::string name;
    std::function<std::string(const T&)> text;
    std::function<bool(const T&)> is_empty;
    bool required = false;
};

// Quoted, with line breaks and tabs shown as escapes so a message stays on one line.
std::string quoted(const std::string& s) {
    std::string q = "\"";
    for (char c : s) {
        if (c == '\n')
            q += "\\n";
        else if (c == '\r')
            q += "\\r";
        else if (c == '\t')
            q += "\\t";
        else
            q += c;
    }
    return q + "\"";
}

std::string value_text(const Value& v) {
    if (v.is_missing()) return "missing";
    if (v.is_suppressed()) return "suppressed (:)";
    return to_string(v);
}

template <typename T>
Field<T> text_field(const char* name, std::string T::*m, bool required = false) {
    return {name, [m](const T& r) { return quoted(r.*m); },
            [m](const T& r) { return (r.*m).empty(); }, required};
}

template <typename T>
Field<T> value_field(const char* name, Value T::*m, bool required = false) {
    return {name, [m](const T& r) { return value_text(r.*m); },
            [m](const T& r) { return (r.*m).is_missing(); }, required};
}

template <typename T>
Field<T> list_field(const char* name, std::vector<std::string> T::*m) {
    return {name,
            [m](const T& r) {
                std::string s;
                for (const auto& item : r.*m) s += (s.empty() ? "" : ", ") + quoted(item);
                return "[" + s + "]";
            },
            [m](const T& r) { return (r.*m).empty(); }};
}

template <typename T>
Field<T> int_field(const char* name, int T::*m) {
    return {name, [m](const T& r) { return std::to_string(r.*m); },
            [m](const T& r) { return r.*m == 0; }};
}

template <typename T, typename E>
Field<T> enum_field(const char* name, E T::*m, E empty) {
    return {name, [m](const T& r) { return std::string(to_string(r.*m)); },
            [m, empty](const T& r) { return r.*m == empty; }};
}

constexpr std::size_t max_listed = 8;

class Comparer {
  public:
    explicit Comparer(Comparison& out) : out_(out) {}

    template <typename T>
    void collection(const std::string& label, const std::vector<T>& written,
                    const std::vector<T>& read, const std::function<std::string(const T&)>& key,
                    const std::vector<Field<T>>& fields) {
        if (written.empty()) return;
        if (read.empty()) {
            out_.not_carried.push_back(label);
            return;
        }
        out_.carried.push_back(label);
        std::map<std::string, const T*> by_key;
        for (const T& r : read)
            if (!by_key.emplace(key(r), &r).second)
                difference(label + " " + key(r) + " was read back more than once");
        std::vector<std::pair<const T*, const T*>> pairs;
        std::map<std::string, bool> written_keys;
        for (const T& w : written) {
            written_keys[key(w)] = true;
            auto it = by_key.find(key(w));
            if (it == by_key.end())
                difference(label + " " + key(w) + " was written but not read back");
            else
                pairs.emplace_back(&w, it->second);
        }
        for (const auto& [k, r] : by_key)
            if (!written_keys.count(k))
                difference(label + " " + k + " was read back but never written");
        for (const Field<T>& field : fields) compare_field(label, field, written, read, key, pairs);
    }

    void difference(std::string text) {
        if (out_.differences.size() < max_listed)
            out_.differences.push_back(std::move(text));
        else if (out_.differences.size() == max_listed)
            out_.differences.push_back("…");
    }

  private:
    template <typename T>
    void compare_field(const std::string& label, const Field<T>& field,
                       const std::vector<T>& written, const std::vector<T>& read,
                       const std::function<std::string(const T&)>& key,
                       const std::vector<std::pair<const T*, const T*>>& pairs) {
        bool carried = false, ever_written = false;
        for (const T& r : read) carried = carried || !field.is_empty(r);
        for (const T& w : written) ever_written = ever_written || !field.is_empty(w);
        if (!carried) {
            if (!ever_written) return;
            if (field.required)
                difference(label + " " + field.name +
                           " was written but came back empty in every record");
            else
                out_.not_carried.push_back(label + "." + field.name);
            return;
        }
        for (const auto& [w, r] : pairs) {
            std::string wt = field.text(*w), rt = field.text(*r);
            if (wt != rt)
                difference(label + " " + key(*w) + " " + field.name + ": wrote " + wt +
                           ", read back " + rt);
        }
    }

    Comparison& out_;
};

std::string years_text(const std::vector<int>& years) {
    std::string s;
    for (int y : years) s += (s.empty() ? "" : ", ") + std::to_string(y);
    return "[" + s + "]";
}

}  // namespace

Comparison compare_datasets(const Dataset& written, const Dataset& read) {
    Comparison out;
    Comparer c(out);

    // A reader may add provenance of its own (the file it read); only the lines
    // written are looked for.
    DatasetInfo read_info = read.info;
    std::vector<std::string> kept;
    for (const std::string& line : read_info.provenance)
        if (std::find(written.info.provenance.begin(), written.info.provenance.end(), line) !=
            written.info.provenance.end())
            kept.push_back(line);
    read_info.provenance = kept;
    auto info_of = [](const DatasetInfo& i) {
        bool empty =
            i.title.empty() && i.description.empty() && i.language.empty() && i.provenance.empty();
        return empty ? std::vector<DatasetInfo>{} : std::vector<DatasetInfo>{i};
    };
    c.collection<DatasetInfo>("dataset info", info_of(written.info), info_of(read_info),
                              [](const DatasetInfo&) { return "(info)"; },
                              {text_field("title", &DatasetInfo::title),
                               text_field("description", &DatasetInfo::description),
                               text_field("language", &DatasetInfo::language),
                               list_field("provenance", &DatasetInfo::provenance)});

    c.collection<Indicator>(
        "indicator", written.indicators, read.indicators, [](const Indicator& i) { return i.id; },
        {text_field("label_nb", &Indicator::label_nb),
         text_field("label_nn", &Indicator::label_nn),
         text_field("label_en", &Indicator::label_en),
         enum_field("unit", &Indicator::unit, Unit::other),
         {"additive", [](const Indicator& i) { return std::string(i.additive ? "true" : "false"); },
          [](const Indicator& i) { return !i.additive; }}});

    using M = Municipality;
    c.collection<M>(
        "municipality", written.municipalities, read.municipalities,
        [](const M& m) { return m.number; },
        {text_field("name", &M::name, true),
         text_field("county_number", &M::county_number),
         text_field("county_name", &M::county_name),
         text_field("imdi_region", &M::imdi_region),
         enum_field("language", &M::language, LanguageForm::unspecified),
         {"population",
          [](const M& m) { return m.population ? std::to_string(*m.population) : "none"; },
          [](const M& m) { return !m.population.has_value(); }},
         list_field("other_names", &M::other_names),
         int_field("valid_from", &M::valid_from),
         int_field("valid_to", &M::valid_to)});

    using S = SettlementFigures;
    c.collection<S>(
        "settlement", written.settlement, read.settlement,
        [](const S& s) { return s.municipality + "/" + std::to_string(s.year); },
        {value_field("requested", &S::requested, true), value_field("decided", &S::decided, true),
         value_field("settled", &S::settled, true),
         value_field("unaccompanied_minors", &S::unaccompanied_minors),
         value_field("family_reunifications", &S::family_reunifications)});

    using P = Programme;
    c.collection<P>("programme", written.programmes, read.programmes,
                    [](const P& p) { return p.id; },
                    {text_field("municipality", &P::municipality, true),
                     enum_field("kind", &P::kind, ProgrammeKind::other),
                     text_field("name", &P::name, true),
                     text_field("description", &P::description),
                     list_field("partners", &P::partners),
                     {"years", [](const P& p) { return years_text(p.years); },
                      [](const P& p) { return p.years.empty(); }}});

    using O = Outcome;
    c.collection<O>(
        "outcome", written.outcomes, read.outcomes,
        [](const O& o) {
            return o.municipality + "/" + (o.programme.empty() ? "-" : o.programme) + "/" +
                   o.indicator + "/" + std::to_string(o.year);
        },
        {value_field("value", &O::value, true), enum_field("unit", &O::unit, Unit::other),
         value_field("cohort_size", &O::cohort_size), text_field("source", &O::source)});

    using N = Nomination;
    c.collection<N>(
        "nomination", written.nominations, read.nominations,
        [](const N& n) { return n.prize + "/" + std::to_string(n.year) + "/" + n.municipality; },
        {enum_field("status", &N::status, NominationStatus::nominated),
         text_field("summary", &N::summary),
         {"sections",
          [](const N& n) {
              std::string s;
              for (const Section& sec : n.sections)
                  s += (s.empty() ? "" : ", ") + quoted(sec.heading) + ": " + quoted(sec.text);
              return "[" + s + "]";
          },
          [](const N& n) { return n.sections.empty(); }},
         text_field("last_updated", &N::last_updated),
         value_field("votes", &N::votes)});
    return out;
}

}  // namespace kdx::check
