// Limits for the small XML files core reads itself (report templates, mapping
// files), which may come from outside: checked before and after pugixml parses
// them, so that hostile input gets a clear error instead of a crash, a huge
// allocation or a silently odd value. docs/robustness.md lists the defaults.
#pragma once

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <optional>
#include <pugixml.hpp>
#include <string>
#include <string_view>
#include <vector>

#include "kdx/utf8.hpp"

namespace kdx::xml_limits {

struct Limits {
    std::size_t max_file_bytes = 1024 * 1024;
    unsigned max_depth = 32;                  // elements inside elements
    std::size_t max_name_bytes = 256;         // element and attribute names
    std::size_t max_value_bytes = 64 * 1024;  // one attribute value or one text
};

// Reads at most max_file_bytes + 1 bytes, so that check_text can refuse a
// file that is too big without reading all of it; false when it cannot be read.
inline bool read_file(const std::filesystem::path& file, std::string& text,
                      const Limits& limits = {}) {
    std::ifstream in(file, std::ios::binary);
    if (!in) return false;
    text.resize(limits.max_file_bytes + 1);
    in.read(text.data(), static_cast<std::streamsize>(text.size()));
    if (in.bad()) return false;
    text.resize(static_cast<std::size_t>(in.gcount()));
    return true;
}

// What is wrong and where (a byte offset into the text).
struct Problem {
    std::ptrdiff_t offset = 0;
    std::string message;
};

// The first byte that is not valid UTF-8 or is a control character XML 1.0
// forbids (anything below U+0020 but tab, line feed and carriage return).
inline std::optional<Problem> check_characters(std::string_view s, std::ptrdiff_t base = 0) {
    char hex[8];
    for (std::size_t i = 0; i < s.size();) {
        auto c = static_cast<unsigned char>(s[i]);
        if (c < 0x20 && c != '\t' && c != '\n' && c != '\r') {
            std::snprintf(hex, sizeof hex, "%02X", c);
            return Problem{base + static_cast<std::ptrdiff_t>(i),
                           std::string("control character U+00") + hex + " is not allowed in XML"};
        }
        const utf8::Sequence q = utf8::decode(s, i);
        if (!q.valid) {
            std::snprintf(hex, sizeof hex, "%02X", c);
            return Problem{
                base + static_cast<std::ptrdiff_t>(i),
                std::string("invalid UTF-8 (byte 0x") + hex + "); expected a UTF-8 file"};
        }
        i += q.length;
    }
    return std::nullopt;
}

// Checks the raw text before parsing: its size, its characters, and no DOCTYPE
// (entity declarations live there; pugixml would skip it, and parses its
// nested brackets recursively).
// `kind` names the file in messages ("template").
inline std::optional<Problem> check_text(std::string_view text, const std::string& kind,
                                         const Limits& limits = {}) {
    if (text.size() > limits.max_file_bytes)
        return Problem{0, "the file is larger than " + std::to_string(limits.max_file_bytes) +
                              " bytes, the most that is read"};
    std::string_view body = text;
    std::ptrdiff_t base = 0;
    if (body.substr(0, 3) == "\xEF\xBB\xBF") body.remove_prefix(3), base = 3;
    if (auto p = check_characters(body, base)) return p;
    // The prolog: declaration, processing instructions, comments, white space.
    std::size_t i = 0;
    while (i < body.size()) {
        char c = body[i];
        if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
            ++i;
        } else if (body.compare(i, 2, "<?") == 0) {
            std::size_t end = body.find("?>", i + 2);
            if (end == std::string_view::npos) break;
            i = end + 2;
        } else if (body.compare(i, 4, "<!--") == 0) {
            std::size_t end = body.find("-->", i + 4);
            if (end == std::string_view::npos) break;
            i = end + 3;
        } else if (body.compare(i, 9, "<!DOCTYPE") == 0) {
            return Problem{base + static_cast<std::ptrdiff_t>(i),
                           "a DOCTYPE is not allowed in a " + kind +
                               " (no entity declarations, no external files)"};
        } else {
            break;
        }
    }
    return std::nullopt;
}

// Checks the parsed tree: nesting depth, name and value lengths, and the
// characters that numeric references (&#1;, &#xD800;) may have produced.
inline std::optional<Problem> check_tree(const pugi::xml_document& doc, const Limits& limits = {}) {
    auto check_value = [&](const pugi::xml_node& at, const char* what,
                           std::string_view value) -> std::optional<Problem> {
        if (value.size() > limits.max_value_bytes)
            return Problem{at.offset_debug(),
                           std::string(what) + " has " + std::to_string(value.size()) +
                               " bytes; at most " + std::to_string(limits.max_value_bytes) +
                               " are allowed"};
        if (auto p = check_characters(value))
            return Problem{at.offset_debug(), std::string(what) + ": " + p->message};
        return std::nullopt;
    };
    // Depth-first without recursion, so depth itself cannot overflow the stack.
    std::vector<std::pair<pugi::xml_node, unsigned>> stack{{doc, 0}};
    while (!stack.empty()) {
        auto [node, depth] = stack.back();
        stack.pop_back();
        if (node.type() == pugi::node_element) {
            if (depth > limits.max_depth)
                return Problem{node.offset_debug(), "elements are nested more than " +
                                                        std::to_string(limits.max_depth) + " deep"};
            std::string_view name = node.name();
            if (name.size() > limits.max_name_bytes)
                return Problem{node.offset_debug(),
                               "an element name has " + std::to_string(name.size()) +
                                   " bytes; at most " + std::to_string(limits.max_name_bytes) +
                                   " are allowed"};
            for (pugi::xml_attribute a : node.attributes()) {
                std::string_view attribute = a.name();
                if (attribute.size() > limits.max_name_bytes)
                    return Problem{node.offset_debug(),
                                   "an attribute name on <" + std::string(name) + "> has " +
                                       std::to_string(attribute.size()) + " bytes; at most " +
                                       std::to_string(limits.max_name_bytes) + " are allowed"};
                std::string what =
                    "attribute " + std::string(attribute) + " on <" + std::string(name) + ">";
                if (auto p = check_value(node, what.c_str(), a.value())) return p;
            }
        } else if (node.type() == pugi::node_pcdata || node.type() == pugi::node_cdata) {
            if (auto p = check_value(node, "a text", node.value())) return p;
        }
        for (pugi::xml_node child = node.last_child(); child; child = child.previous_sibling())
            stack.emplace_back(child, node.type() == pugi::node_element ? depth + 1 : depth);
    }
    return std::nullopt;
}

}  // namespace kdx::xml_limits
