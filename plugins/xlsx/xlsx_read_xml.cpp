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

std::size_t Utf8Checker::feed(const char* data, std::size_t size) {
    const auto* p = reinterpret_cast<const unsigned char*>(data);
    std::size_t i = 0;
    while (i < size) {
        if (need_ == 0) {
            // ASCII runs are the common case: skip them eight bytes at a time.
            while (i + 8 <= size) {
                std::uint64_t word;
                std::memcpy(&word, p + i, 8);
                if (word & 0x8080808080808080ull) break;
                i += 8;
            }
            if (i >= size) break;
            unsigned char b = p[i];
            if (b < 0x80) {
                ++i;
                continue;
            }
            low_ = 0x80;
            high_ = 0xBF;
            if (b >= 0xC2 && b <= 0xDF) {
                need_ = 1;
            } else if (b >= 0xE0 && b <= 0xEF) {
                need_ = 2;
                if (b == 0xE0) low_ = 0xA0;
                if (b == 0xED) high_ = 0x9F;
            } else if (b >= 0xF0 && b <= 0xF4) {
                need_ = 3;
                if (b == 0xF0) low_ = 0x90;
                if (b == 0xF4) high_ = 0x8F;
            } else {
                return i;
            }
            ++i;
        } else {
            unsigned char b = p[i];
            if (b < low_ || b > high_) return i;
            low_ = 0x80;
            high_ = 0xBF;
            --need_;
            ++i;
        }
    }
    return std::string::npos;
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
