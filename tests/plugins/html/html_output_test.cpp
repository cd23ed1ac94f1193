// The page as a file: reproducible bytes, its date, options, failures that
// leave nothing behind, heading levels, the chart's words, and the kdx
// commands writing HTML beside the other formats.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <cstdlib>

#include "html_test_support.hpp"
#include "kdx/chart_text.hpp"
#include "kdx/error.hpp"

namespace {

using ::testing::EndsWith;
using ::testing::HasSubstr;
using ::testing::Not;
using ::testing::StartsWith;
namespace html = kdx::test::html;
namespace fs = std::filesystem;
using html::json;
using kdx::test::run;
using kdx::test::sh_quote;

// Requested, decided and settled in 2012–2014, as the issue's example reads
// them: "anmodning, vedtak og bosetting", 2014: 45, 35 og 34.
kdx::Chart settlement_chart() {
    kdx::Chart c;
    c.kind = kdx::Chart::Kind::bar;
    c.categories = {"2012", "2013", "2014"};
    c.series = {{"anmodning", {kdx::Value(40), kdx::Value(45), kdx::Value(45)}},
                {"vedtak", {kdx::Value(35), kdx::Value::suppressed(), kdx::Value(35)}},
                {"bosetting", {kdx::Value(31), kdx::Value(), kdx::Value(34)}}};
    return c;
}

kdx::Document chart_document(const std::string& language = "nb") {
    kdx::Document d;
    d.info.title = "Bosetting";
    d.info.language = language;
    d.info.author = "IMDi";
    d.blocks.push_back(kdx::Heading{1, "Tall"});
    d.blocks.push_back(settlement_chart());
    d.blocks.push_back(kdx::PageBreak{});
    d.blocks.push_back(kdx::Paragraph{{{"Slutt.", false}}});
    return d;
}

TEST(HtmlChartText, TheIssuesExampleWordForWord) {
    const std::string nb = kdx::chart_alt_text(settlement_chart(), "nb");
    EXPECT_THAT(nb, StartsWith("Stolpediagram: anmodning, vedtak og bosetting 2012\u20132014."));
    EXPECT_THAT(nb, EndsWith(" 2014: 45, 35 og 34."));
    EXPECT_THAT(nb, HasSubstr(" 2013: 45, skjult og mangler."));
    EXPECT_THAT(kdx::chart_alt_text(settlement_chart(), "nn"),
                HasSubstr("2013: 45, skjult og manglar."));
    EXPECT_THAT(
        kdx::chart_alt_text(settlement_chart(), "en"),
        HasSubstr("Bar chart: anmodning, vedtak and bosetting 2012\u20132014. 2012: 40, 35 and 31. "
                  "2013: 45, suppressed and missing."));
}

TEST(HtmlOutput, TheChartsDescriptionIsItsAltTextAndItsTableHasTheFigures) {
    auto file = kdx::test::scratch_dir() / "chart.html";
    html::write(chart_document(), file);
    json o = html::outline(file);
    ASSERT_EQ(o["charts"].size(), 1u);
    EXPECT_EQ(o["charts"][0]["desc"], kdx::chart_alt_text(settlement_chart(), "nb"));
    // Without a chart title, the name is the description's first sentence.
    EXPECT_EQ(o["charts"][0]["title"],
              "Stolpediagram: anmodning, vedtak og bosetting 2012\u20132014");
    // The gaps drawn where the figures are suppressed and missing.
    const json& texts = o["charts"][0]["texts"];
    EXPECT_NE(std::find(texts.begin(), texts.end(), ":"), texts.end());
    EXPECT_NE(std::find(texts.begin(), texts.end(), ".."), texts.end());
    const json& t = o["tables"][0];
    EXPECT_TRUE(t["in_details"].get<bool>());
    EXPECT_EQ(t["head"][0][1]["text"], "anmodning");
    EXPECT_EQ(t["body"][2][0]["text"], "2014");
    EXPECT_EQ(t["body"][2][0]["tag"], "th");
    EXPECT_EQ(t["body"][2][3]["text"], "34");
    EXPECT_EQ(t["body"][1][2]["text"], ":");
    EXPECT_EQ(t["body"][1][3]["text"], "..");
    EXPECT_EQ(o["page_breaks"], 1);
}

TEST(HtmlOutput, ThePrintStyleSheetBreaksPagesWhereTheDocumentDoes) {
    auto file = kdx::test::scratch_dir() / "print.html";
    html::write(chart_document(), file);
    const std::string page = kdx::test::read_file(file);
    const auto print = page.find("@media print");
    ASSERT_NE(print, std::string::npos);
    EXPECT_THAT(page.substr(print), HasSubstr(".page-break { break-before: page; }"));
    EXPECT_THAT(page, HasSubstr("<div class=\"page-break\"></div>"));
}

class SourceDateEpoch : public ::testing::Test {
  protected:
    void SetUp() override { ::setenv("SOURCE_DATE_EPOCH", "1545350400", 1); }  // 2018-12-21
    void TearDown() override { ::unsetenv("SOURCE_DATE_EPOCH"); }
};

TEST_F(SourceDateEpoch, TwoRunsGiveTheSameBytesAndTheEpochsDate) {
    auto dir = kdx::test::scratch_dir();
    kdx::Document d = chart_document();
    html::write(d, dir / "a.html");
    html::write(d, dir / "b.html");
    const std::string a = kdx::test::read_file(dir / "a.html");
    ASSERT_GT(a.size(), 2000u);
    EXPECT_TRUE(a == kdx::test::read_file(dir / "b.html")) << "the two files differ";
    json o = html::outline(dir / "a.html");
    EXPECT_EQ(o["meta"]["dcterms.date"], "2018-12-21");
    // The Document's own date wins over the epoch's.
    d.info.date = "2024-12-04";
    html::write(d, dir / "c.html");
    EXPECT_EQ(html::outline(dir / "c.html")["meta"]["dcterms.date"], "2024-12-04");
    EXPECT_THAT(kdx::test::read_file(dir / "c.html"), HasSubstr("IMDi \u00b7 4. desember 2024"));
}

TEST(HtmlOutput, WithoutADateOrEpochThePageHasNoDate) {
    ::unsetenv("SOURCE_DATE_EPOCH");
    auto file = kdx::test::scratch_dir() / "undated.html";
    html::write(chart_document(), file);
    json o = html::outline(file);
    EXPECT_FALSE(o["meta"].contains("dcterms.date"));
}

TEST(HtmlOutput, HeadingsNeverSkipALevel) {
    kdx::Document d;
    d.info.language = "";  // unknown: the page says bokmål, as the PDF does
    d.blocks = {kdx::Heading{3, "Først"}, kdx::Heading{1, "Del"}, kdx::Heading{3, "Under"},
                kdx::Heading{2, "Midt"}};
    auto file = kdx::test::scratch_dir() / "headings.html";
    html::write(d, file);
    json o = html::outline(file);
    EXPECT_EQ(o["lang"], "nb");
    EXPECT_EQ(
        o["headings"].dump(),
        json::parse(R"([[1,"Rapport"],[2,"Først"],[2,"Del"],[3,"Under"],[3,"Midt"]])").dump());
}

TEST(HtmlOutput, ChartTableOption) {
    auto dir = kdx::test::scratch_dir();
    html::write(chart_document(), dir / "none.html", {{"chart-table", "none"}});
    EXPECT_TRUE(html::outline(dir / "none.html")["tables"].empty());
    html::write(chart_document(), dir / "open.html", {{"chart-table", "open"}});
    EXPECT_THAT(kdx::test::read_file(dir / "open.html"),
                HasSubstr("<details class=\"chart-data\" open>"));
}

TEST(HtmlOutput, BadOptionsAreErrorsAndWriteNothing) {
    auto dir = kdx::test::scratch_dir();
    kdx::Diagnostics diagnostics;
    try {
        html::format()->write_document(chart_document(), dir / "x.html", {{"paper", "a4"}},
                                       diagnostics);
        FAIL() << "no error";
    } catch (const kdx::Error& e) {
        EXPECT_THAT(e.message(), HasSubstr("\"paper\""));
        EXPECT_THAT(e.message(), HasSubstr("chart-table"));
    }
    try {
        html::format()->write_document(chart_document(), dir / "x.html", {{"chart-table", "shut"}},
                                       diagnostics);
        FAIL() << "no error";
    } catch (const kdx::Error& e) {
        EXPECT_THAT(e.message(), HasSubstr("collapsed, open or none"));
        EXPECT_THAT(e.message(), HasSubstr("\"shut\""));
    }
    EXPECT_FALSE(fs::exists(dir / "x.html"));
}

TEST(HtmlOutput, AnUnwritableTargetIsAnErrorThatNamesIt) {
    auto target = kdx::test::scratch_dir() / "no-such-folder" / "page.html";
    kdx::Diagnostics diagnostics;
    try {
        html::format()->write_document(chart_document(), target, {}, diagnostics);
        FAIL() << "no error";
    } catch (const kdx::Error& e) {
        EXPECT_THAT(e.what(), HasSubstr("page.html"));
    }
    EXPECT_FALSE(fs::exists(target));
}

// kdx report names the page as it names the PDF and the XML; without
// --lang the page speaks the template's language (a council report the
// municipality's: Voss decided for nynorsk, Steinkjer for bokmål), the same
// one the XML report records.
TEST(HtmlCommands, ReportWritesHtmlBesideTheOtherFormatsInTheSameLanguage) {
    const fs::path imdi = kdx::test::data_dir() / "imdi" / "imdi-settlement-2012-2014.csv";
    struct Case {
        const char* municipality;
        const char* lang;
    };
    for (const Case& c : {Case{"1235", "nn"}, Case{"1702", "nb"}}) {
        auto dir = kdx::test::scratch_dir() / c.municipality;
        auto r = kdx::test::run_kdx(
            "-q report -t council-report -d " + sh_quote(imdi.string()) + " --municipality " +
            c.municipality + " --year 2014 --format html,xml --out " + sh_quote(dir.string()));
        ASSERT_EQ(r.exit_code, 0) << r.err;
        const fs::path page = kdx::test::only_file(dir, ".html");
        const fs::path xml = kdx::test::only_file(dir, ".xml");
        EXPECT_EQ(page.stem(), xml.stem());
        EXPECT_EQ(html::outline(page)["lang"], c.lang) << c.municipality;
        auto x = run("xmllint --xpath 'string(/*/*[local-name()=\"info\"]/@language)' " +
                     sh_quote(xml.string()));
        EXPECT_EQ(x.exit_code, 0) << x.err;
        EXPECT_EQ(x.out, std::string(c.lang) + "\n") << c.municipality;
    }
}

TEST(HtmlCommands, DossierWritesAPageForEveryNomineeAndTheComparison) {
    auto dir = kdx::test::scratch_dir();
    auto r = kdx::test::run_kdx(
        "-q dossier --year 2018 --format html,xml -d " +
        sh_quote((kdx::test::source_dir() / "examples/data/nominees-2018.xml").string()) +
        " --out " + sh_quote(dir.string()));
    ASSERT_EQ(r.exit_code, 0) << r.err;
    std::size_t pages = 0, xml = 0;
    for (const auto& e : fs::directory_iterator(dir)) {
        if (e.path().extension() == ".xml") {
            ++xml;
            fs::path page = e.path();
            page.replace_extension(".html");
            EXPECT_TRUE(fs::exists(page)) << page;
        }
        if (e.path().extension() == ".html") ++pages;
    }
    EXPECT_EQ(pages, xml);
    EXPECT_EQ(pages, 8u);  // 7 nominees in the example data, and the comparison
}

}  // namespace

namespace {

// A line stops at a missing or suppressed figure and starts again after it,
// and every line differs from the others in dash as well as colour.
TEST(HtmlOutput, ALineBreaksAtAGap) {
    kdx::Document d = chart_document();
    auto& chart = std::get<kdx::Chart>(d.blocks[1]);
    chart.kind = kdx::Chart::Kind::line;
    chart.categories.push_back("2015");
    for (auto& s : chart.series) s.values.push_back(kdx::Value(30));
    auto file = kdx::test::scratch_dir() / "line.html";
    html::write(d, file);
    const std::string page = kdx::test::read_file(file);
    // "anmodning" has no gap: one run; "vedtak" and "bosetting" miss 2013: two runs each.
    std::vector<std::size_t> moves;
    for (std::size_t at = page.find("<path d=\"M"); at != std::string::npos;
         at = page.find("<path d=\"M", at + 1)) {
        const std::string d_attribute = page.substr(at + 9, page.find('"', at + 9) - at - 9);
        if (d_attribute.find('L') == std::string::npos ||
            page.compare(at, 30, "<path d=\"M0 7H26\"") == 0)
            continue;  // a marker or a legend sample
        moves.push_back(
            static_cast<std::size_t>(std::count(d_attribute.begin(), d_attribute.end(), 'M')));
        if (moves.size() == 3) break;
    }
    EXPECT_EQ(moves, (std::vector<std::size_t>{1, 2, 2}));
    EXPECT_THAT(page, HasSubstr("stroke-dasharray=\"7 3\""));
    EXPECT_THAT(page, HasSubstr("stroke-dasharray=\"2 3\""));
    EXPECT_EQ(
        html::outline(file)["charts"][0]["desc"].get<std::string>().rfind("Linjediagram: ", 0), 0u);
}

}  // namespace
