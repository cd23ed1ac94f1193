#include "xml_reader.hpp"

#include <charconv>
#include <cstring>
#include <limits>
#include <optional>
#include <string>

#include "kdx/error.hpp"
#include "kdx/options.hpp"
#include "xml_element.hpp"
#include "xml_input.hpp"
#include "xml_text.hpp"

namespace kdx::xml {

namespace {

using Node = pugi::xml_node;

class Reader {
  public:
    Reader(const XmlInput& input, Dataset& d)
        : in_(input), d_(d), source_(d.add_source(input.file_name())) {}

    void read() {
        Node root = in_.root();
        std::string xmlns = root.attribute("xmlns").value();
        if (std::strcmp(root.name(), "dataset") != 0)
            in_.fail(root, std::string("expected the root element <dataset xmlns=\"") +
                               data_namespace + "\">, found <" + root.name() + ">");
        if (xmlns != data_namespace) {
            if (std::optional<int> major = newer_major(xmlns, "urn:kdx:data:"))
                refuse_newer(root, *major);
            in_.fail(root, std::string("expected <dataset> in the namespace ") + data_namespace +
                               (root.attribute("xmlns") ? ", found \"" + xmlns + "\""
                                                        : ", found no namespace"));
        }
        for (pugi::xml_attribute a : root.attributes()) {
            std::string name = a.name();
            bool declaration = name == "xmlns" || name.rfind("xmlns:", 0) == 0;
            if (!declaration && name != "version" && name != "xsi:schemaLocation")
                in_.fail(a, root,
                         "unexpected attribute " + name +
                             " on <dataset>; expected only xmlns and version");
        }
        ElementReader e(in_, root);
        std::string version = e.required("version");
        if (version != format_version) {
            if (std::optional<int> major = newer_major(version, "")) refuse_newer(root, *major);
            e.fail("version", std::string("expected version=\"") + format_version +
                                  "\" of the exchange format, found \"" + version + "\"");
        }
        e.children({{"info"},
                    {"indicators"},
                    {"municipalities"},
                    {"settlement"},
                    {"programmes"},
                    {"outcomes"},
                    {"nominations"}},
                   [&](const char* name, Node n) { section(name, n); });
    }

  private:
    // The major version N of "<prefix>N" or "<prefix>N.M" when N is newer
    // than the version this reader knows.
    static std::optional<int> newer_major(const std::string& text, const std::string& prefix) {
        if (text.compare(0, prefix.size(), prefix) != 0) return std::nullopt;
        std::string rest = text.substr(prefix.size());
        std::string major = rest.substr(0, rest.find('.'));
        if (major.empty() || major.size() > 4 ||
            major.find_first_not_of("0123456789") != std::string::npos)
            return std::nullopt;
        int n = std::stoi(major);
        if (n <= std::stoi(format_version)) return std::nullopt;
        return n;
    }

    [[noreturn]] void refuse_newer(Node root, int major) const {
        in_.fail(root, "the file is in version " + std::to_string(major) +
                           " of the exchange format, newer than this kdx reads (version " +
                           format_version + ", namespace " + data_namespace +
                           "); read it with a newer kdx, or have it written as version " +
                           format_version);
    }

    Origin origin(const ElementReader& e) const { return {source_, e.line(), 0}; }

    void section(const std::string& name, Node node) {
        ElementReader e(in_, node);
        if (name == "info") return info(e);
        e.allow({});
        if (name == "indicators")
            e.children({{"indicator", true}}, [&](const char*, Node n) { indicator(n); });
        else if (name == "municipalities")
            e.children({{"municipality", true}}, [&](const char*, Node n) { municipality(n); });
        else if (name == "settlement")
            e.children({{"figures", true}}, [&](const char*, Node n) { figures(n); });
        else if (name == "programmes")
            e.children({{"programme", true}}, [&](const char*, Node n) { programme(n); });
        else if (name == "outcomes")
            e.children({{"outcome", true}}, [&](const char*, Node n) { outcome(n); });
        else if (name == "nominations")
            e.children({{"nomination", true}}, [&](const char*, Node n) { nomination(n); });
    }

    void info(const ElementReader& e) {
        e.allow({"language"});
        d_.info.language = e.choice("language", {"nb", "nn", "en"}, "");
        e.children({{"title"},
                    {"description"},
                    {"publisher"},
                    {"provenance", true},
                    {"data-source", true}},
                   [&](const std::string& name, Node n) {
                       ElementReader child(in_, n);
                       if (name == "data-source") return data_source(child);
                       child.allow({});
                       if (name == "title")
                           d_.info.title = child.text();
                       else if (name == "description")
                           d_.info.description = child.text();
                       else if (name == "publisher")
                           d_.info.publisher = child.text();
                       else
                           d_.info.provenance.push_back(child.text());
                   });
    }

    void data_source(const ElementReader& e) {
        e.allow({"publisher", "title-nb", "title-nn", "title-en", "as-of", "licence", "link"});
        e.children({}, nullptr);
        DataSource s;
        s.publisher = e.required("publisher");
        s.title_nb = e.optional("title-nb").value_or("");
        s.title_nn = e.optional("title-nn").value_or("");
        s.title_en = e.optional("title-en").value_or("");
        s.as_of = e.optional("as-of").value_or("");
        s.licence = e.optional("licence").value_or("");
        s.link = e.optional("link").value_or("");
        d_.info.data_sources.push_back(std::move(s));
    }

    void indicator(Node node) {
        ElementReader e(in_, node);
        e.allow({"id", "unit", "additive", "person-statistic", "label-nb", "label-nn", "label-en"});
        e.children({}, nullptr);
        Indicator i;
        i.id = e.identifier("id");
        i.unit = unit(e);
        i.additive = e.boolean("additive", false);
        i.person_statistic = e.boolean("person-statistic", false);
        i.label_nb = e.optional("label-nb").value_or("");
        i.label_nn = e.optional("label-nn").value_or("");
        i.label_en = e.optional("label-en").value_or("");
        d_.indicators.push_back(std::move(i));
    }

    void municipality(Node node) {
        ElementReader e(in_, node);
        e.allow({"number", "name", "county-number", "county-name", "imdi-region", "language",
                 "population", "valid-from", "valid-to"});
        Municipality m;
        m.number = e.municipality("number");
        m.name = e.required("name");
        m.county_number = e.county("county-number");
        m.county_name = e.optional("county-name").value_or("");
        m.imdi_region = e.optional("imdi-region").value_or("");
        std::string language = e.choice("language", {"nb", "nn", "neutral"}, "");
        m.language = language_form_from_string(language).value_or(LanguageForm::unspecified);
        m.population = e.integer("population");
        m.valid_from = e.year_or("valid-from", 0);
        m.valid_to = e.year_or("valid-to", 0);
        m.origin = origin(e);
        e.children({{"other-name", true}}, [&](const char*, Node n) {
            ElementReader child(in_, n);
            child.allow({});
            m.other_names.push_back(child.text());
        });
        d_.municipalities.push_back(std::move(m));
    }

    void figures(Node node) {
        ElementReader e(in_, node);
        e.allow({"municipality", "year", "requested", "decided", "settled", "unaccompanied-minors",
                 "family-reunifications"});
        e.children({}, nullptr);
        SettlementFigures s;
        s.municipality = e.municipality("municipality");
        s.year = e.year("year");
        s.requested = e.value("requested");
        s.decided = e.value("decided");
        s.settled = e.value("settled");
        s.unaccompanied_minors = e.value("unaccompanied-minors");
        s.family_reunifications = e.value("family-reunifications");
        s.origin = origin(e);
        d_.settlement.push_back(std::move(s));
    }

    void programme(Node node) {
        ElementReader e(in_, node);
        e.allow({"id", "municipality", "kind", "name", "years"});
        Programme p;
        p.id = e.identifier("id");
        p.municipality = e.municipality("municipality");
        p.kind = *programme_kind_from_string(
            e.choice("kind", {"introduction-programme", "norwegian-training", "vocational-course",
                              "integration-reception-centre", "parent-guidance", "other"}));
        p.name = e.optional("name").value_or("");
        p.years = e.years("years");
        p.origin = origin(e);
        e.children({{"description"}, {"partner", true}}, [&](const std::string& name, Node n) {
            ElementReader child(in_, n);
            child.allow({});
            if (name == "description")
                p.description = child.text();
            else
                p.partners.push_back(child.text());
        });
        d_.programmes.push_back(std::move(p));
    }

    void outcome(Node node) {
        ElementReader e(in_, node);
        e.allow({"municipality", "programme", "indicator", "year", "value", "unit", "cohort-size",
                 "source"});
        e.children({}, nullptr);
        Outcome o;
        o.municipality = e.municipality("municipality");
        if (e.optional("programme")) o.programme = e.identifier("programme");
        o.indicator = e.identifier("indicator");
        o.year = e.year("year");
        o.value = e.value("value");
        o.unit = unit(e);
        o.cohort_size = e.value("cohort-size");
        o.source = e.optional("source").value_or("");
        o.origin = origin(e);
        d_.outcomes.push_back(std::move(o));
    }

    void nomination(Node node) {
        ElementReader e(in_, node);
        e.allow({"prize", "year", "municipality", "status", "last-updated", "votes"});
        Nomination n;
        n.prize = e.identifier("prize");
        n.year = e.year("year");
        n.municipality = e.municipality("municipality");
        n.status =
            *nomination_status_from_string(e.choice("status", {"nominated", "finalist", "winner"}));
        n.last_updated = e.date("last-updated");
        n.votes = e.value("votes");
        n.origin = origin(e);
        e.children({{"summary"}, {"section", true}}, [&](const std::string& name, Node c) {
            ElementReader child(in_, c);
            if (name == "summary") {
                child.allow({});
                n.summary = child.text();
            } else {
                child.allow({"heading"});
                n.sections.push_back({child.optional("heading").value_or(""), child.text()});
            }
        });
        d_.nominations.push_back(std::move(n));
    }

    static Unit unit(const ElementReader& e) {
        return *unit_from_string(
            e.choice("unit", {"persons", "percent", "per-mille", "nok", "years", "other"}));
    }

    const XmlInput& in_;
    Dataset& d_;
    std::uint32_t source_;
};

}  // namespace

std::vector<OptionInfo> read_option_infos() {
    return {{"max-file-size",
             OptionInfo::Type::integer,
             std::to_string(default_max_file_size),
             {},
             "Largest exchange file in bytes that is read (it is parsed whole)"}};
}

Dataset read_xml(const std::filesystem::path& input, const Options& options, Diagnostics&) {
    const auto max_file_size = static_cast<std::uint64_t>(
        OptionReader(read_option_infos(), options)
            .integer("max-file-size", 1, std::numeric_limits<long long>::max()));
    XmlInput parsed(input, max_file_size);
    Dataset d;
    Reader(parsed, d).read();
    return d;
}

}  // namespace kdx::xml
