// The built-in registry against the reference lists it was built from and
// against the reforms as they happened.
#include "kdx/registry.hpp"

#include <gtest/gtest.h>

#include <fstream>
#include <map>
#include <set>

#include "registry/names.hpp"
#include "test_support.hpp"

namespace {

using kdx::MunicipalityRegistry;
using Numbers = std::vector<std::string>;

const MunicipalityRegistry& registry() { return MunicipalityRegistry::builtin(); }

struct ListedMunicipality {
    std::string name;
    std::string county_number;
    std::string county_name;
};

// number -> (name, county) from one of the reference lists in data/registry,
// read line by line here so that the check does not share the library's reader.
std::map<std::string, ListedMunicipality> read_list(const std::string& file) {
    std::ifstream in(kdx::test::source_dir() / "data" / "registry" / file);
    std::map<std::string, ListedMunicipality> out;
    std::string line;
    std::getline(in, line);
    while (std::getline(in, line)) {
        if (!line.empty() && line.back() == '\r') line.pop_back();
        std::vector<std::string> f;
        std::size_t start = 0;
        for (std::size_t comma; (comma = line.find(',', start)) != std::string::npos;
             start = comma + 1)
            f.push_back(line.substr(start, comma - start));
        f.push_back(line.substr(start));
        if (f.size() == 4) out[f[0]] = {f[1], f[2], f[3]};
    }
    return out;
}

void expect_matches_list(const std::string& file, int year, std::size_t count) {
    auto listed = read_list(file);
    ASSERT_EQ(listed.size(), count) << file;
    for (const auto& [number, entry] : listed) {
        auto m = registry().find(number, year);
        ASSERT_TRUE(m) << number << " " << entry.name << " not valid in " << year;
        EXPECT_EQ(m->name, entry.name) << number;
        EXPECT_EQ(m->county_number, entry.county_number) << number;
        EXPECT_EQ(m->county_name, entry.county_name) << number;
    }
    auto all = registry().municipalities_in(year);
    EXPECT_EQ(all.size(), count);
    for (const auto& m : all) EXPECT_EQ(listed.count(m.number), 1u) << m.number << " " << year;
}

TEST(Registry, Every2018NumberIsValidIn2018) {
    expect_matches_list("municipalities-2018.csv", 2018, 422);
}

TEST(Registry, Every2024NumberIsValidIn2024) {
    expect_matches_list("municipalities-2024.csv", 2024, 357);
}

TEST(Registry, NumberOfMunicipalitiesPerYearFollowsTheReforms) {
    const std::map<int, std::size_t> expected{{2013, 428}, {2016, 428}, {2017, 426}, {2018, 422},
                                              {2019, 422}, {2020, 356}, {2023, 356}, {2024, 357}};
    for (const auto& [year, count] : expected)
        EXPECT_EQ(registry().municipalities_in(year).size(), count) << year;
    EXPECT_EQ(registry().first_year(), 2013);
    EXPECT_EQ(registry().last_reform_year(), 2024);
    // Outside the years covered: the first and the latest numbering.
    EXPECT_EQ(registry().municipalities_in(2010).size(), 428u);
    EXPECT_EQ(registry().municipalities_in(2031).size(), 357u);
}

TEST(Registry, SteinkjerThroughTwoReforms) {
    auto s2017 = registry().find("1702", 2017);
    ASSERT_TRUE(s2017);
    EXPECT_EQ(s2017->name, "Steinkjer");
    EXPECT_EQ(s2017->county_number, "17");
    EXPECT_EQ(s2017->county_name, "Nord-Trøndelag");
    EXPECT_EQ(s2017->valid_from, 0);  // in use before the registry starts
    EXPECT_EQ(s2017->valid_to, 2017);
    auto s2018 = registry().find("5004", 2019);
    ASSERT_TRUE(s2018);
    EXPECT_EQ(s2018->name, "Steinkjer");
    EXPECT_EQ(s2018->county_name, "Trøndelag");
    EXPECT_EQ(s2018->valid_from, 2018);
    EXPECT_EQ(s2018->valid_to, 2019);
    auto s2020 = registry().find("5006", 2022);
    ASSERT_TRUE(s2020);
    EXPECT_EQ(s2020->valid_from, 2020);
    EXPECT_EQ(s2020->valid_to, 0);
    EXPECT_FALSE(registry().find("1702", 2018));
    EXPECT_FALSE(registry().find("5006", 2019));

    EXPECT_EQ(registry().successors("1702", 2017, 2018), Numbers{"5004"});
    EXPECT_EQ(registry().successors("1702", 2017, 2020), Numbers{"5006"});
    EXPECT_EQ(registry().successors("1724", 2017, 2024), Numbers{"5006"});  // Verran
    EXPECT_EQ(registry().successors("5039", 2019, 2020), Numbers{"5006"});
    EXPECT_EQ(registry().successors("5006", 2020, 2017), (Numbers{"1702", "1724"}));
    EXPECT_TRUE(registry().successors("1702", 2019, 2020).empty());
}

TEST(Registry, StangeMovesToInnlandet) {
    EXPECT_EQ(registry().successors("0417", 2019, 2020), Numbers{"3413"});
    EXPECT_EQ(registry().successors("0417", 2013, 2024), Numbers{"3413"});
    EXPECT_EQ(registry().find("0417", 2018)->county_name, "Hedmark");
    auto stange = registry().find("3413", 2024);
    ASSERT_TRUE(stange);
    EXPECT_EQ(stange->name, "Stange");
    EXPECT_EQ(stange->county_name, "Innlandet");
    EXPECT_EQ(stange->valid_from, 2020);
}

TEST(Registry, SplitsHaveSeveralSuccessors) {
    EXPECT_EQ(registry().successors("1850", 2019, 2020), (Numbers{"1806", "1875"}));  // Tysfjord
    EXPECT_EQ(registry().successors("5012", 2019, 2020),
              (Numbers{"5055", "5056", "5059"}));  // Snillfjord
    EXPECT_EQ(registry().successors("1507", 2020, 2024), (Numbers{"1508", "1580"}));
}

TEST(Registry, HaramGetsItsOldAreaBackIn2024) {
    EXPECT_EQ(registry().successors("1534", 2019, 2020), Numbers{"1507"});
    EXPECT_EQ(registry().successors("1534", 2019, 2024), Numbers{"1580"});
    for (const char* part : {"1504", "1523", "1529", "1546"})
        EXPECT_EQ(registry().successors(part, 2019, 2024), Numbers{"1508"}) << part;
    EXPECT_EQ(registry().successors("1580", 2024, 2019), Numbers{"1534"});
    EXPECT_EQ(registry().find("1507", 2023)->valid_to, 2023);
    EXPECT_FALSE(registry().find("1507", 2024));
}

TEST(Registry, CountySplitOf2024Renumbers) {
    EXPECT_EQ(registry().successors("3024", 2020, 2024), Numbers{"3201"});  // Bærum
    EXPECT_EQ(registry().successors("3018", 2020, 2024), Numbers{"3114"});  // Våler (Viken)
    EXPECT_EQ(registry().successors("3053", 2020, 2024), Numbers{"3236"});  // Jevnaker
    EXPECT_EQ(registry().successors("3806", 2023, 2024), Numbers{"4001"});  // Porsgrunn
    EXPECT_EQ(registry().successors("5401", 2020, 2024), Numbers{"5501"});  // Tromsø
    EXPECT_EQ(registry().successors("5444", 2020, 2024), Numbers{"5605"});  // Sør-Varanger
    EXPECT_EQ(registry().find("3024", 2021)->county_name, "Viken");
    EXPECT_EQ(registry().find("5401", 2020)->county_name,
              "Troms og Finnmark - Romsa ja Finnmárku - Tromssa ja Finmarkku");
    // Kristiansund was not touched by any reform.
    auto kristiansund = registry().find("1505", 2024);
    ASSERT_TRUE(kristiansund);
    EXPECT_EQ(kristiansund->valid_from, 0);
    EXPECT_EQ(kristiansund->valid_to, 0);
    EXPECT_EQ(registry().successors("1505", 2013, 2024), Numbers{"1505"});
}

TEST(Registry, The2024ReformKeptEveryNameButAlesund) {
    std::size_t renumbered = 0;
    for (const auto& m : registry().municipalities_in(2020)) {
        auto next = registry().successors(m.number, 2020, 2024);
        if (m.number == "1507") continue;
        ASSERT_EQ(next.size(), 1u) << m.number;
        auto later = registry().find(next.front(), 2024);
        EXPECT_TRUE(kdx::registry_detail::names_match(m.name, later->name))
            << m.number << " " << m.name << " -> " << later->number << " " << later->name;
        if (later->number != m.number) ++renumbered;
    }
    EXPECT_EQ(renumbered, 113u);  // Viken, Vestfold og Telemark, Troms og Finnmark
}

TEST(Registry, DerivedReformOf2024FollowsItsRule) {
    if (!kdx::test::fs::exists("/usr/bin/python3")) GTEST_SKIP() << "no /usr/bin/python3";
    auto script = kdx::test::source_dir() / "data" / "registry" / "derive_2020_2024.py";
    auto r =
        kdx::test::run("/usr/bin/python3 " + kdx::test::sh_quote(script.string()) + " --check");
    EXPECT_EQ(r.exit_code, 0) << r.err;
}

TEST(Registry, RindalChangedCountyIn2019) {
    EXPECT_EQ(registry().successors("1567", 2018, 2019), Numbers{"5061"});
    EXPECT_EQ(registry().find("5061", 2019)->county_name, "Trøndelag");
    EXPECT_EQ(registry().find("1567", 2018)->county_name, "Møre og Romsdal");
}

TEST(Registry, EveryNumberOf2013LeadsTo2024AndBack) {
    std::set<std::string> reached;
    for (const auto& m : registry().municipalities_in(2013)) {
        auto next = registry().successors(m.number, 2013, 2024);
        ASSERT_FALSE(next.empty()) << m.number;
        reached.insert(next.begin(), next.end());
        for (const auto& n : next) {
            auto back = registry().successors(n, 2024, 2013);
            EXPECT_NE(std::find(back.begin(), back.end(), m.number), back.end()) << n;
        }
    }
    EXPECT_EQ(reached.size(), 357u);
}

TEST(Registry, SamiAndKvenNamesAreOtherNames) {
    auto karasjok = registry().find("5610", 2024);
    ASSERT_TRUE(karasjok);
    EXPECT_EQ(karasjok->name, "Kárášjohka - Karasjok");
    EXPECT_EQ(karasjok->other_names, (Numbers{"Kárášjohka", "Karasjok"}));
    auto porsanger = registry().find("2020", 2018);
    ASSERT_TRUE(porsanger);
    EXPECT_EQ(porsanger->other_names, (Numbers{"Porsanger", "Porsáŋgu", "Porsanki"}));
    EXPECT_TRUE(registry().find("0219", 2018)->other_names.empty());
}

TEST(Registry, NumbersByNameInAnyForm) {
    EXPECT_EQ(registry().numbers_named("Steinkjer", 2017), Numbers{"1702"});
    EXPECT_EQ(registry().numbers_named("Steinkjer", 2024), Numbers{"5006"});
    EXPECT_EQ(registry().numbers_named("Baerum", 2019), Numbers{"0219"});
    EXPECT_EQ(registry().numbers_named("BÆRUM", 2024), Numbers{"3201"});
    EXPECT_EQ(registry().numbers_named("Karasjok", 2020), Numbers{"5437"});
    EXPECT_EQ(registry().numbers_named("Kárášjohka", 2024), Numbers{"5610"});
    EXPECT_EQ(registry().numbers_named("Karasjok - Kárášjohka", 2024), Numbers{"5610"});
    EXPECT_EQ(registry().numbers_named("Karasjohka", 2024), Numbers{"5610"});
    EXPECT_EQ(registry().numbers_named("Porsanki", 2024), Numbers{"5622"});  // Kven
    EXPECT_EQ(registry().numbers_named("Deatnu", 2017), Numbers{"2025"});
    EXPECT_EQ(registry().numbers_named("tromsoe", 2024), Numbers{"5501"});
    EXPECT_EQ(registry().numbers_named("Våler", 2024), (Numbers{"3114", "3419"}));
    EXPECT_EQ(registry().numbers_named("Haram", 2020), Numbers{});
    EXPECT_EQ(registry().numbers_named("Haram", 2024), Numbers{"1580"});
}

TEST(Registry, ClosestName) {
    auto barum = registry().closest_by_name("Barum", 2017);
    ASSERT_TRUE(barum);
    EXPECT_EQ(barum->number, "0219");
    auto stenkjer = registry().closest_by_name("Stenkjer", 2017);
    ASSERT_TRUE(stenkjer);
    EXPECT_EQ(stenkjer->number, "1702");
    auto karasjok = registry().closest_by_name("Karasjokk", 2024);
    ASSERT_TRUE(karasjok);
    EXPECT_EQ(karasjok->number, "5610");
    EXPECT_FALSE(registry().closest_by_name("Gotham City", 2024));
}

TEST(Registry, Suggestions) {
    auto by_name = registry().suggest("1703", "Steinkjer", 2017);
    ASSERT_TRUE(by_name);
    EXPECT_EQ(by_name->number, "1702");
    auto successor = registry().suggest("1702", "", 2020);
    ASSERT_TRUE(successor);
    EXPECT_EQ(successor->number, "5006");
    auto leading_zero = registry().suggest("301", "", 2020);
    ASSERT_TRUE(leading_zero);
    EXPECT_EQ(leading_zero->number, "0301");
    auto typo = registry().suggest("1799", "", 2017);
    ASSERT_TRUE(typo);
    EXPECT_EQ(typo->number.size(), 4u);
    EXPECT_EQ(typo->number.substr(0, 2), "17");
    // A split area has no single answer, and nonsense has none at all.
    EXPECT_FALSE(registry().suggest("1850", "", 2020));
    EXPECT_FALSE(registry().suggest("kommune", "", 2020));
}

}  // namespace

namespace {

// Every municipality of 2024 carries the language decision of
// data/registry/language-forms-2024.csv, read here line by line.
TEST(RegistryLanguage, EveryMunicipalityOf2024HasItsListedDecision) {
    std::ifstream in(kdx::test::source_dir() / "data" / "registry" / "language-forms-2024.csv");
    ASSERT_TRUE(in);
    std::string line;
    std::getline(in, line);  // header
    std::map<std::string, int> totals;
    int rows = 0;
    while (std::getline(in, line)) {
        std::string number = line.substr(0, line.find(','));
        std::string rest = line.substr(line.find(',') + 1);
        std::string form = rest.substr(rest.find(',') + 1);
        form = form.substr(0, form.find(','));
        auto m = registry().find(number, 2024);
        ASSERT_TRUE(m) << number;
        EXPECT_STREQ(kdx::to_string(m->language), form.c_str()) << number;
        ++totals[form];
        ++rows;
    }
    EXPECT_EQ(rows, 357);
    // Språkrådet's published totals.
    EXPECT_EQ(totals["nb"], 119);
    EXPECT_EQ(totals["nn"], 88);
    EXPECT_EQ(totals["neutral"], 150);
}

// An old number takes the decision of the municipality its area is in now.
TEST(RegistryLanguage, AnOldNumberTakesItsSuccessorsDecision) {
    EXPECT_EQ(registry().find("1235", 2014)->language, kdx::LanguageForm::nynorsk);  // Voss
    EXPECT_EQ(registry().find("1234", 2014)->language, kdx::LanguageForm::nynorsk);  // Granvin
    EXPECT_EQ(registry().find("4621", 2020)->language, kdx::LanguageForm::nynorsk);
    EXPECT_EQ(registry().find("0301", 2014)->language, kdx::LanguageForm::neutral);  // Oslo
    // Bærum (0219 -> 3024 -> 3201), bokmål.
    EXPECT_EQ(registry().find("0219", 2014)->language, kdx::LanguageForm::bokmal);
}

}  // namespace
