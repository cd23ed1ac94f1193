// A council report speaks the municipality's own language form: Voss
// (1235 in IMDi's 2014 figures, 4621 since 2020) decided for nynorsk, so
// its report is in nynorsk without --lang, in PDF, XLSX and XML alike, and
// dates are written as people write them. Read back with pdftotext,
// openpyxl (/usr/bin/python3) and xmllint, none of them written by kdx.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "pdf_test_support.hpp"

namespace {

namespace fs = std::filesystem;
using kdx::test::only_file;
using kdx::test::run;
using kdx::test::sh_quote;
using ::testing::HasSubstr;
using ::testing::Not;

// 2024-12-04T12:00:00Z
constexpr const char* epoch = "1733313600";

fs::path imdi_file() { return kdx::test::data_dir() / "imdi" / "imdi-settlement-2012-2014.csv"; }

kdx::test::CommandResult voss_report(const fs::path& out, const std::string& extra = "") {
    return run("SOURCE_DATE_EPOCH=" + std::string(epoch) + " " +
               sh_quote(kdx::test::kdx_exe().string()) + " report -t council-report -d " +
               sh_quote(imdi_file().string()) +
               " --municipality 1235 --year 2014 --format pdf,xlsx,xml --out " +
               sh_quote(out.string()) + extra);
}

// Every string cell of every sheet, one a line, as openpyxl reads them.
std::string xlsx_strings(const fs::path& file) {
    auto r = run(
        "/usr/bin/python3 -c " +
        sh_quote("import sys, datetime, openpyxl\n"
                 "wb = openpyxl.load_workbook(sys.argv[1])\n"
                 "for ws in wb.worksheets:\n"
                 "    for row in ws.iter_rows():\n"
                 "        for c in row:\n"
                 "            if isinstance(c.value, str): print(c.value)\n"
                 "            if isinstance(c.value, datetime.datetime):\n"
                 "                print('DATE', c.value.date().isoformat(), c.number_format)\n") +
        " " + sh_quote(file.string()));
    EXPECT_EQ(r.exit_code, 0) << r.err;
    return r.out;
}

std::string xpath(const fs::path& file, const std::string& expression) {
    auto r = run("xmllint --xpath " + sh_quote(expression) + " " + sh_quote(file.string()));
    EXPECT_EQ(r.exit_code, 0) << r.err;
    while (!r.out.empty() && (r.out.back() == '\n' || r.out.back() == ' ')) r.out.pop_back();
    return r.out;
}

bool have_readers() {
    return kdx::test::pdf::have_poppler() && kdx::test::have_program("xmllint") &&
           run("/usr/bin/python3 -c 'import openpyxl'").exit_code == 0;
}

TEST(CouncilReportLanguage, VossGetsNynorskFromTheRegistryForItsOldNumber) {
    if (!have_readers()) GTEST_SKIP() << "pdftotext, xmllint or openpyxl is not installed";
    fs::path dir = kdx::test::scratch_dir();
    auto r = voss_report(dir);
    ASSERT_EQ(r.exit_code, 0) << r.err;

    std::string pdf = kdx::test::pdf::squeeze(kdx::test::pdf::pdf_text(only_file(dir, ".pdf")));
    EXPECT_THAT(pdf, HasSubstr("Busetjing og integrering i Voss 2014"));
    EXPECT_THAT(pdf, HasSubstr("Orientering til kommunestyret"));
    EXPECT_THAT(pdf, HasSubstr("flyktningar"));
    EXPECT_THAT(pdf, HasSubstr("4. desember 2024"));
    EXPECT_THAT(pdf, Not(HasSubstr("2024-12-04")));
    EXPECT_THAT(pdf, Not(HasSubstr("Bosetting og integrering")));

    std::string xlsx = xlsx_strings(only_file(dir, ".xlsx"));
    EXPECT_THAT(xlsx, HasSubstr("Busetjing og integrering i Voss 2014"));
    EXPECT_THAT(xlsx, HasSubstr("Busett"));
    EXPECT_THAT(xlsx, HasSubstr("Oppmoding"));
    EXPECT_THAT(xlsx, Not(HasSubstr("Anmodning")));
    // A date cell, shown as Norwegians write dates.
    EXPECT_THAT(xlsx, HasSubstr("DATE 2024-12-04 d. mmmm yyyy"));

    fs::path xml = only_file(dir, ".xml");
    EXPECT_EQ(xpath(xml, "string(/*[local-name()='report']/*[local-name()='info']/@language)"),
              "nn");
    EXPECT_EQ(
        xpath(xml,
              "string(/*[local-name()='report']/*[local-name()='info']/*[local-name()='title'])"),
        "Busetjing og integrering i Voss 2014");
    // The archive keeps the machine form of the date.
    EXPECT_EQ(xpath(xml, "string(/*[local-name()='report']/*[local-name()='info']/@date)"),
              "2024-12-04");
}

TEST(CouncilReportLanguage, LangStillChoosesAndEnglishDatesReadAsEnglish) {
    if (!have_readers()) GTEST_SKIP() << "pdftotext, xmllint or openpyxl is not installed";
    fs::path dir = kdx::test::scratch_dir();
    auto r = voss_report(dir, " --lang en");
    ASSERT_EQ(r.exit_code, 0) << r.err;
    std::string pdf = kdx::test::pdf::squeeze(kdx::test::pdf::pdf_text(only_file(dir, ".pdf")));
    EXPECT_THAT(pdf, HasSubstr("4 December 2024"));
    EXPECT_THAT(xlsx_strings(only_file(dir, ".xlsx")), HasSubstr("DATE 2024-12-04 d mmmm yyyy"));
    EXPECT_EQ(xpath(only_file(dir, ".xml"),
                    "string(/*[local-name()='report']/*[local-name()='info']/@language)"),
              "en");
}

// Oslo decided for neither form (neutral): the template's bokmål.
TEST(CouncilReportLanguage, ANeutralMunicipalityGetsBokmal) {
    if (!have_readers()) GTEST_SKIP() << "pdftotext, xmllint or openpyxl is not installed";
    fs::path dir = kdx::test::scratch_dir();
    auto r = run("SOURCE_DATE_EPOCH=" + std::string(epoch) + " " +
                 sh_quote(kdx::test::kdx_exe().string()) + " report -t council-report -d " +
                 sh_quote(imdi_file().string()) +
                 " --municipality 0301 --year 2014 --format xml --out " + sh_quote(dir.string()));
    ASSERT_EQ(r.exit_code, 0) << r.err;
    EXPECT_EQ(xpath(only_file(dir, ".xml"),
                    "string(/*[local-name()='report']/*[local-name()='info']/@language)"),
              "nb");
}

}  // namespace
