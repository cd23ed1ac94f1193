#include "xlsx_read_xml.hpp"

#include <algorithm>
#include <cstdlib>
#include <cstring>
#include <string_view>
#include <vector>

#include "kdx/error.hpp"

namespace kdx::xlsx {

namespace {

std::string hex_byte(unsigned char b) {
    const char* hex = "0123456789ABCDEF";
    return std::string("0x") + hex[b >> 4] + hex[b & 15];
}

}  // namespace

[[noreturn]] void not_utf8(const Package& package, const std::string& part, std::uint64_t line,
                           const char* byte) {
    std::string what = byte ? "byte " + hex_byte(static_cast<unsigned char>(*byte))
                            : std::string("a cut-off character at the end");
    throw Error(
        "part " + part + ", line " + std::to_string(line) + ": expected UTF-8 text, found " + what,
        Location::at(package.file()));
}

[[noreturn]] void doctype(const Package& package, const std::string& part) {
    throw Error("part " + part +
                    " declares a DOCTYPE or entities, which a workbook never has; refused (they "
                    "are not expanded)",
                Location::at(package.file()));
}

XmlHandler::~XmlHandler() = default;

pugi::xml_attribute attribute(const pugi::xml_node& node, std::string_view name) {
    for (pugi::xml_attribute a : node.attributes())
        if (local_name(a.name()) == name) return a;
    return {};
}

pugi::xml_node child(const pugi::xml_node& node, std::string_view name) {
    for (pugi::xml_node c : node.children())
        if (c.type() == pugi::node_element && local_name(c.name()) == name) return c;
    return {};
}

pugi::xml_document load_part(const Package& package, const std::string& part) {
    std::string text = package.read(part);
    Utf8Checker check;
    std::size_t bad = check.feed(text.data(), text.size());
    if (bad != std::string::npos || !check.complete()) {
        std::size_t at = bad == std::string::npos ? text.size() : bad;
        std::uint64_t line = 1 + static_cast<std::uint64_t>(std::count(
                                     text.begin(), text.begin() + static_cast<long>(at), '\n'));
        not_utf8(package, part, line, bad == std::string::npos ? nullptr : text.data() + bad);
    }
    pugi::xml_document doc;
    pugi::xml_parse_result r = doc.load_buffer(
        text.data(), text.size(), pugi::parse_default | pugi::parse_doctype, pugi::encoding_utf8);
    if (!r) {
        std::size_t at = std::min(static_cast<std::size_t>(r.offset), text.size());
        std::uint64_t line = 1 + static_cast<std::uint64_t>(std::count(
                                     text.begin(), text.begin() + static_cast<long>(at), '\n'));
        throw Error("part " + part + ", line " + std::to_string(line) + ": not well-formed XML (" +
                        r.description() + ")",
                    Location::at(package.file()));
    }
    for (pugi::xml_node n : doc.children())
        if (n.type() == pugi::node_doctype) doctype(package, part);
    return doc;
}

}  // namespace kdx::xlsx
