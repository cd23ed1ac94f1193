#include "xlsx_styles.hpp"

#include <cmath>
#include <cstdio>
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

PercentFormat builtin_percent_format(unsigned id) {
    PercentFormat f;
    if (id == 9 || id == 10) {
        f.kind = PercentFormat::Kind::scaled;
        f.decimals = id == 10 ? 2 : 0;
    }
    return f;
}

PercentFormat percent_format(const std::string& code) {
    PercentFormat f;
    int bare = 0;  // "0%%" shows ten-thousandths: not a percentage
    bool literal = false, point = false, after_space = false, digit = false;
    for (std::size_t i = 0; i < code.size(); ++i) {
        char c = code[i];
        switch (c) {
            case ';':  // only the first section, the one for positive numbers
                i = code.size();
                break;
            case '"': {
                std::size_t end = code.find('"', i + 1);
                if (end == std::string::npos) return {};
                std::string text = code.substr(i + 1, end - i - 1);
                std::size_t first = text.find_first_not_of(' ');
                std::size_t last = text.find_last_not_of(' ');
                if (first != std::string::npos && text.substr(first, last - first + 1) == "%") {
                    literal = true;
                    if (first > 0 || after_space) f.space = true;
                }
                after_space = !text.empty() && text.back() == ' ';
                i = end;
                break;
            }
            case '[': {
                std::size_t end = code.find(']', i + 1);
                if (end == std::string::npos) return {};
                i = end;
                break;
            }
            case '\\':
                if (i + 1 < code.size()) {
                    ++i;
                    if (code[i] == '%') {
                        literal = true;
                        f.space = f.space || after_space;
                    }
                    after_space = code[i] == ' ';
                }
                break;
            case '_':  // a space as wide as the next character
            case '*':
                ++i;
                after_space = true;
                break;
            case ' ':
                after_space = true;
                break;
            case '%':
                ++bare;
                f.space = f.space || after_space;
                after_space = false;
                break;
            case '.':
                point = true;
                after_space = false;
                break;
            case ',':
                if (digit && !point) f.grouped = true;
                break;
            case '0':
            case '#':
            case '?':
                digit = true;
                after_space = false;
                if (point && f.decimals < 15) ++f.decimals;
                break;
            default:
                after_space = false;
                break;
        }
    }
    if (!digit || bare > 1) return {};
    if (bare == 1)
        f.kind = PercentFormat::Kind::scaled;
    else if (literal)
        f.kind = PercentFormat::Kind::literal;
    else
        return {};
    return f;
}

std::string percent_text(double percent, const PercentFormat& format) {
    char buffer[64];
    std::snprintf(buffer, sizeof buffer, "%.*f", static_cast<int>(format.decimals),
                  std::fabs(percent));
    std::string digits = buffer;
    std::size_t point = digits.find('.');
    std::string whole = digits.substr(0, point);
    std::string text;
    for (std::size_t i = 0; i < whole.size(); ++i) {
        if (format.grouped && i > 0 && (whole.size() - i) % 3 == 0) text += "\u00a0";
        text += whole[i];
    }
    if (point != std::string::npos) text += "," + digits.substr(point + 1);
    bool zero = text.find_first_not_of("0,") == std::string::npos;
    if (percent < 0 && !zero) text.insert(0, "-");
    text += format.space ? " %" : "%";
    return text;
}

Styles Styles::read(const Package& package, const std::string& part) {
    Styles styles;
    pugi::xml_document doc = load_part(package, part);
    pugi::xml_node sheet = child(doc, "styleSheet");
    std::map<unsigned, std::string> custom;
    for (pugi::xml_node f : child(sheet, "numFmts").children()) {
        if (local_name(f.name()) != "numFmt") continue;
        custom[attribute(f, "numFmtId").as_uint()] = attribute(f, "formatCode").as_string();
    }
    for (pugi::xml_node xf : child(sheet, "cellXfs").children()) {
        if (local_name(xf.name()) != "xf") continue;
        unsigned id = attribute(xf, "numFmtId").as_uint();
        auto it = custom.find(id);
        if (it != custom.end()) {
            styles.date_.push_back(is_date_format(it->second));
            styles.percent_.push_back(percent_format(it->second));
        } else {
            styles.date_.push_back(is_builtin_date_format(id));
            styles.percent_.push_back(builtin_percent_format(id));
        }
    }
    return styles;
}

}  // namespace kdx::xlsx
