#include "report/report_template.hpp"

#include <algorithm>
#include <cstring>
#include <pugixml.hpp>
#include <set>

#include "kdx/error.hpp"
#include "xml_limits.hpp"

namespace kdx::report {

namespace fs = std::filesystem;

namespace {

constexpr const char* template_namespace = "urn:kdx:report-template:1";

const std::map<std::string, TemplateBlock::Kind>& block_kinds() {
    using K = TemplateBlock::Kind;
    static const std::map<std::string, K> kinds{
        {"heading", K::heading},
        {"paragraph", K::paragraph},
        {"nomination-summary", K::nomination_summary},
        {"nomination-sections", K::nomination_sections},
        {"key-figures", K::key_figures},
        {"settlement-chart", K::settlement_chart},
        {"settlement-table", K::settlement_table},
        {"programmes-table", K::programmes_table},
        {"outcomes-table", K::outcomes_table},
        {"municipalities-table", K::municipalities_table},
        {"municipalities-chart", K::municipalities_chart},
        {"page-break", K::page_break},
    };
    return kinds;
}

// Figures a key-figures block or a municipalities-chart may show.
const std::set<std::string>& figure_names() {
    static const std::set<std::string> names{"requested",
                                             "decided",
                                             "settled",
                                             "settled-share-of-requested",
                                             "requested-total",
                                             "decided-total",
                                             "settled-total",
                                             "unaccompanied-minors",
                                             "family-reunifications"};
    return names;
}

class Reader {
  public:
    explicit Reader(fs::path file) : file_(std::move(file)) {}

    ReportTemplate read() {
        if (!xml_limits::read_file(file_, text_))
            throw Error("cannot read the template", Location::at(file_.string()));
        if (auto problem = xml_limits::check_text(text_, "template"))
            fail(problem->offset, problem->message);
        pugi::xml_parse_result parsed =
            doc_.load_buffer(text_.data(), text_.size(), pugi::parse_default | pugi::parse_doctype);
        if (!parsed)
            fail(static_cast<std::ptrdiff_t>(parsed.offset),
                 std::string("not well-formed XML: ") + parsed.description());
        for (pugi::xml_node n : doc_.children())
            if (n.type() == pugi::node_doctype) fail(n, "a DOCTYPE is not allowed in a template");
        if (auto problem = xml_limits::check_tree(doc_)) fail(problem->offset, problem->message);
        pugi::xml_node root = doc_.document_element();
        if (std::strcmp(root.name(), "report-template") != 0 ||
            std::strcmp(root.attribute("xmlns").value(), template_namespace) != 0)
            fail(root, std::string("expected <report-template xmlns=\"") + template_namespace +
                           "\">, found <" + root.name() + ">");
        allow(root, {"xmlns", "version", "id", "scope", "years", "language",
                     "language-from-municipality", "public"});
        if (std::string(root.attribute("version").value()) != "1")
            fail(root, "expected version=\"1\"");
        ReportTemplate t;
        t.file = file_;
        t.id = required(root, "id");
        std::string scope = root.attribute("scope").as_string("municipality");
        if (scope == "municipality")
            t.scope = ReportTemplate::Scope::municipality;
        else if (scope == "county")
            t.scope = ReportTemplate::Scope::county;
        else if (scope == "nominees")
            t.scope = ReportTemplate::Scope::nominees;
        else if (scope == "all")
            t.scope = ReportTemplate::Scope::all;
        else
            fail(root,
                 "scope must be municipality, county, nominees or all, found \"" + scope + "\"");
        t.years = integer(root, "years", 1, 1, 50);
        t.language = root.attribute("language").as_string("nb");
        if (t.language != "nb" && t.language != "nn" && t.language != "en")
            fail(root, "language must be nb, nn or en, found \"" + t.language + "\"");
        t.language_from_municipality = boolean(root, "language-from-municipality", false);
        t.public_report = boolean(root, "public", true);

        for (pugi::xml_node child : root.children()) {
            if (child.type() != pugi::node_element) continue;
            std::string name = child.name();
            if (name == "title")
                t.title = text(child);
            else if (name == "subtitle")
                t.subtitle = text(child);
            else if (name == "subject")
                t.subject = text(child);
            else if (name == "author")
                t.author = text(child);
            else if (name == "keyword")
                t.keywords.emplace_back(child.attribute("lang").as_string(),
                                        child.text().as_string());
            else if (name == "sources")
                t.sources = sources(child);
            else if (name == "blocks")
                read_blocks(child, t);
            else
                fail(
                    child,
                    "unexpected <" + name +
                        ">; expected title, subtitle, subject, author, keyword, sources or blocks");
        }
        if (t.title.empty()) fail(root, "a template needs a <title>");
        return t;
    }

  private:
    [[noreturn]] void fail(std::ptrdiff_t offset, const std::string& message) const {
        throw Error(message, Location::at(file_.string(), line_of(offset)));
    }
    [[noreturn]] void fail(const pugi::xml_node& node, const std::string& message) const {
        fail(node.offset_debug(), message);
    }

    unsigned line_of(std::ptrdiff_t offset) const {
        if (!line_starts_loaded_) {
            line_starts_.push_back(0);
            for (std::size_t i = 0; i < text_.size(); ++i)
                if (text_[i] == '\n') line_starts_.push_back(static_cast<std::ptrdiff_t>(i) + 1);
            line_starts_loaded_ = true;
        }
        auto it = std::upper_bound(line_starts_.begin(), line_starts_.end(), offset);
        return static_cast<unsigned>(it - line_starts_.begin());
    }

    void allow(const pugi::xml_node& node, std::initializer_list<const char*> names) const {
        for (pugi::xml_attribute a : node.attributes()) {
            bool known = std::any_of(names.begin(), names.end(),
                                     [&](const char* n) { return std::strcmp(n, a.name()) == 0; });
            if (!known)
                fail(node,
                     std::string("unexpected attribute ") + a.name() + " on <" + node.name() + ">");
        }
    }

    std::string required(const pugi::xml_node& node, const char* name) const {
        pugi::xml_attribute a = node.attribute(name);
        if (!a || !*a.value())
            fail(node, std::string("<") + node.name() + "> needs the attribute " + name);
        return a.value();
    }

    int integer(const pugi::xml_node& node, const char* name, int fallback, int low,
                int high) const {
        pugi::xml_attribute a = node.attribute(name);
        if (!a) return fallback;
        std::string v = a.value();
        char* end = nullptr;
        long n = std::strtol(v.c_str(), &end, 10);
        if (v.empty() || *end || n < low || n > high)
            fail(node, std::string(name) + " must be a whole number from " + std::to_string(low) +
                           " to " + std::to_string(high) + ", found \"" + v + "\"");
        return static_cast<int>(n);
    }

    bool boolean(const pugi::xml_node& node, const char* name, bool fallback) const {
        pugi::xml_attribute a = node.attribute(name);
        if (!a) return fallback;
        std::string v = a.value();
        if (v != "true" && v != "false")
            fail(node, std::string(name) + " must be true or false, found \"" + v + "\"");
        return v == "true";
    }

    // <sources show="all|none" publisher="IMDi SSB" licence="true" link="true"/>
    SourceChoice sources(const pugi::xml_node& node) const {
        allow(node, {"show", "publisher", "licence", "link"});
        SourceChoice c;
        std::string show = node.attribute("show").as_string("all");
        if (show != "all" && show != "none")
            fail(node, "show must be all or none, found \"" + show + "\"");
        c.show = show == "all";
        std::string list = node.attribute("publisher").as_string();
        for (std::size_t at = 0; at < list.size();) {
            std::size_t end = list.find(' ', at);
            if (end == std::string::npos) end = list.size();
            if (end > at) c.publishers.push_back(list.substr(at, end - at));
            at = end + 1;
        }
        if (node.attribute("publisher") && c.publishers.empty())
            fail(node, "publisher needs at least one name");
        c.licence = boolean(node, "licence", false);
        c.link = boolean(node, "link", false);
        return c;
    }

    // <x><text lang="nb">..</text>...</x>, each text checked for known {fields}.
    LocalText text(const pugi::xml_node& node) const {
        LocalText t;
        t.line = line_of(node.offset_debug());
        for (pugi::xml_node child : node.children()) {
            if (child.type() != pugi::node_element) continue;
            if (std::strcmp(child.name(), "text") != 0)
                fail(child, std::string("unexpected <") + child.name() + "> in <" + node.name() +
                                ">; expected <text lang=\"..\">");
            allow(child, {"lang"});
            std::string lang = required(child, "lang");
            if (lang != "nb" && lang != "nn" && lang != "en")
                fail(child, "lang must be nb, nn or en, found \"" + lang + "\"");
            std::string value = child.text().as_string();
            check_fields(child, value);
            t.by_language[lang] = value;
        }
        if (t.empty())
            fail(node, std::string("<") + node.name() + "> needs at least one <text lang=\"nb\">");
        return t;
    }

    void check_fields(const pugi::xml_node& node, const std::string& value) const {
        const auto& known = template_fields();
        for (std::size_t open = value.find('{'); open != std::string::npos;
             open = value.find('{', open + 1)) {
            std::size_t close = value.find('}', open);
            if (close == std::string::npos) fail(node, "a { without its } in \"" + value + "\"");
            std::string field = value.substr(open + 1, close - open - 1);
            if (std::find(known.begin(), known.end(), field) == known.end()) {
                std::string list;
                for (const auto& k : known) list += (list.empty() ? "" : ", ") + k;
                fail(node, "unknown field {" + field + "}; known fields: " + list);
            }
        }
    }

    void read_blocks(const pugi::xml_node& blocks, ReportTemplate& t) const {
        for (pugi::xml_node node : blocks.children()) {
            if (node.type() != pugi::node_element) continue;
            auto kind = block_kinds().find(node.name());
            if (kind == block_kinds().end()) {
                std::string list;
                for (const auto& [k, v] : block_kinds()) list += (list.empty() ? "" : ", ") + k;
                fail(node,
                     std::string("unknown block <") + node.name() + ">; expected one of " + list);
            }
            TemplateBlock b;
            b.kind = kind->second;
            b.line = line_of(node.offset_debug());
            read_block(node, b);
            t.blocks.push_back(std::move(b));
        }
    }

    void read_block(const pugi::xml_node& node, TemplateBlock& b) const {
        using K = TemplateBlock::Kind;
        switch (b.kind) {
            case K::heading:
                allow(node, {"level"});
                b.level = integer(node, "level", 1, 1, 3);
                b.text = text(node);
                break;
            case K::paragraph:
                allow(node, {});
                b.text = text(node);
                break;
            case K::key_figures:
                allow(node, {});
                for (pugi::xml_node f : node.children("figure")) {
                    allow(f, {"field"});
                    std::string field = required(f, "field");
                    if (!figure_names().count(field)) fail(f, "unknown figure \"" + field + "\"");
                    b.fields.push_back(field);
                }
                if (b.fields.empty())
                    fail(node, "<key-figures> needs at least one <figure field=\"..\"/>");
                break;
            case K::settlement_chart:
            case K::municipalities_chart: {
                allow(node, {"kind", "field"});
                std::string chart = node.attribute("kind").as_string("bar");
                if (chart != "bar" && chart != "line")
                    fail(node, "kind must be bar or line, found \"" + chart + "\"");
                b.chart = chart == "bar" ? Chart::Kind::bar : Chart::Kind::line;
                b.field = node.attribute("field").as_string("settled");
                if (!figure_names().count(b.field))
                    fail(node, "unknown figure \"" + b.field + "\"");
                if (node.child("text")) b.text = text(node);  // optional chart title
                break;
            }
            case K::municipalities_table:
                allow(node, {"totals"});
                b.totals = boolean(node, "totals", false);
                if (node.child("text")) b.text = text(node);  // optional caption
                break;
            case K::outcomes_table:
                allow(node, {});
                for (pugi::xml_node target : node.children("target")) {
                    allow(target, {"indicator", "value"});
                    b.targets.emplace_back(required(target, "indicator"),
                                           target.attribute("value").as_double());
                }
                break;
            default:
                allow(node, {});
                break;
        }
    }

    fs::path file_;
    std::string text_;
    pugi::xml_document doc_;
    mutable std::vector<std::ptrdiff_t> line_starts_;
    mutable bool line_starts_loaded_ = false;
};

}  // namespace

const std::string& LocalText::get(const std::string& language) const {
    static const std::string none;
    for (const std::string& l : {language, std::string("nb"), std::string("nn"), std::string("en")})
        if (auto it = by_language.find(l); it != by_language.end()) return it->second;
    return none;
}

const std::vector<std::string>& template_fields() {
    static const std::vector<std::string> fields{"municipality",
                                                 "municipality-number",
                                                 "county",
                                                 "county-number",
                                                 "year",
                                                 "first-year",
                                                 "prize-year",
                                                 "requested",
                                                 "decided",
                                                 "settled",
                                                 "settled-share-of-requested",
                                                 "requested-total",
                                                 "decided-total",
                                                 "settled-total",
                                                 "nominees",
                                                 "winner",
                                                 "threshold"};
    return fields;
}

ReportTemplate read_template(const fs::path& file) { return Reader(file).read(); }

}  // namespace kdx::report
