// Secondary suppression in a county overview: when a person statistic below
// the threshold is hidden in a table that shows its total, a second cell (the
// smallest other one) is hidden as well, so the hidden figure cannot be worked
// out from the total, and the total stays true and visible. Read back with
// openpyxl and pdftotext.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <map>
#include <nlohmann/json.hpp>
#include <sstream>

#include "pdf_test_support.hpp"

namespace {

namespace fs = std::filesystem;
using kdx::test::run;
using kdx::test::sh_quote;
using ::testing::HasSubstr;

// Four municipalities of Hedmark in 2014; the dataset makes "settled" a
// person statistic. Nord-Odal's 3 is below 5; Ringsaker's 12 is the smallest
// other settled count, so it is the second cell; 30 + 3 + 12 + 39 = 84.
constexpr const char* dataset = R"(<?xml version="1.0" encoding="UTF-8"?>
<dataset xmlns="urn:kdx:data:1" version="1">
  <info language="nb">
    <title>Bosetting i Hedmark 2014</title>
    <data-source publisher="IMDi" title-nb="bosettingsstatistikk" title-en="settlement statistics" as-of="2015-10"/>
  </info>
  <indicators>
    <indicator id="settled" unit="persons" additive="true" person-statistic="true" label-nb="Bosatte flyktninger"/>
  </indicators>
  <municipalities>
    <municipality number="0403" name="Hamar" county-number="04" county-name="Hedmark"/>
    <municipality number="0418" name="Nord-Odal" county-number="04" county-name="Hedmark"/>
    <municipality number="0412" name="Ringsaker" county-number="04" county-name="Hedmark"/>
    <municipality number="0417" name="Stange" county-number="04" county-name="Hedmark"/>
  </municipalities>
  <settlement>
    <figures municipality="0403" year="2014" requested="35" decided="30" settled="30"/>
    <figures municipality="0418" year="2014" requested="10" decided="5" settled="3"/>
    <figures municipality="0412" year="2014" requested="20" decided="15" settled="12"/>
    <figures municipality="0417" year="2014" requested="35" decided="30" settled="39"/>
  </settlement>
</dataset>
)";

// The municipalities table of the XLSX, as openpyxl reads it: {name: [requested,
// decided, settled]} with the total under "I alt".
constexpr const char* read_xlsx = R"py(
import json, sys, openpyxl
wb = openpyxl.load_workbook(sys.argv[1])
for ws in wb.worksheets:
    rows = [list(r) for r in ws.iter_rows(values_only=True)]
    for i, r in enumerate(rows):
        if r and r[0] == 'Kommune':
            col = {h: c for c, h in enumerate(r) if isinstance(h, str)}
            out = {}
            for row in rows[i + 1:]:
                if not row or row[0] is None: break
                out[row[0]] = [row[col['Anmodning']], row[col['Vedtak']], row[col['Bosatt']]]
            print(json.dumps(out))
            sys.exit(0)
sys.exit(3)
)py";

TEST(SecondarySuppression, CountyOverviewHidesASecondCellNeverTheTotal) {
    if (!kdx::test::pdf::have_poppler() || !fs::exists("/usr/bin/python3"))
        GTEST_SKIP() << "pdftotext or /usr/bin/python3 is not installed";
    fs::path dir = kdx::test::scratch_dir();
    fs::path data = dir / "hedmark-2014.xml";
    kdx::test::write_file(data, dataset);
    fs::path out = dir / "out";
    auto r = kdx::test::run_kdx("report -t county-overview -d " + sh_quote(data.string()) +
                                " --county 04 --year 2014 --lang nb --format pdf,xlsx --out " +
                                sh_quote(out.string()));
    ASSERT_EQ(r.exit_code, 0) << r.err;

    auto x = run("/usr/bin/python3 -c " + sh_quote(read_xlsx) + " " +
                 sh_quote(kdx::test::only_file(out, ".xlsx").string()));
    ASSERT_EQ(x.exit_code, 0) << x.err;
    auto table = nlohmann::json::parse(x.out);
    EXPECT_EQ(table["Hamar"], nlohmann::json::parse("[35, 30, 30]"));
    EXPECT_EQ(table["Stange"], nlohmann::json::parse("[35, 30, 39]"));
    EXPECT_EQ(table["Nord-Odal"], nlohmann::json::parse("[10, 5, \":\"]")) << "below 5: hidden";
    EXPECT_EQ(table["Ringsaker"], nlohmann::json::parse("[20, 15, \":\"]"))
        << "the smallest other settled count is the second cell";
    EXPECT_EQ(table["I alt"], nlohmann::json::parse("[100, 80, 84]")) << "the total stays true";

    fs::path pdf = kdx::test::only_file(out, ".pdf");
    auto layout = run("pdftotext -layout -enc UTF-8 " + sh_quote(pdf.string()) + " -");
    ASSERT_EQ(layout.exit_code, 0) << layout.err;
    std::map<std::string, std::string> lines;
    std::istringstream in(layout.out);
    for (std::string line; std::getline(in, line);)
        for (const char* name : {"Hamar", "Nord-Odal", "Ringsaker", "Stange", "I alt"})
            if (line.rfind(name, line.find_first_not_of(' ')) == line.find_first_not_of(' ') &&
                line.find_first_not_of(' ') != std::string::npos)
                lines[name] = kdx::test::pdf::squeeze(line);
    EXPECT_THAT(lines["Nord-Odal"], ::testing::MatchesRegex("Nord-Odal 0418 10 5 : :"));
    EXPECT_THAT(lines["Ringsaker"], ::testing::MatchesRegex("Ringsaker 0412 20 15 : :"));
    EXPECT_THAT(lines["Hamar"], HasSubstr("Hamar 0403 35 30 30"));
    EXPECT_THAT(lines["I alt"], HasSubstr("I alt 100 80 84"));
    std::string text = kdx::test::pdf::squeeze(kdx::test::pdf::pdf_text(pdf));
    EXPECT_THAT(text, HasSubstr("Bosatt 2014 84"));
    EXPECT_THAT(text, HasSubstr("1 tall under 5 er skjult («:»), og 1 til slik at det ikke kan "
                                "regnes ut fra summen."));
}

}  // namespace
