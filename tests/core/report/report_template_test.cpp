#include "report/report_template.hpp"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "kdx/error.hpp"
#include "test_support.hpp"

namespace {

namespace fs = std::filesystem;
using kdx::test::write_file;
using ::testing::HasSubstr;

const char* good_head =
    "<?xml version=\"1.0\"?>\n"
    "<report-template xmlns=\"urn:kdx:report-template:1\" version=\"1\" id=\"t\" years=\"2\">\n"
    "  <title><text lang=\"nb\">Bosetting i {municipality}</text></title>\n";

std::string error_of(const fs::path& file) {
    try {
        kdx::report::read_template(file);
    } catch (const kdx::Error& e) {
        return e.what();
    }
    return "no error";
}

TEST(ReportTemplate, ShippedTemplatesReadAndValidateAgainstTheSchema) {
    const fs::path dir = kdx::test::source_dir() / "templates";
    int n = 0;
    for (const auto& entry : fs::directory_iterator(dir)) {
        auto t = kdx::report::read_template(entry.path());
        EXPECT_EQ(t.id + ".xml", entry.path().filename().string());
        EXPECT_FALSE(t.blocks.empty());
        ++n;
        if (!kdx::test::have_program("xmllint")) continue;
        auto r = kdx::test::run(
            "xmllint --noout --schema " +
            kdx::test::sh_quote(
                (kdx::test::source_dir() / "schemas/kdx-report-template-1.xsd").string()) +
            " " + kdx::test::sh_quote(entry.path().string()));
        EXPECT_EQ(r.exit_code, 0) << r.err;
    }
    EXPECT_EQ(n, 4);
}

TEST(ReportTemplate, UnknownFieldIsNamedWithItsLine) {
    fs::path f = kdx::test::scratch_dir() / "template.xml";
    write_file(f, std::string(good_head) +
                      "  <blocks>\n"
                      "    <paragraph>\n"
                      "      <text lang=\"nb\">Bosatt: {bosatt}</text>\n"
                      "    </paragraph>\n"
                      "  </blocks>\n</report-template>\n");
    EXPECT_THAT(error_of(f),
                HasSubstr(f.string() + ":6: unknown field {bosatt}; known fields: municipality,"));
}

TEST(ReportTemplate, MalformedXmlGivesFileAndLine) {
    fs::path f = kdx::test::scratch_dir() / "template.xml";
    write_file(f, std::string(good_head) +
                      "  <blocks>\n    <page-break>\n  </blocks>\n</report-template>\n");
    EXPECT_THAT(error_of(f), HasSubstr(f.string() + ":6: not well-formed XML: "));
}

TEST(ReportTemplate, UnknownBlockAndBadAttributes) {
    fs::path dir = kdx::test::scratch_dir();
    write_file(
        dir / "a.xml",
        std::string(good_head) + "  <blocks>\n    <pie-chart/>\n  </blocks>\n</report-template>\n");
    EXPECT_THAT(error_of(dir / "a.xml"),
                HasSubstr(":5: unknown block <pie-chart>; expected one of"));
    write_file(dir / "b.xml",
               std::string(good_head) +
                   "  <blocks>\n    <heading level=\"7\"><text lang=\"nb\">x</text></heading>\n  "
                   "</blocks>\n</report-template>\n");
    EXPECT_THAT(error_of(dir / "b.xml"),
                HasSubstr(":5: level must be a whole number from 1 to 3, found \"7\""));
    write_file(dir / "c.xml", "<report-template xmlns=\"urn:other\" version=\"1\" id=\"x\"/>");
    EXPECT_THAT(error_of(dir / "c.xml"),
                HasSubstr(":1: expected <report-template xmlns=\"urn:kdx:report-template:1\">"));
    write_file(dir / "d.xml",
               std::string(good_head) +
                   "  <blocks>\n    <key-figures><figure field=\"happiness\"/></key-figures>\n  "
                   "</blocks>\n</report-template>\n");
    EXPECT_THAT(error_of(dir / "d.xml"), HasSubstr(":5: unknown figure \"happiness\""));
}

TEST(ReportTemplate, DoctypeIsRefused) {
    fs::path f = kdx::test::scratch_dir() / "template.xml";
    write_file(f, "<?xml version=\"1.0\"?>\n<!DOCTYPE x [<!ENTITY e \"boom\">]>\n" +
                      std::string(good_head).substr(22) +
                      "  <blocks><page-break/></blocks>\n</report-template>\n");
    EXPECT_THAT(error_of(f), HasSubstr(":2: a DOCTYPE is not allowed in a template"));
}

}  // namespace
