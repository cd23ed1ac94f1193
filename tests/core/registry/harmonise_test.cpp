// Harmonising a dataset to one year's municipality numbers.
#include <gtest/gtest.h>

#include <map>

#include "kdx/registry.hpp"

namespace {

using kdx::Dataset;
using kdx::Diagnostics;
using kdx::Value;

kdx::Municipality municipality(const std::string& number, const std::string& name) {
    kdx::Municipality m;
    m.number = number;
    m.name = name;
    return m;
}

kdx::SettlementFigures settlement(const std::string& number, int year, Value requested,
                                  Value decided, Value settled) {
    kdx::SettlementFigures s;
    s.municipality = number;
    s.year = year;
    s.requested = requested;
    s.decided = decided;
    s.settled = settled;
    return s;
}

kdx::Outcome outcome(const std::string& number, const std::string& indicator, int year, Value value,
                     Value cohort, kdx::Unit unit) {
    kdx::Outcome o;
    o.municipality = number;
    o.indicator = indicator;
    o.year = year;
    o.value = value;
    o.cohort_size = cohort;
    o.unit = unit;
    o.source = "SSB";
    return o;
}

std::string all_messages(const Diagnostics& d, kdx::Severity severity) {
    std::string out;
    for (const auto& item : d.items())
        if (item.severity == severity) out += item.message + "\n";
    return out;
}

TEST(SumCounts, SuppressedWinsOverMissingWhichWinsOverNumbers) {
    using kdx::sum_counts;
    EXPECT_EQ(sum_counts({}), Value::missing());
    EXPECT_EQ(sum_counts({Value(3), Value(4)}), Value(7));
    EXPECT_EQ(sum_counts({Value(0), Value(0)}), Value(0));
    EXPECT_EQ(sum_counts({Value(3), Value::missing()}), Value::missing());
    EXPECT_EQ(sum_counts({Value(3), Value::suppressed()}), Value::suppressed());
    EXPECT_EQ(sum_counts({Value::missing(), Value::suppressed(), Value(1)}), Value::suppressed());
}

TEST(Harmonise, SteinkjerAndVerranAreSummedInto5006) {
    Dataset d;
    d.municipalities = {municipality("1702", "Steinkjer"), municipality("1724", "Verran")};
    d.municipalities[0].population = 21904;
    d.municipalities[1].population = 2468;
    d.settlement = {settlement("1702", 2017, 30, 25, 20), settlement("1724", 2017, 5, 5, 4),
                    settlement("5004", 2018, 28, 28, 26), settlement("5039", 2018, 4, 4, 3)};
    d.settlement[0].unaccompanied_minors = 2;
    d.settlement[1].unaccompanied_minors = Value::missing();
    d.settlement[0].family_reunifications = 3;
    d.settlement[1].family_reunifications = Value::suppressed();
    Diagnostics diagnostics;

    auto summary = kdx::harmonise(d, 2020, diagnostics);

    EXPECT_EQ(diagnostics.count(kdx::Severity::warning), 0u)
        << all_messages(diagnostics, kdx::Severity::warning);
    ASSERT_EQ(d.settlement.size(), 2u);
    const auto* s2017 = d.find_settlement("5006", 2017);
    ASSERT_NE(s2017, nullptr);
    EXPECT_EQ(s2017->requested, Value(35));
    EXPECT_EQ(s2017->decided, Value(30));
    EXPECT_EQ(s2017->settled, Value(24));
    EXPECT_TRUE(s2017->unaccompanied_minors.is_missing());
    EXPECT_TRUE(s2017->family_reunifications.is_suppressed());
    const auto* s2018 = d.find_settlement("5006", 2018);
    ASSERT_NE(s2018, nullptr);
    EXPECT_EQ(s2018->settled, Value(29));

    ASSERT_EQ(d.municipalities.size(), 1u);
    const auto& steinkjer = d.municipalities[0];
    EXPECT_EQ(steinkjer.number, "5006");
    EXPECT_EQ(steinkjer.name, "Steinkjer");
    EXPECT_EQ(steinkjer.county_number, "50");
    EXPECT_EQ(steinkjer.valid_from, 2020);
    EXPECT_EQ(steinkjer.population, 24372);
    EXPECT_EQ(summary.summed, 3u);  // two settlement records and the municipality
    EXPECT_EQ(summary.kept, 0u);
    EXPECT_EQ(d.info.provenance.back(), "Municipality numbers harmonised to those of 2020.");
}

TEST(Harmonise, StangeIsRenumbered) {
    Dataset d;
    d.municipalities = {municipality("0417", "Stange")};
    d.municipalities[0].imdi_region = "Øst";
    d.settlement = {settlement("0417", 2018, 15, 15, 12)};
    Diagnostics diagnostics;

    auto summary = kdx::harmonise(d, 2024, diagnostics);

    EXPECT_EQ(summary.renumbered, 2u);
    ASSERT_EQ(d.settlement.size(), 1u);
    EXPECT_EQ(d.settlement[0].municipality, "3413");
    EXPECT_EQ(d.settlement[0].settled, Value(12));
    ASSERT_EQ(d.municipalities.size(), 1u);
    EXPECT_EQ(d.municipalities[0].number, "3413");
    EXPECT_EQ(d.municipalities[0].county_name, "Innlandet");
    EXPECT_EQ(d.municipalities[0].imdi_region, "Øst");
    EXPECT_TRUE(d.municipalities[0].other_names.empty());
    EXPECT_NE(d.find_municipality("3413"), nullptr);
}

TEST(Harmonise, ShareIsFlaggedNotSummedButCountsAre) {
    Dataset d;
    d.outcomes = {
        outcome("1702", "work-or-education-1y", 2017, 61, 40, kdx::Unit::percent),
        outcome("1724", "work-or-education-1y", 2017, 50, 6, kdx::Unit::percent),
        outcome("1702", "introduction-participants", 2017, 40, Value(), kdx::Unit::persons),
        outcome("1724", "introduction-participants", 2017, 6, Value(), kdx::Unit::persons)};
    Diagnostics diagnostics;

    auto summary = kdx::harmonise(d, 2020, diagnostics);

    ASSERT_EQ(d.outcomes.size(), 3u);
    EXPECT_EQ(d.outcomes[0].municipality, "1702");
    EXPECT_EQ(d.outcomes[0].value, Value(61));
    EXPECT_EQ(d.outcomes[1].municipality, "1724");
    EXPECT_EQ(d.outcomes[1].value, Value(50));
    EXPECT_EQ(d.outcomes[2].municipality, "5006");
    EXPECT_EQ(d.outcomes[2].indicator, "introduction-participants");
    EXPECT_EQ(d.outcomes[2].value, Value(46));
    EXPECT_TRUE(d.outcomes[2].cohort_size.is_missing());
    EXPECT_EQ(d.outcomes[2].source, "SSB");
    std::string warnings = all_messages(diagnostics, kdx::Severity::warning);
    EXPECT_NE(warnings.find("outcome work-or-education-1y 2017: 1702 Steinkjer and 1724 Verran "
                            "became 5006 Steinkjer by 2020; a share or rate is not summed"),
              std::string::npos)
        << warnings;
    EXPECT_EQ(diagnostics.count(kdx::Severity::warning), 1u) << warnings;
    EXPECT_EQ(summary.kept, 2u);
    EXPECT_EQ(summary.summed, 1u);
}

// Steinkjer 1702 (requested 45, decided 35, settled 34) and Verran 1724
// (10, 10, 8) in 2014: as 5006, 42 settled of 55 requested and 45 decided,
// 42 per 24,400 inhabitants. Worked out by hand: 76.3636..%, 93.3333..%,
// 1.7213..‰.
TEST(Harmonise, DerivableSharesOfAMergerAreRecomputedFromTheSummedCounts) {
    Dataset d;
    d.municipalities = {municipality("1702", "Steinkjer"), municipality("1724", "Verran")};
    d.municipalities[0].population = 21900;
    d.municipalities[1].population = 2500;
    d.settlement = {settlement("1702", 2014, 45, 35, 34), settlement("1724", 2014, 10, 10, 8)};
    d.indicators.push_back({"settled-share-of-decided", "Bosatte i prosent av vedtak", "", "",
                            kdx::Unit::percent, false});
    d.outcomes = {
        outcome("1702", "settled-share-of-requested", 2014, 75.56, Value(), kdx::Unit::percent),
        outcome("1724", "settled-share-of-requested", 2014, 80, Value(), kdx::Unit::percent),
        outcome("1702", "settled-share-of-decided", 2014, 97.14, Value(), kdx::Unit::percent),
        outcome("1724", "settled-share-of-decided", 2014, 80, Value(), kdx::Unit::percent),
        outcome("1702", "settled-per-1000", 2014, 1.55, Value(), kdx::Unit::per_mille),
        outcome("1724", "settled-per-1000", 2014, 3.2, Value(), kdx::Unit::per_mille)};
    Diagnostics diagnostics;

    auto summary = kdx::harmonise(d, 2020, diagnostics);

    ASSERT_EQ(d.outcomes.size(), 3u) << all_messages(diagnostics, kdx::Severity::warning);
    std::map<std::string, double> got;
    for (const kdx::Outcome& o : d.outcomes) {
        EXPECT_EQ(o.municipality, "5006");
        ASSERT_TRUE(o.value.has_value()) << o.indicator;
        got[o.indicator] = o.value.get();
    }
    EXPECT_NEAR(got["settled-share-of-requested"], 100.0 * 42 / 55, 1e-9);
    EXPECT_NEAR(got["settled-share-of-decided"], 100.0 * 42 / 45, 1e-9);
    EXPECT_NEAR(got["settled-per-1000"], 1000.0 * 42 / 24400, 1e-9);
    EXPECT_EQ(summary.recomputed, 3u);
    EXPECT_EQ(diagnostics.count(kdx::Severity::warning), 0u)
        << all_messages(diagnostics, kdx::Severity::warning);
    std::string infos = all_messages(diagnostics, kdx::Severity::info);
    EXPECT_NE(infos.find("3 shares and rates of merged municipalities recomputed from their summed "
                         "counts"),
              std::string::npos)
        << infos;
}

TEST(Harmonise, ARateWithoutPopulationsOrCountsKeepsItsNumbersWithAWarning) {
    Dataset d;
    d.municipalities = {municipality("1702", "Steinkjer"), municipality("1724", "Verran")};
    d.settlement = {settlement("1702", 2014, 45, 35, 34),
                    settlement("1724", 2014, Value::missing(), 10, 8)};
    d.outcomes = {
        outcome("1702", "settled-per-1000", 2014, 1.55, Value(), kdx::Unit::per_mille),
        outcome("1724", "settled-per-1000", 2014, 3.2, Value(), kdx::Unit::per_mille),
        outcome("1702", "settled-share-of-requested", 2014, 75.56, Value(), kdx::Unit::percent),
        outcome("1724", "settled-share-of-requested", 2014, 80, Value(), kdx::Unit::percent)};
    Diagnostics diagnostics;

    auto summary = kdx::harmonise(d, 2020, diagnostics);

    EXPECT_EQ(summary.recomputed, 0u);
    ASSERT_EQ(d.outcomes.size(), 4u);
    for (const kdx::Outcome& o : d.outcomes) EXPECT_NE(o.municipality, "5006");
    EXPECT_EQ(diagnostics.count(kdx::Severity::warning), 2u)
        << all_messages(diagnostics, kdx::Severity::warning);
}

TEST(Harmonise, MergerWithAnAbsentPartKeepsTheOldNumber) {
    Dataset d;
    d.municipalities = {municipality("1702", "Steinkjer")};
    d.settlement = {settlement("1702", 2017, 30, 25, 20)};
    Diagnostics diagnostics;

    auto summary = kdx::harmonise(d, 2020, diagnostics);

    ASSERT_EQ(d.settlement.size(), 1u);
    EXPECT_EQ(d.settlement[0].municipality, "1702");
    EXPECT_EQ(d.settlement[0].settled, Value(20));
    std::string warnings = all_messages(diagnostics, kdx::Severity::warning);
    EXPECT_NE(warnings.find("settlement figures 2017: 1702 Steinkjer is only part of 5006 "
                            "Steinkjer (2020), which also covers 1724 Verran; 1702 Steinkjer "
                            "keeps its number"),
              std::string::npos)
        << warnings;
    // The municipality is there under both numbers: the new one, and the old
    // one its figures still use.
    EXPECT_NE(d.find_municipality("5006"), nullptr);
    EXPECT_NE(d.find_municipality("1702"), nullptr);
    EXPECT_EQ(d.find_municipality("5006")->population, std::nullopt);
    EXPECT_EQ(summary.kept, 2u);
}

TEST(Harmonise, SplitAreaIsKeptWithAWarning) {
    Dataset d;
    d.settlement = {settlement("1850", 2019, 10, 10, 8)};
    Diagnostics diagnostics;

    auto summary = kdx::harmonise(d, 2020, diagnostics);

    ASSERT_EQ(d.settlement.size(), 1u);
    EXPECT_EQ(d.settlement[0].municipality, "1850");
    std::string warnings = all_messages(diagnostics, kdx::Severity::warning);
    EXPECT_NE(warnings.find("1850 Tysfjord - Divtasvuodna covers 1806 Narvik and 1875 Hábmer - "
                            "Hamarøy of 2020; counts cannot be divided"),
              std::string::npos)
        << warnings;
    EXPECT_EQ(summary.kept, 1u);
}

TEST(Harmonise, AlesundPartsOf2019BecomeAlesundAndHaramOf2024) {
    Dataset d;
    for (const char* n : {"1504", "1523", "1529", "1546"})
        d.settlement.push_back(settlement(n, 2019, 10, 10, 10));
    d.settlement.push_back(settlement("1534", 2019, 7, 7, 7));
    d.settlement.push_back(settlement("1507", 2021, 50, 50, 50));
    Diagnostics diagnostics;

    kdx::harmonise(d, 2024, diagnostics);

    ASSERT_EQ(d.settlement.size(), 3u);
    EXPECT_EQ(d.find_settlement("1508", 2019)->settled, Value(40));
    EXPECT_EQ(d.find_settlement("1580", 2019)->settled, Value(7));
    // Ålesund of 2020-2023 was divided in 2024: kept.
    EXPECT_EQ(d.find_settlement("1507", 2021)->settled, Value(50));
    EXPECT_NE(all_messages(diagnostics, kdx::Severity::warning)
                  .find("1507 Ålesund covers 1508 Ålesund and 1580 Haram of 2024"),
              std::string::npos);
}

TEST(Harmonise, UnknownNumberAndOldNumberAreReported) {
    Dataset d;
    d.settlement = {settlement("1799", 2017, 1, 1, 1), settlement("1702", 2019, 9, 9, 9),
                    settlement(kdx::whole_country, 2019, 5000, 4000, 3000)};
    Diagnostics diagnostics;

    auto summary = kdx::harmonise(d, 2020, diagnostics);

    std::string warnings = all_messages(diagnostics, kdx::Severity::warning);
    EXPECT_NE(warnings.find("unknown municipality number \"1799\"; did you mean 17"),
              std::string::npos)
        << warnings;
    EXPECT_NE(warnings.find("municipality number \"1702\" was not in use in 2019 (1702 "
                            "Steinkjer, in use until 2017); read as that municipality"),
              std::string::npos)
        << warnings;
    EXPECT_EQ(d.settlement[0].municipality, "1799");
    // Read in 2017, 1702 is Steinkjer, whose area is 5006 in 2020. Verran has
    // no figures, so the sum would be partial: kept as well.
    EXPECT_EQ(d.settlement[1].municipality, "1702");
    EXPECT_EQ(d.settlement[2].municipality, kdx::whole_country);
    EXPECT_EQ(summary.kept, 2u);
}

TEST(Harmonise, UnknownNumberIsMatchedByTheDatasetsName) {
    Dataset d;
    d.municipalities = {municipality("1798", "Steinkjer")};
    d.settlement = {settlement("1798", 2017, 1, 1, 1)};
    Diagnostics diagnostics;

    kdx::harmonise(d, 2017, diagnostics);

    EXPECT_EQ(all_messages(diagnostics, kdx::Severity::warning),
              "unknown municipality number \"1798\"; did you mean 1702 Steinkjer?\n");
    EXPECT_EQ(d.settlement[0].municipality, "1798");
}

TEST(Harmonise, NameThatDoesNotMatchItsNumberIsReported) {
    Dataset d;
    d.municipalities = {municipality("1703", "Steinkjer")};
    d.municipalities[0].valid_to = 2017;
    Diagnostics diagnostics;

    kdx::harmonise(d, 2017, diagnostics);

    EXPECT_NE(all_messages(diagnostics, kdx::Severity::warning)
                  .find("municipality 1703 is Namsos in 2017, not \"Steinkjer\"; did you mean "
                        "1702 Steinkjer?"),
              std::string::npos);
}

TEST(Harmonise, ProgrammesAndNominationsAreRenumbered) {
    Dataset d;
    kdx::Programme p;
    p.id = "intro";
    p.municipality = "1702";
    p.years = {2016, 2017};
    d.programmes.push_back(p);
    kdx::Nomination n;
    n.year = 2018;
    n.municipality = "5004";
    d.nominations.push_back(n);
    Diagnostics diagnostics;

    auto summary = kdx::harmonise(d, 2024, diagnostics);

    EXPECT_EQ(d.programmes[0].municipality, "5006");
    EXPECT_EQ(d.nominations[0].municipality, "5006");
    EXPECT_EQ(summary.renumbered, 2u);
    EXPECT_EQ(diagnostics.count(kdx::Severity::warning), 0u);
}

TEST(Harmonise, BackwardsToAnEarlierYear) {
    Dataset d;
    d.settlement = {settlement("3413", 2024, 20, 20, 20), settlement("1508", 2024, 30, 30, 30),
                    settlement("1580", 2024, 5, 5, Value::suppressed())};
    Diagnostics diagnostics;

    kdx::harmonise(d, 2021, diagnostics);

    ASSERT_EQ(d.settlement.size(), 2u);
    EXPECT_EQ(d.settlement[0].municipality, "3413");
    EXPECT_EQ(d.settlement[1].municipality, "1507");
    EXPECT_EQ(d.settlement[1].requested, Value(35));
    EXPECT_TRUE(d.settlement[1].settled.is_suppressed());
}

TEST(Harmonise, HarmonisedDatasetIsStable) {
    Dataset d;
    d.municipalities = {municipality("5006", "Steinkjer")};
    d.settlement = {settlement("5006", 2021, 1, 2, 3)};
    Diagnostics diagnostics;

    auto summary = kdx::harmonise(d, 2024, diagnostics);

    EXPECT_EQ(summary.renumbered + summary.summed + summary.kept, 0u);
    EXPECT_EQ(d.municipalities[0].name, "Steinkjer");
    EXPECT_EQ(d.settlement[0].municipality, "5006");
}

}  // namespace
