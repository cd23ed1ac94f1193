// An exchange file parsed with pugixml. Keeps the file's bytes to turn
// pugixml's byte offsets into 1-based lines and columns (in characters), and
// makes up for what pugixml does not check: UTF-8, DOCTYPEs, undeclared
// entity references, duplicate attributes, content outside the root element,
// and limits on nesting depth and text length.
#pragma once

#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <pugixml.hpp>
#include <string>
#include <string_view>
#include <vector>

#include "kdx/diagnostics.hpp"

namespace kdx::xml {

// Limits that keep a hostile file from costing more than a large real one.
inline constexpr unsigned max_depth = 32;  // the format itself nests 4 deep
inline constexpr std::size_t max_text_bytes = std::size_t(1) << 20;
// The file is parsed whole, at some five times its size in memory; the
// read option max-file-size changes this default.
inline constexpr std::uint64_t default_max_file_size = std::uint64_t(1) << 30;

class XmlInput {
  public:
    // Reads and parses `file`. Throws kdx::Error with file:line:col for a file
    // that cannot be read, is not UTF-8, is not well-formed XML, has a DOCTYPE
    // or an entity reference XML does not predefine, has other than one root
    // element, nests elements deeper than max_depth or holds an attribute or
    // text longer than max_text_bytes; or that is bigger than max_file_size
    // bytes, before reading it.
    explicit XmlInput(const std::filesystem::path& file,
                      std::uint64_t max_file_size = default_max_file_size);
    XmlInput(const XmlInput&) = delete;
    XmlInput& operator=(const XmlInput&) = delete;

    const std::string& file_name() const noexcept { return file_; }
    // The one root element.
    pugi::xml_node root() const { return document_.document_element(); }

    // 1-based line of a node (of an element, its '<').
    unsigned line_of(const pugi::xml_node& node) const;
    // Where a node, or an attribute of an element, starts.
    Location location_of(const pugi::xml_node& node) const;
    Location location_of(const pugi::xml_attribute& attribute, const pugi::xml_node& owner) const;
    // Where a byte offset of the file is; the file's size gives its end.
    Location location_at(std::size_t offset) const;

    // Throws kdx::Error at a node or attribute.
    [[noreturn]] void fail(const pugi::xml_node& node, const std::string& message) const;
    [[noreturn]] void fail(const pugi::xml_attribute& attribute, const pugi::xml_node& owner,
                           const std::string& message) const;

  private:
    std::size_t offset_of(const pugi::xml_node& node) const;
    void check_encoding() const;
    void parse();
    [[noreturn]] void fail_parse(const pugi::xml_parse_result& result) const;
    // The character at a byte offset, for a message: "\"<\"", "U+00A0", "the end of the file".
    std::string found_at(std::size_t offset) const;
    void check_document() const;
    void check_references() const;
    void check_text_length(const pugi::xml_node& node, std::string_view text,
                           const char* what) const;
    void check_attributes(const pugi::xml_node& element) const;

    std::string file_;
    std::string text_;          // the file as read
    std::vector<char> buffer_;  // a copy that pugixml parses in place
    std::vector<std::size_t> line_starts_;
    pugi::xml_document document_;
};

}  // namespace kdx::xml
