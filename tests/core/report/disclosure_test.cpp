// Disclosure control on its own: which cells a public report hides, and which
// notes the figures placed in it call for. Expected cells are worked out by
// hand from the figures below.
#include "report/disclosure.hpp"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "sample_data.hpp"
#include "test_support.hpp"

namespace {

using kdx::Value;
using kdx::report::Disclosure;
using kdx::report::Use;
using ::testing::ElementsAre;
using ::testing::HasSubstr;
using ::testing::IsEmpty;

// Voss 4621, Bergen 4601, Askøy 4627 (Vestland). Askøy has no decision in 2020.
kdx::Dataset vestland(bool settled_counts_people) {
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

kdx::report::Selection county_2020(const kdx::Dataset& d, int years) {
    kdx::report::Selection s;
    for (const kdx::Municipality& m : d.municipalities) s.municipalities.push_back(&m);
    s.year = 2020;
    s.first_year = 2020 - years + 1;
    s.language = "nb";
    return s;
}

kdx::report::ReportTemplate public_template() {
    kdx::report::ReportTemplate t;
    t.id = "test";
    t.public_report = true;
    return t;
}

const kdx::Municipality* named(const kdx::Dataset& d, const std::string& number) {
    return d.find_municipality(number);
}

TEST(Disclosure, AFigureOnlyComputedFromAddsNoNote) {
    kdx::Dataset d = vestland(false);
    auto s = county_2020(d, 2);
    Disclosure control(public_template(), d, s, 5);
    const kdx::Municipality* askoy = named(d, "4627");
    EXPECT_TRUE(control.figure("decided", {askoy}, 2020, Use::computed).is_missing());
    EXPECT_THAT(control.notes("nb"), IsEmpty());
    // Said in words ("ikke registrert"), a missing figure needs no note on "..".
    control.figure("decided", {askoy}, 2020, Use::in_words);
    EXPECT_THAT(control.notes("nb"), IsEmpty());
    // Placed, it is shown as "..", which the note explains.
    control.figure("decided", {askoy}, 2020, Use::shown);
    ASSERT_EQ(control.notes("nb").size(), 1u);
    EXPECT_THAT(control.notes("nb")[0], HasSubstr("«..»"));
}

TEST(Disclosure, ATotalWithAMissingPartSaysSoWithoutTheMissingNote) {
    kdx::Dataset d = vestland(false);
    auto s = county_2020(d, 1);
    Disclosure control(public_template(), d, s, 5);
    // 5 + 1150 + (Askøy: no decision) = 1155, over the municipalities that reported.
    Value total = control.figure("decided", s.municipalities, 2020, Use::shown);
    ASSERT_TRUE(total.has_value());
    EXPECT_EQ(total.get(), 1155);
    const auto notes = control.notes("nb");
    ASSERT_EQ(notes.size(), 1u);
    EXPECT_EQ(notes[0], "Summene omfatter kommunene som har rapportert.");
}

TEST(Disclosure, AdministrativeCountsAreNeverHidden) {
    kdx::Dataset d = vestland(false);
    auto s = county_2020(d, 1);
    Disclosure control(public_template(), d, s, 5);
    // Voss settled 3 in 2020: below 5, but IMDi publishes settlement counts as they are.
    EXPECT_EQ(control.figure("settled", {named(d, "4621")}, 2020, Use::shown).get(), 3);
    EXPECT_THAT(control.secondary(), IsEmpty());
}

TEST(Disclosure, ASecondCellIsHiddenSoTheFirstCannotBeWorkedOut) {
    // "settled" made a person statistic: Voss's 3 in 2020 is hidden; the total
    // 3 + 1234 + 25 = 1262 is shown, so the smallest other cell, Askøy's 25,
    // is hidden too. 2019 (12, 240, 18) has nothing under 5.
    kdx::Dataset d = vestland(true);
    auto s = county_2020(d, 2);
    Disclosure control(public_template(), d, s, 5);
    EXPECT_THAT(control.secondary(), ElementsAre(Disclosure::Cell{"4627", 2020, "settled"}));
    EXPECT_TRUE(control.figure("settled", {named(d, "4621")}, 2020, Use::shown).is_suppressed());
    EXPECT_TRUE(control.figure("settled", {named(d, "4627")}, 2020, Use::shown).is_suppressed());
    EXPECT_EQ(control.figure("settled", {named(d, "4601")}, 2020, Use::shown).get(), 1234);
    Value total = control.figure("settled", s.municipalities, 2020, Use::shown);
    ASSERT_TRUE(total.has_value());
    EXPECT_EQ(total.get(), 1262);  // the total stays true
    const auto notes = control.notes("nb");
    ASSERT_EQ(notes.size(), 1u);
    EXPECT_THAT(notes[0], HasSubstr("1 tall under 5 er skjult"));
    EXPECT_THAT(notes[0], HasSubstr("og 1 til slik at det ikke kan regnes ut fra summen"));
}

TEST(Disclosure, AReportThatIsNotPublicHidesNothing) {
    kdx::Dataset d = vestland(true);
    auto s = county_2020(d, 2);
    kdx::report::ReportTemplate t = public_template();
    t.public_report = false;
    Disclosure control(t, d, s, 5);
    EXPECT_THAT(control.secondary(), IsEmpty());
    EXPECT_EQ(control.figure("settled", {named(d, "4621")}, 2020, Use::shown).get(), 3);
    EXPECT_THAT(control.notes("nb"), IsEmpty());
}

TEST(Disclosure, AHiddenCellOnlyComputedFromIsNotCounted) {
    kdx::Dataset d = vestland(true);
    auto s = county_2020(d, 2);
    Disclosure control(public_template(), d, s, 5);
    control.figure("settled", {named(d, "4621")}, 2020, Use::computed);
    EXPECT_THAT(control.notes("nb"), IsEmpty());
}

}  // namespace
