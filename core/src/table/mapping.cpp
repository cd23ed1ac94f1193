#include "table/mapping.hpp"

#include <algorithm>
#include <cctype>
#include <pugixml.hpp>
#include <set>
#include <sstream>

#include "kdx/error.hpp"
#include "xml_limits.hpp"

namespace kdx::table_detail {

namespace {

constexpr const char* mapping_namespace = "urn:kdx:mapping:1";

// Turns pugixml's byte offsets into the lines people see in their editor.
class MappingReader {
  public:
    MappingReader(std::string file, std::string text)
        : file_(std::move(file)), text_(std::move(text)) {}

    Mapping read() {
        if (auto problem = xml_limits::check_text(text_, "mapping file"))
            fail(problem->offset, problem->message);
        pugi::xml_document doc;
        pugi::xml_parse_result parsed = doc.load_buffer(text_.data(), text_.size());
        if (!parsed)
            fail(parsed.offset, std::string("not well-formed XML: ") + parsed.description());
        if (auto problem = xml_limits::check_tree(doc)) fail(problem->offset, problem->message);
        pugi::xml_node root = doc.document_element();
        if (std::string(root.name()) != "mapping")
            fail(root, "expected the element <mapping>, found <" + std::string(root.name()) + ">");
        check_attributes(root, {"xmlns", "version"});
        if (std::string(root.attribute("xmlns").value()) != mapping_namespace)
            fail(root, "expected xmlns=\"" + std::string(mapping_namespace) + "\", found \"" +
                           root.attribute("xmlns").value() + "\"");
        if (std::string(root.attribute("version").value()) != "1")
            fail(root, "expected version=\"1\", found \"" +
                           std::string(root.attribute("version").value()) + "\"");

        Mapping m = default_mapping();
        m.file = file_;
        for (pugi::xml_node child : root.children()) {
            if (child.type() != pugi::node_element) continue;
            std::string name = child.name();
            if (name == "sheet") {
                check_attributes(child, {});
                m.sheet = child.child_value();
                if (m.sheet.empty()) fail(child, "expected a sheet name, found nothing");
            } else if (name == "header") {
                check_attributes(child, {"row"});
                m.header_row = integer(child, "row", 0, 1000000, true);
            } else if (name == "values") {
                read_values(child, m);
            } else if (name == "year") {
                check_attributes(child, {});
                m.year = integer_text(child, child.child_value(), 1900, 2100);
            } else if (name == "source") {
                check_attributes(child, {});
                m.source = child.child_value();
            } else if (name == "columns") {
                check_attributes(child, {});
                for (pugi::xml_node c : elements(child, "column")) m.columns.push_back(column(c));
            } else if (name == "indicators") {
                check_attributes(child, {});
                for (pugi::xml_node c : elements(child, "indicator"))
                    m.indicators.push_back(indicator(c));
            } else {
                fail(child,
                     "expected one of <sheet>, <header>, <values>, <year>, <source>, "
                     "<columns>, <indicators>, found <" +
                         name + ">");
            }
        }
        if (m.header_row == 0)
            for (const ColumnRule& c : m.columns)
                if (c.column == 0)
                    fail_at(c.line,
                            "<header row=\"0\"/> says there is no header row, so column \"" +
                                c.header + "\" must be given by letter");
        return m;
    }

  private:
    unsigned line_of(std::ptrdiff_t offset) const {
        auto end = text_.begin() + std::clamp<std::ptrdiff_t>(offset, 0, text_.size());
        return 1 + static_cast<unsigned>(std::count(text_.begin(), end, '\n'));
    }
    unsigned line_of(pugi::xml_node n) const { return line_of(n.offset_debug()); }

    [[noreturn]] void fail_at(unsigned line, const std::string& message) const {
        throw Error("mapping: " + message, Location::at(file_, line));
    }
    [[noreturn]] void fail(std::ptrdiff_t offset, const std::string& message) const {
        fail_at(line_of(offset), message);
    }
    [[noreturn]] void fail(pugi::xml_node n, const std::string& message) const {
        fail_at(line_of(n), message);
    }

    void check_attributes(pugi::xml_node n, std::set<std::string> allowed) const {
        for (pugi::xml_attribute a : n.attributes())
            if (!allowed.count(a.name())) {
                std::string list;
                for (const std::string& s : allowed) list += (list.empty() ? "" : ", ") + s;
                fail(n, "<" + std::string(n.name()) + "> takes " +
                            (list.empty() ? std::string("no attributes") : "only " + list) +
                            ", found " + a.name());
            }
    }

    std::vector<pugi::xml_node> elements(pugi::xml_node parent, const std::string& name) const {
        std::vector<pugi::xml_node> out;
        for (pugi::xml_node c : parent.children()) {
            if (c.type() != pugi::node_element) continue;
            if (name != c.name())
                fail(c, "expected <" + name + ">, found <" + std::string(c.name()) + ">");
            out.push_back(c);
        }
        return out;
    }

    int integer_text(pugi::xml_node n, const std::string& text, int low, int high) const {
        std::string t = text;
        bool digits = !t.empty() && std::all_of(t.begin(), t.end(), [](char c) {
            return std::isdigit(static_cast<unsigned char>(c));
        });
        if (!digits || t.size() > 9 || std::stoi(t) < low || std::stoi(t) > high)
            fail(n, "<" + std::string(n.name()) + ">: expected a whole number from " +
                        std::to_string(low) + " to " + std::to_string(high) + ", found \"" + t +
                        "\"");
        return std::stoi(t);
    }

    int integer(pugi::xml_node n, const char* attribute, int low, int high, bool required) const {
        pugi::xml_attribute a = n.attribute(attribute);
        if (!a) {
            if (required) fail(n, "<" + std::string(n.name()) + "> needs " + attribute + "=\"…\"");
            return 0;
        }
        return integer_text(n, a.value(), low, high);
    }

    bool boolean(pugi::xml_node n, const char* attribute) const {
        std::string v = n.attribute(attribute).value();
        if (v.empty() || v == "false" || v == "0") return false;
        if (v == "true" || v == "1") return true;
        fail(n, std::string(attribute) + ": expected true or false, found \"" + v + "\"");
    }

    Field field(pugi::xml_node n) const {
        std::string name = n.attribute("field").value();
        if (auto f = field_from_name(name)) return *f;
        fail(n,
             "expected field=\"…\" to name a field (municipality, municipality-number, "
             "municipality-name, county-number, county-name, population, year, requested, "
             "decided, settled, unaccompanied-minors, family-reunifications, outcome, "
             "indicator, unit, value, programme, cohort-size, source, business-region, "
             "district, ignore), found \"" +
                 name + "\"");
    }

    Unit unit(pugi::xml_node n) const {
        std::string text = n.attribute("unit").value();
        if (auto u = unit_from_string(text)) return *u;
        fail(n,
             "expected unit=\"…\" to be persons, percent, per-mille, nok, years or other, "
             "found \"" +
                 text + "\"");
    }

    // The catalogue's unit unless the mapping says otherwise.
    Unit outcome_unit(pugi::xml_node n, const std::string& indicator) const {
        if (n.attribute("unit")) return unit(n);
        for (const auto* list : {&builtin_indicators(), &imdi_extra_indicators()})
            for (const Indicator& i : *list)
                if (i.id == indicator) return i.unit;
        fail(n,
             "indicator \"" + indicator + "\" is not in kdx's catalogue, so it needs unit=\"…\"");
    }

    void read_values(pugi::xml_node n, Mapping& m) const {
        check_attributes(n, {"decimal", "symbols"});
        std::string decimal = n.attribute("decimal").value();
        if (decimal == "comma")
            m.decimal = DecimalMark::comma;
        else if (decimal == "point")
            m.decimal = DecimalMark::point;
        else if (!decimal.empty() && decimal != "auto")
            fail(n, "expected decimal=\"comma\", \"point\" or \"auto\", found \"" + decimal + "\"");
        if (pugi::xml_attribute a = n.attribute("symbols")) {
            m.symbols = symbols_named(a.value());
            if (!m.symbols)
                fail(n, std::string("expected symbols=\"ssb\", \"imdi\" or \"kdx\", found \"") +
                            a.value() + "\"");
        }
        std::vector<std::string> totals;
        for (pugi::xml_node c : n.children()) {
            if (c.type() != pugi::node_element) continue;
            std::string name = c.name();
            check_attributes(c, {});
            std::string text(trim(c.child_value()));
            auto add = [&](std::optional<std::vector<std::string>>& list) {
                if (!list) list.emplace();
                list->push_back(text);
            };
            if (name == "missing")
                add(m.missing);
            else if (name == "suppressed")
                add(m.suppressed);
            else if (name == "zero")
                add(m.zero);
            else if (name == "total")
                totals.push_back(normalise_header(text));
            else
                fail(c,
                     "expected <missing>, <suppressed>, <zero> or <total>, found <" + name + ">");
        }
        if (!totals.empty()) m.total_words = totals;
    }

    ColumnRule column(pugi::xml_node n) const {
        check_attributes(n, {"header", "letter", "field", "indicator", "unit", "additive", "year"});
        ColumnRule c;
        c.line = line_of(n);
        pugi::xml_attribute header = n.attribute("header"), letter = n.attribute("letter");
        if (bool(header) == bool(letter))
            fail(n, "<column> needs either header=\"…\" or letter=\"…\"");
        if (header) {
            c.header = header.value();
            if (normalise_header(c.header).empty()) fail(n, "header=\"\" names no column");
        } else {
            std::string l = letter.value();
            if (l.empty() || l.size() > 3 || !std::all_of(l.begin(), l.end(), [](char ch) {
                    return std::isalpha(static_cast<unsigned char>(ch));
                }))
                fail(n, "expected letter=\"…\" to be a column letter such as C or AB, found \"" +
                            l + "\"");
            for (char ch : l)
                c.column = c.column * 26 + static_cast<unsigned>(std::toupper(ch) - 'A' + 1);
        }
        c.field = field(n);
        c.year = integer(n, "year", 1900, 2100, false);
        c.additive = boolean(n, "additive");
        if (c.field == Field::outcome) {
            c.indicator = n.attribute("indicator").value();
            if (c.indicator.empty()) fail(n, "an outcome column needs indicator=\"…\"");
            c.unit = outcome_unit(n, c.indicator);
        } else if (n.attribute("indicator") || n.attribute("unit") || n.attribute("additive")) {
            fail(n, "indicator, unit and additive belong to field=\"outcome\" columns only");
        }
        return c;
    }

    IndicatorRule indicator(pugi::xml_node n) const {
        check_attributes(n, {"code", "field", "indicator", "unit"});
        IndicatorRule r;
        r.code = n.attribute("code").value();
        if (r.code.empty()) fail(n, "<indicator> needs code=\"…\"");
        r.field = field(n);
        if (r.field == Field::outcome) {
            r.indicator = n.attribute("indicator").value();
            if (r.indicator.empty()) fail(n, "an outcome indicator needs indicator=\"…\"");
            r.unit = outcome_unit(n, r.indicator);
        } else if (is_settlement_field(r.field)) {
            if (n.attribute("indicator")) fail(n, "indicator=\"…\" belongs to field=\"outcome\"");
            if (n.attribute("unit")) r.unit = unit(n);
        } else if (r.field != Field::ignore) {
            fail(n,
                 "expected field=\"…\" to be a settlement count (requested, decided, settled, "
                 "unaccompanied-minors, family-reunifications), outcome or ignore, found \"" +
                     std::string(field_name(r.field)) + "\"");
        }
        return r;
    }

    std::string file_;
    std::string text_;
};

}  // namespace

Symbols source_symbols(const std::string& option, const Mapping& mapping,
                       std::optional<Symbols> publisher) {
    if (!option.empty()) {
        if (auto named = symbols_named(option)) return *named;
        throw Error("option symbols: expected ssb, imdi or kdx, found \"" + option + "\"");
    }
    if (mapping.symbols) return *mapping.symbols;
    return publisher.value_or(Symbols::kdx);
}

ValueRules value_rules(const Mapping& mapping, Symbols symbols) {
    ValueRules r = symbol_rules(symbols);
    r.decimal = mapping.decimal;
    auto drop = [](std::vector<std::string>& from, const std::vector<std::string>& markers) {
        from.erase(std::remove_if(from.begin(), from.end(),
                                  [&](const std::string& s) { return is_marker(s, markers); }),
                   from.end());
    };
    std::vector<std::string>* lists[] = {&r.missing, &r.suppressed, &r.zero};
    const std::optional<std::vector<std::string>>* given[] = {&mapping.missing, &mapping.suppressed,
                                                              &mapping.zero};
    for (int i = 0; i < 3; ++i) {
        if (!*given[i]) continue;
        for (int j = 0; j < 3; ++j)
            if (j != i) drop(*lists[j], **given[i]);
        lists[i]->insert(lists[i]->end(), (*given[i])->begin(), (*given[i])->end());
    }
    return r;
}

Mapping default_mapping() {
    Mapping m;
    m.total_words = default_total_words();
    return m;
}

Mapping load_mapping(const std::string& path) {
    std::string text;
    if (!xml_limits::read_file(path, text))
        throw Error("cannot read the mapping file", Location::at(path));
    return MappingReader(path, std::move(text)).read();
}

}  // namespace kdx::table_detail
