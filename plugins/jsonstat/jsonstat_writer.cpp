#include "jsonstat_writer.hpp"

#include <cstdlib>
#include <ctime>
#include <nlohmann/json.hpp>
#include <regex>

#include "jsonstat_cube.hpp"
#include "kdx/atomic_file.hpp"
#include "kdx/error.hpp"
#include "kdx/options.hpp"
#include "kdx/source_date.hpp"

namespace kdx::jsonstat {

namespace {

// ordered_json keeps keys in the order written, which makes the file readable.
using Json = nlohmann::ordered_json;

// The "updated" time: the option, else SOURCE_DATE_EPOCH (for reproducible
// files), else now; always UTC in ISO 8601.
std::string updated_time(const std::string& given) {
    if (!given.empty()) {
        static const std::regex iso(
            R"(\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2})?(Z|[+-]\d{2}:\d{2})?)?)");
        if (!std::regex_match(given, iso))
            throw Error(
                "jsonstat option updated: expected an ISO 8601 date such as "
                "2019-02-13 or 2019-02-13T12:00:00Z, found \"" +
                given + "\"");
        return given;
    }
    std::string bad;
    const std::time_t t = source_date_epoch(bad).value_or(std::time(nullptr));
    std::tm utc{};
    gmtime_r(&t, &utc);
    char text[32];
    std::strftime(text, sizeof text, "%Y-%m-%dT%H:%M:%SZ", &utc);
    return text;
}

// Whole numbers as integers, so counts read "12" and not "12.0".
Json number(const Value& v) {
    if (!v.has_value()) return nullptr;
    if (v.is_whole() && v.get() >= -9.0e15 && v.get() <= 9.0e15)
        return static_cast<std::int64_t>(v.get());
    return v.get();
}

Json dimension(const std::string& label, const std::vector<Category>& categories) {
    Json index = Json::object(), labels = Json::object();
    for (std::size_t i = 0; i < categories.size(); ++i) {
        index[categories[i].id] = i;
        labels[categories[i].id] = categories[i].label;
    }
    return {{"label", label}, {"category", {{"index", index}, {"label", labels}}}};
}

// What the cube has no place for, in JSON-stat's place for a producer's own
// data (other readers ignore it): each outcome's source where it is not SSB
// (the reader's default), by flat index, and the outcomes of programmes.
Json kdx_extension(const Cube& cube) {
    Json own = Json::object(), sources = Json::object();
    for (std::size_t i = 0; i < cube.sources.size(); ++i)
        if (cube.sources[i] && *cube.sources[i] != "SSB")
            sources[std::to_string(i)] = *cube.sources[i];
    if (!sources.empty()) own["source"] = sources;
    Json outcomes = Json::array();
    for (const Outcome* o : cube.programme_outcomes) {
        Json item = {{"municipality", o->municipality},
                     {"programme", o->programme},
                     {"indicator", o->indicator},
                     {"year", o->year},
                     {"value", number(o->value)},
                     {"unit", to_string(o->unit)},
                     {"source", o->source}};
        if (o->value.is_suppressed()) item["status"] = ":";
        outcomes.push_back(std::move(item));
    }
    if (!outcomes.empty()) own["programme-outcomes"] = outcomes;
    return own;
}

Json to_json_stat(const Dataset& d, const Cube& cube, const std::string& updated) {
    const bool en = cube.language == "en";
    Json j;
    j["version"] = "2.0";
    j["class"] = "dataset";
    j["label"] = d.info.title.empty() ? (en ? "Settlement of refugees" : "Bosetting av flyktninger")
                                      : d.info.title;
    std::string source;
    for (const auto& line : d.info.provenance) source += (source.empty() ? "" : "; ") + line;
    j["source"] = source.empty() ? "kdx" : source;
    j["updated"] = updated_time(updated);
    // SSB's dimension ids and roles, so that SSB's tools and kdx's reader
    // take the file as they take a statbank answer; the cube's order is
    // region, year, content (the last varies fastest).
    j["id"] = {"Region", "Tid", "ContentsCode"};
    j["size"] = {cube.municipalities.size(), cube.years.size(), cube.indicators.size()};
    j["role"] = {{"geo", {"Region"}}, {"time", {"Tid"}}, {"metric", {"ContentsCode"}}};

    std::vector<Category> regions;
    for (const Category& m : cube.municipalities)
        regions.push_back({m.id == whole_country ? std::string("EAK") : m.id, m.label});
    std::vector<Category> years;
    for (int y : cube.years) years.push_back({std::to_string(y), std::to_string(y)});
    std::vector<Category> indicators;
    for (const auto& i : cube.indicators) indicators.push_back({i.id, i.label});
    Json metric = dimension(en ? "contents" : "statistikkvariabel", indicators);
    for (const auto& i : cube.indicators)
        metric["category"]["unit"][i.id] = {{"label", i.unit_label}, {"decimals", i.decimals}};
    j["dimension"] = {{"Region", dimension("region", regions)},
                      {"Tid", dimension(en ? "year" : "år", years)},
                      {"ContentsCode", metric}};

    Json values = Json::array(), status = Json::object();
    for (std::size_t i = 0; i < cube.values.size(); ++i) {
        values.push_back(number(cube.values[i]));
        // As Statistics Norway marks figures withheld for privacy.
        if (cube.values[i].is_suppressed()) status[std::to_string(i)] = ":";
    }
    j["value"] = values;
    if (!status.empty()) j["status"] = status;
    if (Json own = kdx_extension(cube); !own.empty()) j["extension"] = {{"kdx", own}};
    Json notes = Json::array();
    if (!d.info.description.empty()) notes.push_back(d.info.description);
    if (!status.empty())
        notes.push_back(en ? "\":\" marks figures withheld to protect privacy"
                           : "«:» betyr at tallet er skjermet av personvernhensyn");
    if (!notes.empty()) j["note"] = notes;
    return j;
}

}  // namespace

const std::vector<OptionInfo>& write_option_infos() {
    using Type = OptionInfo::Type;
    static const std::vector<OptionInfo> infos = {
        {"indicators",
         Type::choice,
         "all",
         {"all", "settlement"},
         "settlement: requested, decided and settled only; all: also the other settlement "
         "counts present and every outcome indicator"},
        {"pretty", Type::boolean, "false", {}, "Indent the JSON for people to read"},
        {"updated",
         Type::string,
         "",
         {},
         "The dataset's \"updated\" time (ISO 8601); empty: SOURCE_DATE_EPOCH, else now"},
    };
    return infos;
}

void write_jsonstat(const Dataset& dataset, const std::filesystem::path& output,
                    const Options& options, Diagnostics& diagnostics) {
    const Location where = Location::at(output.string());
    OptionReader read(write_option_infos(), options);
    const std::string set = read.choice("indicators");
    const bool pretty = read.boolean("pretty");

    std::string text;
    try {
        Cube cube = build_cube(dataset, set == "all" ? IndicatorSet::all : IndicatorSet::settlement,
                               diagnostics);
        text = to_json_stat(dataset, cube, read.text("updated")).dump(pretty ? 2 : -1);
    } catch (const nlohmann::json::exception& e) {
        // dump() refuses text that is not UTF-8.
        throw Error(std::string("cannot write JSON-stat: ") + e.what(), where);
    } catch (const Error& e) {
        if (!e.where().file.empty()) throw;
        throw Error(e.message(), where);
    }
    AtomicFile file(output);
    file.stream() << text << '\n';
    file.commit();
}

}  // namespace kdx::jsonstat
