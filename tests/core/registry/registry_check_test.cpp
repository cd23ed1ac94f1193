// Checking a dataset's municipalities against the registry.
#include <gtest/gtest.h>

#include <cstdio>

#include "kdx/registry.hpp"

namespace {

using kdx::Dataset;
using kdx::Diagnostics;

kdx::Municipality municipality(const std::string& number, const std::string& name) {
    kdx::Municipality m;
    m.number = number;
    m.name = name;
    return m;
}

kdx::SettlementFigures settlement(const std::string& number, int year) {
    kdx::SettlementFigures s;
    s.municipality = number;
    s.year = year;
    s.settled = 1;
    return s;
}

std::vector<std::string> messages(const Diagnostics& d) {
    std::vector<std::string> out;
    for (const auto& item : d.items()) {
        EXPECT_EQ(item.severity, kdx::Severity::warning) << item.message;
        out.push_back(item.message);
    }
    return out;
}

TEST(RegistryCheck, MatchingNamesInAnyFormPass) {
    Dataset d;
    d.municipalities = {municipality("2021", "Karasjok"),
                        municipality("2021", "Kárášjohka"),
                        municipality("2021", "Kárášjohka - Karasjok"),
                        municipality("0219", "Baerum"),
                        municipality("0417", "STANGE"),
                        municipality("5006", "Steinkjer"),
                        municipality("0000", "Hele landet")};
    d.settlement = {settlement("2021", 2017), settlement("5006", 2021)};
    Diagnostics out;
    kdx::check_against_registry(d, out);
    EXPECT_TRUE(out.empty()) << (out.empty() ? "" : out.items()[0].message);
}

TEST(RegistryCheck, NameThatIsNotTheNumbersGetsASuggestion) {
    Dataset d;
    d.municipalities = {municipality("1703", "Steinkjer")};
    d.settlement = {settlement("1703", 2017)};
    Diagnostics out;
    kdx::check_against_registry(d, out);
    EXPECT_EQ(messages(out), std::vector<std::string>{
                                 "municipality 1703 is Namsos in 2017, not \"Steinkjer\"; did you "
                                 "mean 1702 Steinkjer?"});
}

TEST(RegistryCheck, UnknownNumberGetsASuggestion) {
    Dataset d;
    d.municipalities = {municipality("301", "Oslo"), municipality("1799", "")};
    d.municipalities[0].origin = {d.add_source("partner.csv"), 4, 1};
    d.settlement = {settlement("1799", 2017)};
    Diagnostics out;
    kdx::check_against_registry(d, out);
    auto m = messages(out);
    ASSERT_EQ(m.size(), 2u);
    EXPECT_EQ(m[0], "unknown municipality number \"301\"; did you mean 0301 Oslo?");
    EXPECT_EQ(out.items()[0].where.to_string(), "partner.csv:4:1");
    EXPECT_EQ(m[1].rfind("unknown municipality number \"1799\"; did you mean 17", 0), 0u) << m[1];
}

TEST(RegistryCheck, NumberUsedOutsideItsYears) {
    Dataset d;
    d.municipalities = {municipality("1702", "Steinkjer")};
    d.settlement = {settlement("1702", 2016), settlement("1702", 2019)};
    Diagnostics out;
    kdx::check_against_registry(d, out);
    auto m = messages(out);
    ASSERT_GE(m.size(), 1u);
    EXPECT_EQ(m[0],
              "settlement figures 2019: municipality number \"1702\" was not in use in 2019 "
              "(1702 Steinkjer, in use until 2017); did you mean 5004 Steinkjer?");
}

TEST(RegistryCheck, NumberingYearReadsEveryRecordInThatYear) {
    Dataset d;
    d.municipalities = {municipality("5006", "Steinkjer")};
    d.settlement = {settlement("5006", 2014), settlement("5006", 2017)};
    Diagnostics harmonised;
    kdx::check_against_registry(d, harmonised, 2024);
    EXPECT_TRUE(harmonised.empty());
    Diagnostics own_years;
    kdx::check_against_registry(d, own_years);
    EXPECT_FALSE(own_years.empty());
}

// After harmonise() every number and name problem has been reported once;
// the check with the numbering year must not report them again, but still
// checks county numbers, which harmonise() does not.
TEST(RegistryCheck, AfterHarmoniseNothingIsReportedTwice) {
    Dataset d;
    d.municipalities = {municipality("0220", "Asker"), municipality("0999", "Nowhere"),
                        municipality("0301", "Bergen"), municipality("5006", "Steinkjer")};
    d.municipalities[3].county_number = "17";
    d.settlement = {settlement("0220", 2014), settlement("0999", 2014), settlement("0301", 2014),
                    settlement("5006", 2020)};
    Diagnostics harmonising;
    kdx::harmonise(d, 2024, harmonising);
    std::string said;
    for (const auto& item : harmonising.items()) said += item.message + "\n";
    for (const char* fact : {"0220", "0999", "Bergen"})
        EXPECT_NE(said.find(fact), std::string::npos) << fact << " not reported by harmonise:\n"
                                                      << said;
    Diagnostics checking;
    kdx::check_against_registry(d, checking, 2024);
    auto m = messages(checking);
    ASSERT_EQ(m.size(), 1u) << ::testing::PrintToString(m);
    EXPECT_NE(m[0].find("county number \"17\" does not match"), std::string::npos) << m[0];
}

TEST(RegistryCheck, CountyNumberMustMatchTheMunicipalityNumber) {
    Dataset d;
    d.municipalities = {municipality("5006", "Steinkjer")};
    d.municipalities[0].county_number = "17";
    Diagnostics out;
    kdx::check_against_registry(d, out);
    auto m = messages(out);
    ASSERT_EQ(m.size(), 1u);
    EXPECT_NE(m[0].find("county number \"17\" does not match"), std::string::npos) << m[0];
}

}  // namespace

namespace {

// Many municipalities are checked on two threads: the messages must be those
// of checking each one alone, records' first, each kind in dataset order.
TEST(RegistryCheck, ManyMunicipalitiesGiveTheMessagesOfEachAloneInOrder) {
    const char* names[] = {"Steinkjer", "Oslo", "Trondheim", "Kommune 17", "Baerum", ""};
    Dataset d;
    for (int i = 0; i < 1200; ++i) {
        char number[8];
        std::snprintf(number, sizeof number, "%04d", (i * 37) % 10000);
        d.municipalities.push_back(municipality(number, names[i % 6]));
        d.settlement.push_back(settlement(number, 2015 + i % 8));
    }
    Diagnostics together;
    kdx::check_against_registry(d, together);

    std::vector<std::string> alone, of_municipalities;
    for (std::size_t i = 0; i < d.municipalities.size(); ++i) {
        Dataset one;
        one.municipalities = {d.municipalities[i]};
        one.settlement = {d.settlement[i]};
        Diagnostics out;
        kdx::check_against_registry(one, out);
        for (const std::string& m : messages(out))
            (m.rfind("settlement figures ", 0) == 0 ? alone : of_municipalities).push_back(m);
    }
    EXPECT_GT(of_municipalities.size(), 500u);
    alone.insert(alone.end(), of_municipalities.begin(), of_municipalities.end());
    // Not a vacuous comparison: most of these numbers and names disagree.
    EXPECT_GT(alone.size(), 1000u);
    EXPECT_EQ(messages(together), alone);
}

}  // namespace
