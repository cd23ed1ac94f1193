// SSB statbank exports: region labels, the long and wide layouts, SSB's
// symbols, county rows and the population per municipality and year.
#include "table/ssb.hpp"

#include <gtest/gtest.h>

#include "kdx/registry.hpp"
#include "table_test_support.hpp"

namespace {

using namespace kdx;
using namespace kdx::table_detail;
using namespace kdx::test;

const Outcome* population(const Dataset& d, const std::string& number, int year) {
    for (const Outcome& o : d.outcomes)
        if (o.municipality == number && o.year == year && o.indicator == "population") return &o;
    return nullptr;
}

bool has(const std::vector<std::string>& messages, const std::string& part) {
    for (const std::string& m : messages)
        if (m.find(part) != std::string::npos) return true;
    return false;
}

TEST(SsbRegion, LabelsAsStatbankWritesThem) {
    using K = SsbRegion::Kind;
    EXPECT_EQ(ssb_region("0301 Oslo").kind, K::municipality);
    EXPECT_EQ(ssb_region("0301 Oslo").number, "0301");
    EXPECT_EQ(ssb_region("0301 Oslo").name, "Oslo");
    EXPECT_EQ(ssb_region("K-3001 Halden").number, "3001");
    EXPECT_EQ(ssb_region("K-3001 Halden").name, "Halden");
    EXPECT_EQ(ssb_region("1001 Kristiansand (-2019)").name, "Kristiansand");
    EXPECT_EQ(ssb_region("3001 Halden (2020-2023)").number, "3001");
    EXPECT_EQ(ssb_region("5041 Snåase - Snåsa").name, "Snåase - Snåsa");
    EXPECT_EQ(ssb_region("EAK Hele landet").kind, K::country);
    EXPECT_EQ(ssb_region("EAK Hele landet").number, "0000");
    EXPECT_EQ(ssb_region("0 Hele landet").kind, K::country);
    EXPECT_EQ(ssb_region("Heile landet").kind, K::country);
    EXPECT_EQ(ssb_region("F-30 Viken").kind, K::county);
    EXPECT_EQ(ssb_region("30 Viken").number, "30");
    EXPECT_EQ(ssb_region("030101 Gamle Oslo").kind, K::other);
    EXPECT_EQ(ssb_region("EKG01 Østfold").kind, K::none);
    EXPECT_EQ(ssb_region("Kilde: Statistisk sentralbyrå").kind, K::none);
    EXPECT_TRUE(is_statbank_title("07459: Befolkning, etter region, statistikkvariabel og år"));
    EXPECT_FALSE(is_statbank_title("2018: Bosetting"));
}

const std::string title = "07459: Befolkning, etter region, statistikkvariabel og år";

// Long: every figure of SSB's symbols, and the latest year's population on
// the municipality record.
TEST(SsbImport, LongExportWithSsbSymbols) {
    Sheet s{"Personer",
            {texts(1, {title}), texts(3, {"region", "statistikkvariabel", "år", title}),
             texts(4, {"K-3001 Halden", "Personer", "2020", "31444"}),
             texts(5, {"K-3001 Halden", "Personer", "2021", "31373"}),
             texts(6, {"K-3002 Moss", "Personer", "2020", ".."}),
             texts(7, {"K-3002 Moss", "Personer", "2021", ":"}),
             texts(8, {"K-3003 Sarpsborg", "Personer", "2020", "-"}),
             texts(9, {"K-3003 Sarpsborg", "Personer", "2021", "..."}),
             texts(10, {"EAK Hele landet", "Personer", "2021", "5391369"})}};
    Imported r = import_sheets("07459.xlsx", {s});
    ASSERT_TRUE(r.messages(Severity::error).empty()) << r.messages(Severity::error).front();
    ASSERT_TRUE(population(r.dataset, "3001", 2020));
    EXPECT_EQ(population(r.dataset, "3001", 2020)->value, Value(31444));
    EXPECT_EQ(population(r.dataset, "3001", 2020)->source, "SSB");
    EXPECT_FALSE(population(r.dataset, "3002", 2020));  // '..': no figure
    ASSERT_TRUE(population(r.dataset, "3002", 2021));
    EXPECT_TRUE(population(r.dataset, "3002", 2021)->value.is_suppressed());
    ASSERT_TRUE(population(r.dataset, "3003", 2020));
    EXPECT_EQ(population(r.dataset, "3003", 2020)->value, Value(0));  // '-': nil
    EXPECT_FALSE(population(r.dataset, "3003", 2021));
    ASSERT_TRUE(population(r.dataset, "0000", 2021));
    const Municipality* halden = r.dataset.find_municipality("3001");
    ASSERT_TRUE(halden);
    EXPECT_EQ(halden->name, "Halden");
    EXPECT_EQ(halden->population, std::optional<std::int64_t>(31373));
    EXPECT_FALSE(r.dataset.find_municipality("0000"));
}

// Wide: the year in each column's header; a county row that disagrees with
// its municipalities is said, and skipped.
TEST(SsbImport, WideExportAndCountyCrossCheck) {
    Sheet s{
        "Personer",
        {texts(1, {title}), texts(3, {"region", "Personer 2020", "Personer 2021"}),
         texts(4, {"30 Viken", "100", "101"}), texts(5, {"3001 Halden", "60", "61"}),
         texts(6, {"3002 Moss", "40", "41"}), texts(7, {"Kilde: Statistisk sentralbyrå", "", ""})}};
    Imported r = import_sheets("07459.csv", {s});
    ASSERT_TRUE(r.messages(Severity::error).empty()) << r.messages(Severity::error).front();
    EXPECT_EQ(population(r.dataset, "3002", 2021)->value, Value(41));
    const auto notes = r.messages(Severity::info);
    EXPECT_TRUE(has(notes,
                    "county 30 Viken, population 2021: 101 in the file, its 2 municipalities "
                    "here sum to 102"))
        << notes.size();
    EXPECT_TRUE(has(notes,
                    "1 county row skipped: the model keeps municipalities; 1 county figures "
                    "equal the sum"));
}

// A label that is no region, on a row with a figure, is an error at its cell;
// an unknown statistics variable is said once with its count.
TEST(SsbImport, BadRegionAndUnknownVariable) {
    Sheet s{"Ark1",
            {texts(1, {"region", "statistikkvariabel", "år", title}),
             texts(2, {"Haldn", "Personer", "2020", "5"}),
             texts(3, {"3001 Halden", "Levendefødte", "2020", "250"}),
             texts(4, {"3002 Moss", "Levendefødte", "2020", "300"}),
             texts(5, {"3002 Moss", "Personer", "2020", "12 000"})}};
    Imported r = import_sheets("07459.xlsx", {s});
    const auto errors = r.messages(Severity::error);
    ASSERT_EQ(errors.size(), 1u);
    EXPECT_TRUE(has(errors, "07459.xlsx:Ark1!A2"));
    EXPECT_TRUE(has(errors, "expected a region such as \"0301 Oslo\""));
    EXPECT_TRUE(has(r.messages(Severity::warning),
                    "statistics variable \"Levendefødte\" is not one kdx knows; its 2 figures"));
    EXPECT_EQ(population(r.dataset, "3002", 2020)->value, Value(12000));
}

// Population adds up: harmonised to 2020, Moss 0104 and Rygge 0136 (merged
// into Moss 3002) sum for each year, and the municipality's population is
// the latest year's sum.
TEST(SsbImport, HarmoniseSumsPopulationPerYear) {
    Sheet s{
        "Personer",
        {texts(1, {title}), texts(3, {"region", "Personer 2018", "Personer 2019"}),
         texts(4, {"0104 Moss", "32588", "32726"}), texts(5, {"0136 Rygge", "16083", "16145"})}};
    Imported r = import_sheets("07459.csv", {s});
    ASSERT_TRUE(r.messages(Severity::error).empty()) << r.messages(Severity::error).front();
    Diagnostics out;
    harmonise(r.dataset, 2020, out);
    ASSERT_TRUE(population(r.dataset, "3002", 2019));
    EXPECT_EQ(population(r.dataset, "3002", 2018)->value, Value(32588 + 16083));
    EXPECT_EQ(population(r.dataset, "3002", 2019)->value, Value(32726 + 16145));
    const Municipality* moss = r.dataset.find_municipality("3002");
    ASSERT_TRUE(moss);
    EXPECT_EQ(moss->population, std::optional<std::int64_t>(32726 + 16145));
}

// Wide with the variable in its own column and bare years as headers.
TEST(SsbImport, WideWithAVariableColumnAndBareYears) {
    Sheet s{"Ark1",
            {texts(1, {"region", "statistikkvariabel", "2020", "2021"}),
             texts(2, {"0301 Oslo", "Personer", "693494", "697010"}),
             texts(3, {"0301 Oslo", "Levendefødte", "8000", "8100"})}};
    Imported r = import_sheets("07459.csv", {s});
    ASSERT_TRUE(r.messages(Severity::error).empty()) << r.messages(Severity::error).front();
    ASSERT_TRUE(population(r.dataset, "0301", 2021));
    EXPECT_EQ(population(r.dataset, "0301", 2021)->value, Value(697010));
    EXPECT_EQ(r.dataset.outcomes.size(), 2u);
}

}  // namespace
