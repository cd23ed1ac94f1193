#include "provenance_reader.hpp"

#include <zip.h>

#include <algorithm>
#include <cctype>
#include <fstream>
#include <map>
#include <memory>
#include <pugixml.hpp>
#include <sstream>

#include "kdx/error.hpp"

namespace kdx::cli {

namespace fs = std::filesystem;

namespace {

std::string lower_extension(const fs::path& file) {
    std::string ext = file.extension().string();
    std::transform(ext.begin(), ext.end(), ext.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return ext;
}

std::string slurp(const fs::path& file) {
    std::ifstream in(file, std::ios::binary);
    if (!in) throw Error("cannot read the report", Location::at(file.string()));
    std::ostringstream bytes;
    bytes << in.rdbuf();
    return bytes.str();
}

// "<sha256>  <name>", as sha256sum prints it.
ProvenanceFile input_of(const std::string& line) {
    ProvenanceFile f;
    const std::size_t gap = line.find("  ");
    f.sha256 = line.substr(0, gap);
    if (gap != std::string::npos) f.name = line.substr(gap + 2);
    return f;
}

void parse_xml(const fs::path& file, const std::string& text, pugi::xml_document& doc) {
    pugi::xml_parse_result parsed = doc.load_buffer(text.data(), text.size());
    if (!parsed)
        throw Error(std::string("not well-formed XML: ") + parsed.description(),
                    Location::at(file.string()));
}

std::optional<Provenance> from_xml_report(const fs::path& file) {
    pugi::xml_document doc;
    parse_xml(file, slurp(file), doc);
    const std::string root = doc.document_element().name();
    if (root != "report")
        throw Error("not a kdx report (its root element is <" + root + ">, not <report>)",
                    Location::at(file.string()));
    pugi::xml_node p = doc.document_element().child("info").child("provenance");
    if (!p) return std::nullopt;
    Provenance out;
    out.generator = p.attribute("generator").value();
    for (pugi::xml_node i : p.children("input"))
        out.inputs.push_back({i.attribute("name").value(), i.attribute("sha256").value()});
    out.template_id = p.child("template").attribute("id").value();
    out.template_sha256 = p.child("template").attribute("sha256").value();
    for (pugi::xml_node plugin : p.children("plugin")) out.plugins.push_back(plugin.text().get());
    return out;
}

// Custom properties "kdx input 1", "kdx template id", ... (xlsx_write_document.cpp).
std::optional<Provenance> from_properties(const std::map<std::string, std::string>& properties) {
    auto get = [&](const std::string& name) {
        auto it = properties.find(name);
        return it == properties.end() ? std::string() : it->second;
    };
    Provenance out;
    for (int i = 1; properties.count("kdx input " + std::to_string(i)); ++i)
        out.inputs.push_back(input_of(get("kdx input " + std::to_string(i))));
    out.template_id = get("kdx template id");
    out.template_sha256 = get("kdx template sha256");
    for (int i = 1; properties.count("kdx plugin " + std::to_string(i)); ++i)
        out.plugins.push_back(get("kdx plugin " + std::to_string(i)));
    out.generator = get("kdx generator");
    if (out.empty() && out.generator.empty()) return std::nullopt;
    return out;
}

std::optional<Provenance> from_xlsx(const fs::path& file) {
    int error = 0;
    std::unique_ptr<zip_t, decltype(&zip_discard)> archive(
        zip_open(file.c_str(), ZIP_RDONLY, &error), &zip_discard);
    if (!archive)
        throw Error("not an XLSX workbook (not a zip archive)", Location::at(file.string()));
    zip_stat_t stat;
    zip_stat_init(&stat);
    if (zip_stat(archive.get(), "docProps/custom.xml", 0, &stat) != 0) return std::nullopt;
    std::unique_ptr<zip_file_t, decltype(&zip_fclose)> entry(
        zip_fopen(archive.get(), "docProps/custom.xml", 0), &zip_fclose);
    if (!entry || stat.size > (64u << 20))
        throw Error("cannot read docProps/custom.xml", Location::at(file.string()));
    std::string text(static_cast<std::size_t>(stat.size), '\0');
    if (zip_fread(entry.get(), text.data(), stat.size) != static_cast<zip_int64_t>(stat.size))
        throw Error("cannot read docProps/custom.xml", Location::at(file.string()));
    pugi::xml_document doc;
    parse_xml(file, text, doc);
    std::map<std::string, std::string> properties;
    for (pugi::xml_node p : doc.document_element().children("property"))
        properties[p.attribute("name").value()] = p.first_child().text().get();
    return from_properties(properties);
}

// The XMP packet PDF/A keeps unfiltered (pdfa_metadata.cpp), found by its
// markers as the XMP specification allows.
std::optional<Provenance> from_pdf(const fs::path& file) {
    const std::string bytes = slurp(file);
    if (bytes.compare(0, 5, "%PDF-") != 0)
        throw Error("not a PDF file", Location::at(file.string()));
    const std::size_t begin = bytes.find("<x:xmpmeta");
    const std::size_t end = bytes.find("</x:xmpmeta>", begin);
    if (begin == std::string::npos || end == std::string::npos) return std::nullopt;
    pugi::xml_document doc;
    parse_xml(file, bytes.substr(begin, end + 12 - begin), doc);
    Provenance out;
    bool found = false;
    for (pugi::xpath_node d : doc.select_nodes("//*[local-name()='Description']")) {
        pugi::xml_node n = d.node();
        if (std::string(n.attribute("xmlns:kdxp").value()) != "urn:kdx:ns:provenance:1#") continue;
        found = true;
        for (pugi::xml_node li : n.child("kdxp:inputs").first_child().children("rdf:li"))
            out.inputs.push_back(input_of(li.text().get()));
        out.template_id = n.child("kdxp:templateId").text().get();
        out.template_sha256 = n.child("kdxp:templateSha256").text().get();
        for (pugi::xml_node li : n.child("kdxp:plugins").first_child().children("rdf:li"))
            out.plugins.push_back(li.text().get());
        out.generator = n.child("kdxp:generator").text().get();
    }
    if (!found) return std::nullopt;
    return out;
}

std::string unescape_html(std::string s) {
    static const std::pair<const char*, const char*> entities[] = {
        {"&lt;", "<"},  {"&gt;", ">"},   {"&quot;", "\""},
        {"&#39;", "'"}, {"&#x27;", "'"}, {"&amp;", "&"}};
    for (const auto& e : entities)
        for (std::size_t at = s.find(e.first); at != std::string::npos;
             at = s.find(e.first, at + 1))
            s.replace(at, std::char_traits<char>::length(e.first), e.second);
    return s;
}

// <meta name="kdx.input" content="SHA256  NAME"> and the like, as the HTML
// plugin writes them in the page's head (html_page.cpp).
std::optional<Provenance> from_html(const fs::path& file) {
    const std::string text = slurp(file);
    const std::size_t head_end = text.find("</head>");
    const std::string head = text.substr(0, head_end);
    std::multimap<std::string, std::string> meta;
    for (std::size_t at = head.find("<meta "); at != std::string::npos;
         at = head.find("<meta ", at + 1)) {
        const std::size_t close = head.find('>', at);
        const std::string tag = head.substr(at, close - at);
        auto attribute = [&](const std::string& name) {
            const std::size_t a = tag.find(" " + name + "=\"");
            if (a == std::string::npos) return std::string();
            const std::size_t from = a + name.size() + 3;
            return unescape_html(tag.substr(from, tag.find('"', from) - from));
        };
        const std::string name = attribute("name");
        if (name.rfind("kdx.", 0) == 0) meta.emplace(name, attribute("content"));
    }
    Provenance out;
    auto range = meta.equal_range("kdx.input");
    for (auto it = range.first; it != range.second; ++it)
        out.inputs.push_back(input_of(it->second));
    range = meta.equal_range("kdx.plugin");
    for (auto it = range.first; it != range.second; ++it) out.plugins.push_back(it->second);
    auto one = [&](const char* name) {
        auto it = meta.find(name);
        return it == meta.end() ? std::string() : it->second;
    };
    out.template_id = one("kdx.template");
    out.template_sha256 = one("kdx.template-sha256");
    out.generator = one("kdx.generator");
    if (out.empty() && out.generator.empty()) return std::nullopt;
    return out;
}

}  // namespace

std::optional<Provenance> read_provenance(const fs::path& report) {
    std::error_code ec;
    if (!fs::is_regular_file(report, ec))
        throw Error("no such file", Location::at(report.string()));
    const std::string ext = lower_extension(report);
    if (ext == ".xml") return from_xml_report(report);
    if (ext == ".xlsx") return from_xlsx(report);
    if (ext == ".pdf") return from_pdf(report);
    if (ext == ".html" || ext == ".htm") return from_html(report);
    throw Error("not a kind of report kdx writes: expected .pdf, .xlsx, .xml or .html",
                Location::at(report.string()));
}

}  // namespace kdx::cli
