// Tagged PDF (PDF/UA-1): the structure tree and the marked content as readers
// we did not write see them. poppler's `pdfinfo -struct-text` gives the text
// of each element in reading order; qpdf checks the file; PDFBox walks the
// tree (StructureCheck.java) and reports Lang, DisplayDocTitle, MarkInfo,
// each Figure's Alt, Tables without TH, and marked content that belongs to no
// element; pdf.js (tests/browser/pdf_struct_tree.mjs, what Firefox gives
// screen readers) must see the same elements with the same text as poppler.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <sstream>

#include "kdx/chart_text.hpp"
#include "pdf_test_support.hpp"

namespace {

using ::testing::HasSubstr;
using ::testing::Not;
namespace pdf = kdx::test::pdf;
using kdx::test::run;
using kdx::test::sh_quote;

std::string struct_text(const kdx::test::fs::path& file) {
    auto r = run("pdfinfo -struct-text " + sh_quote(file.string()));
    EXPECT_EQ(r.exit_code, 0) << r.err;
    return r.out;
}

// What poppler prints for an element of `type` holding `text`, squeezed.
std::string tagged(const std::string& type, const std::string& text) {
    return type + " \"" + text + "\"";
}

// The tags poppler shows for a table's cells include the scope attribute.
std::string header_cell(const std::string& text, const std::string& scope) {
    return "TH: /Scope /" + scope + " \"" + text + "\"";
}

// Headings, table captions and column headers of `doc`, in document order,
// as pdfinfo -struct-text shows them when they are tagged as they should be.
std::vector<std::string> expected_tags(const kdx::Document& doc) {
    std::vector<std::string> tags{tagged("H1 (block)", doc.info.title)};
    for (const kdx::Block& block : doc.blocks) {
        if (auto h = std::get_if<kdx::Heading>(&block))
            tags.push_back(tagged("H" + std::to_string(h->level) + " (block)", h->text));
        if (auto t = std::get_if<kdx::Table>(&block)) {
            if (!t->caption.empty()) tags.push_back(tagged("Caption", t->caption));
            for (const kdx::TableColumn& c : t->columns)
                tags.push_back(header_cell(c.header, "Column"));
        }
        if (std::get_if<kdx::Chart>(&block)) tags.push_back("Figure:");
    }
    return tags;
}

std::string structure_check_command() {
    std::string classpath;
    for (const char* jar : {"pdfbox2", "fontbox2", "commons-logging"}) {
        std::string path = std::string("/usr/share/java/") + jar + ".jar";
        if (!kdx::test::fs::exists(path)) return "";
        classpath += (classpath.empty() ? "" : ":") + path;
    }
    if (!kdx::test::have_program("java")) return "";
    return "java -cp " + classpath + " " +
           sh_quote((kdx::test::source_dir() / "tests/plugins/pdf/StructureCheck.java").string());
}

class TaggedPdf : public ::testing::TestWithParam<std::pair<const char*, const char*>> {};

TEST_P(TaggedPdf, PopplerReadsHeadingsTablesAndFiguresInOrder) {
    KDX_REQUIRE_POPPLER();
    const auto [id, language] = GetParam();
    auto file = kdx::test::scratch_dir() / (std::string(id) + ".pdf");
    kdx::Document doc = pdf::shipped_document(id, language);
    pdf::write(doc, file);
    auto info = run("pdfinfo " + sh_quote(file.string()));
    EXPECT_THAT(info.out, HasSubstr("Tagged:          yes"));
    std::string text = struct_text(file);
    EXPECT_EQ(text.rfind("Document\n", 0), 0u) << text.substr(0, 200);
    EXPECT_EQ(pdf::first_out_of_order(text, expected_tags(doc)), "") << text;
    // The running header and footer are artifacts: no page number in the tree.
    EXPECT_THAT(pdf::squeeze(text), Not(HasSubstr(" av 2\"")));
    EXPECT_THAT(pdf::squeeze(text), Not(HasSubstr(" of 2\"")));
    if (kdx::test::have_program("qpdf")) {
        auto check = run("qpdf --check " + sh_quote(file.string()));
        EXPECT_EQ(check.exit_code, 0) << check.out << check.err;
    }
}

TEST_P(TaggedPdf, PdfboxFindsEveryMarkedContentInTheTreeAndAltOnEveryFigure) {
    std::string check = structure_check_command();
    if (check.empty()) GTEST_SKIP() << "PDFBox (libpdfbox2-java) or java is missing";
    const auto [id, language] = GetParam();
    auto file = kdx::test::scratch_dir() / (std::string(id) + ".pdf");
    kdx::Document doc = pdf::shipped_document(id, language);
    pdf::write(doc, file);
    auto r = run(check + " " + sh_quote(file.string()));
    EXPECT_EQ(r.exit_code, 0) << r.out << r.err;
    EXPECT_THAT(r.out, HasSubstr("problems: 0"));
    EXPECT_THAT(r.out, HasSubstr("Marked: true"));
    EXPECT_THAT(r.out, HasSubstr("DisplayDocTitle: true"));
    const std::string lang = std::string(language).empty() ? doc.info.language : language;
    EXPECT_THAT(r.out, HasSubstr("Lang: " + lang + (lang == "en" ? "-GB" : "-NO")));
    std::size_t charts = 0;
    for (const kdx::Block& block : doc.blocks)
        if (auto c = std::get_if<kdx::Chart>(&block)) {
            ++charts;
            // The alternative text gives the chart's title and its figures.
            EXPECT_THAT(r.out, HasSubstr("Figure Alt: ")) << r.out;
            EXPECT_THAT(r.out, HasSubstr(c->title)) << r.out;
        }
    EXPECT_THAT(r.out, HasSubstr("Figures: " + std::to_string(charts)));
}

// The elements that hold content, in reading order, as (role, text) with the
// text's white space (and no-break spaces) removed; neighbours of one role are joined, so that an
// element continued on the next page and a row of cells compare alike.
using Leaves = std::vector<std::pair<std::string, std::string>>;

void add_leaf(Leaves& leaves, std::string role, const std::string& text) {
    // pdf.js gives a no-break space as a space; poppler keeps it.
    std::string squeezed;
    for (std::size_t i = 0; i < text.size(); ++i) {
        if (text.compare(i, 2, "\xC2\xA0") == 0)
            ++i;
        else if (!std::isspace(static_cast<unsigned char>(text[i])))
            squeezed += text[i];
    }
    if (!leaves.empty() && leaves.back().first == role)
        leaves.back().second += squeezed;
    else
        leaves.emplace_back(std::move(role), std::move(squeezed));
}

// From `pdfinfo -struct-text`: an element line is its role (with " (block)"
// or ":" after it), its text the quoted line indented under it.
Leaves poppler_leaves(const std::string& struct_text) {
    Leaves leaves;
    std::vector<std::pair<std::size_t, std::string>> open;  // indent, role
    std::istringstream in(struct_text);
    for (std::string line; std::getline(in, line);) {
        const std::size_t indent = line.find_first_not_of(' ');
        if (indent == std::string::npos) continue;
        const std::string rest = line.substr(indent);
        if (rest[0] == '"') {
            while (!open.empty() && open.back().first >= indent) open.pop_back();
            if (!open.empty())
                add_leaf(leaves, open.back().second, rest.substr(1, rest.rfind('"') - 1));
        } else if (rest[0] != '/') {
            while (!open.empty() && open.back().first >= indent) open.pop_back();
            open.emplace_back(indent, rest.substr(0, rest.find_first_of(" :")));
        }
    }
    return leaves;
}

std::string pdfjs_command() {
    const auto browser = kdx::test::source_dir() / "tests/browser";
    if (!kdx::test::have_program("node") ||
        !kdx::test::fs::exists(browser / "node_modules/pdfjs-dist"))
        return "";
    return "cd " + sh_quote(browser.string()) + " && node pdf_struct_tree.mjs ";
}

std::string describe(const Leaves& leaves) {
    std::string out;
    for (const auto& leaf : leaves) out += leaf.first + " \"" + leaf.second + "\"\n";
    return out;
}

TEST_P(TaggedPdf, PdfjsSeesTheTreePopplerSees) {
    KDX_REQUIRE_POPPLER();
    const std::string pdfjs = pdfjs_command();
    if (pdfjs.empty()) GTEST_SKIP() << "node or pdfjs-dist is missing: run npm ci in tests/browser";
    const auto [id, language] = GetParam();
    auto file = kdx::test::scratch_dir() / (std::string(id) + ".pdf");
    kdx::Document doc = pdf::shipped_document(id, language);
    pdf::write(doc, file);
    auto r = run(pdfjs + sh_quote(file.string()));
    ASSERT_EQ(r.exit_code, 0) << r.err;
    Leaves from_pdfjs;
    std::vector<std::string> alts;
    std::istringstream in(r.out);
    for (std::string line; std::getline(in, line);) {
        const std::size_t tab = line.find('\t');
        if (tab == std::string::npos) continue;
        if (line.compare(0, tab, "ALT") == 0)
            alts.push_back(line.substr(tab + 1));
        else if (line.compare(0, tab, "LANG") == 0)
            continue;
        else
            add_leaf(from_pdfjs, line.substr(0, tab), line.substr(tab + 1));
    }
    const Leaves from_poppler = poppler_leaves(struct_text(file));
    ASSERT_GT(from_poppler.size(), 10u);
    EXPECT_EQ(describe(from_pdfjs), describe(from_poppler));
    // Each chart's alternative text, as the document's language words it.
    std::vector<std::string> expected;
    for (const kdx::Block& block : doc.blocks)
        if (auto c = std::get_if<kdx::Chart>(&block))
            expected.push_back(kdx::chart_alt_text(*c, doc.info.language));
    EXPECT_EQ(alts, expected);
}

INSTANTIATE_TEST_SUITE_P(
    Templates, TaggedPdf,
    ::testing::Values(std::pair{"council-report", "nb"}, std::pair{"council-report", "nn"},
                      std::pair{"council-report", "en"}, std::pair{"imdi-dossier", "nb"},
                      std::pair{"imdi-dossier", "nn"}, std::pair{"imdi-dossier", "en"},
                      std::pair{"county-overview", "nb"}, std::pair{"county-overview", "nn"},
                      std::pair{"county-overview", "en"}, std::pair{"imdi-comparison", "nb"},
                      std::pair{"imdi-comparison", "nn"}, std::pair{"imdi-comparison", "en"}),
    [](const auto& info) {
        std::string name = info.param.first;
        for (char& c : name)
            if (c == '-') c = '_';
        return name + (*info.param.second ? std::string("_") + info.param.second : std::string());
    });

// The dossier's text names Snåase – Snåsa and Guovdageaidnu (sample_data.cpp):
// the Southern and Northern Sámi forms are Spans with their own /Lang, as
// pdf.js, PDFBox and poppler read them, whatever the document's language.
TEST(TaggedPdfLanguage, SamiNameFormsAreSpansInTheirLanguage) {
    KDX_REQUIRE_POPPLER();
    const std::string pdfjs = pdfjs_command();
    const std::string check = structure_check_command();
    if (pdfjs.empty() || check.empty())
        GTEST_SKIP() << "pdf.js (npm ci in tests/browser) or PDFBox is missing";
    for (const char* language : {"nb", "en"}) {
        auto file = kdx::test::scratch_dir() / (std::string("dossier-") + language + ".pdf");
        pdf::write(pdf::shipped_document("imdi-dossier", language), file);
        auto r = run(pdfjs + sh_quote(file.string()));
        ASSERT_EQ(r.exit_code, 0) << r.err;
        std::vector<std::string> langs;
        std::istringstream in(r.out);
        for (std::string line; std::getline(in, line);)
            if (line.rfind("LANG\t", 0) == 0) {
                std::string squeezed;
                for (char c : line.substr(5))
                    if (c != ' ') squeezed += c;
                langs.push_back(squeezed);
            }
        EXPECT_THAT(langs, ::testing::Contains("sma\tSnåase")) << r.out;
        EXPECT_THAT(langs, ::testing::Contains("se\tGuovdageaidnu")) << r.out;
        // Snåsa, Steinkjer and Trøndelag are Norwegian: no other span.
        for (const std::string& l : langs)
            EXPECT_TRUE(l == "sma\tSnåase" || l == "se\tGuovdageaidnu") << l;
        auto box = run(check + " " + sh_quote(file.string()));
        EXPECT_THAT(box.out, HasSubstr("problems: 0")) << box.out;
        EXPECT_THAT(box.out, HasSubstr("Span Lang: sma"));
        EXPECT_THAT(box.out, HasSubstr("Span Lang: se"));
        const std::string text = pdf::squeeze(struct_text(file));
        EXPECT_THAT(text, HasSubstr("Span (inline) \"Snåase\"")) << text;
        EXPECT_THAT(text, HasSubstr("Span (inline) \"Guovdageaidnu\"")) << text;
    }
}

// The alternative text of a chart, read back by PDFBox, from a chart whose
// figures are known: the kind of chart, the title, the series in order and
// each category's values, in the document's language.
TEST(TaggedPdfFigure, AltTextGivesTheFiguresInTheReportsLanguage) {
    std::string check = structure_check_command();
    if (check.empty()) GTEST_SKIP() << "PDFBox (libpdfbox2-java) or java is missing";
    kdx::Chart chart;
    chart.kind = kdx::Chart::Kind::bar;
    chart.title = "Anmodning, vedtak og bosetting 2012\u20132014";
    chart.categories = {"2012", "2013", "2014"};
    chart.series = {{"Anmodning", {kdx::Value(40), kdx::Value(45), kdx::Value(45)}},
                    {"Vedtak", {kdx::Value(35), kdx::Value::missing(), kdx::Value(35)}},
                    {"Bosatt", {kdx::Value(31), kdx::Value(32), kdx::Value(34)}}};
    for (const char* language : {"nb", "nn", "en"}) {
        kdx::Document doc;
        doc.info.title = "Figur";
        doc.info.language = language;
        doc.blocks.push_back(kdx::Heading{1, "Bosetting"});
        doc.blocks.push_back(chart);
        auto file = kdx::test::scratch_dir() / (std::string("chart-") + language + ".pdf");
        pdf::write(doc, file);
        auto r = run(check + " " + sh_quote(file.string()));
        EXPECT_EQ(r.exit_code, 0) << r.out << r.err;
        const std::string en = language == std::string("en") ? "and" : "og";
        const std::string missing = language == std::string("en")   ? "missing"
                                    : language == std::string("nn") ? "manglar"
                                                                    : "mangler";
        EXPECT_THAT(r.out,
                    HasSubstr(std::string("Figure Alt: ") +
                              (language == std::string("en") ? "Bar chart" : "Stolpediagram") +
                              ": Anmodning, vedtak og bosetting 2012\u20132014 (Anmodning, "
                              "Vedtak " +
                              en + " Bosatt). 2012: 40, 35 " + en + " 31. 2013: 45, " + missing +
                              " " + en + " 32. 2014: 45, 35 " + en + " 34.\n"))
            << language;
    }
}

// A table that runs over a page: its caption and header row on the next page
// are artifacts, so the tree has one THead and every data row once.
TEST(TaggedPdfTable, ARepeatedHeaderRowIsAnArtifact) {
    KDX_REQUIRE_POPPLER();
    kdx::Document doc;
    doc.info.title = "Lang tabell";
    doc.info.language = "nb";
    kdx::Table table = pdf::long_table(90);
    doc.blocks.push_back(table);
    auto file = kdx::test::scratch_dir() / "long.pdf";
    pdf::write(doc, file);
    ASSERT_GE(pdf::page_count(file), 2);
    // The continuation caption is on the page (pdftotext) but not in the tree.
    EXPECT_THAT(pdf::squeeze(pdf::pdf_text(file, 2, 2)), HasSubstr("(forts.)"));
    std::string text = pdf::squeeze(struct_text(file));
    EXPECT_THAT(text, Not(HasSubstr("(forts.)")));
    auto count = [&](const std::string& needle) {
        std::size_t n = 0;
        for (auto at = text.find(needle); at != std::string::npos; at = text.find(needle, at + 1))
            ++n;
        return n;
    };
    EXPECT_EQ(count("THead"), 1u);
    EXPECT_EQ(count(header_cell(table.columns[0].header, "Column")), 1u);
    EXPECT_EQ(count("TR"), table.rows.size() + 1);
}

}  // namespace
