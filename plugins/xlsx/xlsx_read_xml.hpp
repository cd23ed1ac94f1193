// XML parts of a workbook: small parts as pugixml documents
// (xlsx_read_xml.cpp), large ones (worksheets, shared strings) streamed
// through a scanner made for them (xlsx_xml_scanner.cpp).
// Both refuse DOCTYPE and entity declarations (never expanded) and text that
// is not UTF-8.
#pragma once

#include <cstddef>
#include <cstdint>
#include <pugixml.hpp>
#include <string>
#include <string_view>

#include "kdx/utf8.hpp"
#include "xlsx_zip.hpp"

namespace kdx::xlsx {

// Checks UTF-8 incrementally across chunks: no stray continuation bytes,
// overlong forms, surrogates or cut-off sequences.
using Utf8Checker = utf8::Validator;

// The element or attribute name without its namespace prefix ("x:row" -> "row").
inline std::string_view local_name(const char* name) {
    // One pass, inline: names are short and every element of a sheet comes here.
    const char* start = name;
    const char* p = name;
    for (; *p; ++p)
        if (*p == ':' && start == name) start = p + 1;
    return {start, static_cast<std::size_t>(p - start)};
}

// The attribute of `node` whose local name is `name`, whatever its prefix.
pugi::xml_attribute attribute(const pugi::xml_node& node, std::string_view name);
// The first child element with the local name `name`.
pugi::xml_node child(const pugi::xml_node& node, std::string_view name);

// The errors both readers give: bytes that are not UTF-8 (`byte` is the bad
// one, nullptr for a sequence cut off at the end), and a DOCTYPE.
[[noreturn]] void not_utf8(const Package& package, const std::string& part, std::uint64_t line,
                           const char* byte);
[[noreturn]] void doctype(const Package& package, const std::string& part);

// Reads and parses a small part; throws kdx::Error naming the part (and the
// line) when it is absent, not UTF-8, not well-formed or declares a DOCTYPE.
pugi::xml_document load_part(const Package& package, const std::string& part);

// Receives the events of a streamed part. Names come with their prefix; use
// local_name(). Return values: handlers may call stop() to end parsing early.
class XmlHandler {
  public:
    virtual ~XmlHandler();
    virtual void start(const char* name, const char** attributes) = 0;
    virtual void end(const char* name) = 0;
    virtual void text(const char* data, int size) = 0;
    // True once the handler called stop().
    bool stopped() const noexcept { return stopped_; }

  protected:
    // Ends parsing after the current event (no error).
    void stop() noexcept { stopped_ = true; }

  private:
    friend void stream_part(const Package&, const std::string&, XmlHandler&);
    bool stopped_ = false;
};

// Streams a part into `handler`. Exceptions thrown by the handler pass
// through; bad XML throws kdx::Error naming the part and line.
void stream_part(const Package& package, const std::string& part, XmlHandler& handler);

}  // namespace kdx::xlsx
