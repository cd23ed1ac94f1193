// Sources and publisher of a report, read back from all three formats with
// readers kdx did not write: pdftotext/pdfinfo, Python's zipfile and openpyxl,
// xmllint. The example's data sources are cited in the report's language; its
// free provenance notes, file names and paths never reach a report's text
// (the metadata names the input files, without folders, for kdx verify); the
// author is the publishing organisation, kdx only the producer.
#include <gmock/gmock.h>

#include <algorithm>
#include <regex>
#include <sstream>

#include "xml_test_support.hpp"

namespace {

using namespace kdx::test;
using namespace kdx::test::xml;
using ::testing::HasSubstr;
using ::testing::Not;

struct Case {
    const char* lang;
    const char* source_line;  // as the report's language writes it
};

const Case cases[] = {
    {"nb", "Kilder: IMDi, bosettingsstatistikk, tall per oktober 2015; SSB, kommuneinndeling 2018"},
    {"nn", "Kjelder: IMDi, bosettingsstatistikk, tal per oktober 2015; SSB, kommuneinndeling 2018"},
    {"en",
     "Sources: IMDi, settlement statistics, figures as of October 2015; SSB, classification "
     "of municipalities 2018"},
};

// Runs of whitespace as one space, so that a line pdftotext broke still matches.
std::string squeezed(const std::string& s) {
    return std::regex_replace(s, std::regex("\\s+"), " ");
}

bool have_plugins() {
    return fs::exists(plugin_build_dir() / "kdx_pdf.so") &&
           fs::exists(plugin_build_dir() / "kdx_xlsx.so");
}

CommandResult council_report(const fs::path& out, const std::string& lang,
                             const std::string& extra = "") {
    return run_kdx(
        "report -t council-report --municipality 5004 --year 2014 --format pdf,xlsx,xml --lang " +
        lang + " -d " + sh_quote(example.string()) + " --out " + sh_quote(out.string()) + extra);
}

// Text a Norwegian or English report must never contain.
void expect_no_notes_or_files(const std::string& text, const std::string& where) {
    EXPECT_THAT(text, Not(HasSubstr("Bærum vant"))) << where;
    EXPECT_THAT(text, Not(HasSubstr("prisen ble delt ut"))) << where;
    EXPECT_THAT(text, Not(HasSubstr("gardenberg"))) << where;
    EXPECT_THAT(text, Not(HasSubstr("nominees-2018"))) << where;
    EXPECT_THAT(text, Not(HasSubstr(example.parent_path().string()))) << where;
    EXPECT_THAT(text, Not(HasSubstr(".;"))) << where;
}

TEST(ReportSources, PdfCitesTheDataSourcesInTheReportsLanguage) {
    if (!have_plugins()) GTEST_SKIP() << "kdx_pdf or kdx_xlsx is not built";
    if (!have_program("pdftotext") || !have_program("pdfinfo")) GTEST_SKIP() << "no poppler-utils";
    for (const Case& c : cases) {
        fs::path out = scratch_dir();
        CommandResult r = council_report(out, c.lang);
        ASSERT_EQ(r.exit_code, 0) << r.err;
        fs::path pdf = only_file(out, ".pdf");
        ASSERT_FALSE(pdf.empty()) << c.lang;
        std::string text = squeezed(run("pdftotext " + sh_quote(pdf.string()) + " -").out);
        EXPECT_THAT(text, HasSubstr(c.source_line)) << c.lang;
        expect_no_notes_or_files(text, std::string("PDF ") + c.lang);
        std::string info = run("pdfinfo " + sh_quote(pdf.string())).out;
        // No template author and no --publisher: the dataset's first source.
        EXPECT_THAT(info, ::testing::ContainsRegex("\nAuthor: +IMDi\n")) << c.lang;
        EXPECT_THAT(info, ::testing::ContainsRegex("Producer: +kdx")) << c.lang;
    }
}

TEST(ReportSources, XlsxCitesTheSourcesAndNamesThePublisher) {
    if (!have_plugins()) GTEST_SKIP() << "kdx_pdf or kdx_xlsx is not built";
    if (!have_program("python3")) GTEST_SKIP() << "no python3";
    for (const Case& c : cases) {
        fs::path out = scratch_dir();
        CommandResult r = council_report(out, c.lang, " --publisher 'Steinkjer kommune'");
        ASSERT_EQ(r.exit_code, 0) << r.err;
        fs::path xlsx = only_file(out, ".xlsx");
        ASSERT_FALSE(xlsx.empty()) << c.lang;
        // Every string cell, then the core and app properties.
        fs::path script = out / "read.py";
        write_file(script, R"(import sys, zipfile, re
import openpyxl
wb = openpyxl.load_workbook(sys.argv[1])
for ws in wb.worksheets:
    for row in ws.iter_rows():
        for cell in row:
            if isinstance(cell.value, str):
                print(cell.value)
print("CREATOR=" + (wb.properties.creator or ""))
app = zipfile.ZipFile(sys.argv[1]).read("docProps/app.xml").decode()
m = re.search(r"<Company>(.*?)</Company>", app)
print("COMPANY=" + (m.group(1) if m else ""))
m = re.search(r"<Application>(.*?)</Application>", app)
print("APPLICATION=" + (m.group(1) if m else ""))
)");
        CommandResult py =
            run("/usr/bin/python3 " + sh_quote(script.string()) + " " + sh_quote(xlsx.string()));
        ASSERT_EQ(py.exit_code, 0) << py.err;
        std::string text = squeezed(py.out);
        std::string line = c.source_line;
        // The sources without their label, one per row however the sheet lays them out.
        std::string cited = line.substr(line.find(": ") + 2);
        for (std::size_t at = 0; at != std::string::npos;) {
            std::size_t semicolon = cited.find("; ", at);
            EXPECT_THAT(text, HasSubstr(cited.substr(at, semicolon - at))) << c.lang;
            at = semicolon == std::string::npos ? semicolon : semicolon + 2;
        }
        expect_no_notes_or_files(text, std::string("XLSX ") + c.lang);
        EXPECT_THAT(py.out, HasSubstr("CREATOR=Steinkjer kommune\n")) << c.lang;
        EXPECT_THAT(py.out, HasSubstr("COMPANY=Steinkjer kommune\n")) << c.lang;
        EXPECT_THAT(py.out, Not(HasSubstr("CREATOR=kdx"))) << c.lang;
    }
}

TEST(ReportSources, XmlReportIsValidAndCitesTheSources) {
    if (!have_plugins()) GTEST_SKIP() << "kdx_pdf or kdx_xlsx is not built";
    if (!have_program("xmllint")) GTEST_SKIP() << "no xmllint";
    for (const Case& c : cases) {
        fs::path out = scratch_dir();
        CommandResult r = council_report(out, c.lang, " --publisher 'Steinkjer kommune'");
        ASSERT_EQ(r.exit_code, 0) << r.err;
        fs::path xml = only_file(out, ".xml");
        ASSERT_FALSE(xml.empty()) << c.lang;
        CommandResult valid =
            run("xmllint --noout --schema " +
                sh_quote((source_dir() / "schemas" / "kdx-report-1.xsd").string()) + " " +
                sh_quote(xml.string()) + " 2>&1");
        EXPECT_EQ(valid.exit_code, 0) << valid.out;
        auto xpath = [&](const std::string& path) {
            return run("xmllint --xpath " + sh_quote(path) + " " + sh_quote(xml.string())).out;
        };
        std::string sources = xpath("//*[local-name()='info']/*[local-name()='source']/text()");
        std::string line = c.source_line;
        std::size_t from = line.find(": ") + 2, semicolon = line.find("; ");
        EXPECT_THAT(sources, HasSubstr(line.substr(from, semicolon - from))) << c.lang;
        EXPECT_THAT(sources, HasSubstr(line.substr(semicolon + 2))) << c.lang;
        EXPECT_EQ(xpath("string(//*[local-name()='info']/*[local-name()='author'])"),
                  "Steinkjer kommune\n")
            << c.lang;
        // The provenance names each input by its file name, for kdx verify;
        // nothing else in the report does, and nothing names its folder.
        std::string text = read_file(xml);
        EXPECT_THAT(text, Not(HasSubstr(example.parent_path().string()))) << c.lang;
        const std::size_t begin = text.find("<provenance"), end = text.find("</provenance>");
        ASSERT_TRUE(begin != std::string::npos && end != std::string::npos) << c.lang;
        EXPECT_THAT(text.substr(begin, end - begin), HasSubstr("<input name=\"nominees-2018.xml\""))
            << c.lang;
        text.erase(begin, end + 13 - begin);
        expect_no_notes_or_files(text, std::string("XML ") + c.lang);
    }
}

// The workbook prints: every sheet fitted to one A4 page wide, the chart
// sheets landscape and on one page (a chart is never cut), the report date a
// date cell, chart years numbers, wrapped notes in rows tall enough.
TEST(ReportXlsx, PrintsAndKeepsDatesAndYearsAsValues) {
    if (!have_plugins()) GTEST_SKIP() << "kdx_pdf or kdx_xlsx is not built";
    if (!have_program("python3")) GTEST_SKIP() << "no python3";
    fs::path out = scratch_dir();
    CommandResult r =
        run("SOURCE_DATE_EPOCH=1545350400 " + sh_quote(kdx_exe().string()) +
            " report -t council-report --municipality 5004 --year 2014 --format xlsx -d " +
            sh_quote(example.string()) + " --out " + sh_quote(out.string()));
    ASSERT_EQ(r.exit_code, 0) << r.err;
    fs::path xlsx = only_file(out, ".xlsx");
    ASSERT_FALSE(xlsx.empty());
    fs::path script = out / "print.py";
    write_file(script, R"(import sys, datetime
import openpyxl
wb = openpyxl.load_workbook(sys.argv[1])
for ws in wb.worksheets:
    ps = ws.page_setup
    print("SHEET", ws.title, "paper=%s fitToWidth=%s fitToHeight=%s orientation=%s fit=%s charts=%d" % (
        # An absent fitToWidth or fitToHeight is 1, ECMA-376's default.
        ps.paperSize, 1 if ps.fitToWidth is None else ps.fitToWidth,
        1 if ps.fitToHeight is None else ps.fitToHeight, ps.orientation,
        ws.sheet_properties.pageSetUpPr.fitToPage if ws.sheet_properties.pageSetUpPr else None,
        len(ws._charts)))
front = wb.worksheets[0]
for row in front.iter_rows(max_col=2):
    if isinstance(row[1].value, datetime.datetime):
        print("DATE", row[1].value.date().isoformat(), row[1].number_format)
for ws in [w for w in wb.worksheets if w._charts]:
    for row in ws.iter_rows(max_col=1):
        v = row[0].value
        if isinstance(v, (int, float)) and 2000 < v < 2100:
            print("YEAR", ws.title, v)
        if isinstance(v, str) and v.isdigit() and len(v) == 4:
            print("TEXTYEAR", ws.title, v)
)");
    CommandResult py =
        run("/usr/bin/python3 " + sh_quote(script.string()) + " " + sh_quote(xlsx.string()));
    ASSERT_EQ(py.exit_code, 0) << py.err;
    int sheets = 0, chart_sheets = 0;
    std::istringstream lines(py.out);
    for (std::string line; std::getline(lines, line);) {
        if (line.rfind("SHEET", 0) != 0) continue;
        ++sheets;
        EXPECT_THAT(line, HasSubstr("paper=9 ")) << line;
        EXPECT_THAT(line, HasSubstr("fitToWidth=1 ")) << line;
        EXPECT_THAT(line, HasSubstr("fit=True")) << line;
        if (line.find("charts=1") != std::string::npos) {
            ++chart_sheets;
            EXPECT_THAT(line, HasSubstr("fitToHeight=1 ")) << line;
            EXPECT_THAT(line, HasSubstr("orientation=landscape")) << line;
        } else {
            EXPECT_THAT(line, HasSubstr("fitToHeight=0 ")) << line;
        }
    }
    EXPECT_GE(sheets, 3) << py.out;
    EXPECT_GE(chart_sheets, 1) << py.out;
    // 1545350400 = 2018-12-21.
    EXPECT_THAT(py.out, HasSubstr("DATE 2018-12-21 d. mmmm yyyy"));
    EXPECT_THAT(py.out, HasSubstr("YEAR "));
    EXPECT_THAT(py.out, Not(HasSubstr("TEXTYEAR")));
}

// One shape of file name for every template: <template>-<year>-<number>-<name>.
TEST(ReportFileNames, AreTheSameShapeForEveryTemplate) {
    auto names = [](const fs::path& dir) {
        std::vector<std::string> found;
        for (const auto& e : fs::directory_iterator(dir)) found.push_back(e.path().filename());
        std::sort(found.begin(), found.end());
        return found;
    };
    const std::string data = " --format xml -d " + sh_quote(example.string());
    fs::path out = scratch_dir();
    CommandResult council = run_kdx("report -t council-report --municipality 0219 --year 2014" +
                                    data + " --out " + sh_quote((out / "council").string()));
    ASSERT_EQ(council.exit_code, 0) << council.err;
    EXPECT_THAT(names(out / "council"),
                ::testing::ElementsAre("council-report-2014-0219-baerum.xml"));
    // Without --year the year reported is still named.
    CommandResult latest = run_kdx("report -t council-report --municipality 1804 --lang nn" + data +
                                   " --out " + sh_quote((out / "latest").string()));
    ASSERT_EQ(latest.exit_code, 0) << latest.err;
    EXPECT_THAT(names(out / "latest"),
                ::testing::ElementsAre("council-report-2014-1804-bodo-nn.xml"));
    CommandResult county = run_kdx("report -t county-overview --county 04 --year 2014" + data +
                                   " --out " + sh_quote((out / "county").string()));
    ASSERT_EQ(county.exit_code, 0) << county.err;
    EXPECT_THAT(names(out / "county"),
                ::testing::ElementsAre("county-overview-2014-04-hedmark.xml"));
    CommandResult dossier =
        run_kdx("dossier --year 2018" + data + " --out " + sh_quote((out / "dossier").string()));
    ASSERT_EQ(dossier.exit_code, 0) << dossier.err;
    EXPECT_THAT(names(out / "dossier"),
                ::testing::ElementsAre(
                    "imdi-comparison-2018.xml", "imdi-dossier-2018-0219-baerum.xml",
                    "imdi-dossier-2018-0220-asker.xml", "imdi-dossier-2018-0230-lorenskog.xml",
                    "imdi-dossier-2018-0417-stange.xml", "imdi-dossier-2018-1804-bodo.xml",
                    "imdi-dossier-2018-1902-tromso.xml", "imdi-dossier-2018-5004-steinkjer.xml"));
}

// The dossiers of 2018 used to print the dataset's notes ("Bærum vant; prisen
// ble delt ut 13. februar 2019") to the jury.
TEST(ReportSources, DossiersPrintNoProvenanceNotes) {
    if (!have_plugins()) GTEST_SKIP() << "kdx_pdf or kdx_xlsx is not built";
    if (!have_program("pdftotext")) GTEST_SKIP() << "no pdftotext";
    fs::path out = scratch_dir();
    CommandResult r = run_kdx("dossier --year 2018 --format pdf -d " + sh_quote(example.string()) +
                              " --out " + sh_quote(out.string()));
    ASSERT_EQ(r.exit_code, 0) << r.err;
    int pdfs = 0;
    for (const auto& e : fs::directory_iterator(out)) {
        if (e.path().extension() != ".pdf") continue;
        ++pdfs;
        std::string text = squeezed(run("pdftotext " + sh_quote(e.path().string()) + " -").out);
        expect_no_notes_or_files(text, e.path().filename().string());
        EXPECT_THAT(text, HasSubstr("IMDi, bosettingsstatistikk, tall per oktober 2015"))
            << e.path().filename();
    }
    EXPECT_EQ(pdfs, 8);
}

}  // namespace
