#include "xlsx_read_workbook.hpp"

#include <map>

#include "kdx/error.hpp"
#include "xlsx_read_xml.hpp"

namespace kdx::xlsx {

namespace {

struct Relationship {
    std::string type;    // the last segment of the type URI, e.g. "worksheet"
    std::string target;  // resolved part name, or the raw target when external
    bool external = false;
};

// The relationships part of `source` ("xl/workbook.xml" -> "xl/_rels/workbook.xml.rels").
std::string rels_part(const std::string& source) {
    std::size_t slash = source.rfind('/');
    std::string dir = slash == std::string::npos ? std::string() : source.substr(0, slash + 1);
    std::string name = slash == std::string::npos ? source : source.substr(slash + 1);
    return dir + "_rels/" + name + ".rels";
}

// By id; empty when `source` has no relationships part.
std::map<std::string, Relationship> relationships(const Package& package,
                                                  const std::string& source) {
    std::map<std::string, Relationship> rels;
    std::string part = rels_part(source);
    if (!package.has(part)) return rels;
    pugi::xml_document doc = load_part(package, part);
    for (pugi::xml_node r : child(doc, "Relationships").children()) {
        if (local_name(r.name()) != "Relationship") continue;
        Relationship rel;
        std::string type = r.attribute("Type").as_string();
        rel.type = type.substr(type.rfind('/') + 1);
        rel.external = std::string(r.attribute("TargetMode").as_string()) == "External";
        std::string target = r.attribute("Target").as_string();
        rel.target = rel.external ? target : resolve_target(source, target);
        rels[r.attribute("Id").as_string()] = rel;
    }
    return rels;
}

// The content type the package declares for `part`.
std::string content_type(const pugi::xml_document& types, const std::string& part) {
    std::string extension = part.substr(part.rfind('.') + 1);
    std::string by_extension;
    for (pugi::xml_node n : child(types, "Types").children()) {
        std::string_view kind = local_name(n.name());
        if (kind == "Override" && resolve_target("", n.attribute("PartName").as_string()) == part)
            return n.attribute("ContentType").as_string();
        if (kind == "Default" && n.attribute("Extension").as_string() == extension)
            by_extension = n.attribute("ContentType").as_string();
    }
    return by_extension;
}

[[noreturn]] void not_a_spreadsheet(const Package& package, const std::string& what) {
    throw Error("not an .xlsx workbook: " + what, Location::at(package.file()));
}

// The main part, checked to be a spreadsheet's workbook.
std::string workbook_part(const Package& package) {
    if (package.has("mimetype")) {
        std::string mime = package.read("mimetype");
        if (mime.find("opendocument.spreadsheet") != std::string::npos)
            not_a_spreadsheet(package,
                              "an OpenDocument spreadsheet (.ods); save it as .xlsx (Excel "
                              "2007-365) or read it after converting it");
        if (mime.find("opendocument") != std::string::npos)
            not_a_spreadsheet(package, "an OpenDocument file (" + mime + ")");
    }
    if (!package.has("[Content_Types].xml"))
        not_a_spreadsheet(package,
                          "a zip archive without [Content_Types].xml, so not an Office file");
    pugi::xml_document types = load_part(package, "[Content_Types].xml");
    std::string main;
    for (const auto& [id, rel] : relationships(package, ""))
        if (rel.type == "officeDocument" && !rel.external) main = rel.target;
    if (main.empty()) main = "xl/workbook.xml";
    std::string type = content_type(types, main);
    if (type.find("wordprocessingml") != std::string::npos)
        not_a_spreadsheet(package, "a Word document (.docx), not a spreadsheet");
    if (type.find("presentationml") != std::string::npos)
        not_a_spreadsheet(package, "a PowerPoint presentation (.pptx), not a spreadsheet");
    if (!package.has(main))
        not_a_spreadsheet(package, "the package has no workbook part (" + main + ")");
    if (!type.empty() && type.find("spreadsheetml") == std::string::npos &&
        type.find("ms-excel") == std::string::npos)
        not_a_spreadsheet(package, "its main part " + main + " is of type " + type);
    return main;
}

bool is_true(const pugi::xml_attribute& a) {
    std::string v = a.as_string();
    return v == "1" || v == "true";
}

}  // namespace

std::string resolve_target(const std::string& source, const std::string& target) {
    std::string path;
    if (!target.empty() && target[0] == '/') {
        path = target.substr(1);
    } else {
        std::size_t slash = source.rfind('/');
        path = (slash == std::string::npos ? std::string() : source.substr(0, slash + 1)) + target;
    }
    std::vector<std::string> segments;
    std::size_t start = 0;
    while (start <= path.size()) {
        std::size_t end = path.find('/', start);
        if (end == std::string::npos) end = path.size();
        std::string segment = path.substr(start, end - start);
        if (segment == "..") {
            if (!segments.empty()) segments.pop_back();
        } else if (!segment.empty() && segment != ".") {
            segments.push_back(segment);
        }
        start = end + 1;
    }
    std::string out;
    for (const std::string& s : segments) out += (out.empty() ? "" : "/") + s;
    return out;
}

Workbook read_workbook(const Package& package, Diagnostics& diagnostics) {
    std::string main = workbook_part(package);
    pugi::xml_document doc = load_part(package, main);
    pugi::xml_node root = child(doc, "workbook");
    if (!root) not_a_spreadsheet(package, "its main part " + main + " has no <workbook> element");
    std::map<std::string, Relationship> rels = relationships(package, main);

    Workbook book;
    book.date1904 = is_true(attribute(child(root, "workbookPr"), "date1904"));
    for (const auto& [id, rel] : rels) {
        if (rel.external) continue;
        if (rel.type == "sharedStrings" && package.has(rel.target))
            book.shared_strings = rel.target;
        if (rel.type == "styles" && package.has(rel.target)) book.styles = rel.target;
    }
    for (pugi::xml_node s : child(root, "sheets").children()) {
        if (local_name(s.name()) != "sheet") continue;
        std::string name = s.attribute("name").as_string();
        auto rel = rels.find(attribute(s, "id").as_string());
        if (rel == rels.end() || rel->second.external || !package.has(rel->second.target))
            throw Error(
                "part " + main + ": sheet \"" + name + "\" names a part the package does not have",
                Location::at(package.file()));
        if (rel->second.type != "worksheet") {
            diagnostics.info(
                "sheet \"" + name + "\" skipped: it is a " + rel->second.type + ", not a worksheet",
                Location::at(package.file()));
            continue;
        }
        std::string state = s.attribute("state").as_string();
        book.sheets.push_back(
            {name, rel->second.target, state == "hidden" || state == "veryHidden"});
    }
    for (pugi::xml_node ref : child(root, "externalReferences").children()) {
        if (local_name(ref.name()) != "externalReference") continue;
        std::string where;
        auto rel = rels.find(attribute(ref, "id").as_string());
        if (rel != rels.end() && !rel->second.external) {
            for (const auto& [lid, link] : relationships(package, rel->second.target))
                if (link.external) where = " (" + link.target + ")";
        }
        diagnostics.warning("the workbook refers to another workbook" + where +
                                "; kdx does not open it, and formulas using it are read with "
                                "the results saved in this file",
                            Location::at(package.file()));
    }
    return book;
}

}  // namespace kdx::xlsx
