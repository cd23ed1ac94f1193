// Report provenance and `kdx verify`: what each report format records of the
// files it was made from, read back with tools kdx did not write (sha256sum,
// xmllint, pdfinfo, Python's zipfile and html.parser), and the verdicts verify
// gives.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "test_support.hpp"

namespace {

namespace fs = std::filesystem;
using kdx::test::run;
using kdx::test::run_kdx;
using kdx::test::sh_quote;
using ::testing::HasSubstr;

fs::path imdi() { return kdx::test::data_dir() / "imdi/imdi-settlement-2012-2014.csv"; }

std::string sha256sum(const fs::path& file) {
    auto r = run("sha256sum " + sh_quote(file.string()));
    EXPECT_EQ(r.exit_code, 0) << r.err;
    return r.out.substr(0, 64);
}

std::string trimmed(std::string s) {
    while (!s.empty() && (s.back() == '\n' || s.back() == ' ')) s.pop_back();
    return s;
}

// One council report on Steinkjer 2014 from the IMDi file, in three formats.
struct Reports {
    fs::path folder, pdf, xlsx, xml, html;
};

const Reports& reports() {
    static const Reports r = [] {
        Reports out;
        // Under ctest each test is a process of its own that makes the
        // reports again: a folder per test, apart from its scratch folder.
        const auto* test = ::testing::UnitTest::GetInstance()->current_test_info();
        out.folder = fs::path(KDX_BUILD_DIR) / "test-scratch" / "verify-reports" / test->name();
        fs::remove_all(out.folder);
        auto made = run_kdx("report -t council-report -d " + sh_quote(imdi().string()) +
                            " --municipality 5004 --year 2014 --format pdf,xlsx,xml,html --out " +
                            sh_quote(out.folder.string()));
        EXPECT_EQ(made.exit_code, 0) << made.err;
        out.pdf = kdx::test::only_file(out.folder, ".pdf");
        out.xlsx = kdx::test::only_file(out.folder, ".xlsx");
        out.xml = kdx::test::only_file(out.folder, ".xml");
        out.html = kdx::test::only_file(out.folder, ".html");
        return out;
    }();
    return r;
}

TEST(ReportProvenance, TheXmlReportRecordsTheInputsHashAsSha256sumComputesIt) {
    auto r =
        run("xmllint --xpath "
            "'string(/*/*[local-name()=\"info\"]/*[local-name()=\"provenance\"]/"
            "*[local-name()=\"input\"]/@sha256)' " +
            sh_quote(reports().xml.string()));
    ASSERT_EQ(r.exit_code, 0) << r.err;
    EXPECT_EQ(trimmed(r.out), sha256sum(imdi()));
    auto schema = run("xmllint --noout --schema " +
                      sh_quote((kdx::test::source_dir() / "schemas/kdx-report-1.xsd").string()) +
                      " " + sh_quote(reports().xml.string()));
    EXPECT_EQ(schema.exit_code, 0) << schema.err;
    auto t =
        run("xmllint --xpath "
            "'string(//*[local-name()=\"provenance\"]/*[local-name()=\"template\"]/@sha256)' " +
            sh_quote(reports().xml.string()));
    EXPECT_EQ(trimmed(t.out), sha256sum(kdx::test::source_dir() / "templates/council-report.xml"));
}

TEST(ReportProvenance, ThePdfCarriesItInItsXmpAsPdfinfoShowsIt) {
    if (!kdx::test::have_program("pdfinfo"))
        GTEST_SKIP() << "pdfinfo (poppler-utils) is not installed";
    auto r = run("pdfinfo -meta " + sh_quote(reports().pdf.string()));
    ASSERT_EQ(r.exit_code, 0) << r.err;
    EXPECT_THAT(r.out, HasSubstr("<rdf:li>" + sha256sum(imdi()) +
                                 "  imdi-settlement-2012-2014.csv</rdf:li>"));
    EXPECT_THAT(r.out, HasSubstr("<kdxp:templateId>council-report</kdxp:templateId>"));
    EXPECT_THAT(r.out, HasSubstr("<rdf:li>csv 1.0.0</rdf:li>"));
    EXPECT_THAT(r.out, HasSubstr("<rdf:li>pdf 1.0.0</rdf:li>"));
}

TEST(ReportProvenance, TheWorkbookCarriesItAsCustomDocumentProperties) {
    const std::string script =
        "import sys, zipfile, xml.etree.ElementTree as ET\n"
        "root = ET.fromstring(zipfile.ZipFile(sys.argv[1]).read('docProps/custom.xml'))\n"
        "for p in root:\n"
        "    print(p.get('name') + '=' + ''.join(p.itertext()))\n";
    auto r = run("python3 -c " + sh_quote(script) + " " + sh_quote(reports().xlsx.string()));
    ASSERT_EQ(r.exit_code, 0) << r.err;
    EXPECT_THAT(
        r.out, HasSubstr("kdx input 1=" + sha256sum(imdi()) + "  imdi-settlement-2012-2014.csv\n"));
    EXPECT_THAT(r.out, HasSubstr("kdx template id=council-report\n"));
    EXPECT_THAT(r.out, HasSubstr("kdx plugin 3=xlsx 1.0.0"));
}

TEST(ReportProvenance, TheHtmlPageCarriesItInMetaElements) {
    const std::string script =
        "import sys\n"
        "from html.parser import HTMLParser\n"
        "class Meta(HTMLParser):\n"
        "    def handle_starttag(self, tag, attrs):\n"
        "        a = dict(attrs)\n"
        "        if tag == 'meta' and a.get('name', '').startswith('kdx.'):\n"
        "            print(a['name'] + '=' + a['content'])\n"
        "Meta().feed(open(sys.argv[1], encoding='utf-8').read())\n";
    auto r = run("python3 -c " + sh_quote(script) + " " + sh_quote(reports().html.string()));
    ASSERT_EQ(r.exit_code, 0) << r.err;
    EXPECT_THAT(r.out,
                HasSubstr("kdx.input=" + sha256sum(imdi()) + "  imdi-settlement-2012-2014.csv\n"));
    EXPECT_THAT(r.out,
                HasSubstr("kdx.template-sha256=" +
                          sha256sum(kdx::test::source_dir() / "templates/council-report.xml")));
    EXPECT_THAT(r.out, HasSubstr("kdx.plugin=html 1.0.0\n"));
}

TEST(KdxVerify, EachFormatIsVerifiedAgainstItsInput) {
    for (const fs::path& report : {reports().pdf, reports().xlsx, reports().xml, reports().html}) {
        auto r = run_kdx("verify " + sh_quote(report.string()) + " " + sh_quote(imdi().string()) +
                         " -t council-report");
        EXPECT_EQ(r.exit_code, 0) << report << "\n" << r.out << r.err;
        EXPECT_THAT(r.err, HasSubstr("kdx: verified: ")) << report;
        EXPECT_THAT(r.out, HasSubstr("from template council-report with csv 1.0.0")) << report;
    }
}

TEST(KdxVerify, AChangedInputIsNamedWithBothHashes) {
    fs::path folder = kdx::test::scratch_dir();
    fs::path changed = folder / imdi().filename();
    fs::copy_file(imdi(), changed);
    kdx::test::write_file(changed, kdx::test::read_file(changed) + "\n");
    auto r =
        run_kdx("verify " + sh_quote(reports().pdf.string()) + " " + sh_quote(changed.string()));
    EXPECT_EQ(r.exit_code, 1);
    EXPECT_THAT(r.out, HasSubstr("CHANGED  " + changed.string() +
                                 ": the report was made from a file of this name with SHA-256 " +
                                 sha256sum(imdi()) + "; this one has " + sha256sum(changed)));
    EXPECT_THAT(r.err, HasSubstr("kdx: not verified: 1 difference"));
}

TEST(KdxVerify, MissingAndExtraInputsAreNamed) {
    auto missing = run_kdx("verify " + sh_quote(reports().xml.string()));
    EXPECT_EQ(missing.exit_code, 1);
    EXPECT_THAT(missing.out, HasSubstr("MISSING  imdi-settlement-2012-2014.csv (SHA-256 " +
                                       sha256sum(imdi()) + ")"));
    fs::path example = kdx::test::source_dir() / "examples/data/nominees-2018.xml";
    auto extra = run_kdx("verify " + sh_quote(reports().xml.string()) + " " +
                         sh_quote(imdi().string()) + " " + sh_quote(example.string()));
    EXPECT_EQ(extra.exit_code, 1);
    EXPECT_THAT(extra.out, HasSubstr("EXTRA  " + example.string()));
}

TEST(KdxVerify, ARenamedCopyIsTheSameInput) {
    fs::path copy = kdx::test::scratch_dir() / "bosetting.csv";
    fs::copy_file(imdi(), copy);
    auto r = run_kdx("verify " + sh_quote(reports().xlsx.string()) + " " + sh_quote(copy.string()));
    EXPECT_EQ(r.exit_code, 0) << r.out << r.err;
    EXPECT_THAT(r.out, HasSubstr("(recorded as imdi-settlement-2012-2014.csv)"));
}

TEST(KdxVerify, AnotherTemplateIsAChange) {
    auto r = run_kdx("verify " + sh_quote(reports().pdf.string()) + " " +
                     sh_quote(imdi().string()) + " -t county-overview");
    EXPECT_EQ(r.exit_code, 1);
    EXPECT_THAT(r.out, HasSubstr("CHANGED  template "));
}

TEST(KdxVerify, AFileWithoutProvenanceOrOfAnotherKindIsAnError) {
    fs::path example = kdx::test::source_dir() / "examples/data/nominees-2018.xml";
    auto none = run_kdx("verify " + sh_quote(example.string()));
    EXPECT_EQ(none.exit_code, 1);
    EXPECT_THAT(none.err, HasSubstr(example.string() +
                                    ": error: not a kdx report (its root element is <dataset>"));
    auto other = run_kdx("verify " + sh_quote(imdi().string()));
    EXPECT_EQ(other.exit_code, 1);
    EXPECT_THAT(other.err, HasSubstr(imdi().string() + ": error: not a kind of report kdx writes"));
}

TEST(KdxVerify, AReportWithoutProvenanceSaysSo) {
    // The report as a kdx before 1.1 wrote it: the same without <provenance>.
    fs::path old = kdx::test::scratch_dir() / "old-report.xml";
    const std::string script =
        "import sys, xml.etree.ElementTree as ET\n"
        "ns = {'r': 'urn:kdx:report:1'}\n"
        "ET.register_namespace('', 'urn:kdx:report:1')\n"
        "tree = ET.parse(sys.argv[1])\n"
        "info = tree.getroot().find('r:info', ns)\n"
        "info.remove(info.find('r:provenance', ns))\n"
        "tree.write(sys.argv[2], xml_declaration=True, encoding='UTF-8')\n";
    auto stripped = run("python3 -c " + sh_quote(script) + " " + sh_quote(reports().xml.string()) +
                        " " + sh_quote(old.string()));
    ASSERT_EQ(stripped.exit_code, 0) << stripped.err;
    auto r = run_kdx("verify " + sh_quote(old.string()) + " " + sh_quote(imdi().string()));
    EXPECT_EQ(r.exit_code, 1);
    EXPECT_THAT(r.err, HasSubstr(old.string() + ": holds no record of what it was made from"));
}

TEST(KdxVerify, TheDossierRecordsItsInputToo) {
    fs::path out = kdx::test::scratch_dir();
    fs::path example = kdx::test::source_dir() / "examples/data/nominees-2018.xml";
    auto made = run_kdx("dossier --year 2018 --format xlsx -d " + sh_quote(example.string()) +
                        " --out " + sh_quote(out.string()));
    ASSERT_EQ(made.exit_code, 0) << made.err;
    auto r = run_kdx("verify " + sh_quote((out / "imdi-comparison-2018.xlsx").string()) + " " +
                     sh_quote(example.string()) + " -t imdi-comparison");
    EXPECT_EQ(r.exit_code, 0) << r.out << r.err;
}

}  // namespace
