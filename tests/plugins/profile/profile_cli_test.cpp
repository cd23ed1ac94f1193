// Profiles through the command line: a dossier from the example data and a
// folder of profiles (pdftotext reads what the jury reads), a profile
// converted to the exchange format (xmllint checks it against the schema),
// and a bad profile failing validate.
#include <gmock/gmock.h>

#include "test_support.hpp"

namespace {

using namespace kdx::test;
using ::testing::HasSubstr;
using ::testing::Not;

const fs::path data = KDX_PROFILE_TEST_DATA;
fs::path example() { return source_dir() / "examples" / "data" / "nominees-2018.xml"; }

TEST(ProfileCli, DossierTakesAFolderOfProfilesAndTheirTextsReplaceTheData) {
    if (!have_program("/usr/bin/pdftotext"))
        GTEST_SKIP() << "pdftotext (poppler-utils) is not installed";
    fs::path dir = scratch_dir();
    fs::create_directories(dir / "profiles");
    fs::copy_file(data / "steinkjer-2018.md", dir / "profiles" / "steinkjer-2018.md");
    // Stange's profile with other texts than the example data has.
    write_file(
        dir / "profiles" / "stange-2018.txt",
        "Bosettings- og integreringsprisen: Stange kommune\n\nStange tar imot flyktninger med et "
        "helt "
        "lokalsamfunn i ryggen.\n\nSist oppdatert: 21. desember 2018\n\nFrivillige i hver grend\n\n"
        "Lag og foreninger følger nye innbyggere det første året.\n\n"
        "Stange er nominert til Bosettings- og inkluderingsprisen 2018.\n\nStem på Stange!\n");
    CommandResult c = run_kdx("-v dossier --year 2018 -d " + sh_quote(example().string()) + " -d " +
                              sh_quote((dir / "profiles").string()) + " --format pdf --out " +
                              sh_quote((dir / "out").string()));
    ASSERT_EQ(c.exit_code, 0) << c.err;
    EXPECT_THAT(c.err,
                HasSubstr((dir / "profiles" / "stange-2018.txt").string() +
                          ":1: info: its texts replace those of 0417 Stange's 2018 nomination from "
                          "nominees-2018.xml"));
    EXPECT_THAT(c.err, HasSubstr("web page text left out: \"Stem på Stange!\""));
    CommandResult text =
        run("/usr/bin/pdftotext -layout " +
            sh_quote((dir / "out" / "imdi-dossier-2018-0417-stange.pdf").string()) + " -");
    ASSERT_EQ(text.exit_code, 0) << text.err;
    EXPECT_THAT(text.out, HasSubstr("Frivillige i hver grend"));
    EXPECT_THAT(text.out, HasSubstr("Stange tar imot flyktninger"));
    EXPECT_THAT(text.out, Not(HasSubstr("Bosetting etter behov")));  // the example data's heading
    EXPECT_THAT(text.out, Not(HasSubstr("Stem på")));
    // One dossier per nominee still: the profiles add no nominee.
    int pdfs = 0;
    for (const auto& e : fs::directory_iterator(dir / "out"))
        pdfs += e.path().extension() == ".pdf";
    EXPECT_EQ(pdfs, 8);
}

TEST(ProfileCli, AProfileConvertsToTheExchangeFormatTheSchemaAccepts) {
    if (!have_program("/usr/bin/xmllint"))
        GTEST_SKIP() << "xmllint (libxml2-utils) is not installed";
    fs::path out = scratch_dir() / "voss.xml";
    CommandResult c = run_kdx("convert " + sh_quote((data / "voss-front-matter.txt").string()) +
                              " " + sh_quote(out.string()));
    ASSERT_EQ(c.exit_code, 0) << c.err;
    CommandResult x = run("/usr/bin/xmllint --noout --schema " +
                          sh_quote((source_dir() / "schemas" / "kdx-data-1.xsd").string()) + " " +
                          sh_quote(out.string()));
    EXPECT_EQ(x.exit_code, 0) << x.err;
    CommandResult q =
        run("/usr/bin/xmllint --xpath 'string(//*[local-name()=\"nomination\"]/@municipality)' " +
            sh_quote(out.string()));
    EXPECT_EQ(q.out.substr(0, q.out.find_last_not_of("\n") + 1), "1235");
}

TEST(ProfileCli, ABadProfileFailsValidateAndNamesTheLine) {
    CommandResult c = run_kdx("validate " + sh_quote((data / "no-municipality.txt").string()));
    EXPECT_EQ(c.exit_code, 1);
    EXPECT_THAT(c.err, HasSubstr((data / "no-municipality.txt").string() +
                                 ":1: error: expected the municipality in the title line"));
}

}  // namespace
