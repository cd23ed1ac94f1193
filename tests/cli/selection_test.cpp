// What `kdx report` selects: --county and --municipality as a user writes
// them, usage mistakes found before any data is read, only the selection's
// problems printed, and municipalities that received part of a divided one.
// Output is read back with Python's xml.etree and the IMDi figures summed
// with Python's csv module (report_figures.py), not with kdx.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <algorithm>
#include <fstream>
#include <regex>
#include <sstream>

#include "test_support.hpp"

namespace {

namespace fs = std::filesystem;
using kdx::test::CommandResult;
using kdx::test::run;
using kdx::test::run_kdx;
using kdx::test::sh_quote;
using ::testing::HasSubstr;
using ::testing::Not;

fs::path imdi_file() { return kdx::test::data_dir() / "imdi/imdi-settlement-2012-2014.csv"; }
std::string imdi() { return sh_quote(imdi_file().string()); }
std::string example() {
    return sh_quote((kdx::test::source_dir() / "examples/data/nominees-2018.xml").string());
}

std::vector<std::string> files_in(const fs::path& dir) {
    std::vector<std::string> names;
    if (fs::is_directory(dir))
        for (const auto& e : fs::directory_iterator(dir))
            names.push_back(e.path().filename().string());
    std::sort(names.begin(), names.end());
    return names;
}

// report_figures.py's answer, trimmed.
std::string figures(const std::string& args) {
    CommandResult r = run(
        "/usr/bin/python3 " +
        sh_quote((kdx::test::source_dir() / "tests/cli/report_figures.py").string()) + " " + args);
    EXPECT_EQ(r.exit_code, 0) << args << "\n" << r.err;
    while (!r.out.empty() && (r.out.back() == '\n' || r.out.back() == ' ')) r.out.pop_back();
    return r.out;
}

double key_figure(const fs::path& report, const std::string& label) {
    return std::stod(figures("figure " + sh_quote(report.string()) + " " + sh_quote(label)));
}

double imdi_sum(int year, const std::string& variable, const std::string& numbers) {
    return std::stod(
        figures("imdi " + imdi() + " " + std::to_string(year) + " " + variable + " " + numbers));
}

std::vector<std::string> lines_of(const std::string& text) {
    std::vector<std::string> lines;
    std::istringstream in(text);
    for (std::string line; std::getline(in, line);) lines.push_back(line);
    return lines;
}

class KdxCliSelection : public ::testing::Test {
  protected:
    void SetUp() override {
        if (!kdx::test::have_program("/usr/bin/python3"))
            GTEST_SKIP() << "/usr/bin/python3 is not installed";
    }
};

TEST_F(KdxCliSelection, ACurrentCountyOnOlderDataIsReportedAsItsPredecessors) {
    // 34 Innlandet (2020) was 04 Hedmark and 05 Oppland in 2014: one report
    // for each, as IMDi published them, whether asked by number or by name.
    for (const std::string county : {"34", "Innlandet", "innlandet", "04,Oppland", "4,5"}) {
        SCOPED_TRACE(county);
        fs::path out = kdx::test::scratch_dir();
        CommandResult r =
            run_kdx("report -t county-overview -d " + imdi() + " --county " + sh_quote(county) +
                    " --year 2014 --format xml --out " + sh_quote(out.string()));
        ASSERT_EQ(r.exit_code, 0) << r.err;
        EXPECT_EQ(files_in(out), (std::vector<std::string>{"county-overview-2014-04-hedmark.xml",
                                                           "county-overview-2014-05-oppland.xml"}));
        if (county == "34" || county == "Innlandet") {
            EXPECT_THAT(
                r.err,
                HasSubstr("county 34 Innlandet is not a county of the data; it is reported as "
                          "04 Hedmark and 05 Oppland"));
        }
        EXPECT_EQ(
            figures("title " + sh_quote((out / "county-overview-2014-05-oppland.xml").string())),
            "Bosetting av flyktninger i Oppland 2014");
        // The figures are those of the county's municipalities in IMDi's file.
        EXPECT_EQ(key_figure(out / "county-overview-2014-04-hedmark.xml", "Bosatt 2014"),
                  imdi_sum(2014, "bosatt", "04"));
        EXPECT_EQ(key_figure(out / "county-overview-2014-05-oppland.xml", "Anmodning 2014"),
                  imdi_sum(2014, "anmodning", "05"));
    }
}

TEST_F(KdxCliSelection, ACountyOfOtherYearsIsTheCountiesMostlyInIt) {
    // 30 Viken (2020-2023): Østfold, Akershus and Buskerud; not Oppland for
    // Jevnaker and Lunner, nor Vestfold for Svelvik.
    fs::path out = kdx::test::scratch_dir();
    CommandResult r =
        run_kdx("report -t county-overview -d " + imdi() +
                " --county Viken --year 2014 --format xml --out " + sh_quote(out.string()));
    ASSERT_EQ(r.exit_code, 0) << r.err;
    EXPECT_EQ(files_in(out), (std::vector<std::string>{"county-overview-2014-01-ostfold.xml",
                                                       "county-overview-2014-02-akershus.xml",
                                                       "county-overview-2014-06-buskerud.xml"}));
}

TEST_F(KdxCliSelection, ACountyOnHarmonisedDataIsItsPresentArea) {
    fs::path out = kdx::test::scratch_dir();
    CommandResult r =
        run_kdx("report -t county-overview -d " + imdi() +
                " --county Innlandet --harmonise-to 2024 --year 2014 --format xml --out " +
                sh_quote(out.string()));
    ASSERT_EQ(r.exit_code, 0) << r.err;
    ASSERT_EQ(files_in(out), std::vector<std::string>{"county-overview-2014-34-innlandet.xml"});
    // Hedmark and Oppland without Jevnaker (0532) and Lunner (0533), which
    // went to Viken in 2020.
    EXPECT_EQ(key_figure(out / "county-overview-2014-34-innlandet.xml", "Bosatt 2014"),
              imdi_sum(2014, "bosatt", "04 05") - imdi_sum(2014, "bosatt", "0532 0533"));
}

TEST_F(KdxCliSelection, ACountyThatFitsNothingGetsADidYouMean) {
    fs::path out = kdx::test::scratch_dir();
    CommandResult name = run_kdx("report -t county-overview -d " + imdi() +
                                 " --county Innlandt --year 2014 --out " + sh_quote(out.string()));
    EXPECT_EQ(name.exit_code, 2);
    EXPECT_THAT(name.err,
                HasSubstr("kdx: error: report: --county: \"Innlandt\" is no county of the data "
                          "(2012-2014); did you mean 34 Innlandet?"));
    CommandResult number = run_kdx("report -t county-overview -d " + imdi() +
                                   " --county 77 --year 2014 --out " + sh_quote(out.string()));
    EXPECT_EQ(number.exit_code, 2);
    EXPECT_THAT(
        number.err,
        HasSubstr("\"77\" is no county of the data (2012-2014); its counties are 01 Østfold"));
    EXPECT_TRUE(fs::is_empty(out));
}

TEST_F(KdxCliSelection, UsageMistakesExitTwoBeforeTheDataIsRead) {
    // The data file does not exist: reading it would exit 1 with "no such file".
    fs::path out = kdx::test::scratch_dir();
    fs::path bad_template = out / "bad-template.xml";
    kdx::test::write_file(bad_template, "<report");
    const std::string missing = " -d " + sh_quote((out / "no-such.csv").string()) + " --out " +
                                sh_quote((out / "reports").string());
    const std::vector<std::pair<std::string, std::string>> cases = {
        {"-t council-report --year 2014",
         "template council-report is about one municipality: give --municipality"},
        {"-t county-overview --year 2014",
         "template county-overview is about one county: give --county"},
        {"-t council-report --county 34",
         "template council-report is about one municipality, not a county"},
        {"-t county-overview --municipality Hamar",
         "template county-overview is about one county, not a municipality"},
        {"-t imdi-comparison --municipality Hamar", "takes neither --municipality nor --county"},
        {"-t council-report --municipality Hamar --format nope",
         "no plugin writes reports as nope"},
        {"-t no-such-template --municipality Hamar", "no template \"no-such-template\""},
        {"-t " + sh_quote(bad_template.string()) + " --municipality Hamar",
         "bad-template.xml:1: not well-formed XML"},
        {"-t council-report --municipality Hamar --county 34", "excludes"},
    };
    for (const auto& [args, message] : cases) {
        SCOPED_TRACE(args);
        CommandResult r = run_kdx("report " + args + missing);
        EXPECT_EQ(r.exit_code, 2) << r.err;
        EXPECT_THAT(r.err, HasSubstr("kdx: error: "));
        EXPECT_THAT(r.err, HasSubstr(message));
        EXPECT_THAT(r.err, Not(HasSubstr("no such file")));
        EXPECT_EQ(lines_of(r.err).size(), 1u) << r.err;
    }
    EXPECT_FALSE(fs::exists(out / "reports"));
}

TEST_F(KdxCliSelection, OnlyTheSelectionsProblemsArePrinted) {
    // The example's one warning is on a row of 5004 Steinkjer.
    fs::path out = kdx::test::scratch_dir();
    CommandResult validated = run_kdx("validate " + example());
    ASSERT_THAT(validated.err, HasSubstr("\"5004\" was not in use in 2012"));
    CommandResult steinkjer = run_kdx("report -t council-report -d " + example() +
                                      " --municipality Steinkjer --year 2014 --format xml --out " +
                                      sh_quote(out.string()));
    ASSERT_EQ(steinkjer.exit_code, 0) << steinkjer.err;
    EXPECT_THAT(steinkjer.err, HasSubstr("\"5004\" was not in use in 2012"));
    CommandResult baerum =
        run_kdx("report -t council-report -d " + example() +
                " --municipality Bærum --year 2014 --format xml --out " + sh_quote(out.string()));
    ASSERT_EQ(baerum.exit_code, 0) << baerum.err;
    EXPECT_THAT(baerum.err, Not(HasSubstr("warning:")));
    EXPECT_THAT(baerum.err, HasSubstr("0 errors, 0 warnings"));

    // On the real file harmonised to 2024, a report on Innlandet does not
    // speak of Trøndelag's divided Snillfjord; Trøndelag's does.
    const std::string harmonised = "report -t county-overview -d " + imdi() +
                                   " --harmonise-to 2024 --year 2014 --format xml --out " +
                                   sh_quote(out.string());
    CommandResult innlandet = run_kdx("-v " + harmonised + " --county 34");
    ASSERT_EQ(innlandet.exit_code, 0) << innlandet.err;
    EXPECT_THAT(innlandet.err, Not(HasSubstr("Snillfjord")));
    EXPECT_THAT(innlandet.err, Not(HasSubstr("warning:")));
    // Whole-file notes (county rows skipped) are not about the selection.
    EXPECT_THAT(innlandet.err, Not(HasSubstr("county rows")));
    CommandResult trondelag = run_kdx(harmonised + " --county Trøndelag");
    ASSERT_EQ(trondelag.exit_code, 0) << trondelag.err;
    EXPECT_THAT(trondelag.err,
                HasSubstr("1613 Snillfjord covers 5055 Heim, 5056 Hitra and 5059 Orkland of 2024"));
    EXPECT_THAT(trondelag.err, Not(HasSubstr("Stavanger")));

    // -q keeps errors only; --diagnostics limits by kind.
    CommandResult quiet = run_kdx("-q " + harmonised + " --county 50");
    ASSERT_EQ(quiet.exit_code, 0) << quiet.err;
    EXPECT_THAT(quiet.err, Not(HasSubstr("warning:")));
    EXPECT_THAT(quiet.err, Not(HasSubstr("info:")));
    CommandResult notes = run_kdx("--diagnostics=notes " + harmonised + " --county 50");
    ASSERT_EQ(notes.exit_code, 0) << notes.err;
    EXPECT_THAT(notes.err, Not(HasSubstr("warning:")));
    EXPECT_THAT(notes.err, HasSubstr("info: municipality numbers harmonised to 2024"));
}

TEST_F(KdxCliSelection, AMunicipalityThatReceivedPartOfADividedOneIsReported) {
    // Snillfjord (1613) was divided between Heim, Hitra and Orkland in 2020.
    fs::path out = kdx::test::scratch_dir();
    CommandResult r =
        run_kdx("report -t council-report -d " + imdi() +
                " --municipality all --harmonise-to 2024 --year 2014 --format xml --out " +
                sh_quote(out.string()));
    ASSERT_EQ(r.exit_code, 0) << r.err;
    EXPECT_THAT(r.err, HasSubstr("wrote 356 files for 356 of 356 municipalities"));
    EXPECT_THAT(r.err, Not(HasSubstr("no report for")));
    EXPECT_THAT(r.err,
                Not(HasSubstr("settlement figures 2014: 1617 Hitra is only part of 5056 Hitra")));
    // Hitra's figures are 1617 Hitra's; Orkland's the sum of Agdenes, Meldal
    // and Orkdal; neither has Snillfjord's part, and each says so.
    const fs::path hitra = out / "council-report-2014-5056-hitra.xml";
    const fs::path orkland = out / "council-report-2014-5059-orkland.xml";
    ASSERT_TRUE(fs::exists(hitra));
    ASSERT_TRUE(fs::exists(orkland));
    EXPECT_EQ(key_figure(hitra, "Anmodning 2014"), imdi_sum(2014, "anmodning", "1617"));
    EXPECT_EQ(key_figure(hitra, "Bosatt 2014"), imdi_sum(2014, "bosatt", "1617"));
    EXPECT_EQ(key_figure(orkland, "Bosatt 2014"), imdi_sum(2014, "bosatt", "1622 1636 1638"));
    const std::string hitra_notes = figures("notes " + sh_quote(hitra.string()));
    EXPECT_THAT(
        hitra_notes,
        HasSubstr(
            "Tallene før 2020 omfatter ikke den delen av Snillfjord som kom til Hitra i 2020"));
    EXPECT_THAT(hitra_notes, Not(HasSubstr("summen av")));
    const std::string orkland_notes = figures("notes " + sh_quote(orkland.string()));
    EXPECT_THAT(orkland_notes,
                HasSubstr("Tallene før 2020 er summen av Agdenes, Meldal og Orkdal"));
    EXPECT_THAT(orkland_notes, HasSubstr("den delen av Snillfjord som kom til Orkland"));

    // The PDF says the same, as pdftotext reads it.
    if (kdx::test::have_program("pdftotext")) {
        fs::path pdf_out = out / "pdf";
        CommandResult pdf =
            run_kdx("report -t council-report -d " + imdi() +
                    " --municipality Hitra --harmonise-to 2024 --year 2014 --format pdf --out " +
                    sh_quote(pdf_out.string()));
        ASSERT_EQ(pdf.exit_code, 0) << pdf.err;
        CommandResult text =
            run("pdftotext -layout " +
                sh_quote((pdf_out / "council-report-2014-5056-hitra.pdf").string()) + " -");
        ASSERT_EQ(text.exit_code, 0) << text.err;
        std::string flat = std::regex_replace(text.out, std::regex("\\s+"), " ");
        EXPECT_THAT(flat,
                    HasSubstr("omfatter ikke den delen av Snillfjord som kom til Hitra i 2020"));
    }

    // The divided municipality itself cannot be reported in 2024's numbers.
    fs::path out2 = out / "divided";
    CommandResult snillfjord =
        run_kdx("report -t council-report -d " + imdi() +
                " --municipality Snillfjord --harmonise-to 2024 --year 2014 --format xml --out " +
                sh_quote(out2.string()));
    EXPECT_EQ(snillfjord.exit_code, 1);
    EXPECT_THAT(snillfjord.err,
                HasSubstr("kdx: error: Snillfjord was divided between Heim, Hitra and Orkland in "
                          "2020; its figures cannot be divided"));
    EXPECT_TRUE(files_in(out2).empty());
    CommandResult listed =
        run_kdx("report -t council-report -d " + imdi() +
                " --municipality 1613,Hitra --harmonise-to 2024 --year 2014 --format xml --out " +
                sh_quote(out2.string()));
    EXPECT_EQ(listed.exit_code, 1);
    EXPECT_THAT(listed.err, HasSubstr("no report for 1613 Snillfjord: Snillfjord was divided"));
    EXPECT_EQ(files_in(out2), std::vector<std::string>{"council-report-2014-5056-hitra.xml"});
}

}  // namespace

namespace {

// File names are ASCII: the letters of Sámi and Kven name forms keep their
// base letter instead of dropping out ("hbmer", "porsgu" before).
TEST_F(KdxCliSelection, FileNamesOfSamiNamesKeepTheirLetters) {
    fs::path out = kdx::test::scratch_dir();
    CommandResult r = run_kdx("report -t council-report -d " + imdi() +
                              " --municipality 1849,2020,2021 --year 2014 --format xml --out " +
                              sh_quote(out.string()));
    ASSERT_EQ(r.exit_code, 0) << r.err;
    EXPECT_EQ(files_in(out),
              (std::vector<std::string>{"council-report-2014-1849-habmer-hamaroy.xml",
                                        "council-report-2014-2020-porsanger-porsangu-porsanki.xml",
                                        "council-report-2014-2021-karasjohka-karasjok.xml"}));
}

}  // namespace

namespace {

// Hedmark 2014: every municipality reported every figure of 2014, so no ".."
// is shown; the county totals of earlier years, which the key figures' change
// is computed from, once added the note on ".." to a report without one.
TEST_F(KdxCliSelection, TheNoteOnMissingFiguresComesOnlyWithAMissingFigure) {
    fs::path out = kdx::test::scratch_dir();
    CommandResult r =
        run_kdx("report -t county-overview -d " + imdi() +
                " --county 04 --year 2014 --format xml --out " + sh_quote(out.string()));
    ASSERT_EQ(r.exit_code, 0) << r.err;
    std::ifstream in(out / "county-overview-2014-04-hedmark.xml");
    std::stringstream xml;
    xml << in.rdbuf();
    ASSERT_THAT(xml.str(), HasSubstr("<cell>"));
    EXPECT_THAT(xml.str(), Not(HasSubstr("<cell>..</cell>")));
    EXPECT_THAT(xml.str(), Not(HasSubstr("«..»")));
}

}  // namespace
