// The report engine: selection, language, disclosure control and the blocks
// the shipped templates produce, checked on a small hand-made dataset.
#include "report/report_builder.hpp"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <algorithm>

#include "kdx/error.hpp"
#include "sample_data.hpp"
#include "test_support.hpp"

namespace {

using kdx::Value;
using kdx::test::shipped_template;
using ::testing::ElementsAre;
using ::testing::HasSubstr;
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

TEST(ReportBuilder, CouncilReportSpeaksTheMunicipalitysLanguageAndPublishesSettlementCounts) {
    kdx::Diagnostics diagnostics;
    report::ReportRequest r;
    r.municipality = "4621";
    auto doc = report::build_report(shipped_template("council-report"), dataset(), r, diagnostics);
    EXPECT_EQ(doc.info.language, "nn");
    EXPECT_EQ(doc.info.title, "Busetjing og integrering i Voss 2020");
    const auto& t = table_with_caption(doc, "Oppmoding, vedtak og busetjing per år");
    EXPECT_EQ(t.columns[3].header, "Busett");
    // 2020: 3 settled is under the threshold of 5, but settlement counts are
    // public administrative figures: shown as they are.
    EXPECT_THAT(row_texts(t, 2), ElementsAre("2020", "6", "5", "3", "50,0" + nbsp + "%"));
    EXPECT_THAT(row_texts(t, 1), ElementsAre("2019", "10", "10", "12", "120,0" + nbsp + "%"));
    EXPECT_THAT(doc.notes, ::testing::Not(::testing::Contains(HasSubstr("«:»"))));
    auto p = std::get<kdx::Paragraph>(doc.blocks[0]);
    EXPECT_EQ(p.runs[0].text,
              "I 2020 oppmoda IMDi kommunen om å busetje 6 flyktningar. Kommunestyret "
              "vedtok å busetje 5, og 3 vart busette.");
}

TEST(ReportBuilder, PersonStatisticsAreSuppressedByTheirIndicator) {
    auto d = dataset();
    // A share of a cohort of 3 and a count of 2 participants are person
    // statistics; the national share is not about few people.
    d.outcomes.push_back(kdx::test::outcome("4621", 2020, Value(66.7), Value(3)));
    d.outcomes.push_back(kdx::test::outcome("4621", 2019, Value(55.0), Value(20)));
    kdx::Outcome participants = kdx::test::outcome("4621", 2020, Value(2), Value::missing());
    participants.indicator = "introduction-participants";
    participants.unit = kdx::Unit::persons;
    d.outcomes.push_back(participants);
    kdx::Diagnostics diagnostics;
    report::ReportRequest r;
    r.municipality = "4621";
    r.language = "nb";
    auto doc = report::build_report(shipped_template("council-report"), d, r, diagnostics);
    bool saw_hidden_share = false, saw_shown_share = false, saw_hidden_count = false;
    for (const auto& b : doc.blocks)
        if (auto t = std::get_if<kdx::Table>(&b))
            for (const auto& row : t->rows)
                for (const auto& c : row) {
                    if (c.value.is_suppressed() && row[0].text.rfind("I arbeid", 0) == 0)
                        saw_hidden_share = true;
                    if (c.text == "55,0" + nbsp + "%") saw_shown_share = true;
                    if (c.value.is_suppressed() && row[0].text.rfind("Deltakere", 0) == 0)
                        saw_hidden_count = true;
                }
    EXPECT_TRUE(saw_hidden_share);
    EXPECT_TRUE(saw_shown_share);
    EXPECT_TRUE(saw_hidden_count);
    // Exactly what was done: the share of 3 and the count of 2.
    EXPECT_THAT(doc.notes, ::testing::Contains(HasSubstr("2 tall under 5 er skjult («:»).")));
}

TEST(ReportBuilder, IndicatorSensitivityComesFromTheDataset) {
    auto d = dataset();
    kdx::Indicator own{"settled", "Bosatte", "Busette", "Settled", kdx::Unit::persons, true, true};
    d.indicators.push_back(own);  // a dataset may declare settled counts sensitive
    kdx::Diagnostics diagnostics;
    report::ReportRequest r;
    r.municipality = "4621";
    auto doc = report::build_report(shipped_template("council-report"), d, r, diagnostics);
    const auto& t = table_with_caption(doc, "Oppmoding, vedtak og busetjing per år");
    EXPECT_THAT(row_texts(t, 2), ElementsAre("2020", "6", "5", ":", ":"));
    // Running text says it in words, never ":".
    auto p = std::get<kdx::Paragraph>(doc.blocks[0]);
    EXPECT_EQ(p.runs[0].text,
              "I 2020 oppmoda IMDi kommunen om å busetje 6 flyktningar. Kommunestyret "
              "vedtok å busetje 5, og eit ikkje publisert tal vart busette.");
}

TEST(ReportBuilder, MissingFiguresInRunningTextAreWords) {
    auto d = dataset();
    d.settlement[1].requested = Value::missing();
    d.settlement[1].decided = Value::missing();
    for (const char* lang : {"nb", "en"}) {
        kdx::Diagnostics diagnostics;
        report::ReportRequest r;
        r.municipality = "4621";
        r.language = lang;
        auto doc = report::build_report(shipped_template("council-report"), d, r, diagnostics);
        auto p = std::get<kdx::Paragraph>(doc.blocks[0]);
        EXPECT_EQ(p.runs[0].text.find(".."), std::string::npos) << p.runs[0].text;
        EXPECT_EQ(p.runs[0].text.find(" :"), std::string::npos) << p.runs[0].text;
        if (std::string(lang) == "nb") {
            EXPECT_EQ(
                p.runs[0].text,
                "I 2020 anmodet IMDi kommunen om å bosette et ikke oppgitt antall flyktninger. "
                "Kommunestyret vedtok å bosette et ikke oppgitt antall, og 3 ble bosatt.");
        } else {
            EXPECT_EQ(
                p.runs[0].text,
                "In 2020 IMDi asked the municipality to settle an unreported number of refugees. "
                "The council decided to settle an unreported number, and 3 were settled.");
        }
    }
}

TEST(ReportBuilder, AYearWithoutFiguresIsAnErrorNamingTheYearsCovered) {
    kdx::Diagnostics diagnostics;
    report::ReportRequest r;
    r.municipality = "4621";
    r.year = 2015;
    try {
        report::build_report(shipped_template("council-report"), dataset(), r, diagnostics);
        FAIL() << "a report of 2015 was built";
    } catch (const kdx::Error& e) {
        EXPECT_STREQ(e.what(),
                     "the data has no figures for Voss (4621) in 2015; it covers 2019–2020");
    }
    r.municipality.clear();
    r.county = "46";
    r.year = 2021;
    try {
        report::build_report(shipped_template("county-overview"), dataset(), r, diagnostics);
        FAIL() << "a report of 2021 was built";
    } catch (const kdx::Error& e) {
        EXPECT_STREQ(
            e.what(),
            "the data has no figures for county 46 (Vestland) in 2021; it covers 2019–2020");
    }
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

TEST(ReportBuilder, CountyTotalsAreTrueAndLeaveOutMissingParts) {
    kdx::Diagnostics diagnostics;
    report::ReportRequest r;
    r.county = "46";
    r.year = 2020;
    auto doc = report::build_report(shipped_template("county-overview"), dataset(), r, diagnostics);
    EXPECT_EQ(doc.info.title, "Bosetting av flyktninger i Vestland 2020");
    const auto& t = table_with_caption(doc, "Bosetting per kommune");
    ASSERT_EQ(t.rows.size(), 4u);
    EXPECT_TRUE(t.last_row_is_total);
    // Rows in Norwegian order: Askøy, Bergen, Voss.
    EXPECT_THAT(row_texts(t, 0),
                ElementsAre("Askøy", "4627", "20", "..", "25", "125,0" + nbsp + "%"));
    EXPECT_THAT(row_texts(t, 2), ElementsAre("Voss", "4621", "6", "5", "3", "50,0" + nbsp + "%"));
    // Settled: every part is published, so is the total (3 + 1234 + 25).
    // Decided: Askøy has no decision; the total covers those that decided.
    EXPECT_THAT(row_texts(t, 3), ElementsAre("I alt", "", "1" + nbsp + "226", "1" + nbsp + "155",
                                             "1" + nbsp + "262", "102,9" + nbsp + "%"));
    EXPECT_THAT(doc.notes,
                ::testing::Contains(HasSubstr("Summene omfatter kommunene som har rapportert")));
    EXPECT_THAT(doc.notes, ::testing::Contains(HasSubstr("«..» betyr at tallet mangler")));
}

TEST(ReportBuilder, SmallSettlementCountsAndTheirTotalAreShown) {
    auto d = dataset();
    d.settlement[3].settled = 2;  // Bergen 2020 too: a small administrative count
    kdx::Diagnostics diagnostics;
    report::ReportRequest r;
    r.county = "46";
    r.year = 2020;
    auto doc = report::build_report(shipped_template("county-overview"), d, r, diagnostics);
    const auto& t = table_with_caption(doc, "Bosetting per kommune");
    EXPECT_EQ(t.rows[2][4].text, "3");   // Voss
    EXPECT_EQ(t.rows[1][4].text, "2");   // Bergen
    EXPECT_EQ(t.rows[3][4].text, "30");  // 3 + 2 + 25
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

TEST(ReportBuilder, ADossierOfAMunicipalityNotNominatedThatYearIsAnErrorNamingTheNominees) {
    auto d = dataset();
    d.nominations.push_back(kdx::test::nomination("4627", 2020, "Askøy.", {}));
    d.nominations.push_back(kdx::test::nomination("4601", 2020, "Bergen.", {}));
    d.nominations.push_back(kdx::test::nomination("4621", 2019, "Voss.", {}));
    kdx::Diagnostics diagnostics;
    report::ReportRequest r;
    r.municipality = "4621";
    r.prize_year = 2020;
    try {
        report::build_report(shipped_template("imdi-dossier"), d, r, diagnostics);
        FAIL() << "a dossier of Voss for 2020 was built";
    } catch (const kdx::Error& e) {
        EXPECT_STREQ(e.what(),
                     "Voss (4621) was not nominated in 2020; the nominees of 2020 are Askøy (4627) "
                     "and Bergen (4601)");
    }
    r.prize_year = 2019;  // Voss's own year is fine
    EXPECT_NO_THROW(report::build_report(shipped_template("imdi-dossier"), d, r, diagnostics));
}

TEST(ReportBuilder, EmptyColumnsAreLeftOutAndAChartHasItsOwnCaption) {
    auto d = dataset();
    d.programmes.push_back(kdx::test::programme(
        "p1", "4621", kdx::ProgrammeKind::introduction_programme, "Ny start", {"NAV"}, {}));
    // An indicator without a target in the template and no national figure.
    kdx::Outcome o = kdx::test::outcome("4621", 2020, Value(12), Value(40), kdx::Unit::persons);
    o.indicator = "introduction-participants";
    d.outcomes.push_back(o);
    kdx::Diagnostics diagnostics;
    report::ReportRequest r;
    r.municipality = "4621";
    r.language = "nn";
    auto doc = report::build_report(shipped_template("council-report"), d, r, diagnostics);
    std::vector<std::string> captions;
    for (const auto& b : doc.blocks) {
        if (auto t = std::get_if<kdx::Table>(&b)) {
            captions.push_back(t->caption);
            std::vector<std::string> headers;
            for (const auto& c : t->columns) headers.push_back(c.header);
            EXPECT_THAT(headers, ::testing::Not(::testing::Contains("Heile landet"))) << t->caption;
            EXPECT_THAT(headers, ::testing::Not(::testing::Contains("Nasjonalt mål")))
                << t->caption;
            if (t->caption == "Tiltak og samarbeidspartnarar") {
                EXPECT_THAT(headers, ElementsAre("Tiltak", "Type", "Samarbeidspartnarar"));
            }
        }
        if (auto c = std::get_if<kdx::Chart>(&b)) captions.push_back(c->title);
    }
    EXPECT_THAT(captions, ::testing::Contains("Oppmoda, vedteke og busett 2018–2020"));
    std::vector<std::string> unique(captions);
    std::sort(unique.begin(), unique.end());
    EXPECT_EQ(std::unique(unique.begin(), unique.end()), unique.end()) << "no caption twice";
}

TEST(ReportBuilder, TheComparisonsBottomRowIsTheNationalFigure) {
    auto d = dataset();
    d.municipalities.push_back(kdx::test::municipality("0000", "Hele landet", "00", "Hele landet"));
    kdx::test::add_figures(d, "0000", {{2020, 10000, 9000, 8000}});
    d.nominations.push_back(kdx::test::nomination("4627", 2020, "Askøy.", {}));
    d.nominations.push_back(kdx::test::nomination("4601", 2020, "Bergen.", {}));
    kdx::Diagnostics diagnostics;
    report::ReportRequest r;
    r.year = 2020;
    auto doc = report::build_report(shipped_template("imdi-comparison"), d, r, diagnostics);
    const auto& t = table_with_caption(doc, "Bosetting per kommune");
    ASSERT_EQ(t.rows.size(), 3u);
    EXPECT_TRUE(t.last_row_is_total);
    EXPECT_THAT(row_texts(t, 2),
                ElementsAre("Hele landet", "", "10" + nbsp + "000", "9" + nbsp + "000",
                            "8" + nbsp + "000", "80,0" + nbsp + "%"));
    // Without the country's figure there is no bottom row: a sum of nominees means nothing.
    d.settlement.pop_back();
    auto without = report::build_report(shipped_template("imdi-comparison"), d, r, diagnostics);
    EXPECT_EQ(table_with_caption(without, "Bosetting per kommune").rows.size(), 2u);
}

TEST(ReportBuilder, MunicipalitiesAreInNorwegianOrder) {
    kdx::Dataset d;
    for (const auto& [number, name] :
         std::vector<std::pair<std::string, std::string>>{{"3201", "Bærum"},
                                                          {"1804", "Bodø"},
                                                          {"3218", "Ås"},
                                                          {"3203", "Asker"},
                                                          {"1511", "Ørsta"},
                                                          {"5001", "Zeta"},
                                                          {"1120", "Ålesund"},
                                                          {"4632", "Aurland"}}) {
        d.municipalities.push_back(kdx::test::municipality(number, name, "99", "Prøve"));
        kdx::test::add_figures(d, number, {{2020, 10, 10, 10}});
    }
    kdx::Diagnostics diagnostics;
    report::ReportRequest r;
    r.county = "99";
    r.year = 2020;
    auto doc = report::build_report(shipped_template("county-overview"), d, r, diagnostics);
    const auto& t = table_with_caption(doc, "Bosetting per kommune");
    std::vector<std::string> names;
    for (std::size_t i = 0; i + 1 < t.rows.size(); ++i) names.push_back(t.rows[i][0].text);
    // Bodø before Bærum (ø and æ are letters after z, not o and a); Å last.
    EXPECT_THAT(names,
                ElementsAre("Asker", "Aurland", "Bodø", "Bærum", "Zeta", "Ørsta", "Ålesund", "Ås"));
}

// The comparison's programme table lists the nominees in Norwegian order
// (Askøy before Bergen) whatever order the data gives the programmes in.
TEST(ReportBuilder, ProgrammesOfSeveralMunicipalitiesAreInNorwegianOrder) {
    auto d = dataset();
    d.programmes.push_back(kdx::test::programme(
        "b1", "4601", kdx::ProgrammeKind::introduction_programme, "Bergen 1", {}, {}));
    d.programmes.push_back(
        kdx::test::programme("a1", "4627", kdx::ProgrammeKind::other, "Askøy 1", {}, {}));
    d.programmes.push_back(
        kdx::test::programme("b2", "4601", kdx::ProgrammeKind::other, "Bergen 2", {}, {}));
    d.nominations.push_back(kdx::test::nomination("4627", 2020, "Askøy.", {}));
    d.nominations.push_back(kdx::test::nomination("4601", 2020, "Bergen.", {}));
    kdx::Diagnostics diagnostics;
    report::ReportRequest r;
    r.year = 2020;
    auto doc = report::build_report(shipped_template("imdi-comparison"), d, r, diagnostics);
    const auto& t = table_with_caption(doc, "Tiltak og samarbeidspartnere");
    std::vector<std::string> names;
    for (std::size_t i = 0; i < t.rows.size(); ++i) names.push_back(t.rows[i][1].text);
    EXPECT_THAT(names, ElementsAre("Askøy 1", "Bergen 1", "Bergen 2"));
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
    EXPECT_THROW(
        report::build_report(shipped_template("county-overview"), dataset(), r, diagnostics),
        kdx::Error);
}

}  // namespace
