#include <zip.h>

#include <cstdlib>
#include <cstring>
#include <fstream>
#include <map>
#include <memory>
#include <pugixml.hpp>

#include "kdx/error.hpp"
#include "paragraphs.hpp"

namespace kdx::profile {

namespace {

using Zip = std::unique_ptr<zip_t, decltype(&zip_discard)>;

std::string head_of(const std::filesystem::path& path) {
    std::ifstream in(path, std::ios::binary);
    char buffer[8] = {};
    in.read(buffer, sizeof buffer);
    return std::string(buffer, static_cast<std::size_t>(in.gcount()));
}

// One part, whole, within the limits; "" when the package has no such part.
std::string read_part(zip_t* zip, const std::string& name, const std::string& file,
                      const DocxLimits& limits) {
    zip_stat_t st;
    zip_stat_init(&st);
    if (zip_stat(zip, name.c_str(), ZIP_FL_NOCASE, &st) != 0) return {};
    if (st.size > limits.max_part_size)
        throw Error("part " + name + " unpacks to " + std::to_string(st.size >> 20) +
                        " MiB, above the limit of " + std::to_string(limits.max_part_size >> 20) +
                        " MiB for a profile",
                    Location::at(file));
    if (st.size > (1u << 20) && st.comp_size > 0 &&
        st.size / st.comp_size > limits.max_compression_ratio)
        throw Error("part " + name + " is compressed " + std::to_string(st.size / st.comp_size) +
                        " to 1, above the limit of " +
                        std::to_string(limits.max_compression_ratio) +
                        " to 1 (a zip bomb?); refused",
                    Location::at(file));
    std::unique_ptr<zip_file_t, decltype(&zip_fclose)> f(zip_fopen_index(zip, st.index, 0),
                                                         zip_fclose);
    if (!f)
        throw Error("part " + name + " cannot be read: " + zip_strerror(zip), Location::at(file));
    // The directory's size may lie: read at most one byte more than it says.
    std::string out(static_cast<std::size_t>(st.size) + 1, '\0');
    zip_int64_t n = zip_fread(f.get(), out.data(), out.size());
    if (n < 0 || static_cast<zip_uint64_t>(n) != st.size)
        throw Error(
            "part " + name + " is damaged: it does not unpack to the size the zip directory gives",
            Location::at(file));
    out.resize(static_cast<std::size_t>(n));
    return out;
}

pugi::xml_document parse(const std::string& xml, const std::string& part, const std::string& file) {
    if (xml.find("<!DOCTYPE") != std::string::npos || xml.find("<!ENTITY") != std::string::npos)
        throw Error("part " + part +
                        " declares a DOCTYPE or entities, which a Word document never has; refused",
                    Location::at(file));
    pugi::xml_document doc;
    pugi::xml_parse_result r =
        doc.load_buffer(xml.data(), xml.size(), pugi::parse_default, pugi::encoding_utf8);
    if (!r)
        throw Error("part " + part + " is not well-formed XML at byte " + std::to_string(r.offset) +
                        ": " + r.description(),
                    Location::at(file));
    return doc;
}

std::string lower(std::string s) {
    for (char& c : s)
        if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    return s;
}

// Heading levels by style id, from styles.xml: "heading N" (the built-in
// names Word keeps in English whatever the interface language), "title", or
// an outline level. Level 1 is the title.
std::map<std::string, int> heading_styles(const pugi::xml_document& styles) {
    std::map<std::string, int> levels;
    for (pugi::xml_node s : styles.child("w:styles").children("w:style")) {
        std::string id = s.attribute("w:styleId").value();
        std::string name = lower(s.child("w:name").attribute("w:val").value());
        int level = 0;
        if (name == "title")
            level = 1;
        else if (name.compare(0, 8, "heading ") == 0)
            level = std::atoi(name.c_str() + 8);
        else if (pugi::xml_node o = s.child("w:pPr").child("w:outlineLvl"))
            level = o.attribute("w:val").as_int() + 1;
        if (level > 0 && level < 10) levels[id] = level;
    }
    return levels;
}

bool on(pugi::xml_node flag) {
    if (!flag) return false;
    std::string v = flag.attribute("w:val").value();
    return v.empty() || (v != "0" && v != "false" && v != "off");
}

}  // namespace

ProfileText read_docx_profile(const std::filesystem::path& path, std::string file,
                              const DocxLimits& limits) {
    ProfileText p;
    p.file = std::move(file);
    p.numbered_by_paragraph = true;
    std::string head = head_of(path);
    if (head.compare(0, 8, "\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1", 8) == 0)
        throw Error(
            "a Word 97-2003 document (.doc) or an encrypted one, which kdx cannot read: save it as "
            ".docx",
            Location::at(p.file));
    if (head.compare(0, 2, "PK") != 0)
        throw Error(
            "not a Word document: a .docx file is a zip package, and this one does not start like "
            "one",
            Location::at(p.file));
    int error = 0;
    Zip zip(zip_open(path.c_str(), ZIP_RDONLY, &error), zip_discard);
    if (!zip) {
        zip_error_t e;
        zip_error_init_with_code(&e, error);
        std::string why = zip_error_strerror(&e);
        zip_error_fini(&e);
        throw Error("not a Word document: the zip package cannot be opened (" + why + ")",
                    Location::at(p.file));
    }
    std::string body_xml = read_part(zip.get(), "word/document.xml", p.file, limits);
    if (body_xml.empty())
        throw Error("not a Word document: the package has no word/document.xml",
                    Location::at(p.file));
    std::map<std::string, int> levels;
    std::string styles_xml = read_part(zip.get(), "word/styles.xml", p.file, limits);
    if (!styles_xml.empty()) levels = heading_styles(parse(styles_xml, "word/styles.xml", p.file));

    pugi::xml_document doc = parse(body_xml, "word/document.xml", p.file);
    pugi::xml_node body = doc.child("w:document").child("w:body");
    unsigned number = 0;
    for (pugi::xml_node para : body.children("w:p")) {
        ++number;
        std::string text;
        bool all_bold = true;
        for (pugi::xpath_node xr : para.select_nodes(".//w:r")) {
            pugi::xml_node r = xr.node();
            std::string run;
            for (pugi::xml_node c : r.children()) {
                std::string n = c.name();
                if (n == "w:t")
                    run += c.text().get();
                else if (n == "w:tab" || n == "w:br" || n == "w:cr")
                    run += ' ';
                else if (n == "w:noBreakHyphen")
                    run += '-';
            }
            if (run.find_first_not_of(' ') != std::string::npos &&
                !on(r.child("w:rPr").child("w:b")))
                all_bold = false;
            text += run;
        }
        std::string collapsed;
        for (char c : text) {
            if (c == ' ' && (collapsed.empty() || collapsed.back() == ' ')) continue;
            collapsed += c;
        }
        while (!collapsed.empty() && collapsed.back() == ' ') collapsed.pop_back();
        if (collapsed.empty()) continue;
        Paragraph out;
        out.text = collapsed;
        out.line = number;
        pugi::xml_node props = para.child("w:pPr");
        auto style = levels.find(props.child("w:pStyle").attribute("w:val").value());
        if (style != levels.end()) {
            out.kind = Paragraph::Kind::heading;
            out.level = style->second;
            out.marked = true;
        } else if (pugi::xml_node o = props.child("w:outlineLvl")) {
            out.kind = Paragraph::Kind::heading;
            out.level = o.attribute("w:val").as_int() + 1;
            out.marked = true;
        } else if (props.child("w:numPr")) {
            out.kind = Paragraph::Kind::list_item;
        } else if (all_bold) {
            out.kind = Paragraph::Kind::heading;
            out.level = 2;
            out.marked = true;
        }
        p.paragraphs.push_back(out);
    }
    return p;
}

}  // namespace kdx::profile
