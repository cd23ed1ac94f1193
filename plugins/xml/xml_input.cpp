#include "xml_input.hpp"

#include <algorithm>
#include <cctype>
#include <cstring>
#include <fstream>
#include <set>
#include <sstream>
#include <string_view>

#include "kdx/error.hpp"
#include "xml_text.hpp"

namespace kdx::xml {

namespace {

// parse_ws_pcdata_single keeps text of only spaces, so that it reads back as written.
constexpr unsigned parse_options = pugi::parse_default | pugi::parse_declaration |
                                   pugi::parse_doctype | pugi::parse_fragment |
                                   pugi::parse_ws_pcdata_single;

bool starts_with(std::string_view s, std::string_view prefix) {
    return s.substr(0, prefix.size()) == prefix;
}

struct OpenElement {
    std::string name;
    std::size_t offset;
};

// The elements still open at byte `end` of text that pugixml parsed without
// error up to there, innermost last; only for saying what a malformed file
// was expected to close.
std::vector<OpenElement> open_elements(std::string_view text, std::size_t end) {
    std::vector<OpenElement> open;
    std::size_t i = 0;
    auto skip_past = [&](std::string_view close) {
        std::size_t k = text.find(close, i);
        i = k == std::string_view::npos ? text.size() : k + close.size();
    };
    while ((i = text.find('<', i)) < end) {
        std::string_view rest = text.substr(i);
        if (starts_with(rest, "<!--")) {
            skip_past("-->");
        } else if (starts_with(rest, "<![CDATA[")) {
            skip_past("]]>");
        } else if (starts_with(rest, "<?")) {
            skip_past("?>");
        } else if (starts_with(rest, "<!")) {
            skip_past(">");
        } else if (starts_with(rest, "</")) {
            if (!open.empty()) open.pop_back();
            skip_past(">");
        } else {
            std::size_t start = i++;
            std::size_t name_end = std::min(text.find_first_of(" \t\r\n/>", i), text.size());
            std::string name(text.substr(i, name_end - i));
            char quote = 0;
            bool self_closing = false;
            for (; i < text.size(); ++i) {
                char c = text[i];
                if (quote) {
                    if (c == quote) quote = 0;
                } else if (c == '"' || c == '\'') {
                    quote = c;
                } else if (c == '>') {
                    self_closing = text[i - 1] == '/';
                    ++i;
                    break;
                }
            }
            if (!self_closing) open.push_back({name, start});
        }
    }
    return open;
}

// What pugixml's status means, as what was expected.
std::string expectation(pugi::xml_parse_status status) {
    switch (status) {
        case pugi::status_bad_pi:
            return "malformed XML declaration or processing instruction; expected \"?>\"";
        case pugi::status_bad_comment:
            return "malformed comment; expected \"-->\"";
        case pugi::status_bad_cdata:
            return "malformed CDATA section; expected \"]]>\"";
        case pugi::status_bad_doctype:
            return "malformed DOCTYPE (and a DOCTYPE is not allowed)";
        case pugi::status_bad_pcdata:
            return "malformed text";
        case pugi::status_bad_start_element:
            return "malformed start tag; expected an element name after \"<\"";
        case pugi::status_bad_attribute:
            return "malformed attribute; expected name=\"value\", \">\" or \"/>\"";
        case pugi::status_bad_end_element:
            return "malformed end tag; expected \"</name>\"";
        case pugi::status_unrecognized_tag:
            return "unrecognised markup; expected an element, a comment or a CDATA section";
        default:
            return "not well-formed XML";
    }
}

}  // namespace

XmlInput::XmlInput(const std::filesystem::path& file, std::uint64_t max_file_size)
    : file_(file.string()) {
    std::error_code ec;
    // An ifstream opens a folder and reports its size as the largest offset.
    if (std::filesystem::is_directory(file, ec))
        throw Error("is a folder; expected an XML file", Location::at(file_));
    std::ifstream in(file, std::ios::binary);
    if (!in) {
        throw Error(std::filesystem::exists(file, ec) ? "cannot read the file" : "no such file",
                    Location::at(file_));
    }
    in.seekg(0, std::ios::end);
    const auto size = static_cast<std::uint64_t>(std::max<std::streamoff>(in.tellg(), 0));
    in.seekg(0, std::ios::beg);
    if (size > max_file_size)
        throw Error("the file is " + std::to_string(size) + " bytes, more than the limit of " +
                        std::to_string(max_file_size) +
                        " (max-file-size); an exchange file is read whole, at some five times "
                        "its size in memory: raise the limit with -o max-file-size=BYTES",
                    Location::at(file_));
    std::ostringstream content;
    content << in.rdbuf();
    if (in.bad()) throw Error("cannot read the file", Location::at(file_));
    text_ = std::move(content).str();
    line_starts_.push_back(0);
    for (std::size_t i = 0; i < text_.size(); ++i)
        if (text_[i] == '\n') line_starts_.push_back(i + 1);
    check_encoding();
    parse();
    check_document();
    check_references();
}

unsigned XmlInput::line_of(const pugi::xml_node& node) const {
    std::size_t offset = offset_of(node);
    return static_cast<unsigned>(
        std::upper_bound(line_starts_.begin(), line_starts_.end(), offset) - line_starts_.begin());
}

Location XmlInput::location_of(const pugi::xml_node& node) const {
    return location_at(offset_of(node));
}

Location XmlInput::location_of(const pugi::xml_attribute& attribute,
                               const pugi::xml_node& owner) const {
    const char* name = attribute.name();
    if (name >= buffer_.data() && name < buffer_.data() + buffer_.size())
        return location_at(static_cast<std::size_t>(name - buffer_.data()));
    return location_of(owner);
}

Location XmlInput::location_at(std::size_t offset) const {
    offset = std::min(offset, text_.size());
    auto it = std::upper_bound(line_starts_.begin(), line_starts_.end(), offset);
    std::size_t line_start = *(it - 1);
    // A byte order mark is not a column.
    if (line_start == 0 && starts_with(text_, "\xEF\xBB\xBF") && offset >= 3) line_start = 3;
    std::size_t column =
        character_count(std::string_view(text_).substr(line_start, offset - line_start)) + 1;
    return Location::at(file_, static_cast<unsigned>(it - line_starts_.begin()),
                        static_cast<unsigned>(column));
}

void XmlInput::fail(const pugi::xml_node& node, const std::string& message) const {
    throw Error(message, location_of(node));
}

void XmlInput::fail(const pugi::xml_attribute& attribute, const pugi::xml_node& owner,
                    const std::string& message) const {
    throw Error(message, location_of(attribute, owner));
}

std::size_t XmlInput::offset_of(const pugi::xml_node& node) const {
    std::ptrdiff_t debug = node.offset_debug();
    if (debug < 0) return 0;
    auto offset = static_cast<std::size_t>(debug);
    // pugixml points past the markup that opens a node; point at its start.
    switch (node.type()) {
        case pugi::node_element:
            return offset - 1;
        case pugi::node_declaration:
            return offset - 2;
        case pugi::node_cdata:
            return offset >= 9 ? offset - 9 : 0;
        case pugi::node_doctype: {
            std::size_t start = text_.rfind("<!DOCTYPE", offset);
            return start == std::string::npos ? offset : start;
        }
        case pugi::node_pcdata: {
            std::size_t first = text_.find_first_not_of(" \t\r\n", offset);
            return first == std::string::npos ? offset : first;
        }
        default:
            return offset;
    }
}

void XmlInput::check_encoding() const {
    if (starts_with(text_, "\xFF\xFE") || starts_with(text_, "\xFE\xFF") ||
        (!text_.empty() && text_[0] == '\0'))
        throw Error("expected UTF-8, found UTF-16 or UTF-32", location_at(0));
    std::size_t bad = invalid_character_at(text_);
    if (bad == std::string::npos) return;
    std::string found = describe_character_at(text_, bad);
    std::string why = found[0] == 'b' ? " (is the file Latin-1 or Windows-1252?)"
                                      : ", a control character XML does not allow";
    throw Error("expected UTF-8 text, found " + found + why, location_at(bad));
}

void XmlInput::parse() {
    buffer_.assign(text_.begin(), text_.end());
    // pugixml drops the last character of a fragment parsed in place unless
    // the buffer ends with a terminator it may count.
    buffer_.push_back('\0');
    pugi::xml_parse_result result = document_.load_buffer_inplace(
        buffer_.data(), buffer_.size(), parse_options, pugi::encoding_utf8);
    if (!result) fail_parse(result);
}

void XmlInput::fail_parse(const pugi::xml_parse_result& result) const {
    if (result.status == pugi::status_out_of_memory)
        throw Error("not enough memory to read the file", Location::at(file_));
    auto offset = static_cast<std::size_t>(std::max<std::ptrdiff_t>(result.offset, 0));
    offset = std::min(offset, text_.size());
    bool at_end = text_.find_first_not_of(" \t\r\n", offset + 1) == std::string::npos;
    if (at_end) {
        std::vector<OpenElement> open = open_elements(text_, text_.size());
        std::string message = "unexpected end of file";
        if (!open.empty()) {
            const OpenElement& e = open.back();
            message += ": <" + e.name + "> from line " +
                       std::to_string(location_at(e.offset).line) + " is not closed; expected </" +
                       e.name + ">";
        } else {
            message += "; " + expectation(result.status);
        }
        throw Error(message, location_at(text_.size()));
    }
    if (result.status == pugi::status_end_element_mismatch) {
        std::size_t name_end = std::min(text_.find_first_of(" \t\r\n>", offset), text_.size());
        std::string found = text_.substr(offset, name_end - offset);
        std::vector<OpenElement> open = open_elements(text_, offset >= 2 ? offset - 2 : 0);
        std::string message = "end tag </" + found + "> does not match";
        if (open.empty())
            message += " any open element";
        else
            message += " <" + open.back().name + "> from line " +
                       std::to_string(location_at(open.back().offset).line) + "; expected </" +
                       open.back().name + ">";
        throw Error(message, location_at(offset >= 2 ? offset - 2 : offset));
    }
    // Inside a start tag that was never closed: name the tag.
    std::size_t open = offset == 0 ? std::string::npos : text_.rfind('<', offset - 1);
    if ((result.status == pugi::status_bad_start_element ||
         result.status == pugi::status_bad_attribute) &&
        open != std::string::npos && text_.find('>', open) >= offset &&
        std::isalpha(static_cast<unsigned char>(text_[open + 1]))) {
        std::size_t name_end = std::min(text_.find_first_of(" \t\r\n/>", open + 1), offset);
        throw Error(
            "start tag <" + text_.substr(open + 1, name_end - open - 1) + "> from line " +
                std::to_string(location_at(open).line) +
                " is not closed; expected an attribute name=\"value\", \">\" or \"/>\", found " +
                found_at(offset),
            location_at(offset));
    }
    throw Error(expectation(result.status) + ", found " + found_at(offset), location_at(offset));
}

std::string XmlInput::found_at(std::size_t offset) const {
    if (offset >= text_.size()) return "the end of the file";
    unsigned char c = static_cast<unsigned char>(text_[offset]);
    if (c == '\n' || c == '\r') return "the end of the line";
    if (c < 0x80 && std::isprint(c)) return "\"" + std::string(1, static_cast<char>(c)) + "\"";
    return describe_character_at(text_, offset);
}

void XmlInput::check_document() const {
    pugi::xml_node root;
    for (pugi::xml_node n : document_.children()) {
        switch (n.type()) {
            case pugi::node_declaration: {
                std::string encoding = n.attribute("encoding").value();
                std::transform(encoding.begin(), encoding.end(), encoding.begin(),
                               [](unsigned char c) { return std::tolower(c); });
                if (n.attribute("encoding") && encoding != "utf-8")
                    fail(n, "expected encoding=\"UTF-8\" in the XML declaration, found \"" +
                                std::string(n.attribute("encoding").value()) + "\"");
                if (std::strcmp(n.attribute("version").value(), "1.0") != 0)
                    fail(n, "expected version=\"1.0\" in the XML declaration, found \"" +
                                std::string(n.attribute("version").value()) + "\"");
                break;
            }
            case pugi::node_doctype:
                fail(n,
                     "a DOCTYPE is not allowed: exchange files declare no entities; "
                     "expected <dataset> without one");
            case pugi::node_element:
                if (root)
                    fail(n, std::string("a second root element <") + n.name() +
                                ">; expected one root element <dataset>");
                root = n;
                break;
            case pugi::node_pcdata:
            case pugi::node_cdata:
                if (!trim(n.value()).empty())
                    fail(n, "text outside the root element; expected only <dataset>");
                break;
            default:
                break;
        }
    }
    if (!root)
        throw Error(
            std::string("no root element; expected <dataset xmlns=\"") + data_namespace + "\">",
            location_at(text_.size()));
    // Every element: duplicate attributes, and characters that came in as
    // character references but that XML does not allow.
    // Every element, with its depth: the root is 1.
    std::vector<std::pair<pugi::xml_node, unsigned>> pending{{root, 1}};
    while (!pending.empty()) {
        auto [n, depth] = pending.back();
        pending.pop_back();
        if (n.type() == pugi::node_element) {
            if (depth > max_depth)
                fail(n, "<" + std::string(n.name()) + "> is nested " + std::to_string(depth) +
                            " elements deep; expected at most " + std::to_string(max_depth) +
                            " (exchange files nest 4 deep)");
            check_attributes(n);
            for (pugi::xml_node child = n.last_child(); child; child = child.previous_sibling())
                pending.push_back({child, depth + 1});
        } else {
            std::string_view value = n.value();
            check_text_length(n, value, "text");
            if (invalid_character_at(value) != std::string::npos)
                fail(n, "expected XML characters, found " +
                            describe_character_at(value, invalid_character_at(value)));
        }
    }
}

void XmlInput::check_attributes(const pugi::xml_node& element) const {
    std::set<std::string_view> names;
    for (pugi::xml_attribute a : element.attributes()) {
        if (std::strlen(a.value()) > max_text_bytes)
            fail(a, element,
                 std::string("attribute ") + a.name() + " is " +
                     std::to_string(std::strlen(a.value())) + " bytes long; expected at most " +
                     std::to_string(max_text_bytes));
        if (!names.insert(a.name()).second)
            fail(a, element,
                 std::string("attribute ") + a.name() + " appears twice on <" + element.name() +
                     ">; expected it once");
        std::size_t bad = invalid_character_at(a.value());
        if (bad != std::string::npos)
            fail(a, element,
                 std::string("expected XML characters in attribute ") + a.name() + ", found " +
                     describe_character_at(a.value(), bad));
    }
}

void XmlInput::check_text_length(const pugi::xml_node& node, std::string_view text,
                                 const char* what) const {
    if (text.size() <= max_text_bytes) return;
    pugi::xml_node parent = node.parent();
    fail(node, std::string(what) + " in <" + parent.name() + "> is " + std::to_string(text.size()) +
                   " bytes long; expected at most " + std::to_string(max_text_bytes));
}

// pugixml leaves a reference to an entity nobody declared as text; XML calls
// such a file not well-formed, and expanding one is never wanted here.
void XmlInput::check_references() const {
    std::string_view text = text_;
    static constexpr std::string_view predefined[] = {"amp;", "lt;", "gt;", "quot;", "apos;"};
    for (std::size_t i = 0; i < text.size(); ++i) {
        std::string_view rest = text.substr(i);
        std::string_view close;
        if (starts_with(rest, "<!--"))
            close = "-->";
        else if (starts_with(rest, "<![CDATA["))
            close = "]]>";
        else if (starts_with(rest, "<?"))
            close = "?>";
        if (!close.empty()) {
            std::size_t end = text.find(close, i);
            if (end == std::string_view::npos) return;
            i = end + close.size() - 1;
            continue;
        }
        if (text[i] != '&') continue;
        rest.remove_prefix(1);
        bool known = std::any_of(std::begin(predefined), std::end(predefined),
                                 [&](std::string_view p) { return starts_with(rest, p); });
        if (known) continue;
        if (starts_with(rest, "#")) {
            // pugixml leaves a malformed character reference as text, too.
            bool hex = starts_with(rest, "#x");
            std::size_t k = hex ? 2 : 1, digits = 0;
            while (k < rest.size() && (hex ? std::isxdigit(static_cast<unsigned char>(rest[k]))
                                           : std::isdigit(static_cast<unsigned char>(rest[k]))))
                ++k, ++digits;
            if (digits > 0 && k < rest.size() && rest[k] == ';') continue;
            throw Error(std::string("malformed character reference; expected ") +
                            (hex ? "&#x, hexadecimal digits and \";\"" : "&#, digits and \";\""),
                        location_at(i));
        }
        std::size_t end = rest.find_first_of(";<>\"' \t\r\n");
        std::string name(rest.substr(0, std::min<std::size_t>(end, 40)));
        throw Error("reference to an undeclared entity &" + name +
                        (end != std::string_view::npos && rest[end] == ';' ? ";" : "") +
                        "; expected &amp;, &lt;, &gt;, &quot;, &apos; or a character reference "
                        "(exchange files declare no entities)",
                    location_at(i));
    }
}

}  // namespace kdx::xml
