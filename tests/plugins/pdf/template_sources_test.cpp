// Templates choose which data sources a report cites and how much of each
// (<sources> in schemas/kdx-report-template-1.xsd): the dossier adds licence
// and link, the county overview cites IMDi alone, a template may cite none.
// Read back with pdftotext; the template checked with xmllint.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "pdf_test_support.hpp"

namespace {

namespace fs = std::filesystem;
using kdx::test::sh_quote;
using ::testing::HasSubstr;
using ::testing::Not;

const fs::path example = kdx::test::source_dir() / "examples" / "data" / "nominees-2018.xml";

std::string report_text(const fs::path& dir) {
    return kdx::test::pdf::squeeze(kdx::test::pdf::pdf_text(kdx::test::only_file(dir, ".pdf")));
}

class TemplateSources : public ::testing::Test {
  protected:
    void SetUp() override {
        if (!kdx::test::pdf::have_poppler()) GTEST_SKIP() << "poppler-utils is not installed";
    }
};

TEST_F(TemplateSources, TheDossierCitesLicenceAndLink) {
    fs::path out = kdx::test::scratch_dir();
    auto r = kdx::test::run_kdx("-q dossier --year 2018 -d " + sh_quote(example.string()) +
                                " --format pdf --out " + sh_quote(out.string()));
    ASSERT_EQ(r.exit_code, 0) << r.err;
    fs::path steinkjer = out / "imdi-dossier-2018-5004-steinkjer.pdf";
    ASSERT_TRUE(fs::exists(steinkjer));
    EXPECT_THAT(kdx::test::pdf::squeeze(kdx::test::pdf::pdf_text(steinkjer)),
                HasSubstr("Kilder: IMDi, bosettingsstatistikk, tall per oktober 2015, lisens NLOD, "
                          "https://www.imdi.no/tall-og-statistikk/; SSB, kommuneinndeling 2018, "
                          "lisens CC BY 4.0, https://www.ssb.no/klass/klassifikasjoner/131."));
}

TEST_F(TemplateSources, TheCountyOverviewCitesIMDiAlone) {
    fs::path out = kdx::test::scratch_dir();
    auto r = kdx::test::run_kdx("-q report -t county-overview --county 02 --year 2014 -d " +
                                sh_quote(example.string()) + " --format pdf --out " +
                                sh_quote(out.string()));
    ASSERT_EQ(r.exit_code, 0) << r.err;
    std::string text = report_text(out);
    EXPECT_THAT(text, HasSubstr("Kilder: IMDi, bosettingsstatistikk, tall per oktober 2015."));
    EXPECT_THAT(text, Not(HasSubstr("kommuneinndeling")));
    EXPECT_THAT(text, Not(HasSubstr("NLOD")));
}

TEST_F(TemplateSources, ATemplateMayCiteNone) {
    fs::path dir = kdx::test::scratch_dir();
    std::string t =
        kdx::test::read_file(kdx::test::source_dir() / "templates" / "council-report.xml");
    const std::string all = "<sources show=\"all\"/>";
    ASSERT_NE(t.find(all), std::string::npos);
    t.replace(t.find(all), all.size(), "<sources show=\"none\"/>");
    fs::path file = dir / "no-sources.xml";
    kdx::test::write_file(file, t);
    if (kdx::test::have_program("xmllint")) {
        auto v = kdx::test::run(
            "xmllint --noout --schema " +
            sh_quote((kdx::test::source_dir() / "schemas" / "kdx-report-template-1.xsd").string()) +
            " " + sh_quote(file.string()));
        EXPECT_EQ(v.exit_code, 0) << v.err;
    }
    fs::path out = dir / "out";
    auto r = kdx::test::run_kdx("-q report -t " + sh_quote(file.string()) +
                                " --municipality 5004 --year 2014 --lang nb -d " +
                                sh_quote(example.string()) + " --format pdf --out " +
                                sh_quote(out.string()));
    ASSERT_EQ(r.exit_code, 0) << r.err;
    std::string text = report_text(out);
    EXPECT_THAT(text, Not(HasSubstr("Kilder")));
    EXPECT_THAT(text, Not(HasSubstr("bosettingsstatistikk,")));
}

}  // namespace
