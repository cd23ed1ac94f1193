// The report engine: selection, language, disclosure control and the blocks
// the shipped templates produce, checked on a small hand-made dataset.
#include "report/report_builder.hpp"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "kdx/error.hpp"
#include "sample_data.hpp"
#include "test_support.hpp"

namespace {

using ::testing::ElementsAre;
using ::testing::HasSubstr;
using kdx::Value;
using kdx::test::shipped_template;
namespace report = kdx::report;

const std::string nbsp = "\u00a0";

// Voss (nynorsk) settles few; Bergen many; Askøy reports no decision in 2020.
kdx::Dataset dataset() {
    kdx::Dataset d;
    d.municipalities = kdx::test::vestland_municipalities();
    kdx::test::add_figures(d, "4621", {{2019, 10, 10, 12}, {2020, 6, 5, 3}});
    kdx::test::add_figures(d, "4601", {{2019, 250, 250, 240}, {2020, 1200, 1150, 1234}});
    kdx::test::add_figures(d, "4627", {{2019, 20, 20, 18}, {2020, 20, Value::missing(), 25}});
    return d;
}

const kdx::Table& table_with_caption(const kdx::Document& doc, const std::string& start) {
    for (const auto& b : doc.blocks)
        if (auto t = std::get_if<kdx::Table>(&b); t && t->caption.rfind(start, 0) == 0) return *t;
    throw std::runtime_error("no table " + start);
}

std::vector<std::string> row_texts(const kdx::Table& t, std::size_t row) {
    std::vector<std::string> texts;
    for (const auto& c : t.rows.at(row)) texts.push_back(c.text);
    return texts;
}

TEST(ReportBuilder, CouncilReportSpeaksTheMunicipalitysLanguageAndSuppressesSmallCounts) {
    kdx::Diagnostics diagnostics;
    report::ReportRequest r;
    r.municipality = "4621";
    auto doc = report::build_report(shipped_template("council-report"), dataset(), r, diagnostics);
    EXPECT_EQ(doc.info.language, "nn");
    EXPECT_EQ(doc.info.title, "Busetjing og integrering i Voss 2020");
    const auto& t = table_with_caption(doc, "Oppmoding, vedtak og busetjing per år");
    EXPECT_EQ(t.columns[3].header, "Busett");
    // 2020: 3 settled is under 5, so it and the share it would reveal are ":";
    // requests and decisions are public figures and stay.
    EXPECT_THAT(row_texts(t, 2), ElementsAre("2020", "6", "5", ":", ":"));
    EXPECT_THAT(row_texts(t, 1), ElementsAre("2019", "10", "10", "12", "120,0" + nbsp + "%"));
    EXPECT_TRUE(t.rows[2][3].value.is_suppressed());
    ASSERT_FALSE(doc.notes.empty());
    EXPECT_THAT(doc.notes[0], HasSubstr("færre enn 5 personar"));
    // The paragraph refers to the suppressed figure as ":" too.
    auto p = std::get<kdx::Paragraph>(doc.blocks[0]);
    EXPECT_EQ(p.runs[0].text, "I 2020 oppmoda IMDi kommunen om å busetje 6 flyktningar. Kommunestyret "
                              "vedtok å busetje 5, og : vart busette.");
}

TEST(ReportBuilder, LanguageOverrideAndThreshold) {
    kdx::Diagnostics diagnostics;
    report::ReportRequest r;
    r.municipality = "4621";
    r.language = "en";
    r.threshold = 3;  // 3 is no longer under the threshold
    auto doc = report::build_report(shipped_template("council-report"), dataset(), r, diagnostics);
    EXPECT_EQ(doc.info.language, "en");
    const auto& t = table_with_caption(doc, "Requested, decided and settled by year");
    EXPECT_THAT(row_texts(t, 2), ElementsAre("2020", "6", "5", "3", "50.0%"));
    // 2018 has no figures, so only the note on missing figures remains.
    EXPECT_THAT(row_texts(t, 0), ElementsAre("2018", "..", "..", "..", ".."));
    // The sample's 2019 figures are under 4621, which came into use in 2020.
    EXPECT_THAT(doc.notes, ElementsAre(HasSubstr("\"..\" means the figure is missing"),
                                       "Figures before 2020 are the sums of Voss and Granvin, "
                                       "then separate municipalities."));
}

TEST(ReportBuilder, CountyTotalsHideASingleSuppressedPartAndLeaveOutMissingOnes) {
    kdx::Diagnostics diagnostics;
    report::ReportRequest r;
    r.county = "46";
    r.year = 2020;
    auto doc = report::build_report(shipped_template("county-overview"), dataset(), r, diagnostics);
    EXPECT_EQ(doc.info.title, "Bosetting av flyktninger i Vestland 2020");
    const auto& t = table_with_caption(doc, "Bosetting per kommune");
    ASSERT_EQ(t.rows.size(), 4u);
    EXPECT_TRUE(t.last_row_is_total);
    EXPECT_THAT(row_texts(t, 0), ElementsAre("Voss", "4621", "6", "5", ":", ":"));
    EXPECT_THAT(row_texts(t, 2), ElementsAre("Askøy", "4627", "20", "..", "25", "125,0" + nbsp + "%"));
    // Settled: Voss's 3 is the only suppressed part, so the total would reveal it.
    // Decided: Askøy has no decision; the total covers those that decided.
    EXPECT_THAT(row_texts(t, 3), ElementsAre("I alt", "", "1" + nbsp + "226", "1" + nbsp + "155", ":", ":"));
    EXPECT_THAT(doc.notes, ::testing::Contains(HasSubstr("Summene omfatter kommunene som har rapportert")));
    EXPECT_THAT(doc.notes, ::testing::Contains(HasSubstr("«..» betyr at tallet mangler")));
}

TEST(ReportBuilder, ATotalWithSeveralSuppressedPartsIsShown) {
    auto d = dataset();
    d.settlement[3].settled = 2;  // Bergen 2020 too: two suppressed parts
    kdx::Diagnostics diagnostics;
    report::ReportRequest r;
    r.county = "46";
    r.year = 2020;
    auto doc = report::build_report(shipped_template("county-overview"), d, r, diagnostics);
    const auto& t = table_with_caption(doc, "Bosetting per kommune");
    EXPECT_EQ(t.rows[3][4].text, "30");  // 3 + 2 + 25: no single figure can be worked out
}

TEST(ReportBuilder, SourceSuppressedStaysSuppressedAndZeroIsNotMissing) {
    auto d = dataset();
    d.settlement[1].settled = Value::suppressed();
    d.settlement[1].decided = 0;
    kdx::Diagnostics diagnostics;
    report::ReportRequest r;
    r.municipality = "4621";
    r.threshold = 1;
    r.language = "nb";
    auto doc = report::build_report(shipped_template("council-report"), d, r, diagnostics);
    const auto& t = table_with_caption(doc, "Anmodning, vedtak og bosetting per år");
    EXPECT_THAT(row_texts(t, 2), ElementsAre("2020", "6", "0", ":", ":"));
}

TEST(ReportBuilder, KeyFiguresWithChangeAndThreeYearTotals) {
    kdx::Diagnostics diagnostics;
    report::ReportRequest r;
    r.municipality = "4601";
    r.year = 2020;
    auto doc = report::build_report(shipped_template("council-report"), dataset(), r, diagnostics);
    const kdx::KeyFigures* k = nullptr;
    for (const auto& b : doc.blocks)
        if ((k = std::get_if<kdx::KeyFigures>(&b))) break;
    ASSERT_NE(k, nullptr);
    ASSERT_EQ(k->figures.size(), 4u);
    EXPECT_EQ(k->figures[2].label, "Bosatt 2020");
    EXPECT_EQ(k->figures[2].text, "1" + nbsp + "234");
    EXPECT_EQ(k->figures[2].change, Value(994));
    EXPECT_EQ(k->figures[3].unit, kdx::Unit::percent);
}

TEST(ReportBuilder, DossierUsesTheNominationAndComparisonTheNominees) {
    auto d = dataset();
    kdx::Nomination n = kdx::test::nomination("4627", 2020, "Askøy *bosetter* raskt.",
                                              {{"Bolig", "Første avsnitt.\n\nAndre avsnitt."}});
    d.nominations.push_back(n);
    n.municipality = "4601";
    n.status = kdx::NominationStatus::winner;
    n.sections.clear();
    d.nominations.push_back(n);
    kdx::Diagnostics diagnostics;
    report::ReportRequest r;
    r.municipality = "4627";
    auto doc = report::build_report(shipped_template("imdi-dossier"), d, r, diagnostics);
    EXPECT_EQ(doc.info.title, "Askøy kommune");
    auto summary = std::get<kdx::Paragraph>(doc.blocks[0]);
    ASSERT_EQ(summary.runs.size(), 3u);
    EXPECT_TRUE(summary.runs[1].emphasis);
    EXPECT_EQ(summary.runs[1].text, "bosetter");
    bool found_heading = false;
    for (const auto& b : doc.blocks)
        if (auto h = std::get_if<kdx::Heading>(&b); h && h->text == "Bolig") found_heading = true;
    EXPECT_TRUE(found_heading);

    report::ReportRequest all;
    all.year = 2020;
    auto comparison =
        report::build_report(shipped_template("imdi-comparison"), d, all, diagnostics);
    EXPECT_EQ(comparison.info.title, "Bosettings- og inkluderingsprisen 2020: de nominerte");
    auto nominees = std::get<kdx::Paragraph>(comparison.blocks[0]);
    EXPECT_EQ(nominees.runs[0].text, "Nominert: Askøy og Bergen.");
}

TEST(ReportBuilder, UnknownSelectionIsAClearError) {
    kdx::Diagnostics diagnostics;
    report::ReportRequest r;
    r.municipality = "9999";
    EXPECT_THROW(
        {
            try {
                report::build_report(shipped_template("council-report"), dataset(), r, diagnostics);
            } catch (const kdx::Error& e) {
                EXPECT_STREQ(e.what(), "municipality 9999 is not in the data");
                throw;
            }
        },
        kdx::Error);
    r.municipality.clear();
    r.county = "03";
    EXPECT_THROW(report::build_report(shipped_template("county-overview"), dataset(), r, diagnostics), kdx::Error);
}

}  // namespace
