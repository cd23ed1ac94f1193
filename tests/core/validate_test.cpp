#include "kdx/validate.hpp"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

namespace {

using ::testing::HasSubstr;

kdx::Dataset small_dataset() {
    kdx::Dataset d;
    kdx::Municipality steinkjer;
    steinkjer.number = "5004";
    steinkjer.name = "Steinkjer";
    d.municipalities.push_back(steinkjer);
    kdx::SettlementFigures s;
    s.municipality = "5004";
    s.year = 2014;
    s.requested = 30;
    s.decided = 30;
    s.settled = 28;
    d.settlement.push_back(s);
    return d;
}

std::vector<std::string> messages(const kdx::Diagnostics& d, kdx::Severity s) {
    std::vector<std::string> m;
    for (const auto& i : d.items())
        if (i.severity == s) m.push_back(i.message);
    return m;
}

TEST(Validate, ACleanDatasetHasNoDiagnostics) {
    kdx::Diagnostics out;
    kdx::validate(small_dataset(), out);
    EXPECT_TRUE(out.empty());
}

TEST(Validate, UnknownMunicipality) {
    auto d = small_dataset();
    d.settlement[0].municipality = "1703";
    kdx::Diagnostics out;
    kdx::validate(d, out);
    EXPECT_THAT(
        messages(out, kdx::Severity::error),
        ::testing::ElementsAre("settlement 1703 2014 refers to unknown municipality \"1703\""));
}

TEST(Validate, DuplicateKeys) {
    auto d = small_dataset();
    d.settlement.push_back(d.settlement[0]);
    d.municipalities.push_back(d.municipalities[0]);
    kdx::Outcome o;
    o.municipality = "5004";
    o.indicator = "work-or-education-1y";
    o.year = 2017;
    o.value = 62;
    d.outcomes = {o, o};
    kdx::Diagnostics out;
    kdx::validate(d, out);
    EXPECT_THAT(messages(out, kdx::Severity::error),
                ::testing::UnorderedElementsAre(
                    "municipality 5004 is listed twice", "settlement 5004 2014 is given twice",
                    "outcome work-or-education-1y 5004 2017 is given twice"));
}

TEST(Validate, NegativeAndFractionalCounts) {
    auto d = small_dataset();
    d.settlement[0].settled = -1;
    d.settlement[0].requested = 2.5;
    kdx::Diagnostics out;
    kdx::validate(d, out);
    EXPECT_THAT(messages(out, kdx::Severity::error),
                ::testing::UnorderedElementsAre(
                    "settlement 5004 2014: settled is negative (-1)",
                    "settlement 5004 2014: requested is not a whole number (2.5)"));
}

TEST(Validate, SettledMoreThanDecidedIsNormal) {
    // Family reunification and earlier decisions are settled on top of the
    // year's decision; IMDi's own figures do this routinely.
    auto d = small_dataset();
    d.settlement[0].settled = 35;
    kdx::Diagnostics out;
    kdx::validate(d, out);
    EXPECT_TRUE(out.empty());
    d.settlement[0].decided = 0;
    kdx::Diagnostics zero;
    kdx::validate(d, zero);
    EXPECT_TRUE(zero.empty());
}

TEST(Validate, YearsOutsideTheRange) {
    auto d = small_dataset();
    d.settlement[0].year = 1989;
    kdx::Diagnostics out;
    kdx::validate(d, out);
    EXPECT_THAT(messages(out, kdx::Severity::error),
                ::testing::ElementsAre("settlement 5004 1989: year 1989 is outside 1990..2100"));
    d.settlement[0].year = 2100;
    kdx::Diagnostics ok;
    kdx::validate(d, ok);
    EXPECT_TRUE(ok.empty());
}

TEST(Validate, UnknownIndicatorAndProgrammeReferences) {
    auto d = small_dataset();
    kdx::Outcome o;
    o.municipality = "5004";
    o.indicator = "happiness";
    o.programme = "nope";
    o.year = 2017;
    d.outcomes.push_back(o);
    kdx::Diagnostics out;
    kdx::validate(d, out);
    EXPECT_THAT(
        messages(out, kdx::Severity::error),
        ::testing::ElementsAre("outcome happiness 5004 2017 refers to unknown programme \"nope\""));
    EXPECT_THAT(
        messages(out, kdx::Severity::warning),
        ::testing::ElementsAre(
            "outcome happiness 5004 2017: indicator \"happiness\" is not in the catalogue"));
}

TEST(Validate, DiagnosticsPointAtTheRecordsOrigin) {
    auto d = small_dataset();
    d.settlement[0].origin = {d.add_source("partner.xlsx", "Bosetting"), 12, 0};
    d.settlement[0].settled = -4;
    kdx::Diagnostics out;
    kdx::validate(d, out);
    ASSERT_EQ(out.items().size(), 1u);
    EXPECT_EQ(out.items()[0].where.to_string(), "partner.xlsx:Bosetting!12:12");
}

}  // namespace

namespace {

kdx::Outcome population(const std::string& number, int year, double value) {
    kdx::Outcome o;
    o.municipality = number;
    o.indicator = "population";
    o.year = year;
    o.value = value;
    o.unit = kdx::Unit::persons;
    return o;
}

// The population per year is the "population" outcome; the municipality's own
// figure should be its latest year, and a programme has none.
TEST(Validate, PopulationPerYearAndTheMunicipalitysFigure) {
    auto d = small_dataset();
    d.municipalities[0].population = 24000;
    d.outcomes.push_back(population("5004", 2019, 24100));
    d.outcomes.push_back(population("5004", 2020, 24300));
    kdx::Outcome of_programme = population("5004", 2020, 12);
    of_programme.year = 2018;
    of_programme.programme = "p";
    d.outcomes.push_back(of_programme);
    kdx::Diagnostics out;
    kdx::validate(d, out);
    EXPECT_THAT(
        messages(out, kdx::Severity::warning),
        ::testing::Contains(HasSubstr("municipality 5004: population 24000 differs from its "
                                      "latest population figure (24300 in 2020)")));
    EXPECT_THAT(
        messages(out, kdx::Severity::error),
        ::testing::Contains(HasSubstr("a population is a municipality's, not a programme's")));
    d.municipalities[0].population = 24300;
    d.outcomes.pop_back();
    kdx::Diagnostics clean;
    kdx::validate(d, clean);
    EXPECT_TRUE(clean.empty()) << clean.items().front().message;
}

}  // namespace
