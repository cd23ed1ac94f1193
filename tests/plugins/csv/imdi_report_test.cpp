// County overviews made by the kdx command from IMDi's real settlement file
// (tests/data/imdi), read back with pdftotext and openpyxl and checked
// against the file itself as Python's csv module reads it. IMDi's requested,
// decided and settled counts are public administrative figures: a report
// shows every one of them, and its totals are the sums of what it shows.
#include <gmock/gmock.h>

#include <cmath>
#include <map>
#include <sstream>

#include "csv_test_support.hpp"

namespace {

using namespace kdx::test;
using ::testing::HasSubstr;
using Json = nlohmann::json;

const fs::path imdi_file = data_dir() / "imdi" / "imdi-settlement-2012-2014.csv";

// municipality number -> {requested, decided, settled} of one county and year,
// from the municipality rows; "" is the county's own row; -1 where IMDi's
// file has "." (no figure).
std::map<std::string, std::map<std::string, double>> from_csv(const std::string& county, int year) {
    auto r =
        run("/usr/bin/python3 -c " +
            sh_quote("import csv, json, sys\n"
                     "out = {}\n"
                     "for row in csv.DictReader(open(sys.argv[1], newline='', encoding='utf-8')):\n"
                     "    if row['aar'] != sys.argv[3] or row['bosetting'] not in ('anmodning', "
                     "'vedtak', 'bosatt'):\n"
                     "        continue\n"
                     "    k = row['kommune_id']\n"
                     "    if k == 'NULL' and row['fylke_id'] == sys.argv[2] and "
                     "row['naringsregion_id'] == 'NULL':\n"
                     "        k = ''\n"
                     "    elif k == 'NULL' or not k.startswith(sys.argv[2]):\n"
                     "        continue\n"
                     "    v = row['tabellvariabel']\n"
                     "    out.setdefault(k, {})[row['bosetting']] = -1 if v == '.' else float(v)\n"
                     "print(json.dumps(out))\n") +
            " " + sh_quote(imdi_file.string()) + " " + county + " " + std::to_string(year));
    EXPECT_EQ(r.exit_code, 0) << r.err;
    return Json::parse(r.out).get<std::map<std::string, std::map<std::string, double>>>();
}

// The rows of the XLSX's table sheet whose header row starts with "Kommune",
// as openpyxl reads them (values, not texts).
Json table_rows(const fs::path& xlsx) {
    auto r = run("/usr/bin/python3 -c " +
                 sh_quote("import json, sys, openpyxl\n"
                          "wb = openpyxl.load_workbook(sys.argv[1])\n"
                          "for ws in wb.worksheets:\n"
                          "    rows = [list(r) for r in ws.iter_rows(values_only=True)]\n"
                          "    for i, r in enumerate(rows):\n"
                          "        if r and r[0] == 'Kommune':\n"
                          "            print(json.dumps(rows[i:], default=str))\n"
                          "            sys.exit(0)\n"
                          "sys.exit(3)\n") +
                 " " + sh_quote(xlsx.string()));
    EXPECT_EQ(r.exit_code, 0) << r.err;
    return r.exit_code == 0 ? Json::parse(r.out) : Json::array();
}

class ImdiReport : public ::testing::TestWithParam<std::string> {
  protected:
    void SetUp() override {
        if (!fs::exists("/usr/bin/python3") || !have_program("pdftotext"))
            GTEST_SKIP() << "needs python3 with openpyxl and pdftotext";
    }
};

// Rogaland (11) hid its headline "Bosatt 564"; Hedmark's (04) visible cells
// did not add up to the total beside them.
TEST_P(ImdiReport, CountyOverviewShowsEverySettlementCountAndTrueTotals) {
    const std::string county = GetParam();
    fs::path out = scratch_dir();
    auto r = run_kdx("report -t county-overview -d " + sh_quote(imdi_file.string()) + " --county " +
                     county + " --year 2014 --lang nb --format pdf,xlsx --out " +
                     sh_quote(out.string()));
    ASSERT_EQ(r.exit_code, 0) << r.err;
    auto csv = from_csv(county, 2014);
    ASSERT_TRUE(csv.count(""));
    const double county_settled = csv[""]["bosatt"];

    Json rows = table_rows(only_file(out, ".xlsx"));
    ASSERT_GE(rows.size(), 3u);
    const Json& header = rows[0];
    std::map<std::string, std::size_t> column;
    for (std::size_t c = 0; c < header.size(); ++c)
        if (header[c].is_string()) column[header[c].get<std::string>()] = c;
    ASSERT_TRUE(column.count("Bosatt") && column.count("Anmodning") && column.count("Vedtak"));
    std::map<std::string, double> sums;
    bool saw_total = false;
    std::size_t municipalities = 0;
    for (std::size_t i = 1; i < rows.size(); ++i) {
        const Json& row = rows[i];
        if (row.empty() || row[0].is_null()) continue;
        bool total = row[0] == "I alt";
        std::string number = total ? "" : row[1].get<std::string>();
        for (const auto& [name, csv_name] : std::vector<std::pair<std::string, std::string>>{
                 {"Anmodning", "anmodning"}, {"Vedtak", "vedtak"}, {"Bosatt", "bosatt"}}) {
            const Json& cell = row[column[name]];
            if (!total && csv.count(number) && csv[number][csv_name] == -1) {
                // An empty cell, as the sheet's legend says, or "..": never 0 or ":".
                EXPECT_TRUE(cell.is_null() || cell == "..")
                    << number << " " << name << ": " << cell;
                continue;
            }
            ASSERT_TRUE(cell.is_number())
                << row[0] << " " << name << ": " << cell << " (no count is hidden)";
            if (total) {
                EXPECT_DOUBLE_EQ(cell.get<double>(), sums[name])
                    << "the total is the sum of the cells shown";
            } else {
                ASSERT_TRUE(csv.count(number)) << number;
                EXPECT_DOUBLE_EQ(cell.get<double>(), csv[number][csv_name])
                    << number << " " << name;
                sums[name] += cell.get<double>();
            }
        }
        if (!total) {
            ++municipalities;
            continue;
        }
        saw_total = true;
        EXPECT_DOUBLE_EQ(row[column["Bosatt"]].get<double>(), county_settled)
            << "the county's own row";
        break;
    }
    EXPECT_TRUE(saw_total);
    EXPECT_EQ(municipalities, csv.size() - 1);

    auto text = run("pdftotext -layout " + sh_quote(only_file(out, ".pdf").string()) + " -");
    ASSERT_EQ(text.exit_code, 0) << text.err;
    // The headline figure, with the thousands space pdftotext may give as
    // a no-break or a plain space.
    std::string digits = std::to_string(static_cast<long>(county_settled));
    std::string nb = digits, plain = digits;
    if (digits.size() > 3)
        nb.insert(digits.size() - 3, "\u00a0"), plain.insert(digits.size() - 3, " ");
    EXPECT_THAT(text.out, HasSubstr("Bosatt 2014"));
    EXPECT_TRUE(text.out.find(nb) != std::string::npos || text.out.find(plain) != std::string::npos)
        << "the headline settled figure " << digits;
    EXPECT_THAT(text.out, ::testing::Not(HasSubstr(" : "))) << "no figure is hidden";
    EXPECT_THAT(text.out, ::testing::Not(HasSubstr("er skjult")));
}

INSTANTIATE_TEST_SUITE_P(Counties, ImdiReport, ::testing::Values("11", "04", "20"));

TEST(ImdiReportYears, AYearOutsideTheDataIsAnErrorNamingTheYearsItCovers) {
    fs::path out = scratch_dir();
    auto r = run_kdx("report -t county-overview -d " + sh_quote(imdi_file.string()) +
                     " --county 11 --year 2015 --format pdf --out " + sh_quote(out.string()));
    EXPECT_EQ(r.exit_code, 1) << r.err;
    EXPECT_THAT(r.err,
                HasSubstr("no figures for county 11 (Rogaland) in 2015; it covers 2012–2014"));
    EXPECT_TRUE(fs::is_empty(out)) << "no report of \"..\" is written";
}

}  // namespace
