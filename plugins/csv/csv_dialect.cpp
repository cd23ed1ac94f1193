#include "csv_dialect.hpp"

#include <algorithm>

#include "kdx/error.hpp"

namespace kdx::csv {

namespace {

std::string join(const std::vector<std::string>& items) {
    std::string s;
    for (const std::string& i : items) s += (s.empty() ? "" : ", ") + i;
    return s;
}

// The option's value if given, checked against its declaration; else "".
std::string given(const Options& options, const std::string& name) {
    auto it = options.find(name);
    if (it == options.end()) return {};
    for (const OptionInfo& o : dialect_option_infos())
        if (o.name == name && o.type == OptionInfo::Type::choice &&
            std::find(o.allowed.begin(), o.allowed.end(), it->second) == o.allowed.end())
            throw Error("option " + name + ": expected one of " + join(o.allowed) + ", found \"" +
                        it->second + "\"");
    return it->second;
}

}  // namespace

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
    Dialect d;
    if (given(options, "dialect") == "excel-no") {
        d.delimiter = ';';
        d.decimal = ',';
        d.encoding = OutputEncoding::utf8_bom;
    }
    std::string delimiter = given(options, "delimiter");
    if (delimiter == "," || delimiter == "comma") d.delimiter = ',';
    if (delimiter == ";" || delimiter == "semicolon") d.delimiter = ';';
    if (delimiter == "tab") d.delimiter = '\t';
    std::string decimal = given(options, "decimal");
    if (decimal == "point") d.decimal = '.';
    if (decimal == "comma") d.decimal = ',';
    std::string encoding = given(options, "encoding");
    if (encoding == "utf-8") d.encoding = OutputEncoding::utf8;
    if (encoding == "utf-8-bom") d.encoding = OutputEncoding::utf8_bom;
    if (encoding == "windows-1252") d.encoding = OutputEncoding::windows_1252;

    if (auto it = options.find("bom"); it != options.end()) {
        const std::string& v = it->second;
        bool on = v == "true" || v == "yes" || v == "1";
        if (!on && v != "false" && v != "no" && v != "0")
            throw Error("option bom: expected true or false, found \"" + v + "\"");
        if (on && d.encoding == OutputEncoding::windows_1252)
            throw OptionError(
                "option bom=true asks for a UTF-8 byte order mark, but the encoding is "
                "windows-1252; choose one of them");
        if (on) d.encoding = OutputEncoding::utf8_bom;
    }
    if (d.delimiter == ',' && d.decimal == ',')
        throw OptionError(
            "options decimal=comma and delimiter=, cannot go together: a decimal comma would "
            "split a number between two fields; use delimiter=; (or dialect=excel-no) or "
            "delimiter=tab");
    return d;
}

}  // namespace kdx::csv
