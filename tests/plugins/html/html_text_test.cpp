// Text from the data reaches the page as text: markup characters escaped,
// bytes HTML cannot hold replaced and reported, figures kept as the Document
// formatted them. Read back with Python's html.parser.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "html_test_support.hpp"
#include "kdx/chart_text.hpp"

namespace {

using ::testing::HasSubstr;
using ::testing::Not;
namespace html = kdx::test::html;
using html::json;

// The text of the page's plain paragraphs (not the byline, subtitle or notes).
std::vector<std::string> paragraphs(const json& outline) {
    std::vector<std::string> out;
    for (const json& p : outline["paragraphs"])
        if (p[0].is_null()) out.push_back(p[1]);
    return out;
}

kdx::Document markup_document() {
    kdx::Document d;
    d.info.title = "<b>Tom & Jerry's \"report\"</b>";
    d.info.language = "nb";
    d.info.author = "A & B <publisher>";
    d.info.keywords = {"a\"b", "<c>"};
    d.blocks.push_back(kdx::Heading{1, "</h2><script>alert(1)</script>"});
    d.blocks.push_back(kdx::Paragraph{{{"1 < 2 && 3 > 2 ", false}, {"<em>not markup</em>", true}}});
    kdx::Table t;
    t.caption = "Caption </caption>";
    t.columns = {{"Kommune <navn>", kdx::TableColumn::Type::text},
                 {"Tall", kdx::TableColumn::Type::count}};
    t.rows = {{{"Guovdageaidnu – Kautokeino", {}}, {"12\u00a0345", kdx::Value(12345)}},
              {{"O'Neill & <co>", {}}, {":", kdx::Value::suppressed()}}};
    t.notes = {"Note with <tags> & \"quotes\""};
    d.blocks.push_back(t);
    kdx::Chart c;
    c.title = "Chart <svg> & \"title\"";
    c.categories = {"<2012>", "2013"};
    c.series = {{"A & B", {kdx::Value(1), kdx::Value(2)}}};
    d.blocks.push_back(c);
    d.notes = {"</section></main>"};
    return d;
}

TEST(HtmlText, MarkupInTheDataIsShownAsText) {
    auto file = kdx::test::scratch_dir() / "markup.html";
    kdx::Document d = markup_document();
    auto diagnostics = html::write(d, file);
    EXPECT_EQ(diagnostics.count(kdx::Severity::warning), 0u);
    json o = html::outline(file);
    EXPECT_TRUE(o["errors"].empty()) << o["errors"].dump();
    EXPECT_TRUE(o["unclosed"].empty()) << o["unclosed"].dump();
    EXPECT_EQ(o["scripts"], 0);
    EXPECT_EQ(o["main"], 1);
    EXPECT_EQ(o["headings"][0][1], d.info.title);
    EXPECT_EQ(o["headings"][1][1], "</h2><script>alert(1)</script>");
    EXPECT_EQ(o["meta"]["author"], d.info.author);
    EXPECT_EQ(o["meta"]["keywords"], "a\"b, <c>");
    EXPECT_EQ(paragraphs(o).at(0), "1 < 2 && 3 > 2 <em>not markup</em>");
    const json& t = o["tables"][0];
    EXPECT_EQ(t["caption"], "Caption </caption>");
    EXPECT_EQ(t["head"][0][0]["text"], "Kommune <navn>");
    EXPECT_EQ(t["body"][1][0]["text"], "O'Neill & <co>");
    EXPECT_EQ(t["body"][1][0]["tag"], "th");
    EXPECT_EQ(o["charts"][0]["title"], "Chart <svg> & \"title\"");
    EXPECT_EQ(o["charts"][0]["desc"], kdx::chart_alt_text(std::get<kdx::Chart>(d.blocks[3]), "nb"));
    EXPECT_THAT(o["notes"][0].get<std::string>(), Not(HasSubstr("&lt;")));
    EXPECT_EQ(o["notes"][0], "</section></main>");
}

// The figures as the Document formatted them, no-break spaces and all: the
// page does not format numbers again.
TEST(HtmlText, CellsKeepTheDocumentsText) {
    auto file = kdx::test::scratch_dir() / "cells.html";
    html::write(markup_document(), file);
    json o = html::outline(file);
    const json& row = o["tables"][0]["body"][0];
    EXPECT_EQ(row[1]["text"], "12\u00a0345");
    EXPECT_EQ(row[1]["class"], "num");
    EXPECT_EQ(o["tables"][0]["body"][1][1]["text"], ":");
}

// WCAG 2.1, 3.1.2 Language of Parts: the Sámi and Kven forms of official names
// carry their own lang wherever the page shows text, and the text reads the
// same as without them. Names and languages from the registry's lists.
TEST(HtmlText, SamiAndKvenNameFormsCarryTheirLanguage) {
    kdx::Document d;
    d.info.title = "Bosetting i Porsanger - Porsáŋgu - Porsanki 2014";
    d.info.language = "nb";
    d.blocks.push_back(kdx::Heading{1, "Hábmer - Hamarøy"});
    d.blocks.push_back(
        kdx::Paragraph{{{"Også Snåase – Snåsa og ", false}, {"Guovdageaidnu", true}}});
    kdx::Table t;
    t.caption = "Troms og Finnmark - Romsa ja Finnmárku - Tromssa ja Finmarkku";
    t.columns = {{"Kommune", kdx::TableColumn::Type::text},
                 {"Tall", kdx::TableColumn::Type::count}};
    t.rows = {{{"Guovdageaidnu – Kautokeino", {}}, {"12", kdx::Value(12)}},
              {{"Rosseland", {}}, {"3", kdx::Value(3)}}};
    d.blocks.push_back(t);
    auto file = kdx::test::scratch_dir() / "sami.html";
    html::write(d, file);
    json o = html::outline(file);
    EXPECT_TRUE(o["errors"].empty()) << o["errors"].dump();
    EXPECT_EQ(o["lang"], "nb");
    const json expected = json::array({{"se", "Porsáŋgu"},
                                       {"fkv", "Porsanki"},
                                       {"smj", "Hábmer"},
                                       {"sma", "Snåase"},
                                       {"se", "Guovdageaidnu"},
                                       {"se", "Romsa ja Finnmárku"},
                                       {"fkv", "Tromssa ja Finmarkku"},
                                       {"se", "Guovdageaidnu"}});
    EXPECT_EQ(o["lang_parts"], expected);
    // The texts themselves are unchanged by the spans.
    EXPECT_EQ(o["headings"][0][1], d.info.title);
    EXPECT_EQ(o["headings"][1][1], "Hábmer - Hamarøy");
    EXPECT_EQ(o["tables"][0]["caption"], t.caption);
    EXPECT_EQ(o["tables"][0]["body"][0][0]["text"], "Guovdageaidnu – Kautokeino");
    // <title> and meta cannot hold markup: the name stays plain there.
    EXPECT_EQ(o["title"], d.info.title);
}

TEST(HtmlText, BytesThatAreNotTextAreReplacedAndReported) {
    kdx::Document d;
    d.info.title = "Rapport";
    d.info.language = "nb";
    d.blocks.push_back(kdx::Paragraph{{{"Bad \xff byte", false}}});
    d.blocks.push_back(kdx::Paragraph{{{"Control \x01 char", false}}});
    d.blocks.push_back(kdx::Paragraph{{{"Cut \xe2\x82", false}}});
    auto file = kdx::test::scratch_dir() / "bytes.html";
    auto diagnostics = html::write(d, file);
    ASSERT_EQ(diagnostics.count(kdx::Severity::warning), 3u);
    EXPECT_THAT(diagnostics.items()[0].message, HasSubstr("byte 0xFF"));
    EXPECT_THAT(diagnostics.items()[0].message, HasSubstr("block 1 (paragraph)"));
    EXPECT_THAT(diagnostics.items()[1].message, HasSubstr("U+0001"));
    EXPECT_THAT(diagnostics.items()[1].message, HasSubstr("block 2 (paragraph)"));
    EXPECT_EQ(diagnostics.items()[0].where.file, file.string());
    // The page is UTF-8 (the parser reads it strictly) with U+FFFD in place:
    // one for the cut-off "E2 82", as a browser decoding those bytes shows it.
    json o = html::outline(file);
    EXPECT_EQ(paragraphs(o),
              (std::vector<std::string>{"Bad \uFFFD byte", "Control \uFFFD char", "Cut \uFFFD"}));
}

}  // namespace
