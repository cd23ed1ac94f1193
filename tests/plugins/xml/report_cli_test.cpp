// `kdx report --format xml` end to end: an exchange file in, a report valid
// against kdx-report-1.xsd out, the same bytes on every run when
// SOURCE_DATE_EPOCH is set.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <pugixml.hpp>

#include "report_test_support.hpp"

namespace {

using ::testing::HasSubstr;
namespace rx = kdx::test::report_xml;
namespace fs = std::filesystem;
using kdx::test::read_file;
using kdx::test::run_kdx;
using kdx::test::sh_quote;

// 2024-12-31T00:00:00Z
constexpr const char* epoch = "1735603200";

kdx::test::CommandResult council_report(const fs::path& data, const fs::path& out) {
    return kdx::test::run(
        "SOURCE_DATE_EPOCH=" + std::string(epoch) + " " + sh_quote(kdx::test::kdx_exe().string()) +
        " report -t council-report -d " + sh_quote(data.string()) +
        " --municipality 4621 --year 2024 --format xml --out " + sh_quote(out.string()));
}

TEST(KdxReportXml, WritesAValidReportTheSameOnEveryRun) {
    KDX_REQUIRE_XMLLINT();
    fs::path dir = kdx::test::scratch_dir();
    fs::path data = dir / "vestland-2024.xml";
    kdx::test::write_file(data, rx::sample_exchange_xml());

    auto first = council_report(data, dir / "first");
    ASSERT_EQ(first.exit_code, 0) << first.err;
    EXPECT_THAT(first.err, HasSubstr("wrote 1 file"));
    fs::path file = dir / "first" / "council-report-2024-4621-voss.xml";
    ASSERT_TRUE(fs::exists(file)) << first.err;
    EXPECT_EQ(rx::schema_errors(file), "");

    auto second = council_report(data, dir / "second");
    ASSERT_EQ(second.exit_code, 0) << second.err;
    EXPECT_EQ(read_file(file), read_file(dir / "second" / "council-report-2024-4621-voss.xml"));

    pugi::xml_document xml;
    ASSERT_TRUE(xml.load_file(file.c_str()));
    pugi::xml_node info = xml.child("report").child("info");
    EXPECT_STREQ(info.attribute("date").value(), "2024-12-31");
    EXPECT_STREQ(info.attribute("language").value(), "nn");
    EXPECT_STREQ(info.attribute("template").value(), "council-report");
    EXPECT_STREQ(info.child_value("title"), "Busetjing og integrering i Voss 2024");
    std::vector<std::string> sources;
    for (pugi::xml_node s : info.children("source")) sources.push_back(s.text().get());
    // The data source in nynorsk (its nb title stands in for the missing nn
    // one); neither the file name nor the provenance note.
    EXPECT_THAT(sources,
                ::testing::ElementsAre("IMDi, bosettingsstatistikk, tal per 31. januar 2025"));
    EXPECT_STREQ(info.child_value("author"), "IMDi");

    // The first paragraph, and the settlement table's 2024 row: the small
    // settled count is a published administrative figure, shown as it is.
    EXPECT_THAT(xml.select_node("/report/blocks/paragraph/run").node().text().get(),
                HasSubstr("busetje 6 flyktningar"));
    auto row = xml.select_node("/report/blocks/table/row[cell='2024']");
    ASSERT_TRUE(row);
    std::vector<std::string> values;
    for (pugi::xml_node cell : row.node().children("cell"))
        values.push_back(cell.attribute("value").value());
    EXPECT_THAT(values, ::testing::ElementsAre("2024", "6", "5", "3", "50"));
}

TEST(KdxReportXml, AnUnknownMunicipalityWritesNothing) {
    fs::path dir = kdx::test::scratch_dir();
    fs::path data = dir / "vestland-2024.xml";
    kdx::test::write_file(data, rx::sample_exchange_xml());
    auto r = run_kdx("report -t council-report -d " + sh_quote(data.string()) +
                     " --municipality 9999 --format xml --out " + sh_quote((dir / "out").string()));
    EXPECT_NE(r.exit_code, 0);
    EXPECT_THAT(r.err, HasSubstr("9999"));
    EXPECT_FALSE(fs::exists(dir / "out" / "council-report-9999.xml"));
}

// Several municipalities from one reading of the data: a list, or all of them.
// One that cannot be reported is named, the others are written, and the run
// exits 1.
TEST(KdxReportXml, ReportsEachMunicipalityOfAListOrAll) {
    KDX_REQUIRE_XMLLINT();
    fs::path dir = kdx::test::scratch_dir();
    fs::path data = dir / "vestland-2024.xml";
    kdx::test::write_file(data, rx::sample_exchange_xml());
    auto report = [&](const std::string& which, const fs::path& out) {
        return run_kdx("report -t council-report -d " + sh_quote(data.string()) +
                       " --municipality " + which + " --year 2024 --format xml --out " +
                       sh_quote(out.string()));
    };
    auto files_in = [](const fs::path& folder) {
        std::vector<std::string> names;
        for (const auto& e : fs::directory_iterator(folder)) names.push_back(e.path().filename());
        std::sort(names.begin(), names.end());
        return names;
    };

    auto all = report("all", dir / "all");
    ASSERT_EQ(all.exit_code, 0) << all.err;
    // The sample has Bergen and Voss.
    EXPECT_THAT(all.err, HasSubstr("wrote 2 files for 2 of 2 municipalities"));
    EXPECT_THAT(files_in(dir / "all"), ::testing::ElementsAre("council-report-2024-4601-bergen.xml",
                                                              "council-report-2024-4621-voss.xml"));
    for (const std::string& name : files_in(dir / "all"))
        EXPECT_EQ(rx::schema_errors(dir / "all" / name), "") << name;
    // The same report as when it is asked for alone.
    auto alone = report("4621", dir / "alone");
    ASSERT_EQ(alone.exit_code, 0) << alone.err;
    EXPECT_EQ(read_file(dir / "all" / "council-report-2024-4621-voss.xml"),
              read_file(dir / "alone" / "council-report-2024-4621-voss.xml"));

    auto list = report("4621,0301,4601", dir / "list");
    EXPECT_EQ(list.exit_code, 1) << list.err;
    EXPECT_THAT(list.err, HasSubstr("no report for 0301: municipality 0301 is not in the data"));
    EXPECT_THAT(list.err, HasSubstr("wrote 2 files for 2 of 3 municipalities"));
    EXPECT_THAT(files_in(dir / "list"),
                ::testing::ElementsAre("council-report-2024-4601-bergen.xml",
                                       "council-report-2024-4621-voss.xml"));
}

}  // namespace

namespace {

// A council report on IMDi's real file, read back with Python's xml.etree:
// the outcomes table's caption carries its years (the heading above it is
// the bare "Resultat"), each indicator's years stand together, and the
// keywords are in the report's own language.
TEST(KdxReportXml, OutcomesGroupedByIndicatorUnderACaptionWithTheYears) {
    if (!kdx::test::have_program("/usr/bin/python3"))
        GTEST_SKIP() << "/usr/bin/python3 is not installed";
    fs::path dir = kdx::test::scratch_dir();
    auto r = run_kdx(
        "report -t council-report -d " +
        sh_quote((kdx::test::data_dir() / "imdi" / "imdi-settlement-2012-2014.csv").string()) +
        " --municipality Voss --year 2014 --format xml --out " + sh_quote(dir.string()));
    ASSERT_EQ(r.exit_code, 0) << r.err;
    fs::path script = dir / "read.py";
    kdx::test::write_file(script, R"(import sys, xml.etree.ElementTree as ET
root = ET.parse(sys.argv[1]).getroot()
print('keywords', ','.join(k.text for k in root.iter('{urn:kdx:report:1}keyword')))
for t in root.iter('{urn:kdx:report:1}table'):
    cap = t.find('{urn:kdx:report:1}caption').text
    if not cap.startswith('Resultat'):
        continue
    print('caption', cap)
    seen, last = [], None
    for row in t.findall('{urn:kdx:report:1}row'):
        name = row.find('{urn:kdx:report:1}cell').text
        if name != last:
            print('again' if name in seen else 'group', name)
            seen.append(name)
        last = name
)");
    auto py = kdx::test::run("/usr/bin/python3 " + sh_quote(script.string()) + " " +
                             sh_quote((dir / "council-report-2014-1235-voss.xml").string()));
    ASSERT_EQ(py.exit_code, 0) << py.err;
    EXPECT_THAT(py.out, HasSubstr("keywords busetjing,kommunestyre"));
    EXPECT_THAT(py.out, HasSubstr("caption Resultat 2012\xE2\x80\x93"
                                  "2014\n"));
    EXPECT_THAT(py.out, HasSubstr("group Busette i prosent av oppmoding\n"));
    EXPECT_THAT(py.out, ::testing::Not(HasSubstr("again ")));
}

}  // namespace
