#include <charconv>
#include <memory>

#include "kdx/error.hpp"
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

// The "Indicators" sheet of a workbook kdx wrote: the dataset's own indicator
// catalogue, which the table importer (made for partner sheets) does not read.
class KdxIndicatorSheet : public TableSink {
  public:
    static constexpr const char* sheet_name = "Indicators";

    bool begin_sheet(const SheetInfo&) override { return true; }
    bool row(const Row& row) override {
        auto text = [&](std::size_t i) {
            return i < row.cells.size() ? row.cells[i].text : std::string();
        };
        if (!header_seen_) {
            header_seen_ = text(0) == "id" && text(1) == "label_nb" && text(2) == "label_nn" &&
                           text(3) == "label_en" && text(4) == "unit" && text(5) == "additive";
            return header_seen_;  // anything else is not kdx's layout: stop
        }
        auto unit = unit_from_string(text(4));
        if (text(0).empty() || !unit) return true;
        Indicator i;
        i.id = text(0);
        i.label_nb = text(1);
        i.label_nn = text(2);
        i.label_en = text(3);
        i.unit = *unit;
        i.additive = text(5) == "true";
        indicators_.push_back(std::move(i));
        return true;
    }
    void end_sheet() override {}

    bool recognised() const { return header_seen_; }
    void apply(Dataset& dataset) const {
        dataset.indicators.insert(dataset.indicators.end(), indicators_.begin(), indicators_.end());
    }

  private:
    bool header_seen_ = false;
    std::vector<Indicator> indicators_;
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
    ReadLimits limits;
    for (const LimitOption& o : limit_options) {
        auto it = options.find(o.name);
        if (it == options.end()) continue;
        const std::string& v = it->second;
        std::uint64_t n = 0;
        auto [end, ec] = std::from_chars(v.data(), v.data() + v.size(), n);
        if (ec != std::errc() || end != v.data() + v.size() || n == 0)
            throw Error("option " + std::string(o.name) +
                        ": expected a whole number above 0, found \"" + v + "\"");
        limits.*o.field = n;
    }
    return limits;
}

std::vector<OptionInfo> read_options() {
    std::vector<OptionInfo> options = table_import_option_infos();
    for (OptionInfo& o : read_limit_options()) options.push_back(std::move(o));
    return options;
}

Dataset read_dataset(const std::filesystem::path& input, const Options& options,
                     Diagnostics& diagnostics) {
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
    // A workbook kdx wrote carries the dataset's own indicators; they go into
    // the catalogue first, so that the outcome rows naming them are read.
    const SheetPart* indicator_sheet = nullptr;
    if (import_options.sheet.empty())
        for (const SheetPart& sheet : book.sheets)
            if (sheet.name == KdxIndicatorSheet::sheet_name) {
                load_strings();
                KdxIndicatorSheet kdx_indicators;
                read_sheet({package, sheet.part, sheet.name, *strings, styles, book.date1904, limits},
                           kdx_indicators, diagnostics);
                if (kdx_indicators.recognised()) {
                    kdx_indicators.apply(dataset);
                    indicator_sheet = &sheet;
                }
            }
    TableImporter importer(dataset, diagnostics, import_options);
    for (const SheetPart& sheet : book.sheets) {
        if (&sheet == indicator_sheet) continue;
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
