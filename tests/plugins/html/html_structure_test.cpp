// Every shipped template in every language, written by `kdx report --format
// html` from the example data and read back by Python's html.parser: one h1,
// headings without skipped levels, tables with captions and scoped headers,
// charts as named and described SVG images, the language, the metadata, and
// nothing fetched or run.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <map>
#include <regex>
#include <set>

#include "html_test_support.hpp"

namespace {

using ::testing::HasSubstr;
using ::testing::StartsWith;
namespace html = kdx::test::html;
using html::json;

class ShippedPages : public ::testing::Test {
  protected:
    // Written once for the suite: twelve runs of kdx.
    static const std::vector<html::Written>& pages() {
        static std::vector<html::Written> written = html::write_shipped_templates(
            kdx::test::fs::path(KDX_BUILD_DIR) / "test-scratch" / "ShippedPages");
        return written;
    }
    static const json& outline_of(const html::Written& w) {
        static std::map<std::string, json> cache;
        auto it = cache.find(w.file.string());
        if (it == cache.end()) it = cache.emplace(w.file.string(), html::outline(w.file)).first;
        return it->second;
    }
};

TEST_F(ShippedPages, AllTwelveAreWritten) { EXPECT_EQ(pages().size(), 12u); }

TEST_F(ShippedPages, ParseCleanlyWithOneStyleSheetAndNoScriptOrNetwork) {
    for (const auto& w : pages()) {
        SCOPED_TRACE(w.file.string());
        const json& o = outline_of(w);
        EXPECT_TRUE(o["doctype"].get<bool>());
        EXPECT_TRUE(o["errors"].empty()) << o["errors"].dump();
        EXPECT_TRUE(o["unclosed"].empty()) << o["unclosed"].dump();
        EXPECT_EQ(o["scripts"], 0);
        EXPECT_EQ(o["styles"], 1);
        EXPECT_TRUE(o["external"].empty()) << o["external"].dump();
        EXPECT_EQ(o["main"], 1);
        EXPECT_EQ(o["meta"]["charset"], "utf-8");
        std::set<std::string> ids;
        for (const auto& id : o["ids"]) EXPECT_TRUE(ids.insert(id.get<std::string>()).second) << id;
    }
}

TEST_F(ShippedPages, LanguageAndMetadata) {
    for (const auto& w : pages()) {
        SCOPED_TRACE(w.file.string());
        const json& o = outline_of(w);
        EXPECT_EQ(o["lang"], w.language);
        const json& meta = o["meta"];
        EXPECT_THAT(meta.value("generator", ""), StartsWith("kdx "));
        EXPECT_THAT(meta.value("author", ""), HasSubstr("IMDi"));
        EXPECT_FALSE(meta.value("description", "").empty());
        EXPECT_FALSE(meta.value("keywords", "").empty());
        EXPECT_EQ(meta.value("kdx.template", ""), w.template_id);
        EXPECT_EQ(meta.value("dcterms.date", ""), "2018-12-21");  // SOURCE_DATE_EPOCH
        EXPECT_EQ(meta.value("dcterms.language", ""), w.language);
    }
}

TEST_F(ShippedPages, OneH1AndNoSkippedHeadingLevel) {
    for (const auto& w : pages()) {
        SCOPED_TRACE(w.file.string());
        const json& o = outline_of(w);
        const json& headings = o["headings"];
        ASSERT_GE(headings.size(), 2u);
        EXPECT_EQ(headings[0][0], 1);
        EXPECT_THAT(o["title"].get<std::string>(), StartsWith(headings[0][1].get<std::string>()));
        int previous = 1;
        for (std::size_t i = 1; i < headings.size(); ++i) {
            const int level = headings[i][0];
            EXPECT_GT(level, 1) << "a second h1: " << headings[i][1];
            EXPECT_LE(level, previous + 1) << "skipped to h" << level << ": " << headings[i][1];
            EXPECT_FALSE(headings[i][1].get<std::string>().empty());
            previous = level;
        }
    }
}

TEST_F(ShippedPages, TablesHaveCaptionsAndScopedHeaders) {
    for (const auto& w : pages()) {
        SCOPED_TRACE(w.file.string());
        const json& tables = outline_of(w)["tables"];
        EXPECT_FALSE(tables.empty());
        for (const json& t : tables) {
            SCOPED_TRACE(t["id"].get<std::string>());
            EXPECT_FALSE(t["caption"].get<std::string>().empty());
            ASSERT_EQ(t["head"].size(), 1u);
            for (const json& cell : t["head"][0])
                if (cell["tag"] == "th") {
                    EXPECT_EQ(cell["scope"], "col") << cell["text"];
                }
            ASSERT_FALSE(t["body"].empty());
            // A first column that is not a figure heads its rows.
            const bool first_is_figure = t["head"][0][0]["class"] == "num";
            for (const auto* part : {"body", "foot"})
                for (const json& row : t[part]) {
                    for (const json& cell : row)
                        if (cell["tag"] == "th") {
                            EXPECT_EQ(cell["scope"], "row") << cell["text"];
                        }
                    if (!first_is_figure && !row[0]["text"].get<std::string>().empty()) {
                        EXPECT_EQ(row[0]["tag"], "th") << row[0]["text"];
                    }
                }
        }
    }
}

// The county overview sums its municipalities: the sum is the total row,
// in tfoot, under the word the PDF and XLSX use.
TEST_F(ShippedPages, TheTotalRowIsMarked) {
    for (const auto& w : pages()) {
        if (w.template_id != "county-overview") continue;
        SCOPED_TRACE(w.file.string());
        bool found = false;
        for (const json& t : outline_of(w)["tables"])
            if (!t["foot"].empty()) {
                found = true;
                ASSERT_EQ(t["foot"].size(), 1u);
                EXPECT_EQ(t["foot"][0][0]["text"], w.language == "en" ? "Total" : "I alt");
                EXPECT_EQ(t["foot"][0][0]["tag"], "th");
            }
        EXPECT_TRUE(found) << "no total row";
    }
}

TEST_F(ShippedPages, ChartsAreNamedAndDescribedImagesWithTheirFiguresInATable) {
    for (const auto& w : pages()) {
        SCOPED_TRACE(w.file.string());
        const json& o = outline_of(w);
        ASSERT_FALSE(o["charts"].empty());
        for (const json& c : o["charts"]) {
            EXPECT_EQ(c["labelledby"], c["title_id"]);
            EXPECT_EQ(c["describedby"], c["desc_id"]);
            EXPECT_FALSE(c["title"].get<std::string>().empty());
            const std::string desc = c["desc"];
            const bool en = w.language == "en";
            EXPECT_TRUE(std::regex_search(
                desc, std::regex(en ? "^(Bar|Line) chart: " : "^(Stolpe|Linje)diagram: ")))
                << desc;
        }
        std::size_t in_details = 0;
        for (const json& t : o["tables"]) in_details += t["in_details"].get<bool>() ? 1 : 0;
        EXPECT_EQ(in_details, o["charts"].size());
    }
}

// The words the issue gives as the example (Steinkjer asked for 45, decided
// 35 and settled 34 in 2014, as examples/data/nominees-2018.xml says).
TEST_F(ShippedPages, TheCouncilReportsChartReadsItsFigures) {
    for (const auto& w : pages()) {
        if (w.template_id != "council-report") continue;
        const std::string desc = outline_of(w)["charts"][0]["desc"];
        EXPECT_THAT(desc, StartsWith(w.language == "en" ? "Bar chart: " : "Stolpediagram: "));
        EXPECT_THAT(desc,
                    HasSubstr(w.language == "en" ? "2014: 45, 35 and 34." : "2014: 45, 35 og 34."));
        EXPECT_THAT(desc,
                    HasSubstr(w.language == "en" ? "2012: 40, 35 and 31." : "2012: 40, 35 og 31."));
    }
}

// 34 settled of 45 requested is 75.6 %: the key figure as each language writes it.
TEST_F(ShippedPages, KeyFiguresAreADescriptionListInTheLanguagesNumbers) {
    for (const auto& w : pages()) {
        if (w.template_id != "council-report") continue;
        SCOPED_TRACE(w.file.string());
        const json& lists = outline_of(w)["key_figures"];
        ASSERT_EQ(lists.size(), 1u);
        std::vector<std::string> figures;
        for (const json& item : lists[0])
            if (item[0] == "dd.figure") figures.push_back(item[1]);
        EXPECT_EQ(figures.front(), "45");
        EXPECT_EQ(figures.back(), w.language == "en" ? "75.6%" : "75,6\u00a0%");
        EXPECT_EQ(lists[0][0][0], "dt");
    }
}

TEST_F(ShippedPages, NotesAndSourcesCloseThePage) {
    for (const auto& w : pages()) {
        SCOPED_TRACE(w.file.string());
        const json& o = outline_of(w);
        const std::string last = o["headings"].back()[1];
        EXPECT_EQ(last, w.language == "en"   ? "Notes and sources"
                        : w.language == "nn" ? "Merknader og kjelder"
                                             : "Merknader og kilder");
        ASSERT_FALSE(o["notes"].empty());
        EXPECT_THAT(o["notes"].back().get<std::string>(),
                    StartsWith(w.language == "en"   ? "Sources: "
                               : w.language == "nn" ? "Kjelder: "
                                                    : "Kilder: "));
    }
}

}  // namespace
