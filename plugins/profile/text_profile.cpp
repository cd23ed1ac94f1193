#include <algorithm>
#include <cctype>

#include "kdx/error.hpp"
#include "kdx/utf8.hpp"
#include "paragraphs.hpp"

namespace kdx::profile {

namespace {

// Windows-1252, what Notepad and older Word "Save as text" write in Norway.
std::string from_windows_1252(const std::string& s) {
    static const char16_t high[32] = {
        0x20AC, 0xFFFD, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160,
        0x2039, 0x0152, 0xFFFD, 0x017D, 0xFFFD, 0xFFFD, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022,
        0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0xFFFD, 0x017E, 0x0178};
    std::string out;
    for (char c : s) {
        auto b = static_cast<unsigned char>(c);
        utf8::append(out, b >= 0x80 && b < 0xA0 ? high[b - 0x80] : b);
    }
    return out;
}

std::string trim(const std::string& s) {
    std::size_t a = s.find_first_not_of(" \t\r\n");
    if (a == std::string::npos) return {};
    std::size_t b = s.find_last_not_of(" \t\r\n");
    return s.substr(a, b - a + 1);
}

// Markdown's inline marks as kdx's: "**x**" and "__x__" become "*x*" (kdx's
// emphasis), "[text](link)" its text, "`code`" its text.
std::string inline_markdown(std::string s) {
    for (const char* strong : {"**", "__"}) {
        std::size_t at;
        while ((at = s.find(strong)) != std::string::npos) s.replace(at, 2, "*");
    }
    std::string out;
    for (std::size_t i = 0; i < s.size(); ++i) {
        if (s[i] == '[') {
            std::size_t close = s.find("](", i);
            std::size_t end = close == std::string::npos ? close : s.find(')', close);
            if (end != std::string::npos) {
                out += s.substr(i + 1, close - i - 1);
                i = end;
                continue;
            }
        }
        if (s[i] != '`') out += s[i];
    }
    return out;
}

// "- item", "* item", "• item", "1. item": the item's text, or npos.
std::size_t list_marker_end(const std::string& line, bool markdown) {
    if (line.size() > 2 && (line[0] == '-' || (markdown && line[0] == '*') || line[0] == '+') &&
        line[1] == ' ')
        return 2;
    if (line.compare(0, 4, "\xE2\x80\xA2 ") == 0) return 4;  // "• "
    if (!markdown) return std::string::npos;
    std::size_t d = 0;
    while (d < line.size() && std::isdigit(static_cast<unsigned char>(line[d]))) ++d;
    if (d > 0 && d + 1 < line.size() && (line[d] == '.' || line[d] == ')') && line[d + 1] == ' ')
        return d + 2;
    return std::string::npos;
}

}  // namespace

ProfileText read_text_profile(const std::string& raw, std::string file, bool markdown) {
    ProfileText p;
    p.file = std::move(file);
    std::string content = raw.compare(0, 3, "\xEF\xBB\xBF") == 0 ? raw.substr(3) : raw;
    if (!utf8::valid(content)) content = from_windows_1252(content);

    std::vector<std::string> lines;
    std::size_t at = 0;
    while (at <= content.size()) {
        std::size_t end = content.find('\n', at);
        if (end == std::string::npos) end = content.size();
        std::string line = content.substr(at, end - at);
        if (!line.empty() && line.back() == '\r') line.pop_back();
        lines.push_back(line);
        at = end + 1;
    }

    std::size_t i = 0;
    while (i < lines.size() && trim(lines[i]).empty()) ++i;
    if (i < lines.size() && trim(lines[i]) == "---") {
        std::size_t j = i + 1;
        while (j < lines.size() && trim(lines[j]) != "---") ++j;
        if (j < lines.size()) {
            for (std::size_t k = i + 1; k < j; ++k) {
                std::string l = trim(lines[k]);
                std::size_t colon = l.find(':');
                if (l.empty() || l[0] == '#') continue;
                if (colon == std::string::npos)
                    throw Error(
                        "expected \"key: value\" in the front matter block, found \"" + l + "\"",
                        Location::at(p.file, static_cast<unsigned>(k + 1)));
                std::string key = trim(l.substr(0, colon));
                std::transform(key.begin(), key.end(), key.begin(),
                               [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
                std::string value = trim(l.substr(colon + 1));
                if (value.size() >= 2 && (value[0] == '"' || value[0] == '\'') &&
                    value.back() == value[0])
                    value = value.substr(1, value.size() - 2);
                p.front_matter[key] = value;
                p.front_matter_lines[key] = static_cast<unsigned>(k + 1);
            }
            i = j + 1;
        }
    }

    Paragraph current;
    auto flush = [&] {
        if (!current.text.empty()) p.paragraphs.push_back(current);
        current = Paragraph{};
    };
    for (; i < lines.size(); ++i) {
        std::string line = trim(lines[i]);
        const auto number = static_cast<unsigned>(i + 1);
        if (line.empty()) {
            flush();
            continue;
        }
        if (markdown && line[0] == '#') {
            flush();
            std::size_t level = line.find_first_not_of('#');
            if (level != std::string::npos && line[level] == ' ') {
                Paragraph h{Paragraph::Kind::heading, static_cast<int>(level),
                            inline_markdown(trim(line.substr(level))), number, true};
                p.paragraphs.push_back(h);
                continue;
            }
        }
        std::size_t item = list_marker_end(line, markdown);
        if (item != std::string::npos) {
            flush();
            current = Paragraph{Paragraph::Kind::list_item, 0, "", number, false};
            line = trim(line.substr(item));
        }
        if (current.text.empty()) {
            current.line = number;
            current.text = line;
        } else {
            current.text += " " + line;
        }
    }
    flush();

    for (Paragraph& para : p.paragraphs) {
        if (!markdown || para.kind == Paragraph::Kind::heading) continue;
        // A line that is bold as a whole is a heading, as Word users write them.
        const std::string& t = para.text;
        bool bold_only =
            (t.size() > 4 && t.compare(0, 2, "**") == 0 && t.compare(t.size() - 2, 2, "**") == 0 &&
             t.find("**", 2) == t.size() - 2) ||
            (t.size() > 4 && t.compare(0, 2, "__") == 0 && t.compare(t.size() - 2, 2, "__") == 0 &&
             t.find("__", 2) == t.size() - 2);
        para.text = inline_markdown(para.text);
        if (bold_only && para.kind == Paragraph::Kind::text) {
            para.text = trim(para.text.substr(1, para.text.size() - 2));
            para.kind = Paragraph::Kind::heading;
            para.level = 2;
            para.marked = true;
        }
    }
    return p;
}

}  // namespace kdx::profile
