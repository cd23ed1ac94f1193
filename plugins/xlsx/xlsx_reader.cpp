#include <charconv>
#include <functional>
#include <limits>
#include <memory>
#include <set>

#include "kdx/error.hpp"
#include "kdx/options.hpp"
#include "kdx/table_import.hpp"
#include "xlsx_read.hpp"
#include "xlsx_read_limits.hpp"
#include "xlsx_read_workbook.hpp"
#include "xlsx_sheet.hpp"
#include "xlsx_strings.hpp"
#include "xlsx_styles.hpp"
#include "xlsx_zip.hpp"

namespace kdx::xlsx {

namespace {

// A sheet of a workbook kdx wrote that the table importer (made for partner
// sheets) does not read: its first row is exactly the writer's header, and
// each row below is one record, handed to `take` with its row.
class KdxRecordSheet : public TableSink {
  public:
    using Take = std::function<void(const std::function<const std::string&(std::size_t)>& text,
                                    const Row& row)>;
    KdxRecordSheet(std::vector<std::string> header, Take take)
        : header_(std::move(header)), take_(std::move(take)) {}

    bool begin_sheet(const SheetInfo&) override { return true; }
    bool row(const Row& row) override {
        static const std::string none;
        auto text = [&](std::size_t i) -> const std::string& {
            return i < row.cells.size() ? row.cells[i].text : none;
        };
        if (!header_seen_) {
            header_seen_ = true;
            for (std::size_t i = 0; i < header_.size(); ++i)
                if (text(i) != header_[i]) header_seen_ = false;
            return header_seen_;  // anything else is not kdx's layout: stop
        }
        take_(text, row);
        return true;
    }
    void end_sheet() override {}
    bool recognised() const { return header_seen_; }

  private:
    std::vector<std::string> header_;
    Take take_;
    bool header_seen_ = false;
};

int year_of(const std::string& text) {
    int y = 0;
    std::from_chars(text.data(), text.data() + text.size(), y);
    return y;
}

Value value_of(const std::string& text) {
    if (text.empty()) return Value();
    if (text == ":") return Value::suppressed();
    double v = 0;
    auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), v);
    return ec == std::errc() && end == text.data() + text.size() ? Value(v) : Value();
}

std::vector<std::string> split(const std::string& text, char by) {
    std::vector<std::string> out;
    std::size_t at = 0;
    while (at < text.size()) {
        std::size_t end = text.find(by, at);
        if (end == std::string::npos) end = text.size();
        std::string part = text.substr(at, end - at);
        part.erase(0, part.find_first_not_of(' '));
        part.erase(part.find_last_not_of(' ') + 1);
        if (!part.empty()) out.push_back(part);
        at = end + 1;
    }
    return out;
}

// The sheets of a workbook kdx wrote (xlsx_writer.cpp) that carry what the
// table importer does not read: the indicator catalogue, municipalities with
// their language form, names and years, programmes, nominations, and the
// dataset's description and data sources. They are
// read before the other sheets, so that outcomes naming a programme or an
// indicator of the dataset find it. `Sources` (the files the records once
// came from) is recognised and left out.
struct KdxSheet {
    const char* name;
    std::vector<std::string> header;
    KdxRecordSheet::Take (*take)(Dataset&, std::uint32_t source);
};

using Text = std::function<const std::string&(std::size_t)>;

const KdxSheet kdx_sheets[] = {
    {"Indicators",
     {"id", "label_nb", "label_nn", "label_en", "unit", "additive"},
     [](Dataset& d, std::uint32_t) -> KdxRecordSheet::Take {
         return [&d](const Text& text, const Row&) {
             auto unit = unit_from_string(text(4));
             if (text(0).empty() || !unit) return;
             Indicator i;
             i.id = text(0);
             i.label_nb = text(1);
             i.label_nn = text(2);
             i.label_en = text(3);
             i.unit = *unit;
             i.additive = text(5) == "true";
             d.indicators.push_back(std::move(i));
         };
     }},
    {"Municipalities",
     {"number", "name", "county_number", "county_name", "imdi_region", "language", "population",
      "other_names", "valid_from", "valid_to"},
     [](Dataset& d, std::uint32_t source) -> KdxRecordSheet::Take {
         return [&d, source](const Text& text, const Row& row) {
             if (text(0).empty()) return;
             Municipality m;
             m.number = text(0);
             m.name = text(1);
             m.county_number = text(2);
             m.county_name = text(3);
             m.imdi_region = text(4);
             m.language = language_form_from_string(text(5)).value_or(LanguageForm::unspecified);
             Value population = value_of(text(6));
             if (population.has_value()) m.population = static_cast<std::int64_t>(population.get());
             m.other_names = split(text(7), ';');
             m.valid_from = year_of(text(8));
             m.valid_to = year_of(text(9));
             m.origin = {source, row.number, 0};
             d.municipalities.push_back(std::move(m));
         };
     }},
    {"Programmes",
     {"id", "municipality", "kind", "name", "description", "partners", "years"},
     [](Dataset& d, std::uint32_t source) -> KdxRecordSheet::Take {
         return [&d, source](const Text& text, const Row& row) {
             if (text(0).empty()) return;
             Programme p;
             p.id = text(0);
             p.municipality = text(1);
             p.kind = programme_kind_from_string(text(2)).value_or(ProgrammeKind::other);
             p.name = text(3);
             p.description = text(4);
             p.partners = split(text(5), ';');
             for (const std::string& y : split(text(6), ' ')) p.years.push_back(year_of(y));
             p.origin = {source, row.number, 0};
             d.programmes.push_back(std::move(p));
         };
     }},
    {"Nominations",
     {"prize", "year", "municipality", "status", "summary", "last_updated", "votes"},
     [](Dataset& d, std::uint32_t source) -> KdxRecordSheet::Take {
         return [&d, source](const Text& text, const Row& row) {
             if (text(0).empty()) return;
             Nomination n;
             n.prize = text(0);
             n.year = year_of(text(1));
             n.municipality = text(2);
             n.status =
                 nomination_status_from_string(text(3)).value_or(NominationStatus::nominated);
             n.summary = text(4);
             n.last_updated = text(5);
             n.votes = value_of(text(6));
             n.origin = {source, row.number, 0};
             d.nominations.push_back(std::move(n));
         };
     }},
    {"Nomination sections",
     {"prize", "year", "municipality", "heading", "text"},
     [](Dataset& d, std::uint32_t) -> KdxRecordSheet::Take {
         // Gathered by nomination key here; added to the nominations read
         // from "Nominations" when the sheet is done.
         return [&d](const Text& text, const Row&) {
             for (Nomination& n : d.nominations)
                 if (n.prize == text(0) && n.year == year_of(text(1)) &&
                     n.municipality == text(2)) {
                     n.sections.push_back({text(3), text(4)});
                     return;
                 }
             Nomination n;
             n.prize = text(0);
             n.year = year_of(text(1));
             n.municipality = text(2);
             n.sections.push_back({text(3), text(4)});
             d.nominations.push_back(std::move(n));
         };
     }},
    {"Dataset",
     {"field", "value"},
     [](Dataset& d, std::uint32_t) -> KdxRecordSheet::Take {
         return [&d](const Text& text, const Row&) {
             const std::string& f = text(0);
             if (f == "title")
                 d.info.title = text(1);
             else if (f == "description")
                 d.info.description = text(1);
             else if (f == "language")
                 d.info.language = text(1);
             else if (f == "publisher")
                 d.info.publisher = text(1);
             else if (f == "provenance")
                 d.info.provenance.push_back(text(1));
         };
     }},
    {"Data sources",
     {"publisher", "title_nb", "title_nn", "title_en", "as_of", "licence", "link"},
     [](Dataset& d, std::uint32_t) -> KdxRecordSheet::Take {
         return [&d](const Text& text, const Row&) {
             if (text(0).empty()) return;
             d.info.data_sources.push_back(
                 {text(0), text(1), text(2), text(3), text(4), text(5), text(6)});
         };
     }},
    {"Sources",
     {"source", "file", "sheet"},
     [](Dataset&, std::uint32_t) -> KdxRecordSheet::Take {
         return [](const Text&, const Row&) {};
     }},
};

struct LimitOption {
    const char* name;
    std::uint64_t ReadLimits::*field;
    const char* description;
};

const LimitOption limit_options[] = {
    {"max-total-size", &ReadLimits::max_total_size,
     "Largest size in bytes of all parts of the package together, uncompressed"},
    {"max-part-size", &ReadLimits::max_part_size,
     "Largest size in bytes of one part (a sheet, the shared strings), uncompressed"},
    {"max-compression-ratio", &ReadLimits::max_compression_ratio,
     "Largest ratio of uncompressed to compressed size of a part above 1 MiB (zip bombs)"},
    {"max-sheets", &ReadLimits::max_sheets, "Most worksheets a workbook may have"},
    {"max-rows", &ReadLimits::max_rows, "Highest row number a sheet may use"},
    {"max-columns", &ReadLimits::max_columns,
     "Highest column number a sheet may use (XFD = 16384)"},
    {"max-string-length", &ReadLimits::max_string_length,
     "Longest text of one cell or shared string, in characters"},
};

}  // namespace

std::vector<OptionInfo> read_limit_options() {
    ReadLimits defaults;
    std::vector<OptionInfo> infos;
    for (const LimitOption& o : limit_options)
        infos.push_back({o.name,
                         OptionInfo::Type::integer,
                         std::to_string(defaults.*o.field),
                         {},
                         o.description});
    return infos;
}

ReadLimits read_limits(const Options& options) {
    // The table importer's options are its own to check.
    OptionReader read(read_limit_options(), options, OptionReader::Unknown::ignore);
    ReadLimits limits;
    for (const LimitOption& o : limit_options)
        limits.*o.field = static_cast<std::uint64_t>(
            read.integer(o.name, 1, std::numeric_limits<long long>::max()));
    return limits;
}

std::vector<OptionInfo> read_options() {
    std::vector<OptionInfo> options = table_import_option_infos();
    for (OptionInfo& o : read_limit_options()) options.push_back(std::move(o));
    return options;
}

Dataset read_dataset(const std::filesystem::path& input, const Options& options,
                     Diagnostics& diagnostics, BatchSink* sink) {
    [[maybe_unused]] OptionReader all(read_options(), options);  // refuses undeclared names
    const ReadLimits limits = read_limits(options);
    const TableImportOptions import_options = table_import_options(options);
    const std::string file = input.string();

    Package package(input, file, limits);
    Workbook book = read_workbook(package, diagnostics);
    if (book.sheets.size() > limits.max_sheets)
        throw Error("the workbook has " + std::to_string(book.sheets.size()) +
                        " sheets, more than the limit of " + std::to_string(limits.max_sheets) +
                        " (max-sheets)",
                    Location::at(file));
    Styles styles = book.styles.empty() ? Styles() : Styles::read(package, book.styles);
    // Read when the first sheet is read: a sheet option may skip them all.
    std::unique_ptr<std::vector<std::string>> strings;

    auto load_strings = [&] {
        if (!strings)
            strings = std::make_unique<std::vector<std::string>>(
                book.shared_strings.empty()
                    ? std::vector<std::string>()
                    : read_shared_strings(package, book.shared_strings, limits));
    };
    Dataset dataset;
    // A workbook kdx wrote carries what partner sheets do not (kdx_sheets);
    // those sheets are read first and left out of the table import.
    std::set<const SheetPart*> kdx_read;
    if (import_options.sheet.empty())
        for (const KdxSheet& kind : kdx_sheets)
            for (const SheetPart& sheet : book.sheets)
                if (sheet.name == kind.name) {
                    load_strings();
                    Dataset part;
                    std::uint32_t source = part.add_source(file, sheet.name);
                    KdxRecordSheet reader(kind.header, kind.take(part, source));
                    read_sheet(
                        {package, sheet.part, sheet.name, *strings, styles, book.date1904, limits},
                        reader, diagnostics);
                    if (!reader.recognised()) continue;
                    kdx_read.insert(&sheet);
                    if (std::string(kind.name) == "Nomination sections") {
                        // Sections belong to the nominations read before.
                        for (Nomination& n : dataset.nominations)
                            for (const Nomination& p : part.nominations)
                                if (p.prize == n.prize && p.year == n.year &&
                                    p.municipality == n.municipality)
                                    n.sections = p.sections;
                        continue;
                    }
                    merge(dataset, std::move(part));
                }
    TableImporter importer(dataset, diagnostics, import_options);
    // A workbook kdx wrote is read whole: its record sheets are in the
    // dataset already, and a repeated key is judged against them.
    if (sink && kdx_read.empty()) importer.stream_to(*sink);
    for (const SheetPart& sheet : book.sheets) {
        if (kdx_read.count(&sheet)) continue;
        SheetInfo info;
        info.file = file;
        info.name = sheet.name;
        info.hidden = sheet.hidden;
        if (!importer.begin_sheet(info)) continue;
        load_strings();
        read_sheet({package, sheet.part, sheet.name, *strings, styles, book.date1904, limits},
                   importer, diagnostics);
        importer.end_sheet();
    }
    importer.finish();
    return dataset;
}

}  // namespace kdx::xlsx
