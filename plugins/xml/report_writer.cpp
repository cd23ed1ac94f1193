#include "report_writer.hpp"

#include <algorithm>
#include <fstream>
#include <pugixml.hpp>
#include <string_view>

#include "kdx/atomic_file.hpp"
#include "kdx/error.hpp"
#include "kdx/utf8.hpp"
#include "xml_text.hpp"

namespace kdx::xml {

namespace {

using Node = pugi::xml_node;

constexpr const char* report_namespace = "urn:kdx:report:1";
constexpr const char* report_version = "1";
constexpr std::string_view replacement_character = "\xEF\xBF\xBD";

const char* to_string(TableColumn::Type t) {
    switch (t) {
        case TableColumn::Type::text:
            return "text";
        case TableColumn::Type::count:
            return "count";
        case TableColumn::Type::number:
            return "number";
        case TableColumn::Type::percent:
            return "percent";
        case TableColumn::Type::per_mille:
            return "per-mille";
        case TableColumn::Type::year:
            return "year";
    }
    return "text";
}

// An xs:language tag such as "nb" or "en-GB".
bool is_language_tag(std::string_view tag) {
    std::size_t length = 0;
    bool first = true;
    for (char c : tag) {
        bool letter = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
        bool digit = c >= '0' && c <= '9';
        if (c == '-') {
            if (length == 0) return false;
            length = 0;
            first = false;
        } else if ((letter || (digit && !first)) && length < 8) {
            ++length;
        } else {
            return false;
        }
    }
    return length > 0;
}

// Builds the XML tree of one Document. Text XML cannot hold is replaced by
// U+FFFD with a warning, as the PDF renderer draws it; values that have no
// XML form (infinity, NaN, a date that is not one) are refused.
class ReportBuilder {
  public:
    ReportBuilder(const std::filesystem::path& output, Diagnostics& diagnostics)
        : output_(output), diagnostics_(diagnostics) {}

    void build(const Document& d, pugi::xml_document& xml) {
        Node declaration = xml.append_child(pugi::node_declaration);
        declaration.append_attribute("version").set_value("1.0");
        declaration.append_attribute("encoding").set_value("UTF-8");
        Node root = xml.append_child("report");
        root.append_attribute("xmlns").set_value(report_namespace);
        root.append_attribute("version").set_value(report_version);
        info(root.append_child("info"), d.info);
        Node blocks = root.append_child("blocks");
        for (std::size_t i = 0; i < d.blocks.size(); ++i) {
            block_ = "block " + std::to_string(i + 1);
            std::visit([&](const auto& b) { block(blocks, b); }, d.blocks[i]);
        }
        block_.clear();
        for (const std::string& note : d.notes) text(root, "note", note, "note");
    }

  private:
    void info(Node n, const DocumentInfo& i) {
        block_ = "info";
        if (!i.language.empty()) {
            if (!is_language_tag(i.language))
                fail("language", "expected a language tag such as nb, nn or en, found \"" +
                                     clean(i.language, "language") + "\"");
            n.append_attribute("language").set_value(i.language.c_str());
        }
        optional_attribute(n, "template", i.template_id);
        optional_attribute(n, "generator", i.generator);
        if (!i.date.empty()) {
            if (!is_date(i.date) || trim(i.date) != i.date)
                fail("date", "expected a date YYYY-MM-DD, found \"" + clean(i.date, "date") + "\"");
            n.append_attribute("date").set_value(i.date.c_str());
        }
        text(n, "title", i.title, "title");
        optional_text(n, "subtitle", i.subtitle);
        optional_text(n, "author", i.author);
        optional_text(n, "subject", i.subject);
        for (const std::string& k : i.keywords) text(n, "keyword", k, "keyword");
        for (const std::string& s : i.sources) text(n, "source", s, "source");
        if (!i.provenance.empty()) provenance(n.append_child("provenance"), i.provenance);
    }

    void provenance(Node n, const Provenance& p) {
        block_ = "info provenance";
        auto sha256 = [&](const std::string& hex) {
            if (!is_sha256(hex))
                fail("sha256",
                     "expected 64 lower-case hex digits, found \"" + clean(hex, "sha256") + "\"");
            return hex.c_str();
        };
        optional_attribute(n, "generator", p.generator);
        for (const ProvenanceFile& f : p.inputs) {
            Node input = n.append_child("input");
            input.append_attribute("name").set_value(clean(f.name, "name").c_str());
            input.append_attribute("sha256").set_value(sha256(f.sha256));
        }
        if (!p.template_sha256.empty()) {
            Node t = n.append_child("template");
            t.append_attribute("id").set_value(clean(p.template_id, "id").c_str());
            t.append_attribute("sha256").set_value(sha256(p.template_sha256));
        }
        for (const std::string& plugin : p.plugins) text(n, "plugin", plugin, "plugin");
    }

    static bool is_sha256(const std::string& s) {
        return s.size() == 64 && std::all_of(s.begin(), s.end(), [](char c) {
                   return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f');
               });
    }

    void block(Node parent, const Heading& h) {
        block_ += " (heading)";
        if (h.level < 1)
            fail("level",
                 "expected a heading level of 1 or more, found " + std::to_string(h.level));
        Node n = text(parent, "heading", h.text, "text");
        n.append_attribute("level").set_value(h.level);
    }

    void block(Node parent, const Paragraph& p) {
        block_ += " (paragraph)";
        Node n = parent.append_child("paragraph");
        for (std::size_t i = 0; i < p.runs.size(); ++i) {
            Node run = text(n, "run", p.runs[i].text, "run " + std::to_string(i + 1));
            if (p.runs[i].emphasis) run.append_attribute("emphasis").set_value("true");
        }
    }

    void block(Node parent, const KeyFigures& k) {
        block_ += " (key figures)";
        Node n = parent.append_child("key-figures");
        for (std::size_t i = 0; i < k.figures.size(); ++i) {
            const KeyFigure& f = k.figures[i];
            std::string part = "figure " + std::to_string(i + 1);
            Node figure = n.append_child("figure");
            figure.append_attribute("unit").set_value(kdx::to_string(f.unit));
            value(figure, "value", f.value, part);
            value(figure, "change", f.change, part + " change");
            text(figure, "label", f.label, part + " label");
            text(figure, "text", f.text, part + " text");
        }
    }

    void block(Node parent, const Table& t) {
        block_ += " (table)";
        Node n = parent.append_child("table");
        text(n, "caption", t.caption, "caption");
        for (std::size_t c = 0; c < t.columns.size(); ++c) {
            Node column = text(n, "column", t.columns[c].header, "column " + std::to_string(c + 1));
            column.append_attribute("type").set_value(to_string(t.columns[c].type));
        }
        for (std::size_t r = 0; r < t.rows.size(); ++r) {
            const auto& cells = t.rows[r];
            std::string row_part = "row " + std::to_string(r + 1);
            if (cells.size() != t.columns.size())
                warn(row_part + " has " + std::to_string(cells.size()) + " cells for " +
                     std::to_string(t.columns.size()) + " columns");
            Node row = n.append_child("row");
            if (t.last_row_is_total && r + 1 == t.rows.size())
                row.append_attribute("total").set_value("true");
            for (std::size_t c = 0; c < cells.size(); ++c) {
                std::string part = row_part + ", cell " + std::to_string(c + 1);
                Node cell = text(row, "cell", cells[c].text, part);
                value(cell, "value", cells[c].value, part);
            }
        }
        for (const std::string& note : t.notes) text(n, "note", note, "note");
    }

    void block(Node parent, const Chart& c) {
        block_ += " (chart)";
        Node n = parent.append_child("chart");
        n.append_attribute("kind").set_value(c.kind == Chart::Kind::line ? "line" : "bar");
        n.append_attribute("unit").set_value(kdx::to_string(c.unit));
        text(n, "title", c.title, "title");
        optional_text(n, "x-title", c.x_title);
        optional_text(n, "y-title", c.y_title);
        for (const std::string& category : c.categories) text(n, "category", category, "category");
        for (std::size_t s = 0; s < c.series.size(); ++s) {
            const ChartSeries& series = c.series[s];
            std::string part = "series " + std::to_string(s + 1);
            Node node = n.append_child("series");
            text(node, "name", series.name, part + " name");
            // One point per category, as renderers draw them: values past the
            // last category are not drawn, absent ones are gaps.
            if (series.values.size() > c.categories.size())
                warn(part + " has " + std::to_string(series.values.size()) + " values for " +
                     std::to_string(c.categories.size()) +
                     " categories; the values without a category are left out");
            for (std::size_t i = 0; i < c.categories.size(); ++i) {
                Node point = node.append_child("point");
                if (i < series.values.size())
                    value(point, "value", series.values[i],
                          part + " point " + std::to_string(i + 1));
            }
        }
    }

    void block(Node parent, const PageBreak&) { parent.append_child("page-break"); }

    Node text(Node parent, const char* name, const std::string& content, const std::string& part) {
        Node n = parent.append_child(name);
        std::string cleaned = clean(content, part);
        if (!cleaned.empty()) n.text().set(cleaned.c_str());
        return n;
    }

    void optional_text(Node parent, const char* name, const std::string& content) {
        if (!content.empty()) text(parent, name, content, name);
    }

    void optional_attribute(Node n, const char* name, const std::string& content) {
        if (!content.empty()) n.append_attribute(name).set_value(clean(content, name).c_str());
    }

    void value(Node n, const char* name, const Value& v, const std::string& part) {
        std::optional<std::string> formatted = format_value(v);
        if (!formatted) fail(part, "expected a finite number, found " + kdx::to_string(v));
        if (!formatted->empty()) n.append_attribute(name).set_value(formatted->c_str());
    }

    // The text with every character XML cannot hold replaced by U+FFFD (one
    // per maximal subpart of bad bytes, kdx/utf8.hpp) and line breaks as LF, which is what an XML
    // reader would make of a CR anyway.
    std::string clean(const std::string& content, const std::string& part) {
        std::string_view rest = content;
        std::size_t bad = invalid_character_at(rest);
        if (bad == std::string_view::npos && rest.find('\r') == std::string_view::npos)
            return content;
        std::string out;
        std::string first;
        std::size_t replaced = 0;
        for (; bad != std::string_view::npos; bad = invalid_character_at(rest)) {
            std::string what = describe_character_at(rest, bad);
            if (first.empty()) first = what;
            out.append(rest.substr(0, bad));
            out.append(replacement_character);
            ++replaced;
            // A character XML cannot hold, or a maximal subpart of bad bytes.
            rest.remove_prefix(bad + utf8::decode(rest, bad).length);
        }
        out.append(rest);
        for (std::size_t i = out.find('\r'); i != std::string::npos; i = out.find('\r', i)) {
            if (i + 1 < out.size() && out[i + 1] == '\n')
                out.erase(i, 1);
            else
                out[i] = '\n';
        }
        if (replaced > 0)
            warn(part + ": replaced " + std::to_string(replaced) + " character" +
                 (replaced == 1 ? "" : "s") + " XML cannot hold (first " + first + ") with U+FFFD");
        return out;
    }

    std::string where(const std::string& part) const {
        return block_.empty() ? part : block_ + ", " + part;
    }

    void warn(const std::string& message) {
        diagnostics_.warning("report " + where(message), Location::at(output_.string()));
    }

    [[noreturn]] void fail(const std::string& part, const std::string& message) const {
        throw Error("cannot write the report as XML: " + where(part) + ": " + message,
                    Location::at(output_.string()));
    }

    const std::filesystem::path& output_;
    Diagnostics& diagnostics_;
    std::string block_;
};

}  // namespace

void write_report(const Document& document, const std::filesystem::path& output,
                  Diagnostics& diagnostics) {
    // Built in full first: a refused document leaves no file behind, and the
    // warnings are reported only for a file that is written.
    Diagnostics warnings;
    pugi::xml_document xml;
    ReportBuilder(output, warnings).build(document, xml);
    write_atomically(output, [&](const std::filesystem::path& temp) {
        std::ofstream out(temp, std::ios::binary | std::ios::trunc);
        xml.save(out, "  ", pugi::format_indent, pugi::encoding_utf8);
        out.close();
        if (!out) throw Error("cannot write the file", Location::at(output.string()));
    });
    diagnostics.append(warnings);
}

}  // namespace kdx::xml
