#include "csv_dialect.hpp"

#include "kdx/error.hpp"
#include "kdx/options.hpp"

namespace kdx::csv {

std::vector<OptionInfo> dialect_option_infos() {
    return {
        {"dialect",
         OptionInfo::Type::choice,
         "rfc-4180",
         {"rfc-4180", "excel-no"},
         "rfc-4180: comma-separated, decimal point, UTF-8. excel-no: what Excel with a "
         "Norwegian locale opens by double-click: semicolon-separated, decimal comma, UTF-8 "
         "with a byte order mark. delimiter, decimal and encoding given outright override it"},
        {"delimiter",
         OptionInfo::Type::choice,
         ",",
         {",", ";", "tab", "comma", "semicolon"},
         "Field separator: , (comma), ; (semicolon) or tab; a field holding it is quoted"},
        {"decimal",
         OptionInfo::Type::choice,
         "point",
         {"point", "comma"},
         "Decimal mark of numbers (12.5 or 12,5); comma needs delimiter ; or tab"},
        {"encoding",
         OptionInfo::Type::choice,
         "utf-8",
         {"utf-8", "utf-8-bom", "windows-1252"},
         "utf-8; utf-8-bom, which Excel needs to read a UTF-8 file; or windows-1252, which "
         "holds æ, ø, å, á and š but not ŋ, đ or ŧ of Sámi names: a text with a character it "
         "lacks stops the write, naming the record, and nothing is written"},
        {"bom",
         OptionInfo::Type::boolean,
         "false",
         {},
         "Start the file with a UTF-8 byte order mark (as encoding=utf-8-bom)"},
    };
}

Dialect dialect_for(const Options& options) {
    // The writer's other options (table, protect-formulas) are its own to check.
    OptionReader read(dialect_option_infos(), options, OptionReader::Unknown::ignore);
    // Only what is given outright overrides the dialect, not a declared default.
    auto given = [&](const char* name) { return read.given(name) ? read.choice(name) : ""; };
    Dialect d;
    if (read.choice("dialect") == "excel-no") {
        d.delimiter = ';';
        d.decimal = ',';
        d.encoding = OutputEncoding::utf8_bom;
    }
    std::string delimiter = given("delimiter");
    if (delimiter == "," || delimiter == "comma") d.delimiter = ',';
    if (delimiter == ";" || delimiter == "semicolon") d.delimiter = ';';
    if (delimiter == "tab") d.delimiter = '\t';
    std::string decimal = given("decimal");
    if (decimal == "point") d.decimal = '.';
    if (decimal == "comma") d.decimal = ',';
    std::string encoding = given("encoding");
    if (encoding == "utf-8") d.encoding = OutputEncoding::utf8;
    if (encoding == "utf-8-bom") d.encoding = OutputEncoding::utf8_bom;
    if (encoding == "windows-1252") d.encoding = OutputEncoding::windows_1252;

    if (read.boolean("bom")) {
        if (d.encoding == OutputEncoding::windows_1252)
            throw OptionError(
                "option bom=true asks for a UTF-8 byte order mark, but the encoding is "
                "windows-1252; choose one of them");
        d.encoding = OutputEncoding::utf8_bom;
    }
    if (d.delimiter == ',' && d.decimal == ',')
        throw OptionError(
            "options decimal=comma and delimiter=, cannot go together: a decimal comma would "
            "split a number between two fields; use delimiter=; (or dialect=excel-no) or "
            "delimiter=tab");
    return d;
}

}  // namespace kdx::csv
