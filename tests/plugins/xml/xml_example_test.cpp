// The bundled example data (examples/data/nominees-2018.xml) through the
// kdx command: it validates without errors and feeds the 2018 dossiers.
#include <gmock/gmock.h>

#include "xml_test_support.hpp"

namespace {

using namespace kdx::test;
using namespace kdx::test::xml;
using ::testing::HasSubstr;

TEST(XmlExample, ValidatesWithoutErrors) {
    CommandResult r = run_kdx("validate " + sh_quote(example.string()));
    EXPECT_EQ(r.exit_code, 0) << r.err;
    EXPECT_THAT(r.out,
                HasSubstr(": valid: 7 municipalities, 24 settlement records, 11 programmes"));
    EXPECT_THAT(r.out, HasSubstr("; 0 errors,"));
}

TEST(XmlExample, FeedsTheDossiers) {
    if (!fs::exists(plugin_build_dir() / "kdx_pdf.so")) GTEST_SKIP() << "kdx_pdf is not built";
    fs::path out = scratch_dir();
    CommandResult r = run_kdx("dossier --year 2018 --format pdf -d " + sh_quote(example.string()) +
                              " --out " + sh_quote(out.string()));
    ASSERT_EQ(r.exit_code, 0) << r.err;
    for (const char* stem : {"0219-baerum", "0220-asker", "0230-lorenskog", "0417-stange",
                             "1804-bodo", "1902-tromso", "5004-steinkjer"})
        EXPECT_TRUE(fs::exists(out / ("imdi-dossier-2018-" + std::string(stem) + ".pdf"))) << stem;
    EXPECT_TRUE(fs::exists(out / "imdi-comparison-2018.pdf"));
    if (!have_program("pdftotext")) return;
    CommandResult text = run(
        "pdftotext " + sh_quote((out / "imdi-dossier-2018-5004-steinkjer.pdf").string()) + " -");
    EXPECT_THAT(text.out, HasSubstr("Steinkjer kommune"));
    EXPECT_THAT(text.out, HasSubstr("Integreringsmottak"));  // a profile section's heading
}

}  // namespace
