#include "jsonstat_parse.hpp"

#include <fstream>
#include <limits>
#include <nlohmann/json.hpp>
#include <set>
#include <sstream>

#include "kdx/error.hpp"
#include "kdx/model.hpp"

namespace kdx::jsonstat {

namespace {

using Json = nlohmann::json;

// The most cells a cube may have (160 MB of values): SSB's API answers at
// most 800,000, and a `size` that multiplies beyond this is a broken or
// hostile file.
constexpr std::size_t max_cells = 10'000'000;

class Parser {
  public:
    explicit Parser(std::string file) : file_(std::move(file)) {}

    [[noreturn]] void fail(const std::string& path, const std::string& message) const {
        throw Error(path.empty() ? message : path + ": " + message, Location::at(file_));
    }

    std::vector<ParsedCube> top(const Json& j) {
        if (!j.is_object()) fail("", "expected a JSON-stat object, found " + kind(j));
        if (!j.contains("class") && j.contains("dataset"))
            fail("",
                 "this is JSON-stat 1.0 (a bundle under \"dataset\"); ask SSB's API for "
                 "\"json-stat2\" (JSON-stat 2.0)");
        if (!j.contains("version") || !j.contains("class"))
            fail("", std::string("not JSON-stat 2.0: no \"") +
                         (j.contains("version") ? "class" : "version") + "\" member");
        const Json& version = j["version"];
        if (!version.is_string() || version.get<std::string>() != "2.0")
            fail("version", "expected \"2.0\", found " + version.dump());
        std::string cls = string_at(j, "class", "");
        std::vector<ParsedCube> cubes;
        if (cls == "dataset") {
            cubes.push_back(dataset(j, ""));
        } else if (cls == "collection") {
            const Json* items = nullptr;
            if (j.contains("link") && j["link"].is_object() && j["link"].contains("item"))
                items = &j["link"]["item"];
            if (!items || !items->is_array())
                fail("link.item", "a collection needs an array of items");
            for (std::size_t i = 0; i < items->size(); ++i) {
                std::string path = "link.item[" + std::to_string(i) + "]";
                const Json& item = (*items)[i];
                if (!item.is_object()) fail(path, "expected an object, found " + kind(item));
                std::string item_class = item.contains("class") && item["class"].is_string()
                                             ? item["class"].get<std::string>()
                                             : "";
                // An item may be a link only, where the API would be asked again.
                if (item_class != "dataset" || (!item.contains("value") && item.contains("href"))) {
                    std::string href = string_at(item, "href", path, false);
                    fail(path, "expected an embedded dataset (\"class\": \"dataset\")" +
                                   (href.empty() ? std::string()
                                                 : ", found a link to " + href +
                                                       " (kdx reads files and fetches nothing)"));
                }
                cubes.push_back(dataset(item, path));
            }
            if (cubes.empty()) fail("link.item", "the collection holds no datasets");
        } else if (cls == "dimension") {
            fail("class", "a dimension alone holds no figures; kdx reads datasets and collections");
        } else {
            fail("class", "expected \"dataset\" or \"collection\", found \"" + cls + "\"");
        }
        return cubes;
    }

  private:
    static std::string kind(const Json& j) {
        switch (j.type()) {
            case Json::value_t::null:
                return "null";
            case Json::value_t::object:
                return "an object";
            case Json::value_t::array:
                return "an array";
            case Json::value_t::string:
                return "the text " + j.dump();
            case Json::value_t::boolean:
                return j.dump();
            default:
                return "the number " + j.dump();
        }
    }

    static std::string join(const std::string& path, const std::string& member) {
        return path.empty() ? member : path + "." + member;
    }

    std::string string_at(const Json& j, const std::string& member, const std::string& path,
                          bool required = true) const {
        if (!j.contains(member)) {
            if (required) fail(path, "no \"" + member + "\" member");
            return {};
        }
        if (!j[member].is_string())
            fail(join(path, member), "expected a text, found " + kind(j[member]));
        return j[member].get<std::string>();
    }

    ParsedCube dataset(const Json& j, const std::string& path) {
        ParsedCube cube;
        cube.path = path;
        cube.label = string_at(j, "label", path, false);
        for (const char* member : {"id", "size", "dimension", "value"})
            if (!j.contains(member)) fail(path, std::string("no \"") + member + "\" member");
        const Json& ids = j["id"];
        const Json& sizes = j["size"];
        if (!ids.is_array()) fail(join(path, "id"), "expected an array, found " + kind(ids));
        if (!sizes.is_array()) fail(join(path, "size"), "expected an array, found " + kind(sizes));
        if (ids.size() != sizes.size())
            fail(join(path, "size"), "has " + std::to_string(sizes.size()) +
                                         " entries but \"id\" " + std::to_string(ids.size()));
        const Json& dims = j["dimension"];
        if (!dims.is_object())
            fail(join(path, "dimension"), "expected an object, found " + kind(dims));
        std::size_t cells = 1;
        std::set<std::string> seen;
        for (std::size_t i = 0; i < ids.size(); ++i) {
            std::string at = join(path, "id[" + std::to_string(i) + "]");
            if (!ids[i].is_string()) fail(at, "expected a dimension id, found " + kind(ids[i]));
            std::string id = ids[i].get<std::string>();
            if (!seen.insert(id).second) fail(at, "dimension \"" + id + "\" is named twice");
            const Json& size = sizes[i];
            if (!size.is_number_unsigned())
                fail(join(path, "size[" + std::to_string(i) + "]"),
                     "expected a whole number, found " + kind(size));
            if (!dims.contains(id))
                fail(join(path, "dimension"),
                     "dimension \"" + id + "\" is named in \"id\" but not described here");
            cube.dimensions.push_back(dimension(dims[id], id, join(path, "dimension." + id), path,
                                                size.get<std::size_t>()));
            std::size_t n = cube.dimensions.back().codes.size();
            if (n != 0 && cells > max_cells / n)
                fail(join(path, "size"),
                     "the cube has more than " + std::to_string(max_cells) + " cells");
            cells *= n;
        }
        for (const auto& entry : dims.items())
            if (!seen.count(entry.key()))
                fail(join(path, "dimension." + entry.key()),
                     "dimension \"" + entry.key() + "\" is not named in \"id\"");
        values(j["value"], join(path, "value"), cells, cube);
        if (j.contains("status")) statuses(j["status"], join(path, "status"), cells, cube);
        roles(j, path, cube);
        if (j.contains("extension") && j["extension"].is_object() && j["extension"].contains("kdx"))
            kdx_extension(j["extension"]["kdx"], join(path, "extension.kdx"), cells, cube);
        return cube;
    }

    // What kdx's writer keeps beside the cube (jsonstat_writer.cpp).
    void kdx_extension(const Json& own, const std::string& path, std::size_t cells,
                       ParsedCube& cube) {
        if (!own.is_object()) fail(path, "expected an object, found " + kind(own));
        if (own.contains("source")) {
            const Json& sources = own["source"];
            if (!sources.is_object())
                fail(path + ".source", "expected an object, found " + kind(sources));
            for (const auto& entry : sources.items()) {
                std::size_t at = 0;
                if (!flat_index(entry.key(), cells, at) || !entry.value().is_string())
                    fail(path + ".source." + entry.key(),
                         "expected a position in \"value\" and a text");
                cube.sources[at] = entry.value().get<std::string>();
            }
        }
        if (!own.contains("programme-outcomes")) return;
        const Json& list = own["programme-outcomes"];
        if (!list.is_array())
            fail(path + ".programme-outcomes", "expected an array, found " + kind(list));
        for (std::size_t i = 0; i < list.size(); ++i) {
            std::string at = path + ".programme-outcomes[" + std::to_string(i) + "]";
            const Json& item = list[i];
            if (!item.is_object()) fail(at, "expected an object, found " + kind(item));
            ProgrammeOutcome o;
            o.path = at;
            o.municipality = string_at(item, "municipality", at);
            o.programme = string_at(item, "programme", at);
            o.indicator = string_at(item, "indicator", at);
            o.unit = string_at(item, "unit", at);
            o.source = string_at(item, "source", at, false);
            if (!unit_from_string(o.unit))
                fail(at + ".unit",
                     "expected a kdx unit (persons, percent, per-mille, nok, "
                     "years, other), found \"" +
                         o.unit + "\"");
            if (!item.contains("year") || !item["year"].is_number_integer())
                fail(at + ".year", "expected a year");
            o.year = item["year"].get<int>();
            const Json& v = item.contains("value") ? item["value"] : Json();
            if (v.is_number())
                o.value = v.get<double>();
            else if (!v.is_null())
                fail(at + ".value", "expected a number or null, found " + kind(v));
            o.suppressed = !o.value && string_at(item, "status", at, false) == ":";
            cube.programme_outcomes.push_back(std::move(o));
        }
    }

    Dimension dimension(const Json& d, const std::string& id, const std::string& path,
                        const std::string& dataset_path, std::size_t size) {
        Dimension dim;
        dim.id = id;
        if (!d.is_object()) fail(path, "expected an object, found " + kind(d));
        dim.label = string_at(d, "label", path, false);
        if (!d.contains("category") || !d["category"].is_object())
            fail(path, "no \"category\" object");
        const Json& category = d["category"];
        std::string cat_path = path + ".category";
        const Json* labels = category.contains("label") ? &category["label"] : nullptr;
        if (labels && !labels->is_object())
            fail(cat_path + ".label", "expected an object, found " + kind(*labels));
        if (category.contains("index")) {
            const Json& index = category["index"];
            std::string at = cat_path + ".index";
            if (index.is_array()) {
                for (std::size_t i = 0; i < index.size(); ++i) {
                    if (!index[i].is_string())
                        fail(at + "[" + std::to_string(i) + "]",
                             "expected a category code, found " + kind(index[i]));
                    dim.codes.push_back(index[i].get<std::string>());
                }
            } else if (index.is_object()) {
                dim.codes.assign(index.size(), std::string());
                std::vector<bool> taken(index.size(), false);
                for (const auto& entry : index.items()) {
                    const Json& n = entry.value();
                    if (!n.is_number_unsigned() || n.get<std::size_t>() >= index.size())
                        fail(at + "." + entry.key(), "expected a position from 0 to " +
                                                         std::to_string(index.size() - 1) +
                                                         ", found " + n.dump());
                    std::size_t k = n.get<std::size_t>();
                    if (taken[k])
                        fail(at + "." + entry.key(),
                             "position " + std::to_string(k) + " is given to two categories");
                    taken[k] = true;
                    dim.codes[k] = entry.key();
                }
            } else {
                fail(at, "expected an array or an object, found " + kind(index));
            }
        } else if (labels && labels->size() == 1) {
            // JSON-stat lets a dimension of one category leave out its index.
            dim.codes.push_back(labels->begin().key());
        } else {
            fail(cat_path, "no \"index\" (only a dimension of one category may leave it out)");
        }
        if (dim.codes.size() != size)
            fail(dataset_path, "dimension \"" + id + "\": \"size\" says " + std::to_string(size) +
                                   " but it has " + std::to_string(dim.codes.size()) +
                                   " categories");
        for (const std::string& code : dim.codes) {
            std::string label;
            if (labels && labels->contains(code)) {
                const Json& l = (*labels)[code];
                if (!l.is_string())
                    fail(cat_path + ".label." + code, "expected a text, found " + kind(l));
                label = l.get<std::string>();
            }
            dim.labels.push_back(std::move(label));
        }
        return dim;
    }

    static bool flat_index(const std::string& key, std::size_t cells, std::size_t& at) {
        if (key.empty() || key.size() > 18 ||
            key.find_first_not_of("0123456789") != std::string::npos)
            return false;
        at = std::stoull(key);
        return at < cells;
    }

    void values(const Json& v, const std::string& path, std::size_t cells, ParsedCube& cube) {
        cube.values.assign(cells, std::nullopt);
        auto put = [&](const Json& x, std::size_t at, const std::string& where) {
            if (x.is_null()) return;
            if (!x.is_number()) fail(where, "expected a number or null, found " + kind(x));
            cube.values[at] = x.get<double>();
        };
        if (v.is_array()) {
            if (v.size() != cells)
                fail(path, "has " + std::to_string(v.size()) + " entries but the sizes give " +
                               sizes_text(cube) + " = " + std::to_string(cells));
            for (std::size_t i = 0; i < cells; ++i)
                put(v[i], i, path + "[" + std::to_string(i) + "]");
        } else if (v.is_object()) {
            for (const auto& entry : v.items()) {
                std::size_t at = 0;
                if (!flat_index(entry.key(), cells, at))
                    fail(path + "." + entry.key(),
                         "expected a position from 0 to " + std::to_string(cells - 1) +
                             " (the sizes give " + sizes_text(cube) + ")");
                put(entry.value(), at, path + "." + entry.key());
            }
        } else {
            fail(path, "expected an array or an object, found " + kind(v));
        }
    }

    void statuses(const Json& s, const std::string& path, std::size_t cells, ParsedCube& cube) {
        cube.status.assign(cells, std::string());
        auto put = [&](const Json& x, std::size_t at, const std::string& where) {
            if (x.is_null()) return;
            if (!x.is_string()) fail(where, "expected a status text, found " + kind(x));
            cube.status[at] = x.get<std::string>();
        };
        if (s.is_string()) {
            cube.status.assign(cells, s.get<std::string>());
        } else if (s.is_array()) {
            // One status for all, or one per value.
            if (s.size() == 1) {
                put(s[0], 0, path + "[0]");
                cube.status.assign(cells, cube.status[0]);
            } else if (s.size() != cells) {
                fail(path, "has " + std::to_string(s.size()) + " entries but \"value\" " +
                               std::to_string(cells));
            } else {
                for (std::size_t i = 0; i < cells; ++i)
                    put(s[i], i, path + "[" + std::to_string(i) + "]");
            }
        } else if (s.is_object()) {
            for (const auto& entry : s.items()) {
                std::size_t at = 0;
                if (!flat_index(entry.key(), cells, at))
                    fail(path + "." + entry.key(),
                         "expected a position from 0 to " + std::to_string(cells - 1));
                put(entry.value(), at, path + "." + entry.key());
            }
        } else {
            fail(path, "expected a text, an array or an object, found " + kind(s));
        }
    }

    void roles(const Json& j, const std::string& path, ParsedCube& cube) {
        if (!j.contains("role")) return;
        const Json& role = j["role"];
        if (!role.is_object()) fail(join(path, "role"), "expected an object, found " + kind(role));
        for (const auto& entry : role.items()) {
            int* slot = entry.key() == "geo"      ? &cube.geo
                        : entry.key() == "time"   ? &cube.time
                        : entry.key() == "metric" ? &cube.metric
                                                  : nullptr;
            if (!slot) continue;
            std::string at = join(path, "role." + entry.key());
            if (!entry.value().is_array()) fail(at, "expected an array of dimension ids");
            for (const Json& id : entry.value()) {
                int found = -1;
                for (std::size_t i = 0; i < cube.dimensions.size(); ++i)
                    if (id.is_string() && cube.dimensions[i].id == id.get<std::string>())
                        found = static_cast<int>(i);
                if (found < 0) fail(at, "names " + id.dump() + ", which is no dimension in \"id\"");
                if (*slot < 0) *slot = found;
            }
        }
    }

    static std::string sizes_text(const ParsedCube& cube) {
        std::string t;
        for (const Dimension& d : cube.dimensions)
            t += (t.empty() ? "" : " × ") + std::to_string(d.codes.size());
        return t.empty() ? "1" : t;
    }

    std::string file_;
};

// Line and column (1-based, in bytes) of a byte offset.
std::pair<unsigned, unsigned> line_column(const std::string& text, std::size_t offset) {
    unsigned line = 1, column = 1;
    for (std::size_t i = 0; i < offset && i < text.size(); ++i) {
        if (text[i] == '\n') {
            ++line;
            column = 1;
        } else {
            ++column;
        }
    }
    return {line, column};
}

}  // namespace

std::size_t ParsedCube::stride(std::size_t dimension) const {
    std::size_t s = 1;
    for (std::size_t i = dimension + 1; i < dimensions.size(); ++i) s *= dimensions[i].codes.size();
    return s;
}

std::vector<ParsedCube> parse_file(const std::filesystem::path& input, std::uint64_t max_bytes) {
    const std::string file = input.string();
    if (std::filesystem::is_directory(input))
        throw Error("not a file: a folder (JSON-stat is read from a .json file)",
                    Location::at(file));
    std::ifstream in(input, std::ios::binary);
    if (!in) throw Error("cannot open the file for reading", Location::at(file));
    std::error_code ec;
    auto size = std::filesystem::file_size(input, ec);
    if (!ec && size > max_bytes)
        throw Error("the file has " + std::to_string(size) + " bytes, more than max-file-size " +
                        std::to_string(max_bytes) + " (the file is parsed whole)",
                    Location::at(file));
    std::ostringstream buffer;
    buffer << in.rdbuf();
    std::string text = buffer.str();
    Json j;
    try {
        j = Json::parse(text);
    } catch (const Json::parse_error& e) {
        // nlohmann's message names the byte; say line and column as editors do.
        std::size_t at = e.byte == 0 ? 0 : e.byte - 1;
        auto [line, column] = line_column(text, at);
        std::string what = e.what();
        auto column_at = what.find("column ");
        auto colon = what.find(": ", column_at == std::string::npos ? 0 : column_at);
        std::string reason = colon == std::string::npos ? what : what.substr(colon + 2);
        if (at >= text.size()) reason = "the JSON ends too early (a cut-off file?): " + reason;
        throw Error("not valid JSON: " + reason, Location::at(file, line, column));
    }
    return Parser(file).top(j);
}

}  // namespace kdx::jsonstat
