#include "xml_writer.hpp"

#include <fstream>
#include <pugixml.hpp>

#include "kdx/atomic_file.hpp"
#include "kdx/error.hpp"
#include "xml_text.hpp"

namespace kdx::xml {

namespace {

using Node = pugi::xml_node;

class Writer {
  public:
    Writer(const Dataset& d, std::ostream& out) : d_(d), out_(out) {}

    // True when a carriage return had to become a line feed.
    bool wrote_carriage_returns() const noexcept { return carriage_returns_; }

    void write() {
        out_ << "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
             << "<dataset xmlns=\"" << data_namespace << "\" version=\"" << format_version
             << "\">\n";
        info();
        section("indicators", d_.indicators, &Writer::indicator);
        section("municipalities", d_.municipalities, &Writer::municipality);
        section("settlement", d_.settlement, &Writer::figures);
        section("programmes", d_.programmes, &Writer::programme);
        section("outcomes", d_.outcomes, &Writer::outcome);
        section("nominations", d_.nominations, &Writer::nomination);
        out_ << "</dataset>\n";
    }

  private:
    // Catalogue entries carry no origin.
    static Origin origin_of(const Indicator&) { return {}; }
    template <typename Record>
    static Origin origin_of(const Record& r) {
        return r.origin;
    }

    // Each record is built in a scratch document and printed at its depth,
    // so memory stays flat however large the dataset.
    template <typename Record>
    void section(const char* name, const std::vector<Record>& records,
                 void (Writer::*build)(Node, const Record&)) {
        if (records.empty()) return;
        out_ << "  <" << name << ">\n";
        for (const Record& r : records) {
            scratch_.reset();
            origin_ = origin_of(r);
            (this->*build)(scratch_.append_child(""), r);
            scratch_.first_child().print(out_, "  ", pugi::format_indent, pugi::encoding_utf8, 2);
        }
        out_ << "  </" << name << ">\n";
    }

    void info() {
        const DatasetInfo& i = d_.info;
        if (i.title.empty() && i.description.empty() && i.language.empty() &&
            i.provenance.empty() && i.publisher.empty() && i.data_sources.empty())
            return;
        scratch_.reset();
        origin_ = {};
        what_ = "info";
        Node n = scratch_.append_child("info");
        if (!i.language.empty()) {
            if (i.language != "nb" && i.language != "nn" && i.language != "en")
                fail("expected the dataset language nb, nn or en, found \"" + i.language + "\"");
            n.append_attribute("language").set_value(i.language.c_str());
        }
        element(n, "title", i.title, false);
        element(n, "description", i.description, false);
        element(n, "publisher", i.publisher, false);
        for (const std::string& line : i.provenance) element(n, "provenance", line, true);
        for (const DataSource& s : i.data_sources) {
            Node c = n.append_child("data-source");
            attribute(c, "publisher", s.publisher);
            optional(c, "title-nb", s.title_nb);
            optional(c, "title-nn", s.title_nn);
            optional(c, "title-en", s.title_en);
            optional(c, "as-of", s.as_of);
            optional(c, "licence", s.licence);
            optional(c, "link", s.link);
        }
        n.print(out_, "  ", pugi::format_indent, pugi::encoding_utf8, 1);
    }

    void indicator(Node n, const Indicator& i) {
        n.set_name("indicator");
        what_ = "indicator \"" + i.id + "\"";
        identifier(n, "id", i.id);
        attribute(n, "unit", to_string(i.unit));
        attribute(n, "additive", i.additive ? "true" : "false");
        if (i.person_statistic) attribute(n, "person-statistic", "true");
        optional(n, "label-nb", i.label_nb);
        optional(n, "label-nn", i.label_nn);
        optional(n, "label-en", i.label_en);
    }

    void municipality(Node n, const Municipality& m) {
        n.set_name("municipality");
        what_ = "municipality \"" + m.number + "\"";
        number(n, "number", m.number);
        attribute(n, "name", m.name);
        if (!m.county_number.empty()) {
            if (!is_digits(m.county_number, 2))
                fail("expected a two-digit county number, found \"" + m.county_number + "\"");
            attribute(n, "county-number", m.county_number);
        }
        optional(n, "county-name", m.county_name);
        optional(n, "imdi-region", m.imdi_region);
        optional(n, "language", to_string(m.language));
        if (m.population) attribute(n, "population", std::to_string(*m.population));
        if (m.valid_from != 0) year(n, "valid-from", m.valid_from);
        if (m.valid_to != 0) year(n, "valid-to", m.valid_to);
        for (const std::string& name : m.other_names) element(n, "other-name", name, true);
    }

    void figures(Node n, const SettlementFigures& s) {
        n.set_name("figures");
        what_ = "settlement figures " + s.municipality + " " + std::to_string(s.year);
        number(n, "municipality", s.municipality);
        year(n, "year", s.year);
        value(n, "requested", s.requested);
        value(n, "decided", s.decided);
        value(n, "settled", s.settled);
        value(n, "unaccompanied-minors", s.unaccompanied_minors);
        value(n, "family-reunifications", s.family_reunifications);
    }

    void programme(Node n, const Programme& p) {
        n.set_name("programme");
        what_ = "programme \"" + p.id + "\"";
        identifier(n, "id", p.id);
        number(n, "municipality", p.municipality);
        attribute(n, "kind", to_string(p.kind));
        optional(n, "name", p.name);
        if (!p.years.empty()) {
            std::string years;
            for (int y : p.years) years += (years.empty() ? "" : " ") + year_text(y);
            attribute(n, "years", years);
        }
        element(n, "description", p.description, false);
        for (const std::string& partner : p.partners) element(n, "partner", partner, true);
    }

    void outcome(Node n, const Outcome& o) {
        n.set_name("outcome");
        what_ = "outcome " + o.indicator + " " + o.municipality + " " + std::to_string(o.year);
        number(n, "municipality", o.municipality);
        if (!o.programme.empty()) attribute(n, "programme", o.programme);
        identifier(n, "indicator", o.indicator);
        year(n, "year", o.year);
        value(n, "value", o.value);
        attribute(n, "unit", to_string(o.unit));
        value(n, "cohort-size", o.cohort_size);
        optional(n, "source", o.source);
    }

    void nomination(Node n, const Nomination& m) {
        n.set_name("nomination");
        what_ = "nomination " + m.municipality + " " + std::to_string(m.year);
        identifier(n, "prize", m.prize);
        year(n, "year", m.year);
        number(n, "municipality", m.municipality);
        attribute(n, "status", to_string(m.status));
        if (!m.last_updated.empty()) {
            if (!is_date(m.last_updated) || trim(m.last_updated) != m.last_updated)
                fail("expected last updated as a date YYYY-MM-DD, found \"" + m.last_updated +
                     "\"");
            attribute(n, "last-updated", m.last_updated);
        }
        value(n, "votes", m.votes);
        element(n, "summary", m.summary, false);
        for (const Section& s : m.sections) {
            Node section = element(n, "section", s.text, true);
            if (!s.heading.empty())
                section.prepend_attribute("heading").set_value(
                    checked(s.heading, "heading").c_str());
        }
    }

    [[noreturn]] void fail(const std::string& message) const {
        throw Error("cannot write " + what_ + " as XML: " + message, d_.location_of(origin_));
    }

    const std::string& checked(const std::string& text, const char* name) const {
        std::size_t bad = invalid_character_at(text);
        if (bad != std::string::npos)
            fail(std::string("expected text XML can hold in ") + name + ", found " +
                 describe_character_at(text, bad));
        return text;
    }

    void attribute(Node n, const char* name, const std::string& text) {
        n.append_attribute(name).set_value(checked(text, name).c_str());
    }
    void optional(Node n, const char* name, const std::string& text) {
        if (!text.empty()) attribute(n, name, text);
    }
    void identifier(Node n, const char* name, const std::string& text) {
        if (text.empty()) fail(std::string("expected a non-empty ") + name + ", found \"\"");
        attribute(n, name, text);
    }
    void number(Node n, const char* name, const std::string& text) {
        if (!is_digits(text, 4))
            fail("expected a four-digit municipality number, found \"" + text + "\"");
        attribute(n, name, text);
    }
    std::string year_text(int y) const {
        if (y < 1000 || y > 9999) fail("expected a four-digit year, found " + std::to_string(y));
        return std::to_string(y);
    }
    void year(Node n, const char* name, int y) { attribute(n, name, year_text(y)); }
    void value(Node n, const char* name, const Value& v) {
        std::optional<std::string> text = format_value(v);
        if (!text)
            fail(std::string("expected a finite number in ") + name + ", found " + to_string(v));
        if (!text->empty()) attribute(n, name, *text);
    }

    // A child element with text; empty text is left out unless `always`.
    // XML turns a carriage return in text into a line feed when read, so
    // it is written as one.
    Node element(Node parent, const char* name, const std::string& text, bool always) {
        if (text.empty() && !always) return {};
        std::string lf = checked(text, name);
        for (std::size_t i = lf.find('\r'); i != std::string::npos; i = lf.find('\r', i)) {
            carriage_returns_ = true;
            if (i + 1 < lf.size() && lf[i + 1] == '\n')
                lf.erase(i, 1);
            else
                lf[i] = '\n';
        }
        Node child = parent.append_child(name);
        if (!lf.empty()) child.text().set(lf.c_str());
        return child;
    }

    const Dataset& d_;
    std::ostream& out_;
    pugi::xml_document scratch_;
    Origin origin_;
    std::string what_;
    bool carriage_returns_ = false;
};

}  // namespace

void write_xml(const Dataset& dataset, const std::filesystem::path& output,
               Diagnostics& diagnostics) {
    bool carriage_returns = false;
    write_atomically(output, [&](const std::filesystem::path& temp) {
        std::ofstream out(temp, std::ios::binary | std::ios::trunc);
        Writer writer(dataset, out);
        writer.write();
        out.close();
        if (!out) throw Error("cannot write the file", Location::at(output.string()));
        carriage_returns = writer.wrote_carriage_returns();
    });
    if (carriage_returns)
        diagnostics.info(
            "line breaks in text were written as LF: XML reads a carriage return "
            "in text as a line feed",
            Location::at(output.string()));
}

}  // namespace kdx::xml
