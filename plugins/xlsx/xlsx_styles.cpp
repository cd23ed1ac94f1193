#include "xlsx_styles.hpp"

#include <cstdlib>
#include <map>

#include "xlsx_read_xml.hpp"

namespace kdx::xlsx {

bool is_builtin_date_format(unsigned id) {
    return (id >= 14 && id <= 22) || (id >= 45 && id <= 47);
}

bool is_date_format(const std::string& code) {
    for (std::size_t i = 0; i < code.size(); ++i) {
        char c = code[i];
        switch (c) {
            case '"': {  // literal text
                std::size_t end = code.find('"', i + 1);
                if (end == std::string::npos) return false;
                i = end;
                break;
            }
            case '[': {  // colour, condition or locale; [h], [mm], [ss] are elapsed time
                std::size_t end = code.find(']', i + 1);
                if (end == std::string::npos) return false;
                std::string inner = code.substr(i + 1, end - i - 1);
                if (!inner.empty() && inner.find_first_not_of("hHmMsS") == std::string::npos)
                    return true;
                i = end;
                break;
            }
            case '\\':  // the next character is literal
            case '_':   // a space as wide as the next character
            case '*':   // the next character repeated to fill
                ++i;
                break;
            case 'd':
            case 'D':
            case 'm':
            case 'M':
            case 'y':
            case 'Y':
            case 'h':
            case 'H':
            case 's':
            case 'S':
                return true;
            default:
                break;
        }
    }
    return false;
}

Styles Styles::read(const Package& package, const std::string& part) {
    Styles styles;
    pugi::xml_document doc = load_part(package, part);
    pugi::xml_node sheet = child(doc, "styleSheet");
    std::map<unsigned, bool> custom;
    for (pugi::xml_node f : child(sheet, "numFmts").children()) {
        if (local_name(f.name()) != "numFmt") continue;
        custom[attribute(f, "numFmtId").as_uint()] =
            is_date_format(attribute(f, "formatCode").as_string());
    }
    for (pugi::xml_node xf : child(sheet, "cellXfs").children()) {
        if (local_name(xf.name()) != "xf") continue;
        unsigned id = attribute(xf, "numFmtId").as_uint();
        auto it = custom.find(id);
        styles.date_.push_back(it != custom.end() ? it->second : is_builtin_date_format(id));
    }
    return styles;
}

}  // namespace kdx::xlsx
