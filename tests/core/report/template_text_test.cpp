// The templating on its own: what a template's fields become for a
// selection, a year and a language. Expected texts are written out by hand
// from the figures below and the labels' wording.
#include "report/template_text.hpp"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "sample_data.hpp"

namespace {

using kdx::Value;
using kdx::report::Disclosure;
using kdx::report::Selection;
using kdx::report::TemplateText;
using ::testing::ElementsAre;
using ::testing::IsEmpty;

const std::string nbsp = "\u00a0";

// Voss 4621 (nynorsk), Bergen 4601, Askøy 4627. Askøy has no decision in
// 2020. With `settled_counts_people`, settled counts are person statistics.
kdx::Dataset vestland(bool settled_counts_people = false) {
    kdx::Dataset d;
    d.municipalities = kdx::test::vestland_municipalities();
    kdx::test::add_figures(d, "4621", {{2019, 10, 10, 12}, {2020, 6, 5, 3}});
    kdx::test::add_figures(d, "4601", {{2019, 250, 250, 240}, {2020, 1200, 1150, 1234}});
    kdx::test::add_figures(d, "4627", {{2019, 20, 20, 18}, {2020, 20, Value::missing(), 25}});
    if (settled_counts_people)
        d.indicators.push_back(
            {"settled", "Bosatte", "Busette", "Settled", kdx::Unit::persons, true, true});
    return d;
}

// One municipality of `d` (or, with "", all three as a county) in 2020.
Selection selection_2020(const kdx::Dataset& d, const std::string& number,
                         const std::string& language) {
    Selection s;
    if (number.empty()) {
        for (const kdx::Municipality& m : d.municipalities) s.municipalities.push_back(&m);
        s.county_name = "Vestland";
    } else {
        s.subject = d.find_municipality(number);
        s.municipalities = {s.subject};
    }
    s.year = 2020;
    s.first_year = 2019;
    s.language = language;
    return s;
}

kdx::report::ReportTemplate public_template() {
    kdx::report::ReportTemplate t;
    t.id = "test";
    t.public_report = true;
    return t;
}

// A selection's texts, with the disclosure control they are taken through.
struct Texts {
    Texts(const kdx::Dataset& d, Selection selection, kdx::report::ReportRequest request = {})
        : s(std::move(selection)),
          r(std::move(request)),
          disclosure(t, d, s, r.threshold),
          text(s, r, disclosure) {}

    kdx::report::ReportTemplate t = public_template();
    Selection s;
    kdx::report::ReportRequest r;
    Disclosure disclosure;
    TemplateText text;
};

TEST(TemplateText, FiguresAndNamesInNynorsk) {
    kdx::Dataset d = vestland();
    Texts x(d, selection_2020(d, "4621", "nn"));
    // Voss 2020: 6 requested, 3 settled; 3 of 6 is 50.0 %.
    EXPECT_EQ(x.text.fill("I {year} vart {settled} av {requested} busette i {municipality} "
                          "({municipality-number}, {county}), {settled-share-of-requested}."),
              "I 2020 vart 3 av 6 busette i Voss (4621, Vestland), 50,0" + nbsp + "%.");
    EXPECT_EQ(x.text.fill("{first-year}–{year}"), "2019–2020");
}

TEST(TemplateText, FiguresAndNamesInEnglish) {
    kdx::Dataset d = vestland();
    Texts x(d, selection_2020(d, "", "en"));
    // Settled in 2020: 3 + 1234 + 25 = 1262; requested 6 + 1200 + 20 = 1226.
    EXPECT_EQ(x.text.fill("In {year}, {municipality} was asked to settle {requested} refugees "
                          "and settled {settled}."),
              "In 2020, Vestland was asked to settle 1,226 refugees and settled 1,262.");
    EXPECT_EQ(x.text.field("nominees"), "Voss, Bergen and Askøy");
    EXPECT_EQ(x.text.fill("Text without fields."), "Text without fields.");
}

TEST(TemplateText, AMissingFigureIsSaidInWords) {
    kdx::Dataset d = vestland();
    {
        Texts x(d, selection_2020(d, "4627", "nn"));
        EXPECT_EQ(x.text.fill("Kommunestyret vedtok å busetje {decided}."),
                  "Kommunestyret vedtok å busetje eit ikkje oppgitt tal.");
    }
    {
        // English needs the "of" before "refugees"; a number does not.
        Texts x(d, selection_2020(d, "4627", "en"));
        EXPECT_EQ(x.text.fill("The council decided to settle {decided} refugees."),
                  "The council decided to settle an unreported number of refugees.");
        EXPECT_EQ(x.text.fill("Asked to settle {requested} refugees."),
                  "Asked to settle 20 refugees.");
    }
    d.settlement[5].requested = Value::missing();  // Askøy 2020: no share either
    Texts x(d, selection_2020(d, "4627", "nb"));
    EXPECT_EQ(x.text.field("settled-share-of-requested"), "en ikke oppgitt andel");
}

TEST(TemplateText, AHiddenFigureIsSaidInWords) {
    kdx::Dataset d = vestland(true);
    Texts x(d, selection_2020(d, "4621", "nn"));
    // 3 settled is under the threshold of 5, and so is the share made of it.
    EXPECT_EQ(x.text.fill("{settled} vart busette ({settled-share-of-requested})."),
              "eit ikkje publisert tal vart busette (ein ikkje publisert andel).");
    EXPECT_EQ(x.text.field("requested"), "6");
    EXPECT_EQ(x.text.field("threshold"), "5");
}

TEST(TemplateText, CountyAndPrizeFields) {
    kdx::Dataset d = vestland();
    kdx::report::ReportRequest r;
    r.county = "46";
    r.threshold = 3;
    Selection s = selection_2020(d, "", "nb");
    s.year = 2017;
    s.nomination_year = 2018;
    s.winners = {"Stange", "Voss"};
    Texts x(d, s, r);
    EXPECT_EQ(x.text.fill("{county} ({county-number}){municipality-number}"), "Vestland (46)");
    EXPECT_EQ(x.text.fill("Prisen for {prize-year} (tall for {year}) gikk til {winner}."),
              "Prisen for 2018 (tall for 2017) gikk til Stange og Voss.");
    EXPECT_EQ(x.text.field("threshold"), "3");
    Texts y(d, selection_2020(d, "4621", "nb"));
    EXPECT_EQ(y.text.field("prize-year"), "2020");
    EXPECT_EQ(y.text.field("county-number"), "46");
}

TEST(TemplateText, JoinAndEmphasis) {
    using kdx::report::join;
    EXPECT_EQ(join({}, "nb"), "");
    EXPECT_EQ(join({"Voss"}, "nn"), "Voss");
    EXPECT_EQ(join({"Voss", "Granvin"}, "nb"), "Voss og Granvin");
    EXPECT_EQ(join({"Voss", "Bergen", "Askøy"}, "en"), "Voss, Bergen and Askøy");
    kdx::Paragraph p = kdx::report::paragraph_of("Vinnar: *Stange* og *Voss*.");
    std::vector<std::pair<std::string, bool>> runs;
    for (const kdx::TextRun& r : p.runs) runs.emplace_back(r.text, r.emphasis);
    EXPECT_THAT(runs, ElementsAre(std::pair<std::string, bool>{"Vinnar: ", false},
                                  std::pair<std::string, bool>{"Stange", true},
                                  std::pair<std::string, bool>{" og ", false},
                                  std::pair<std::string, bool>{"Voss", true},
                                  std::pair<std::string, bool>{".", false}));
    EXPECT_THAT(kdx::report::years_text(2018, 2020), ElementsAre("2018", "2019", "2020"));
}

TEST(TemplateText, PublisherComesFromTheRequestTheTemplateOrTheData) {
    kdx::Dataset d = vestland();
    kdx::DataSource imdi;
    imdi.publisher = "IMDi";
    d.info.data_sources = {kdx::DataSource{}, imdi};
    Texts x(d, selection_2020(d, "4621", "nn"));
    using kdx::report::publisher;
    EXPECT_EQ(publisher(x.t, d, x.r, x.text), "IMDi");  // the first source with one
    d.info.publisher = "Statsforvaltaren i Vestland";
    EXPECT_EQ(publisher(x.t, d, x.r, x.text), "Statsforvaltaren i Vestland");
    x.t.author.by_language = {{"nb", "Kommunedirektøren i {municipality}"},
                              {"nn", "Kommunedirektøren i {municipality} kommune"}};
    EXPECT_EQ(publisher(x.t, d, x.r, x.text), "Kommunedirektøren i Voss kommune");
    x.r.publisher = "Voss herad";
    EXPECT_EQ(publisher(x.t, d, x.r, x.text), "Voss herad");
}

// Voss 4621 was made of Voss 1235 and Granvin 1234 in 2020; Hitra 5056 of
// Hitra 5013 and part of Snillfjord 5012, which was divided.
TEST(TemplateText, MergedFiguresAreNamed) {
    kdx::Dataset d = vestland();
    Selection voss = selection_2020(d, "4621", "nn");
    EXPECT_THAT(kdx::report::merged_figures_notes(voss, d),
                ElementsAre("Tala før 2020 er summen av Voss og Granvin, som då var eigne "
                            "kommunar."));
    voss.first_year = 2020;  // no year before the merger in the report
    EXPECT_THAT(kdx::report::merged_figures_notes(voss, d), IsEmpty());
    EXPECT_THAT(kdx::report::merged_figures_notes(selection_2020(d, "", "nn"), d), IsEmpty());

    kdx::Dataset h;
    h.municipalities = {kdx::test::municipality("5056", "Hitra", "50", "Trøndelag")};
    kdx::test::add_figures(h, "5056", {{2019, 10, 10, 8}, {2020, 12, 12, 12}});
    EXPECT_THAT(kdx::report::merged_figures_notes(selection_2020(h, "5056", "en"), h),
                ElementsAre("Figures before 2020 do not include the part of Snillfjord that "
                            "became part of Hitra in 2020; the figures of Snillfjord cannot be "
                            "divided."));
}

}  // namespace
