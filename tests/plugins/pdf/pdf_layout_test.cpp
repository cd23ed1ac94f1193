// The layout rules on the display list, with a fake font whose every
// character is half an em wide (bold a little wider): line breaking, widows
// and orphans, headings kept with their text, tables split with repeated
// headers, chart axes and gaps.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <map>

#include "chart_axis.hpp"
#include "document_layout.hpp"
#include "kdx/utf8.hpp"
#include "line_breaker.hpp"
#include "style.hpp"
#include "table_box.hpp"

namespace {

using namespace kdx::pdf;
using ::testing::ElementsAre;

class FakeMetrics : public TextMetrics {
  public:
    double width(std::string_view text, FontStyle style, double size) const override {
        double n = 0;
        for (std::size_t at = 0; at < text.size(); ++n) kdx::utf8::next(text, at);
        return n * size * (style == FontStyle::bold ? 0.55 : 0.5);
    }
    double ascent(FontStyle, double size) const override { return 0.7 * size; }
    std::string checked(std::string_view text, FontStyle, const std::string& where) override {
        std::string out(text);
        for (char& c : out)
            if (c == '#') c = '?', places.push_back(where);
        return out;
    }
    std::vector<std::string> places;
};

std::vector<std::string> texts_of(const std::vector<Line>& lines) {
    std::vector<std::string> out;
    for (const Line& l : lines) {
        std::string s;
        for (const Fragment& f : l.fragments) s += f.text;
        out.push_back(s);
    }
    return out;
}

std::vector<const TextItem*> texts_on(const Page& page) {
    std::vector<const TextItem*> out;
    for (const Item& item : page.items)
        if (auto t = std::get_if<TextItem>(&item)) out.push_back(t);
    return out;
}

std::string words(int n, const std::string& word) {
    std::string s;
    for (int i = 0; i < n; ++i) s += (i ? " " : "") + word;
    return s;
}

TEST(LineBreaker, FillsLinesGreedilyAndBreaksOnlyAtSpaces) {
    FakeMetrics m;
    // 10 pt: each character 5 pt; 50 pt holds 10 characters.
    auto lines = break_lines({{"aaa bbb ccc ddddd e", FontStyle::regular, {}}}, 50, 10, m);
    // A line broken at a space keeps it at its end, so that extracted text
    // reads "bbb ccc", not "bbbccc"; it is not counted in the width.
    EXPECT_THAT(texts_of(lines), ElementsAre("aaa bbb ", "ccc ddddd ", "e"));
    for (const Line& l : lines) EXPECT_LE(l.width, 50);
    EXPECT_DOUBLE_EQ(lines[0].width, 35);  // no trailing space counted
}

TEST(LineBreaker, KeepsNoBreakSpacesAndCutsOnlyWordsLongerThanALine) {
    FakeMetrics m;
    auto lines = break_lines(
        {{"tall 1\u00a0234\u00a0567 abcdefghijklmnop", FontStyle::regular, {}}}, 50, 10, m);
    EXPECT_THAT(texts_of(lines),
                ElementsAre("tall ", "1\u00a0234\u00a0567 ", "abcdefghij", "klmnop"));
}

TEST(LineBreaker, EmphasisBecomesItalicFragmentsAtTheRightPlace) {
    FakeMetrics m;
    auto lines = break_lines({{"bosatte ", FontStyle::regular, {}},
                              {"102", FontStyle::italic, {}},
                              {".", FontStyle::regular, {}}},
                             500, 10, m);
    ASSERT_EQ(lines.size(), 1u);
    const auto& f = lines[0].fragments;
    ASSERT_EQ(f.size(), 3u);
    EXPECT_EQ(f[0].text, "bosatte ");
    EXPECT_EQ(f[1].text, "102");
    EXPECT_EQ(f[1].style, FontStyle::italic);
    EXPECT_DOUBLE_EQ(f[1].x, 40);
    EXPECT_EQ(f[2].text, ".");
    EXPECT_DOUBLE_EQ(f[2].x, 55);
}

TEST(LineBreaker, ASamiNameFormIsAFragmentInItsLanguage) {
    FakeMetrics m;
    // "i " is 10 pt wide, "Snåase" 30 pt; a line break inside a Sámi span
    // keeps the language on both lines.
    auto lines =
        break_lines({{"i Snåase – Snåsa, Romsa ja Finnmárku", FontStyle::regular, {}}}, 140, 10, m);
    ASSERT_EQ(lines.size(), 2u);
    const auto& f = lines[0].fragments;
    ASSERT_EQ(f.size(), 4u);
    EXPECT_EQ(f[0].text, "i ");
    EXPECT_EQ(f[0].language, "");
    EXPECT_EQ(f[1].text, "Snåase");
    EXPECT_EQ(f[1].language, "sma");
    EXPECT_DOUBLE_EQ(f[1].x, 10);
    EXPECT_EQ(f[2].text, " – Snåsa, ");
    EXPECT_DOUBLE_EQ(f[2].x, 40);
    EXPECT_EQ(f[3].text, "Romsa ja ");
    EXPECT_EQ(f[3].language, "se");
    ASSERT_EQ(lines[1].fragments.size(), 1u);
    EXPECT_EQ(lines[1].fragments[0].text, "Finnmárku");
    EXPECT_EQ(lines[1].fragments[0].language, "se");
}

TEST(PageFlow, AFragmentInAnotherLanguageIsASpanWithItsLang) {
    FakeMetrics m;
    PageFlow flow(PageSize{});
    const std::size_t p = flow.open("P");
    for (const Line& l :
         break_lines({{"Bosatt i Guovdageaidnu i 2014", FontStyle::regular, {}}}, 500, 10, m))
        flow.line(l, flow.left(), 700, 10, {});
    flow.close();
    flow.open_artifact();
    for (const Line& l : break_lines({{"Guovdageaidnu", FontStyle::regular, {}}}, 500, 10, m))
        flow.line(l, flow.left(), 50, 10, {});
    flow.close();
    const DisplayList& list = flow.list();
    const StructElement& para = list.elements[p];
    ASSERT_EQ(para.kids.size(), 3u);  // text, the Span, text
    EXPECT_FALSE(para.kids[0].is_element);
    ASSERT_TRUE(para.kids[1].is_element);
    EXPECT_FALSE(para.kids[2].is_element);
    const StructElement& span = list.elements[para.kids[1].element];
    EXPECT_EQ(span.type, "Span");
    EXPECT_EQ(span.lang, "se");
    EXPECT_EQ(span.parent, p);
    // In an artifact the name is drawn, with no element for it.
    EXPECT_EQ(list.elements.size(), 3u);  // Document, P, Span
    EXPECT_EQ(texts_on(list.pages[0]).size(), 4u);
}

// A paragraph whose lines are all the word "zq", after `filler` lines of other text.
kdx::Document filler_then(int filler, std::vector<kdx::Block> blocks) {
    kdx::Document doc;
    doc.info.language = "nb";
    // 471 pt of text column at 10 pt is 94 characters: 15 words of "xxxxx " a line.
    if (filler > 0) doc.blocks.push_back(kdx::Paragraph{{{words(15 * filler, "xxxxx"), false}}});
    for (auto& b : blocks) doc.blocks.push_back(std::move(b));
    return doc;
}

TEST(DocumentLayout, ParagraphsLeaveNoWidowsOrOrphans) {
    FakeMetrics m;
    for (int filler = 30; filler < 60; ++filler) {
        auto doc = filler_then(filler, {kdx::Paragraph{{{words(31 * 7 - 1, "zq"), false}}}});
        DisplayList list = lay_out(doc, m, {});
        int total = 0;
        for (const Page& page : list.pages) {
            int lines = 0;
            for (const TextItem* t : texts_on(page)) lines += t->text.rfind("zq", 0) == 0;
            EXPECT_TRUE(lines == 0 || lines >= 2)
                << "filler " << filler << ": " << lines << " lines";
            total += lines;
        }
        EXPECT_EQ(total, 7) << "filler " << filler;
    }
}

TEST(DocumentLayout, HeadingsStayWithTheTextThatFollows) {
    FakeMetrics m;
    for (int filler = 30; filler < 60; ++filler) {
        auto doc = filler_then(filler, {kdx::Heading{1, "Overskrift"},
                                        kdx::Paragraph{{{words(31 * 5, "zq"), false}}}});
        DisplayList list = lay_out(doc, m, {});
        for (const Page& page : list.pages) {
            auto texts = texts_on(page);
            for (std::size_t i = 0; i < texts.size(); ++i) {
                if (texts[i]->text != "Overskrift") continue;
                ASSERT_LT(i + 2, texts.size())
                    << "heading at the foot of a page, filler " << filler;
                EXPECT_EQ(texts[i + 1]->text.rfind("zq", 0), 0u);
                EXPECT_EQ(texts[i + 2]->text.rfind("zq", 0), 0u) << "one line under a heading";
            }
        }
        ASSERT_FALSE(list.bookmarks.empty());
        EXPECT_EQ(list.bookmarks.back().title, "Overskrift");
    }
}

kdx::Table table(int rows) {
    kdx::Table t;
    t.caption = "Tabell";
    t.columns = {{"Navn", kdx::TableColumn::Type::text}, {"Antall", kdx::TableColumn::Type::count}};
    for (int i = 0; i < rows; ++i)
        t.rows.push_back(
            {{"rad" + std::to_string(i), {}}, {std::to_string(i * 37), kdx::Value(i * 37)}});
    t.rows.push_back({{"I alt", {}}, {"999", kdx::Value(999)}});
    t.last_row_is_total = true;
    return t;
}

TEST(DocumentLayout, TablesRepeatTheirHeaderOnEveryPageAndSetNumbersRight) {
    FakeMetrics m;
    auto doc = filler_then(0, {table(120)});
    DisplayList list = lay_out(doc, m, {});
    ASSERT_GE(list.pages.size(), 2u);
    std::map<std::string, double> right_edges;
    for (std::size_t p = 0; p < list.pages.size(); ++p) {
        auto texts = texts_on(list.pages[p]);
        ASSERT_GE(texts.size(), 3u);
        EXPECT_EQ(texts[0]->text, p == 0 ? "Tabell" : "Tabell (forts.)");
        EXPECT_EQ(texts[1]->text, "Navn");
        EXPECT_EQ(texts[2]->text, "Antall");
        EXPECT_EQ(texts[1]->style, FontStyle::bold);
        for (const TextItem* t : texts)
            if (!t->text.empty() && std::isdigit(static_cast<unsigned char>(t->text[0])) &&
                t->size == style::table_size)
                right_edges[t->text] = t->x + m.width(t->text, t->style, t->size);
        // The total row never starts a page alone.
        if (p > 0) {
            EXPECT_NE(texts[3]->text, "I alt");
        }
    }
    double edge = right_edges.begin()->second;
    for (const auto& [text, right] : right_edges) EXPECT_NEAR(right, edge, 1e-6) << text;
    auto last = texts_on(list.pages.back());
    auto total = std::find_if(last.begin(), last.end(),
                              [](const TextItem* t) { return t->text == "I alt"; });
    ASSERT_NE(total, last.end());
    EXPECT_EQ((*total)->style, FontStyle::bold);
}

TEST(DocumentLayout, EveryPageHasItsNumberAndLaterPagesTheTitle) {
    FakeMetrics m;
    auto doc = filler_then(0, {table(120)});
    doc.info.title = "Rapport";
    doc.info.author = "IMDi";
    DisplayList list = lay_out(doc, m, {});
    const std::size_t n = list.pages.size();
    for (std::size_t p = 0; p < n; ++p) {
        auto texts = texts_on(list.pages[p]);
        std::vector<std::string> strings;
        for (const TextItem* t : texts) strings.push_back(t->text);
        EXPECT_THAT(strings,
                    ::testing::Contains(std::to_string(p + 1) + " av " + std::to_string(n)));
        EXPECT_EQ(std::count(strings.begin(), strings.end(), "Rapport"), 1) << "page " << p + 1;
    }
}

TEST(DocumentLayout, ALongTitleIsCutInTheHeader) {
    FakeMetrics m;
    auto doc = filler_then(0, {table(120)});
    doc.info.title = words(60, "Bosetting") + " og åøæåøæåøæåøæåøæåøæåøæåøæåøæåøæåøæåøæåøæ";
    DisplayList list = lay_out(doc, m, {});
    auto texts = texts_on(list.pages.at(1));
    auto header = std::find_if(texts.begin(), texts.end(), [](const TextItem* t) {
        return t->text.rfind("Bosetting", 0) == 0;
    });
    ASSERT_NE(header, texts.end());
    const std::string& text = (*header)->text;
    EXPECT_EQ(text.substr(text.size() - 3), "\u2026");
    EXPECT_LE(m.width(text, FontStyle::regular, (*header)->size),
              list.size.width - style::margin_left - style::margin_right);
    // One endless word is cut between characters, never inside one.
    std::string aaa;
    for (int i = 0; i < 300; ++i) aaa += "å";
    doc.info.title = aaa;
    list = lay_out(doc, m, {});
    texts = texts_on(list.pages.at(1));
    header = std::find_if(texts.begin(), texts.end(),
                          [](const TextItem* t) { return t->text.rfind("åå", 0) == 0; });
    ASSERT_NE(header, texts.end());
    std::string cut = (*header)->text;
    cut.erase(cut.size() - 3);
    EXPECT_EQ(cut.size() % 2, 0u);
    EXPECT_EQ(cut.find_first_not_of("å"), std::string::npos);
}

TEST(DocumentLayout, CharacterChecksNameTheBlock) {
    FakeMetrics m;
    auto doc = filler_then(1, {kdx::Paragraph{{{"a # b", false}}}});
    lay_out(doc, m, {});
    EXPECT_THAT(m.places, ElementsAre("block 2 (paragraph)"));
}

TEST(ColumnWidths, FillTheColumnAndKeepFiguresWhole) {
    auto w = column_widths({100, 50}, {40, 50}, {100, 50}, {false, true}, 400);
    EXPECT_DOUBLE_EQ(w[0] + w[1], 400);
    EXPECT_DOUBLE_EQ(w[0], 225);  // spare room shared alike
    // A numeric column whose header would wrap gets room for it first.
    w = column_widths({100, 50}, {40, 50}, {100, 150}, {false, true}, 300);
    EXPECT_DOUBLE_EQ(w[1], 150 + 25);
    w = column_widths({100, 50}, {40, 50}, {100, 250}, {false, true}, 300);
    EXPECT_DOUBLE_EQ(w[1], 200);
    w = column_widths({500, 300, 60}, {80, 60, 60}, {500, 300, 60}, {false, false, true}, 400);
    EXPECT_DOUBLE_EQ(w[0] + w[1] + w[2], 400);
    EXPECT_DOUBLE_EQ(w[2], 60);
    EXPECT_GT(w[0], w[1]);
    EXPECT_GE(w[1], 60);
}

TEST(ValueAxis, PicksRoundTicksFromZero) {
    ValueAxis a = value_axis(0, 118);
    EXPECT_DOUBLE_EQ(a.step, 25);
    EXPECT_THAT(a.ticks, ElementsAre(0, 25, 50, 75, 100, 125));
    EXPECT_EQ(a.decimals, 0);
    a = value_axis(0, 0.7);
    EXPECT_DOUBLE_EQ(a.max, 0.8);
    EXPECT_EQ(a.decimals, 1);
    a = value_axis(-12, 30);
    EXPECT_LE(a.min, -12);
    EXPECT_GE(a.max, 30);
    EXPECT_THAT(a.ticks, ::testing::Contains(0.0));
    a = value_axis(0, 0);  // nothing to show still gives an axis
    EXPECT_GT(a.max, a.min);
}

TEST(Charts, GapsAreLeftOpenAndMarked) {
    FakeMetrics m;
    kdx::Chart c;
    c.kind = kdx::Chart::Kind::bar;
    c.title = "Bosatt";
    c.categories = {"2012", "2013", "2014"};
    c.series = {{"Anmodning", {40, 45, kdx::Value::missing()}},
                {"Bosatt", {31, kdx::Value::suppressed(), 34}}};
    DisplayList list = lay_out(filler_then(0, {c}), m, {});
    int bars = 0;
    std::vector<std::string> strings;
    for (const Item& item : list.pages[0].items) {
        if (auto r = std::get_if<RectItem>(&item);
            r && r->height > 0 && r->fill && r->stroke && r->width > 20)
            ++bars;
        if (auto t = std::get_if<TextItem>(&item)) strings.push_back(t->text);
    }
    EXPECT_EQ(bars, 4);  // six values, one missing, one suppressed
    EXPECT_THAT(strings,
                ::testing::IsSupersetOf({"Bosatt", "Anmodning", "2012", "2014", ":", ".."}));
    c.kind = kdx::Chart::Kind::line;
    list = lay_out(filler_then(0, {c}), m, {});
    int dashed = 0, solid = 0;
    for (const Item& item : list.pages[0].items)
        if (auto p = std::get_if<PathItem>(&item); p && !p->closed && p->line_width > 1)
            (p->dash.empty() ? solid : dashed) += 1;
    // Series 1 runs 2012–2013 (and its legend sample); series 2 has no two neighbours.
    EXPECT_EQ(solid, 2);
    EXPECT_EQ(dashed, 1);
}

}  // namespace

namespace {

// The lines of a page between its margins: the running header and footer left out.
std::size_t body_lines(const Page& page, const PageSize& size) {
    std::vector<double> ys;
    for (const TextItem* t : texts_on(page))
        if (t->y > style::margin_bottom - 1 && t->y < size.height - style::margin_top + 1 &&
            std::none_of(ys.begin(), ys.end(), [&](double y) { return std::abs(y - t->y) < 1; }))
            ys.push_back(t->y);
    return ys.size();
}

}  // namespace

// Whatever the length of the text before them, notes and sources never make
// a last page of their own with a few lines: the layout tightens the gaps,
// keeps blocks with them, or ends a long table earlier.
TEST(DocumentLayout, NotesAndSourcesNeverStandAloneOnANearlyEmptyLastPage) {
    FakeMetrics m;
    for (int rows = 20; rows < 80; rows += 3) {
        for (int filler : {0, 12}) {
            auto doc = filler_then(filler, {kdx::Heading{1, "Tabell"}, table(rows)});
            doc.blocks.push_back(kdx::Heading{1, "Resultater"});
            doc.blocks.push_back(kdx::Paragraph{{{"Ingen resultater er registrert.", false}}});
            doc.notes = {"«..» betyr at tallet mangler."};
            doc.info.sources = {"IMDi, bosettingsstatistikk, tall per oktober 2015"};
            DisplayList list = lay_out(doc, m, {});
            if (list.pages.size() < 2) continue;
            EXPECT_GE(body_lines(list.pages.back(), list.size), style::min_lines_on_last_page)
                << rows << " rows after " << filler << " lines: " << list.pages.size() << " pages";
        }
    }
}
