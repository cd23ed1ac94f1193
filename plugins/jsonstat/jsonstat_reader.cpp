#include "jsonstat_reader.hpp"

#include <algorithm>
#include <cctype>
#include <limits>
#include <map>
#include <pugixml.hpp>
#include <set>

#include "jsonstat_parse.hpp"
#include "kdx/error.hpp"
#include "kdx/options.hpp"
#include "kdx/table_import.hpp"

namespace kdx::jsonstat {

namespace {

std::string lower(std::string s) {
    for (char& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return s;
}

bool all_digits(const std::string& s, std::size_t from = 0) {
    return s.size() > from && std::all_of(s.begin() + static_cast<std::ptrdiff_t>(from), s.end(),
                                          [](char c) { return c >= '0' && c <= '9'; });
}

std::string quoted_list(const std::vector<std::string>& items, std::size_t shown = 3) {
    std::string t;
    for (std::size_t i = 0; i < items.size() && i < shown; ++i)
        t += (i ? ", " : "") + ("\"" + items[i] + "\"");
    if (items.size() > shown) t += " and " + std::to_string(items.size() - shown) + " more";
    return t;
}

// A dimension is found by its role, else by the names SSB gives it.
int find_dimension(const ParsedCube& cube, int by_role, std::initializer_list<const char*> names,
                   const char* prefix = nullptr) {
    if (by_role >= 0) return by_role;
    for (std::size_t i = 0; i < cube.dimensions.size(); ++i) {
        std::string id = lower(cube.dimensions[i].id);
        for (const char* n : names)
            if (id == n) return static_cast<int>(i);
        if (prefix && id.rfind(prefix, 0) == 0) return static_cast<int>(i);
    }
    return -1;
}

// The total category of a further dimension (Kjonn "0 Begge kjønn", Alder
// "999 I alt"), or -1.
int total_category(const Dimension& d) {
    static const std::set<std::string> codes = {"0",   "00",    "999",  "t",
                                                "tot", "total", "ialt", "alle"};
    static const std::set<std::string> labels = {"i alt",    "alle",   "begge kjønn", "alle aldre",
                                                 "total",    "totalt", "sum",         "both sexes",
                                                 "all ages", "all"};
    for (std::size_t i = 0; i < d.codes.size(); ++i)
        if (labels.count(lower(d.labels[i]))) return static_cast<int>(i);
    for (std::size_t i = 0; i < d.codes.size(); ++i)
        if (codes.count(lower(d.codes[i]))) return static_cast<int>(i);
    return -1;
}

std::string category_text(const Dimension& d, std::size_t i) {
    return d.labels[i].empty() || d.labels[i] == d.codes[i] ? d.codes[i]
                                                            : d.codes[i] + " " + d.labels[i];
}

// "07459: Befolkning, etter region, ..." -> "Befolkning".
std::string title_variable(std::string label) {
    if (label.size() > 6 && all_digits(label.substr(0, 5)) && label[5] == ':')
        label = label.substr(6);
    auto cut = label.find(", etter ");
    if (cut != std::string::npos) label = label.substr(0, cut);
    auto first = label.find_first_not_of(' ');
    return first == std::string::npos ? std::string() : label.substr(first);
}

// The mapping file's <indicator code="..."> values, lower case, so that a
// content can be mapped by its code ("Personer1") as well as by its label.
std::set<std::string> mapping_codes(const std::string& file) {
    std::set<std::string> codes;
    if (file.empty()) return codes;
    pugi::xml_document doc;
    if (!doc.load_file(file.c_str())) return codes;  // the importer reports a broken mapping
    for (pugi::xml_node indicators : doc.document_element().children())
        if (std::string(indicators.name()).find("indicators") != std::string::npos)
            for (pugi::xml_node i : indicators.children())
                if (const char* code = i.attribute("code").value(); *code)
                    codes.insert(lower(code));
    return codes;
}

// What kdx calls a content: its code where kdx knows the code (the ids the
// writer gives, a built-in indicator, a mapping file's code), else its label,
// as SSB's CSV export writes it.
std::string content_text(const std::string& code, const std::string& label,
                         const std::set<std::string>& mapped) {
    static const std::map<std::string, std::string> kdx_ids = {
        {"requested", "anmodning"},
        {"decided", "vedtak"},
        {"settled", "bosatt"},
        {"unaccompanied-minors", "enslige mindreårige"},
        {"family-reunifications", "familiegjenforente"},
        {"population", "Personer"}};
    std::string c = lower(code);
    if (auto it = kdx_ids.find(c); it != kdx_ids.end()) return it->second;
    if (mapped.count(c)) return code;
    for (const Indicator& i : builtin_indicators())
        if (lower(i.id) == c) return code;
    return label.empty() ? code : label;
}

// One figure of the long table: its flat index and the categories it has.
struct Figure {
    std::size_t flat = 0;
    std::size_t region = 0, time = 0, content = 0;
};

class CubeReader {
  public:
    CubeReader(const ParsedCube& cube, const std::string& file, const std::set<std::string>& mapped,
               Diagnostics& diagnostics)
        : cube_(cube), file_(file), mapped_(mapped), diagnostics_(diagnostics) {}

    // Checks the cube's shape and lists its figures; throws kdx::Error.
    void plan() {
        region_ = find_dimension(cube_, cube_.geo, {"region"}, "kokkommuneregion");
        time_ = find_dimension(cube_, cube_.time, {"tid", "time", "år", "year"});
        content_ = find_dimension(cube_, cube_.metric, {"contentscode", "contents"});
        if (region_ < 0)
            fail(
                "no region dimension: kdx needs one with role \"geo\" or the id \"Region\" "
                "(dimensions: " +
                dimension_ids() + ")");
        if (time_ < 0)
            fail(
                "no time dimension: kdx needs one with role \"time\" or the id \"Tid\" "
                "(dimensions: " +
                dimension_ids() + ")");
        check_years();
        fixed_.assign(cube_.dimensions.size(), 0);
        for (std::size_t i = 0; i < cube_.dimensions.size(); ++i) {
            if (static_cast<int>(i) == region_ || static_cast<int>(i) == time_ ||
                static_cast<int>(i) == content_)
                continue;
            const Dimension& d = cube_.dimensions[i];
            if (d.codes.size() <= 1) continue;
            int total = total_category(d);
            if (total < 0)
                fail("dimension \"" + d.id + "\" has " + std::to_string(d.codes.size()) +
                     " categories (" + quoted_list(d.codes) +
                     ") and no total: kdx keeps one figure per municipality, year and content, "
                     "and does not add categories up (they may overlap, and a suppressed one "
                     "makes the sum unknown); ask SSB for its total (leave \"" +
                     d.id + "\" out of the query where the table allows it) or for one category");
            fixed_[i] = static_cast<std::size_t>(total);
            diagnostics_.info("dimension \"" + d.id + "\": its total \"" +
                                  category_text(d, fixed_[i]) + "\" read, its " +
                                  std::to_string(d.codes.size() - 1) + " other categories skipped",
                              where());
        }
        const Dimension& regions = cube_.dimensions[region_];
        std::vector<std::string> others;
        for (std::size_t r = 0; r < regions.codes.size(); ++r) {
            std::string label = region_label(regions.codes[r], regions.labels[r]);
            if (label.empty()) {
                others.push_back(regions.codes[r]);
                continue;
            }
            region_labels_.emplace_back(r, std::move(label));
        }
        if (!others.empty())
            diagnostics_.info(std::to_string(others.size()) +
                                  (others.size() == 1 ? " category of \"" : " categories of \"") +
                                  regions.id +
                                  "\" skipped: neither a municipality, a county nor the whole "
                                  "country (" +
                                  quoted_list(others) + ")",
                              where());
    }

    // The long table, pushed into the importer as one sheet.
    void push(TableImporter& importer, const std::string& sheet_name) {
        SheetInfo sheet;
        sheet.file = file_;
        sheet.name = sheet_name;
        if (!importer.begin_sheet(sheet)) return;
        Row header;
        header.number = 1;
        for (const char* h : {"region", "statistikkvariabel", "år", "verdi"}) {
            Cell c;
            c.type = Cell::Type::text;
            c.text = h;
            header.cells.push_back(std::move(c));
        }
        if (!importer.row(header)) {
            importer.end_sheet();
            return;
        }
        const Dimension& times = cube_.dimensions[time_];
        std::size_t contents = content_ >= 0 ? cube_.dimensions[content_].codes.size() : 1;
        std::string fallback = title_variable(cube_.label);
        std::vector<std::string> content_texts;
        for (std::size_t c = 0; c < contents; ++c) {
            if (content_ < 0) {
                content_texts.push_back(fallback);
                continue;
            }
            const Dimension& d = cube_.dimensions[content_];
            content_texts.push_back(content_text(d.codes[c], d.labels[c], mapped_));
        }
        Row row;
        row.cells.resize(4);
        for (const auto& region : region_labels_)
            for (std::size_t t = 0; t < times.codes.size(); ++t)
                for (std::size_t c = 0; c < contents; ++c) {
                    Figure f;
                    f.region = region.first;
                    f.time = t;
                    f.content = c;
                    f.flat = flat(f);
                    // A null without a status is a cell the cube has and the
                    // source no figure for: no row, so that no empty record is made.
                    if (!cube_.values[f.flat] &&
                        (cube_.status.empty() || cube_.status[f.flat].empty()))
                        continue;
                    figures_.push_back(f);
                    row.number = static_cast<std::uint32_t>(figures_.size() + 1);
                    set_text(row.cells[0], region.second);
                    set_text(row.cells[1], content_texts[c]);
                    set_text(row.cells[2], times.codes[t]);
                    value_cell(row.cells[3], f.flat);
                    if (!importer.row(row)) {
                        importer.end_sheet();
                        return;
                    }
                }
        importer.end_sheet();
        report_statuses();
    }

    // A diagnostic the importer gave on the laid-out table, located in the file instead.
    bool relocate(Diagnostic& d, const std::string& sheet_name) const {
        if (d.where.file != file_ || d.where.sheet != sheet_name) return false;
        std::uint32_t row = 0;
        std::size_t i = 0;
        const std::string& cell = d.where.cell;
        while (i < cell.size() && std::isalpha(static_cast<unsigned char>(cell[i]))) ++i;
        while (i < cell.size() && std::isdigit(static_cast<unsigned char>(cell[i])))
            row = row * 10 + static_cast<std::uint32_t>(cell[i++] - '0');
        // A cell is one figure; a whole row ("12:12") is where the importer
        // puts a note about many, which belongs to the dataset.
        bool one_figure = cell.find(':') == std::string::npos;
        d.where = Location::at_cell(file_, "", cube_.path);
        if (one_figure && row >= 2 && row - 2 < figures_.size()) {
            const Figure& f = figures_[row - 2];
            std::string prefix = cube_.path.empty() ? "" : cube_.path + ".";
            d.where.cell = prefix + "value[" + std::to_string(f.flat) + "]";
            d.message += " (" + coordinates(f) + ")";
        }
        if (d.message.rfind("statistics variable \"", 0) == 0 && content_ >= 0) {
            // Name the content's code too: that is what an API query or mapping uses.
            const Dimension& c = cube_.dimensions[content_];
            for (std::size_t k = 0; k < c.codes.size(); ++k)
                if (d.message.find("\"" + c.labels[k] + "\"") != std::string::npos &&
                    !c.labels[k].empty()) {
                    d.message += "; its code in \"" + c.id + "\" is \"" + c.codes[k] + "\"";
                    break;
                }
        }
        return true;
    }

    // The flat index of the figure on a row of the laid-out table, or nullopt.
    std::optional<std::size_t> flat_of_row(std::uint32_t row) const {
        if (row < 2 || row - 2 >= figures_.size()) return std::nullopt;
        return figures_[row - 2].flat;
    }

  private:
    [[noreturn]] void fail(const std::string& message) const {
        throw Error(cube_.path.empty() ? message : cube_.path + ": " + message,
                    Location::at(file_));
    }

    Location where() const { return Location::at_cell(file_, "", cube_.path); }

    std::string dimension_ids() const {
        std::vector<std::string> ids;
        for (const Dimension& d : cube_.dimensions) ids.push_back(d.id);
        return quoted_list(ids, ids.size());
    }

    // SSB's time codes: "2020"; quarters "2020K1", months "2020M01", half
    // years "2020H1" and weeks "2020U01" are refused, since kdx keeps yearly figures.
    void check_years() const {
        const Dimension& d = cube_.dimensions[time_];
        for (const std::string& code : d.codes) {
            if (code.size() == 4 && all_digits(code)) continue;
            std::string kind = "no year";
            if (code.size() > 4 && all_digits(code.substr(0, 4))) {
                char k = static_cast<char>(std::toupper(static_cast<unsigned char>(code[4])));
                kind = k == 'K' || k == 'Q'   ? "a quarter"
                       : k == 'M'             ? "a month"
                       : k == 'H'             ? "a half year"
                       : k == 'U' || k == 'W' ? "a week"
                                              : "no year";
            }
            fail("dimension \"" + d.id + "\": \"" + code + "\" is " + kind +
                 "; kdx keeps figures per year (\"2020\"): query a table of years");
        }
    }

    // The label SSB's CSV export would write for a region code, or "" for a
    // region kdx does not keep (economic regions, "K-Rest", KOSTRA groups).
    static std::string region_label(const std::string& code, const std::string& label) {
        std::string name = label;
        if (name.rfind(code, 0) == 0) name = name.substr(code.size());
        auto first = name.find_first_not_of(" -");
        name = first == std::string::npos ? std::string() : name.substr(first);
        auto with = [&](const std::string& c) { return name.empty() ? c : c + " " + name; };
        if (code == "EAK" || code == "0" || code == "TOTAL") return with("EAK");
        std::string digits = code;
        if ((code.rfind("K-", 0) == 0 || code.rfind("F-", 0) == 0)) digits = code.substr(2);
        if (!all_digits(digits)) return {};
        bool county_prefix = code.rfind("F-", 0) == 0,
             municipality_prefix = code.rfind("K-", 0) == 0;
        if (digits.size() == 2 && !municipality_prefix) return with(code);
        if ((digits.size() == 3 || digits.size() == 4) && !county_prefix) return with(code);
        return {};
    }

    std::size_t flat(const Figure& f) const {
        std::size_t at = 0;
        for (std::size_t i = 0; i < cube_.dimensions.size(); ++i) {
            std::size_t k = fixed_[i];
            if (static_cast<int>(i) == region_) k = f.region;
            if (static_cast<int>(i) == time_) k = f.time;
            if (static_cast<int>(i) == content_) k = f.content;
            at += k * cube_.stride(i);
        }
        return at;
    }

    static void set_text(Cell& c, const std::string& text) {
        c.type = Cell::Type::text;
        c.text = text;
        c.number = 0;
    }

    // A value as the CSV export writes it; a null takes its status (":"
    // suppressed, "..", "...", "." no figure), or ".." without one.
    void value_cell(Cell& c, std::size_t at) {
        const std::string status = cube_.status.empty() ? std::string() : cube_.status[at];
        if (const auto& v = cube_.values[at]) {
            c.type = Cell::Type::number;
            c.number = *v;
            c.text = nlohmann_number(*v);
            if (!status.empty()) ++other_status_[status];
            return;
        }
        if (status != ":" && status != ".." && status != "..." && status != ".") {
            ++other_status_[status];
            set_text(c, "..");
            return;
        }
        set_text(c, status);
    }

    static std::string nlohmann_number(double v);

    void report_statuses() {
        for (const auto& entry : other_status_)
            diagnostics_.info(
                "status \"" + entry.first + "\" on " + std::to_string(entry.second) +
                    " figures: a figure is read as it is, a null as no figure "
                    "(SSB's \":\" is suppressed, \"..\", \"...\" and \".\" no figure)",
                where());
    }

    std::string coordinates(const Figure& f) const {
        std::string t;
        for (std::size_t i = 0; i < cube_.dimensions.size(); ++i) {
            std::size_t k = fixed_[i];
            if (static_cast<int>(i) == region_) k = f.region;
            if (static_cast<int>(i) == time_) k = f.time;
            if (static_cast<int>(i) == content_) k = f.content;
            if (cube_.dimensions[i].codes.size() <= 1 && static_cast<int>(i) != region_ &&
                static_cast<int>(i) != time_ && static_cast<int>(i) != content_)
                continue;
            t += (t.empty() ? "" : ", ") + cube_.dimensions[i].id + " \"" +
                 cube_.dimensions[i].codes[k] + "\"";
        }
        return t;
    }

    const ParsedCube& cube_;
    std::string file_;
    const std::set<std::string>& mapped_;
    Diagnostics& diagnostics_;
    int region_ = -1, time_ = -1, content_ = -1;
    std::vector<std::size_t> fixed_;  // the category read of each further dimension
    std::vector<std::pair<std::size_t, std::string>> region_labels_;
    std::vector<Figure> figures_;  // by table row - 2
    std::map<std::string, std::size_t> other_status_;
};

std::string CubeReader::nlohmann_number(double v) {
    char text[32];
    std::snprintf(text, sizeof text, "%.15g", v);
    return text;
}

}  // namespace

const std::vector<OptionInfo>& read_option_infos() {
    static const std::vector<OptionInfo> infos = [] {
        std::vector<OptionInfo> o{{"max-file-size",
                                   OptionInfo::Type::integer,
                                   "1073741824",
                                   {},
                                   "Largest file read, in bytes (the file is parsed whole)"}};
        for (const OptionInfo& t : table_import_option_infos())
            if (t.name == "mapping") o.push_back(t);
        return o;
    }();
    return infos;
}

Dataset read_jsonstat(const std::filesystem::path& input, const Options& options,
                      Diagnostics& diagnostics) {
    const std::string file = input.string();
    OptionReader read(read_option_infos(), options);
    const auto max_file_size = static_cast<std::uint64_t>(
        read.integer("max-file-size", 1, std::numeric_limits<long long>::max()));
    TableImportOptions import_options = table_import_options(options);
    Diagnostics own;
    std::set<std::string> mapped;
    std::vector<CubeReader> readers;
    std::vector<ParsedCube> cubes = parse_file(input, max_file_size);
    Dataset dataset;
    Diagnostics table;
    std::vector<std::string> sheet_names;
    {
        // The importer checks the mapping file (size, schema) before its
        // codes are looked at here.
        TableImporter importer(dataset, table, import_options);
        mapped = mapping_codes(import_options.mapping_file);
        readers.reserve(cubes.size());
        // Every cube is checked before anything is read: a file kdx cannot lay
        // out is refused whole.
        for (const ParsedCube& cube : cubes) {
            readers.emplace_back(cube, file, mapped, own);
            readers.back().plan();
        }
        for (std::size_t i = 0; i < readers.size(); ++i) {
            sheet_names.push_back(cubes[i].path.empty() ? "dataset" : cubes[i].path);
            readers[i].push(importer, sheet_names.back());
        }
        importer.finish();
    }
    diagnostics.append(own);
    for (Diagnostic d : table.items()) {
        for (std::size_t i = 0; i < readers.size(); ++i)
            if (readers[i].relocate(d, sheet_names[i])) break;
        diagnostics.add(std::move(d));
    }
    // What kdx's writer kept beside the cube: outcome sources, programmes' outcomes.
    for (std::size_t i = 0; i < readers.size(); ++i) {
        const ParsedCube& cube = cubes[i];
        auto sheet = std::find_if(
            dataset.sources.begin(), dataset.sources.end(),
            [&](const Source& s) { return s.file == file && s.sheet == sheet_names[i]; });
        auto source_id = static_cast<std::uint32_t>(sheet - dataset.sources.begin() + 1);
        if (!cube.sources.empty() && sheet != dataset.sources.end())
            for (Outcome& o : dataset.outcomes) {
                if (o.origin.source != source_id) continue;
                auto at = readers[i].flat_of_row(o.origin.line);
                auto given = at ? cube.sources.find(*at) : cube.sources.end();
                if (given != cube.sources.end()) o.source = given->second;
            }
        for (const ProgrammeOutcome& p : cube.programme_outcomes) {
            Outcome o;
            o.municipality = p.municipality;
            o.programme = p.programme;
            o.indicator = p.indicator;
            o.year = p.year;
            o.value = p.value        ? Value(*p.value)
                      : p.suppressed ? Value::suppressed()
                                     : Value::missing();
            o.unit = *unit_from_string(p.unit);
            o.source = p.source;
            o.origin.source = dataset.add_source(file, sheet_names[i]);
            dataset.outcomes.push_back(std::move(o));
        }
    }
    // Records point at the file: the laid-out table's rows are no place in it.
    for (Source& s : dataset.sources)
        if (s.file == file) s.sheet.clear();
    auto unplace = [](Origin& o) { o.line = o.column = 0; };
    for (auto& s : dataset.settlement) unplace(s.origin);
    for (auto& o : dataset.outcomes) unplace(o.origin);
    for (auto& m : dataset.municipalities) unplace(m.origin);
    return dataset;
}

}  // namespace kdx::jsonstat
