// Writing CSV: RFC 4180 as Python's csv module reads it, formula protection,
// missing and suppressed values, and a round trip through kdx's own reader.
#include <gmock/gmock.h>

#include "csv_test_support.hpp"
#include "kdx/error.hpp"

namespace {

using kdx::Value;
using namespace kdx::test;
using namespace kdx::test::csv;
using ::testing::ElementsAre;
using Records = std::vector<std::vector<std::string>>;

kdx::Dataset sample() {
    kdx::Dataset d;
    kdx::Municipality stange;
    stange.number = "3413";
    stange.name = "Stange";
    stange.county_number = "34";
    stange.county_name = "Innlandet";
    stange.population = 21000;
    kdx::Municipality odd;
    odd.number = "9999";
    odd.name = "=HYPERLINK(\"http://x\",\"Klikk\")";
    odd.county_name = "Komma, \"sitat\" og\nlinjeskift";
    d.municipalities = {stange, odd};
    kdx::SettlementFigures s;
    s.municipality = "3413";
    s.year = 2020;
    s.requested = 25;
    s.decided = Value::suppressed();
    s.settled = 0;
    d.settlement.push_back(s);
    kdx::Outcome o;
    o.municipality = "3413";
    o.indicator = "work-or-education-1y";
    o.year = 2019;
    o.value = -3.5;  // a change in points: a number, written plainly
    o.unit = kdx::Unit::percent;
    o.source = "+47 SSB";
    d.outcomes.push_back(o);
    return d;
}

fs::path write(const kdx::Dataset& d, const std::string& name, const kdx::Options& options = {}) {
    fs::path file = scratch_dir() / name;
    kdx::Diagnostics diagnostics;
    format()->write_dataset(d, file, options, diagnostics);
    return file;
}

TEST(CsvWrite, SettlementAsPythonReadsIt) {
    if (!have_python()) GTEST_SKIP() << "/usr/bin/python3 is not installed";
    fs::path file = write(sample(), "settlement.csv");
    EXPECT_THAT(
        python_records(file),
        ElementsAre(ElementsAre("municipality", "municipality_name", "year", "requested", "decided",
                                "settled", "unaccompanied_minors", "family_reunifications"),
                    ElementsAre("3413", "Stange", "2020", "25", ":", "0", "", "")));
    EXPECT_EQ(read_file(file).substr(0, 13), "municipality,");
    EXPECT_EQ(read_file(file).substr(read_file(file).size() - 2), "\r\n");
}

TEST(CsvWrite, QuotesLineBreaksAndFormulaProtection) {
    if (!have_python()) GTEST_SKIP() << "/usr/bin/python3 is not installed";
    fs::path file = write(sample(), "municipalities.csv", {{"table", "municipalities"}});
    Records records = python_records(file);
    ASSERT_EQ(records.size(), 3u);
    EXPECT_EQ(records[2][1], "'=HYPERLINK(\"http://x\",\"Klikk\")");
    EXPECT_EQ(records[2][3], "Komma, \"sitat\" og\nlinjeskift");
    EXPECT_EQ(records[1][6], "21000");
    // Every record ends in CRLF; the line break inside the quoted field stays LF.
    std::string raw = read_file(file);
    EXPECT_NE(raw.find("\"Komma, \"\"sitat\"\" og\nlinjeskift\""), std::string::npos);
    std::size_t crlf = 0;
    for (std::size_t i = raw.find("\r\n"); i != std::string::npos; i = raw.find("\r\n", i + 2))
        ++crlf;
    EXPECT_EQ(crlf, 3u);

    Records outcomes = python_records(write(sample(), "outcomes.csv", {{"table", "outcomes"}}));
    ASSERT_EQ(outcomes.size(), 2u);
    EXPECT_EQ(outcomes[1][4], "-3.5");      // the number itself is not text
    EXPECT_EQ(outcomes[1][7], "'+47 SSB");  // text starting with + is

    Records plain = python_records(
        write(sample(), "plain.csv", {{"table", "municipalities"}, {"protect-formulas", "false"}}));
    EXPECT_EQ(plain[2][1], "=HYPERLINK(\"http://x\",\"Klikk\")");
}

TEST(CsvWrite, EveryCellStartThatSpreadsheetsRun) {
    if (!have_python()) GTEST_SKIP() << "/usr/bin/python3 is not installed";
    kdx::Dataset d;
    for (const char* name : {"=1+1", "+1", "-1", "@SUM(A1)", "\t=1", "\r=1", "Bø"}) {
        kdx::Municipality m;
        m.number = "0001";
        m.name = name;
        d.municipalities.push_back(m);
    }
    Records r = python_records(write(d, "m.csv", {{"table", "municipalities"}}));
    std::vector<std::string> names;
    for (std::size_t i = 1; i < r.size(); ++i) names.push_back(r[i][1]);
    EXPECT_THAT(names, ElementsAre("'=1+1", "'+1", "'-1", "'@SUM(A1)", "'\t=1", "'\r=1", "Bø"));
}

TEST(CsvWrite, RoundTripThroughKdx) {
    kdx::Dataset d = sample();
    kdx::SettlementFigures more;
    more.municipality = "5006";
    more.year = 2021;
    more.requested = 40;
    more.unaccompanied_minors = Value::suppressed();
    more.family_reunifications = 7;
    d.settlement.push_back(more);
    fs::path file = write(d, "settlement.csv", {{"bom", "true"}});
    EXPECT_EQ(read_file(file).substr(0, 3), "\xEF\xBB\xBF");
    ReadResult back = read(file);
    EXPECT_FALSE(back.diagnostics.has_errors());
    ASSERT_EQ(back.dataset.settlement.size(), 2u);
    for (std::size_t i = 0; i < 2; ++i) {
        const auto& a = d.settlement[i];
        const auto& b = back.dataset.settlement[i];
        EXPECT_EQ(b.municipality, a.municipality);
        EXPECT_EQ(b.year, a.year);
        EXPECT_EQ(b.requested, a.requested);
        EXPECT_EQ(b.decided, a.decided);
        EXPECT_EQ(b.settled, a.settled);
        EXPECT_EQ(b.unaccompanied_minors, a.unaccompanied_minors);
        EXPECT_EQ(b.family_reunifications, a.family_reunifications);
    }
    ReadResult outcomes = read(write(d, "outcomes.csv", {{"table", "outcomes"}}));
    ASSERT_EQ(outcomes.dataset.outcomes.size(), 1u);
    EXPECT_EQ(outcomes.dataset.outcomes[0].value, Value(-3.5));
    EXPECT_EQ(outcomes.dataset.outcomes[0].indicator, "work-or-education-1y");
}

TEST(CsvWrite, BadOptionWritesNothing) {
    fs::path file = scratch_dir() / "x.csv";
    kdx::Diagnostics diagnostics;
    EXPECT_THROW(format()->write_dataset(sample(), file, {{"table", "votes"}}, diagnostics),
                 kdx::Error);
    EXPECT_FALSE(fs::exists(file));
}

}  // namespace
