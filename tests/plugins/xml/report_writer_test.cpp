// Reports as XML through the xml plugin: valid against kdx-report-1.xsd
// (checked with xmllint), every field of the Document read back in order with
// pugixml, suppression kept, text XML cannot hold cleaned, and output that
// does not vary between runs.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <cmath>
#include <cstdlib>
#include <limits>
#include <pugixml.hpp>

#include "kdx/error.hpp"
#include "report_test_support.hpp"

namespace {

using ::testing::HasSubstr;
using ::testing::StartsWith;
namespace rx = kdx::test::report_xml;
namespace fs = std::filesystem;
using kdx::Value;
using kdx::test::read_file;
using kdx::test::scratch_dir;

kdx::Diagnostics write(const kdx::Document& document, const fs::path& file) {
    kdx::Diagnostics diagnostics;
    rx::format()->write_document(document, file, {}, diagnostics);
    return diagnostics;
}

// Whitespace-only text is kept where it is the element's only content: a run
// of one space is text, the indentation between elements is not.
pugi::xml_document parse(const fs::path& file) {
    pugi::xml_document xml;
    pugi::xml_parse_result r =
        xml.load_file(file.c_str(), pugi::parse_default | pugi::parse_ws_pcdata_single);
    EXPECT_TRUE(r) << file << ": " << r.description();
    return xml;
}

Value value_of(pugi::xml_attribute a) {
    if (!a) return Value::missing();
    if (std::string(a.value()) == ":") return Value::suppressed();
    return Value(std::strtod(a.value(), nullptr));
}

std::string show(const Value& v) { return v.is_missing() ? "(missing)" : kdx::to_string(v); }

const char* unit_name(kdx::Unit u) { return kdx::to_string(u); }

const char* column_type(kdx::TableColumn::Type t) {
    using T = kdx::TableColumn::Type;
    switch (t) {
        case T::text:
            return "text";
        case T::count:
            return "count";
        case T::number:
            return "number";
        case T::percent:
            return "percent";
        case T::per_mille:
            return "per-mille";
        case T::year:
            return "year";
    }
    return "?";
}

// Walks the Document and the XML side by side and lists every difference.
class Comparison {
  public:
    std::vector<std::string> differences;

    void document(const kdx::Document& d, const pugi::xml_document& xml) {
        pugi::xml_node root = xml.child("report");
        same("root namespace", root.attribute("xmlns").value(), "urn:kdx:report:1");
        same("version", root.attribute("version").value(), "1");
        info(d.info, root.child("info"));
        pugi::xml_node block = first_element(root.child("blocks"));
        for (std::size_t i = 0; i < d.blocks.size(); ++i, block = next_element(block)) {
            where_ = "block " + std::to_string(i + 1);
            if (!block) {
                differences.push_back(where_ + ": missing from the XML");
                return;
            }
            std::visit([&](const auto& b) { this->block(b, block); }, d.blocks[i]);
        }
        if (block) differences.push_back(std::string("extra block <") + block.name() + ">");
        where_ = "report";
        texts("note", d.notes, root);
    }

  private:
    static pugi::xml_node first_element(pugi::xml_node n) {
        pugi::xml_node c = n.first_child();
        while (c && c.type() != pugi::node_element) c = c.next_sibling();
        return c;
    }
    static pugi::xml_node next_element(pugi::xml_node n) {
        pugi::xml_node c = n.next_sibling();
        while (c && c.type() != pugi::node_element) c = c.next_sibling();
        return c;
    }

    void same(const std::string& what, const std::string& actual, const std::string& expected) {
        if (actual != expected)
            differences.push_back(where_ + ", " + what + ": expected \"" + expected +
                                  "\", found \"" + actual + "\"");
    }
    void same(const std::string& what, const Value& actual, const Value& expected) {
        if (actual != expected)
            differences.push_back(where_ + ", " + what + ": expected " + show(expected) +
                                  ", found " + show(actual));
    }
    // Elements named `name` under `parent`, in order, against the list.
    void texts(const char* name, const std::vector<std::string>& expected, pugi::xml_node parent) {
        std::vector<std::string> actual;
        for (pugi::xml_node n : parent.children(name)) actual.push_back(n.text().get());
        if (actual != expected)
            differences.push_back(where_ + ": the <" + name + "> elements differ (" +
                                  std::to_string(actual.size()) + " for " +
                                  std::to_string(expected.size()) + ")");
    }
    void optional(const char* name, const std::string& expected, pugi::xml_node parent) {
        if (expected.empty() && parent.child(name))
            differences.push_back(where_ + ": empty " + name + " written");
        same(name, parent.child(name).text().get(), expected);
    }

    void info(const kdx::DocumentInfo& i, pugi::xml_node n) {
        where_ = "info";
        same("language", n.attribute("language").value(), i.language);
        same("template", n.attribute("template").value(), i.template_id);
        same("generator", n.attribute("generator").value(), i.generator);
        same("date", n.attribute("date").value(), i.date);
        if (!n.child("title")) differences.push_back("info: no title");
        same("title", n.child("title").text().get(), i.title);
        optional("subtitle", i.subtitle, n);
        optional("author", i.author, n);
        optional("subject", i.subject, n);
        texts("keyword", i.keywords, n);
        texts("source", i.sources, n);
    }

    bool named(pugi::xml_node n, const char* name) {
        if (std::string(n.name()) == name) return true;
        differences.push_back(where_ + ": expected <" + name + ">, found <" + n.name() + ">");
        return false;
    }

    void block(const kdx::Heading& h, pugi::xml_node n) {
        if (!named(n, "heading")) return;
        same("heading", n.text().get(), h.text);
        same("level", n.attribute("level").value(), std::to_string(h.level));
    }

    void block(const kdx::Paragraph& p, pugi::xml_node n) {
        if (!named(n, "paragraph")) return;
        std::vector<std::string> expected;
        for (const kdx::TextRun& r : p.runs) expected.push_back(r.text);
        texts("run", expected, n);
        std::size_t i = 0;
        for (pugi::xml_node run : n.children("run")) {
            if (i < p.runs.size())
                same("run " + std::to_string(i + 1) + " emphasis",
                     run.attribute("emphasis").as_bool() ? "true" : "false",
                     p.runs[i].emphasis ? "true" : "false");
            ++i;
        }
    }

    void block(const kdx::KeyFigures& k, pugi::xml_node n) {
        if (!named(n, "key-figures")) return;
        pugi::xml_node f = n.child("figure");
        for (std::size_t i = 0; i < k.figures.size(); ++i, f = f.next_sibling("figure")) {
            std::string part = "figure " + std::to_string(i + 1);
            const kdx::KeyFigure& e = k.figures[i];
            same(part + " label", f.child("label").text().get(), e.label);
            same(part + " text", f.child("text").text().get(), e.text);
            same(part + " unit", f.attribute("unit").value(), unit_name(e.unit));
            same(part + " value", value_of(f.attribute("value")), e.value);
            same(part + " change", value_of(f.attribute("change")), e.change);
        }
        if (f) differences.push_back(where_ + ": extra figure");
    }

    void block(const kdx::Table& t, pugi::xml_node n) {
        if (!named(n, "table")) return;
        same("caption", n.child("caption").text().get(), t.caption);
        std::vector<std::string> headers;
        for (const auto& c : t.columns) headers.push_back(c.header);
        texts("column", headers, n);
        std::size_t c = 0;
        for (pugi::xml_node column : n.children("column"))
            if (c < t.columns.size())
                same("column type", column.attribute("type").value(),
                     column_type(t.columns[c++].type));
        pugi::xml_node row = n.child("row");
        for (std::size_t r = 0; r < t.rows.size(); ++r, row = row.next_sibling("row")) {
            std::string part = "row " + std::to_string(r + 1);
            if (!row) {
                differences.push_back(where_ + ", " + part + ": missing");
                return;
            }
            bool total = t.last_row_is_total && r + 1 == t.rows.size();
            same(part + " total", row.attribute("total").as_bool() ? "true" : "false",
                 total ? "true" : "false");
            pugi::xml_node cell = row.child("cell");
            for (std::size_t i = 0; i < t.rows[r].size(); ++i, cell = cell.next_sibling("cell")) {
                std::string at = part + ", cell " + std::to_string(i + 1);
                same(at, cell.text().get(), t.rows[r][i].text);
                same(at + " value", value_of(cell.attribute("value")), t.rows[r][i].value);
            }
            if (cell) differences.push_back(where_ + ", " + part + ": extra cell");
        }
        if (row) differences.push_back(where_ + ": extra row");
        texts("note", t.notes, n);
    }

    void block(const kdx::Chart& c, pugi::xml_node n) {
        if (!named(n, "chart")) return;
        same("kind", n.attribute("kind").value(), c.kind == kdx::Chart::Kind::bar ? "bar" : "line");
        same("unit", n.attribute("unit").value(), unit_name(c.unit));
        same("title", n.child("title").text().get(), c.title);
        optional("x-title", c.x_title, n);
        optional("y-title", c.y_title, n);
        texts("category", c.categories, n);
        pugi::xml_node s = n.child("series");
        for (std::size_t i = 0; i < c.series.size(); ++i, s = s.next_sibling("series")) {
            std::string part = "series " + std::to_string(i + 1);
            same(part + " name", s.child("name").text().get(), c.series[i].name);
            std::vector<Value> points;
            for (pugi::xml_node p : s.children("point"))
                points.push_back(value_of(p.attribute("value")));
            std::vector<Value> expected = c.series[i].values;
            expected.resize(c.categories.size());
            if (points != expected) differences.push_back(where_ + ", " + part + ": points differ");
        }
        if (s) differences.push_back(where_ + ": extra series");
    }

    void block(const kdx::PageBreak&, pugi::xml_node n) {
        if (named(n, "page-break") && n.first_child())
            differences.push_back(where_ + ": page break with content");
    }

    std::string where_;
};

std::vector<std::string> differences(const kdx::Document& d, const fs::path& file) {
    Comparison c;
    c.document(d, parse(file));
    return c.differences;
}

std::string joined(const std::vector<std::string>& lines) {
    std::string s;
    for (const auto& l : lines) s += l + "\n";
    return s;
}

std::string messages(const kdx::Diagnostics& d) {
    std::string s;
    for (const auto& item : d.items()) s += item.to_string() + "\n";
    return s;
}

// A Document using every field, with figures and text that are easy to get
// wrong: no-break spaces, markup characters, exponents, gaps, a total row.
kdx::Document every_field() {
    kdx::Document d;
    d.info = {"Busetjing & integrering <Voss>",
              "Til kommunestyret",
              "nn",
              "Voss herad",
              "Busetjing 2024",
              {"busetjing", "\"kommunestyre\""},
              {"vestland-2024.xml", "IMDi, 2024"},
              "council-report",
              "kdx 9.9.9",
              "2024-02-29"};
    d.blocks.push_back(kdx::Heading{1, "Tal for 2024"});
    d.blocks.push_back(kdx::Paragraph{
        {{"  Voss busette ", false}, {"fleire", true}, {" ", false}, {"enn vedteke.  ", false}}});
    kdx::KeyFigures k;
    k.figures = {{"Oppmoding", Value(1234), kdx::Unit::persons, Value(-12), "1\u00a0234"},
                 {"Busett", Value::suppressed(), kdx::Unit::persons, Value::missing(), ":"},
                 {"Vedtak", Value::missing(), kdx::Unit::persons, Value::suppressed(), ".."},
                 {"Del", Value(0.1), kdx::Unit::percent, Value(1e20), "0,1\u00a0%"}};
    d.blocks.push_back(k);
    d.blocks.push_back(kdx::PageBreak{});
    kdx::Table t;
    t.caption = "Busetjing per år";
    t.columns = {{"År", kdx::TableColumn::Type::year},
                 {"Kommune", kdx::TableColumn::Type::text},
                 {"Busett", kdx::TableColumn::Type::count},
                 {"Del", kdx::TableColumn::Type::percent},
                 {"Promille", kdx::TableColumn::Type::per_mille},
                 {"Tal", kdx::TableColumn::Type::number}};
    t.rows = {{{"2023", Value(2023)},
               {"Voss", {}},
               {"9", Value(9)},
               {"90,0\u00a0%", Value(90)},
               {"0,7\u00a0‰", Value(0.7)},
               {"−3,25", Value(-3.25)}},
              {{"I alt", {}},
               {"", {}},
               {":", Value::suppressed()},
               {"..", {}},
               {"", {}},
               {"1e-7", Value(1e-7)}}};
    t.last_row_is_total = true;
    t.notes = {"Kjelde: IMDi.", "«:» betyr skjult."};
    d.blocks.push_back(t);
    kdx::Chart c;
    c.kind = kdx::Chart::Kind::line;
    c.title = "Busette per år";
    c.categories = {"2022", "2023", "2024"};
    c.series = {{"Oppmoding", {Value(12), Value(10), Value(6)}},
                {"Busett", {Value(14), Value::suppressed()}}};
    c.x_title = "År";
    c.y_title = "Personar";
    c.unit = kdx::Unit::persons;
    d.blocks.push_back(c);
    d.blocks.push_back(kdx::Heading{3, "Merknader"});
    d.notes = {"«:» betyr at talet er skjult.", "«..» betyr at talet manglar."};
    return d;
}

TEST(XmlReportFormat, DeclaresThatItWritesReports) {
    auto f = rx::format();
    ASSERT_TRUE(f);
    EXPECT_TRUE(f->info().can(kdx::can_write_document));
    EXPECT_TRUE(f->info().can(kdx::can_read_dataset));
    EXPECT_EQ(f->info().extensions, std::vector<std::string>{"xml"});
}

class ShippedTemplate : public ::testing::TestWithParam<std::string> {};

TEST_P(ShippedTemplate, IsValidAndGivesBackEveryBlockInOrder) {
    KDX_REQUIRE_XMLLINT();
    kdx::Document doc = rx::shipped_document(GetParam());
    ASSERT_FALSE(doc.blocks.empty());
    fs::path file = scratch_dir() / (GetParam() + ".xml");
    kdx::Diagnostics diagnostics = write(doc, file);
    EXPECT_TRUE(diagnostics.empty()) << messages(diagnostics);
    EXPECT_EQ(rx::schema_errors(file), "");
    EXPECT_EQ(joined(differences(doc, file)), "");
}

INSTANTIATE_TEST_SUITE_P(XmlReport, ShippedTemplate,
                         ::testing::Values("imdi-dossier", "council-report", "county-overview",
                                           "imdi-comparison"),
                         [](const auto& info) {
                             std::string name = info.param;
                             for (char& ch : name)
                                 if (ch == '-') ch = '_';
                             return name;
                         });

// IMDi's settlement counts are public administrative figures: a small one is
// published as it is, in the key figure, the table and the share beside it.
TEST(XmlReport, CouncilReportShowsSmallPublishedSettlementCounts) {
    kdx::Document doc = rx::shipped_document("council-report");
    ASSERT_EQ(doc.info.language, "nn");
    fs::path file = scratch_dir() / "voss.xml";
    write(doc, file);
    pugi::xml_document xml = parse(file);
    // Voss settled 3 of 6 requested in 2024.
    auto settled = xml.select_node("/report/blocks/key-figures/figure[label='Busett 2024']");
    ASSERT_TRUE(settled) << "no key figure labelled Busett 2024";
    EXPECT_STREQ(settled.node().attribute("value").value(), "3");
    EXPECT_STREQ(settled.node().child_value("text"), "3");
    auto row =
        xml.select_node("/report/blocks/table[starts-with(caption, 'Oppmoding')]/row[cell='2024']");
    ASSERT_TRUE(row) << "no 2024 row in the settlement table";
    std::vector<std::string> values;
    for (pugi::xml_node cell : row.node().children("cell"))
        values.push_back(cell.attribute("value").value());
    EXPECT_THAT(values, ::testing::ElementsAre("2024", "6", "5", "3", "50"));
}

TEST(XmlReport, WritesEveryFieldOfADocument) {
    KDX_REQUIRE_XMLLINT();
    kdx::Document doc = every_field();
    fs::path file = scratch_dir() / "every-field.xml";
    kdx::Diagnostics diagnostics = write(doc, file);
    EXPECT_TRUE(diagnostics.empty()) << messages(diagnostics);
    EXPECT_EQ(rx::schema_errors(file), "");
    EXPECT_EQ(joined(differences(doc, file)), "");
    std::string text = read_file(file);
    // Decimal notation, as xs:decimal has no exponent.
    EXPECT_THAT(text, HasSubstr("change=\"100000000000000000000\""));
    EXPECT_THAT(text, HasSubstr("value=\"0.0000001\""));
    // The second series has no value for 2024: a gap, not a shorter series.
    EXPECT_THAT(text, HasSubstr("<point value=\":\" />\n        <point />"));
}

TEST(XmlReport, OutputIsCanonical) {
    kdx::Document doc = every_field();
    fs::path dir = scratch_dir();
    write(doc, dir / "a.xml");
    write(rx::shipped_document("council-report"), dir / "b.xml");
    write(every_field(), dir / "c.xml");
    std::string a = read_file(dir / "a.xml");
    EXPECT_EQ(a, read_file(dir / "c.xml"));
    for (const std::string& text : {a, read_file(dir / "b.xml")}) {
        EXPECT_THAT(text, StartsWith("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                                     "<report xmlns=\"urn:kdx:report:1\" version=\"1\">\n"
                                     "  <info language=\"nn\" template=\"council-report\""));
        EXPECT_EQ(text.find('\r'), std::string::npos);
        EXPECT_EQ(text.find('\t'), std::string::npos);
        EXPECT_EQ(text.back(), '\n');
    }
}

TEST(XmlReport, ReplacesTextXmlCannotHoldAndSaysWhere) {
    KDX_REQUIRE_XMLLINT();
    kdx::Document doc;
    doc.info.title = "Bad\x01title";
    kdx::Table t;
    t.caption = "Tabell";
    t.columns = {{"Kommune", kdx::TableColumn::Type::text}, {"Tal", kdx::TableColumn::Type::count}};
    // Latin-1 "Ås", a cut-off "ø", U+FFFE, and Windows line breaks.
    t.rows = {{{"\xC5s", {}}, {"1\r\n2\r3\xC3", Value(12)}}};
    t.notes = {"ok\xEF\xBF\xBEok"};
    doc.blocks.push_back(kdx::Heading{1, "Fint"});
    doc.blocks.push_back(t);
    fs::path file = scratch_dir() / "cleaned.xml";
    kdx::Diagnostics diagnostics = write(doc, file);
    EXPECT_EQ(rx::schema_errors(file), "");

    const std::string r = "\xEF\xBF\xBD";
    kdx::Document expected = doc;
    expected.info.title = "Bad" + r + "title";
    auto& table = std::get<kdx::Table>(expected.blocks[1]);
    table.rows[0][0].text = r + "s";
    table.rows[0][1].text = "1\n2\n3" + r;
    table.notes = {"ok" + r + "ok"};
    EXPECT_EQ(joined(differences(expected, file)), "");

    std::vector<std::string> warnings;
    for (const auto& d : diagnostics.items()) {
        EXPECT_EQ(d.severity, kdx::Severity::warning);
        EXPECT_EQ(d.where.file, file.string());
        warnings.push_back(d.message);
    }
    EXPECT_THAT(
        warnings,
        ::testing::ElementsAre(
            "report info, title: replaced 1 character XML cannot hold (first U+0001) with U+FFFD",
            "report block 2 (table), row 1, cell 1: replaced 1 character XML cannot hold "
            "(first byte 0xC5) with U+FFFD",
            "report block 2 (table), row 1, cell 2: replaced 1 character XML cannot hold "
            "(first byte 0xC3) with U+FFFD",
            "report block 2 (table), note: replaced 1 character XML cannot hold (first "
            "U+FFFE) with U+FFFD"));
}

TEST(XmlReport, RefusesFiguresXmlCannotWriteAndLeavesTheOldFile) {
    fs::path file = scratch_dir() / "report.xml";
    kdx::test::write_file(file, "the earlier report");
    kdx::Document doc = every_field();
    auto& table = std::get<kdx::Table>(doc.blocks[4]);
    table.rows[1][5].value = Value(std::numeric_limits<double>::infinity());
    try {
        write(doc, file);
        FAIL() << "an infinite figure was written";
    } catch (const kdx::Error& e) {
        EXPECT_EQ(e.message(),
                  "cannot write the report as XML: block 5 (table), row 2, cell 6: "
                  "expected a finite number, found inf");
        EXPECT_EQ(e.where().file, file.string());
    }
    EXPECT_EQ(read_file(file), "the earlier report");

    doc = every_field();
    doc.info.date = "29.02.2024";
    try {
        write(doc, file);
        FAIL() << "a date that is not ISO was written";
    } catch (const kdx::Error& e) {
        EXPECT_EQ(e.message(),
                  "cannot write the report as XML: info, date: expected a date "
                  "YYYY-MM-DD, found \"29.02.2024\"");
    }
    EXPECT_EQ(read_file(file), "the earlier report");
    EXPECT_EQ(std::distance(fs::directory_iterator(file.parent_path()), fs::directory_iterator()),
              1);
}

}  // namespace
