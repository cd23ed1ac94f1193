#include "csv_reader.hpp"

#include <cstdint>
#include <fstream>
#include <limits>

#include "csv_encoding.hpp"
#include "csv_parser.hpp"
#include "kdx/error.hpp"
#include "kdx/options.hpp"
#include "kdx/table_import.hpp"

namespace kdx::csv {

namespace {

std::ifstream open(const std::filesystem::path& input, const std::string& file) {
    std::ifstream in(input, std::ios::binary);
    if (!in) throw Error("cannot open the file for reading", Location::at(file));
    return in;
}

// UTF-8 unless told otherwise or the bytes say otherwise; UTF-16 is refused
// with what to do about it.
Encoding choose_encoding(const std::filesystem::path& input, const std::string& file,
                         const std::string& wanted, Diagnostics& diagnostics) {
    std::ifstream in = open(input, file);
    char head[2] = {0, 0};
    in.read(head, 2);
    if ((head[0] == '\xFF' && head[1] == '\xFE') || (head[0] == '\xFE' && head[1] == '\xFF'))
        throw Error("expected UTF-8 or Windows-1252 text, found UTF-16 (save it as CSV UTF-8)",
                    Location::at(file, 1));
    if (wanted == "windows-1252") return Encoding::windows_1252;
    in.clear();
    in.seekg(0);
    Utf8Check check = check_utf8(in);
    if (check.valid) return Encoding::utf8;
    std::string what = check.byte
                           ? "byte 0x" +
                                 [&] {
                                     const char* hex = "0123456789ABCDEF";
                                     return std::string{hex[check.byte >> 4], hex[check.byte & 15]};
                                 }()
                           : std::string("a cut-off character at the end");
    if (wanted == "utf-8")
        throw Error("expected UTF-8 text, found " + what +
                        " (encoding=windows-1252 reads Windows and Latin-1 files)",
                    Location::at(file, static_cast<unsigned>(check.line)));
    diagnostics.info("not UTF-8 (" + what + " on this line): read as Windows-1252",
                     Location::at(file, static_cast<unsigned>(check.line)));
    return Encoding::windows_1252;
}

char choose_separator(const std::filesystem::path& input, const std::string& file,
                      const std::string& wanted) {
    if (wanted == "comma") return ',';
    if (wanted == "semicolon") return ';';
    if (wanted == "tab") return '\t';
    // Separators are ASCII, so the raw bytes serve whatever the encoding.
    std::ifstream in = open(input, file);
    std::string sample(1 << 16, '\0');
    in.read(sample.data(), static_cast<std::streamsize>(sample.size()));
    sample.resize(static_cast<std::size_t>(in.gcount()));
    bool complete = in.peek() == std::ifstream::traits_type::eof();
    return sniff_separator(sample, complete);
}

}  // namespace

const std::vector<OptionInfo>& read_option_infos() {
    static const std::vector<OptionInfo> infos = [] {
        std::vector<OptionInfo> o{
            {"encoding",
             OptionInfo::Type::choice,
             "auto",
             {"auto", "utf-8", "utf-8-bom", "windows-1252"},
             "Text encoding; auto reads UTF-8 (a byte order mark is allowed) and falls back to "
             "Windows-1252 (Latin-1) when the file is not valid UTF-8; utf-8-bom is utf-8 "
             "(named as the writer names it)"},
            {"delimiter",
             OptionInfo::Type::choice,
             "auto",
             {"auto", "comma", "semicolon", "tab", ",", ";"},
             "Field separator; auto picks the one that splits most lines alike"},
        };
        o.push_back({"max-field-length",
                     OptionInfo::Type::integer,
                     "1048576",
                     {},
                     "Longest field read, in bytes; a longer one (often a quote never closed) "
                     "stops the read with an error"});
        o.push_back(
            {"max-columns", OptionInfo::Type::integer, "16384", {}, "Most fields in one record"});
        o.push_back({"max-rows",
                     OptionInfo::Type::integer,
                     "10000000",
                     {},
                     "Most records in the file, the header and title rows included"});
        for (const OptionInfo& t : table_import_option_infos())
            if (t.name == "mapping") o.push_back(t);
        return o;
    }();
    return infos;
}

Dataset read_csv(const std::filesystem::path& input, const Options& options,
                 Diagnostics& diagnostics, BatchSink* sink) {
    OptionReader read(read_option_infos(), options);
    std::string encoding = read.choice("encoding");
    if (encoding == "utf-8-bom") encoding = "utf-8";
    std::string delimiter = read.choice("delimiter");
    if (delimiter == ",") delimiter = "comma";
    if (delimiter == ";") delimiter = "semicolon";

    constexpr long long most = std::numeric_limits<long long>::max();
    RecordLimits limits;
    limits.max_field_bytes = static_cast<std::uint64_t>(read.integer("max-field-length", 1, most));
    limits.max_fields = static_cast<std::uint64_t>(read.integer("max-columns", 1, most));
    const auto max_rows = static_cast<std::uint64_t>(read.integer("max-rows", 1, most));

    const std::string file = input.string();
    Dataset dataset;
    TableImporter importer(dataset, diagnostics, table_import_options(options));
    if (sink) importer.stream_to(*sink);
    Encoding chosen = choose_encoding(input, file, encoding, diagnostics);
    char separator = choose_separator(input, file, delimiter);

    std::ifstream in = open(input, file);
    TextReader text(in, chosen);
    RecordParser parser(text, separator, file, limits);
    SheetInfo sheet;
    sheet.file = file;
    sheet.name = input.filename().string();
    sheet.lines = true;
    if (importer.begin_sheet(sheet)) {
        Record record;
        Row row;
        std::uint64_t records = 0;
        while (parser.next(record)) {
            if (++records > max_rows)
                throw Error("more than " + std::to_string(max_rows) +
                                " records (the read option max-rows allows more)",
                            Location::at(file, record.line));
            row.number = record.line;
            row.cells.resize(record.fields.size());
            for (std::size_t i = 0; i < record.fields.size(); ++i) {
                Cell& cell = row.cells[i];
                cell.text = std::move(record.fields[i]);
                cell.type = cell.text.empty() ? Cell::Type::empty : Cell::Type::text;
            }
            if (!importer.row(row)) break;
        }
        importer.end_sheet();
    }
    importer.finish();
    return dataset;
}

}  // namespace kdx::csv
