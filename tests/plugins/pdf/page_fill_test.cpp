// Notes and sources never spill onto a near-empty last page: every page of
// the 2018 dossiers, of council reports on municipalities of IMDi's real file
// and of a county overview whose table runs over a page carries more than a
// few lines, as pdftotext reads each page.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <sstream>

#include "pdf_test_support.hpp"

namespace {

namespace fs = std::filesystem;
using kdx::test::run;
using kdx::test::sh_quote;

// Lines with text on each page (the running header and footer included).
std::vector<int> lines_per_page(const fs::path& pdf) {
    auto info = run("pdfinfo " + sh_quote(pdf.string()));
    EXPECT_EQ(info.exit_code, 0) << info.err;
    int pages = 0;
    std::istringstream in(info.out);
    for (std::string line; std::getline(in, line);)
        if (line.rfind("Pages:", 0) == 0) pages = std::stoi(line.substr(6));
    std::vector<int> lines;
    for (int p = 1; p <= pages; ++p) {
        auto text = run("pdftotext -layout -enc UTF-8 -f " + std::to_string(p) + " -l " +
                        std::to_string(p) + " " + sh_quote(pdf.string()) + " -");
        int n = 0;
        std::istringstream page(text.out);
        for (std::string line; std::getline(page, line);)
            if (line.find_first_not_of(" \t\f") != std::string::npos) ++n;
        lines.push_back(n);
    }
    return lines;
}

// Header and footer and at least six lines of the report itself.
constexpr int fewest_lines = 8;

void expect_full_pages(const fs::path& dir) {
    int files = 0;
    for (const auto& e : fs::directory_iterator(dir)) {
        if (e.path().extension() != ".pdf") continue;
        ++files;
        std::vector<int> lines = lines_per_page(e.path());
        for (std::size_t p = 0; p < lines.size(); ++p)
            EXPECT_GE(lines[p], fewest_lines)
                << e.path().filename().string() << " page " << p + 1 << " of " << lines.size();
    }
    EXPECT_GT(files, 0) << dir;
}

class PageFill : public ::testing::Test {
  protected:
    void SetUp() override {
        if (!kdx::test::pdf::have_poppler()) GTEST_SKIP() << "poppler-utils is not installed";
    }
};

TEST_F(PageFill, DossiersOf2018HaveNoNearEmptyPage) {
    fs::path out = kdx::test::scratch_dir();
    fs::path data = kdx::test::source_dir() / "examples" / "data" / "nominees-2018.xml";
    auto r = kdx::test::run_kdx("-q dossier --year 2018 -d " + sh_quote(data.string()) +
                                " --format pdf --out " + sh_quote(out.string()));
    ASSERT_EQ(r.exit_code, 0) << r.err;
    expect_full_pages(out);
}

TEST_F(PageFill, CouncilReportsAndACountyOverviewOfImdiDataHaveNoNearEmptyPage) {
    fs::path out = kdx::test::scratch_dir();
    fs::path data = kdx::test::data_dir() / "imdi" / "imdi-settlement-2012-2014.csv";
    for (const char* lang : {"nb", "nn", "en"}) {
        auto r = kdx::test::run_kdx("-q report -t council-report -d " + sh_quote(data.string()) +
                                    " --municipality 0417,1235,1702,1103,0219,2004 --year 2014"
                                    " --lang " +
                                    lang + " --format pdf --out " + sh_quote(out.string()));
        ASSERT_EQ(r.exit_code, 0) << r.err;
    }
    // Voss and Fjord after harmonising carry the merged-figures note too.
    auto h = kdx::test::run_kdx("-q report -t council-report -d " + sh_quote(data.string()) +
                                " --harmonise-to 2024 --municipality 4621,1578,5006 --year 2014"
                                " --format pdf --out " +
                                sh_quote(out.string()));
    ASSERT_EQ(h.exit_code, 0) << h.err;
    // Hordaland's table of 33 municipalities ran over by the sources alone.
    auto c =
        kdx::test::run_kdx("-q report -t county-overview -d " + sh_quote(data.string()) +
                           " --county 12 --year 2014 --format pdf --out " + sh_quote(out.string()));
    ASSERT_EQ(c.exit_code, 0) << c.err;
    expect_full_pages(out);
}

}  // namespace
