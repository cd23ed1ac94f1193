// Nomination profiles as IMDi's advisers write them: the two public 2018
// profiles (../shared/seeds) as text and as Word documents made from them by
// LibreOffice, a Markdown profile compared field for field with the example
// data, front matter, and the errors bad input gets.
#include <gmock/gmock.h>

#include "kdx/error.hpp"
#include "test_support.hpp"

namespace {

using namespace kdx::test;
using ::testing::Contains;
using ::testing::ElementsAre;
using ::testing::HasSubstr;

const fs::path data = KDX_PROFILE_TEST_DATA;
fs::path seeds() { return source_dir() / ".." / "shared" / "seeds"; }

ReadResult read(const fs::path& file, const kdx::Options& options = {}) {
    return read_with(*built_format("profile"), file, options);
}

std::string error_of(const fs::path& file, const kdx::Options& options = {}) {
    try {
        read(file, options);
    } catch (const kdx::Error& e) {
        return e.where().to_string() + ": " + e.message();
    }
    return "no error";
}

std::vector<std::string> headings(const kdx::Nomination& n) {
    std::vector<std::string> out;
    for (const auto& s : n.sections) out.push_back(s.heading);
    return out;
}

// The nomination the example data has for `municipality` in 2018.
kdx::Nomination example_nomination(const std::string& municipality) {
    ReadResult r =
        read_with(*built_format("xml"), source_dir() / "examples" / "data" / "nominees-2018.xml");
    for (const auto& n : r.dataset.nominations)
        if (n.municipality == municipality && n.year == 2018) return n;
    ADD_FAILURE() << "no 2018 nomination for " << municipality << " in the example data";
    return {};
}

// The n-th line (1-based) of a text file, as the file has it.
std::string line_of(const fs::path& file, int n) {
    std::istringstream in(read_file(file));
    std::string line;
    for (int i = 0; i < n && std::getline(in, line); ++i) {
    }
    while (!line.empty() && (line.back() == ' ' || line.back() == '\r')) line.pop_back();
    return line;
}

class Seeds : public ::testing::Test {
  protected:
    void SetUp() override {
        if (!fs::exists(seeds() / "stange-2018.txt"))
            GTEST_SKIP() << "the public profiles are not at " << seeds()
                         << " (../shared beside the checkout)";
    }
};

// The headings below were read off the two pages by eye: the lines that stand
// alone between paragraphs. The text between "Sist oppdatert" and the first
// heading is a section without a heading.
const std::vector<std::string> stange_headings = {
    "", "Fleksible når de bosetter", "Gode resultater", "Praksisplassser utenfor kommunegrensene"};
const std::vector<std::string> steinkjer_headings = {
    "", "Planmessig og godt forankret bosettingsarbeid", "Helhetlig og bredt kvalifiseringstilbud",
    "Etablering og drift av integreringsmottak"};

TEST_F(Seeds, StangeReadsToTheExampleNomination) {
    fs::path file = seeds() / "stange-2018.txt";
    ReadResult r = read(file);
    ASSERT_EQ(r.dataset.nominations.size(), 1u);
    const kdx::Nomination& n = r.dataset.nominations.front();
    kdx::Nomination example = example_nomination("0417");
    EXPECT_EQ(n.municipality, example.municipality);
    EXPECT_EQ(n.year, example.year);
    EXPECT_EQ(n.prize, example.prize);
    EXPECT_EQ(n.last_updated, example.last_updated);
    EXPECT_EQ(n.summary, line_of(file, 3));
    EXPECT_EQ(headings(n), stange_headings);
    EXPECT_EQ(r.dataset.find_municipality("0417")->name, "Stange");
    EXPECT_TRUE(r.messages(kdx::Severity::error).empty());
    EXPECT_TRUE(r.messages(kdx::Severity::warning).empty());
}

TEST_F(Seeds, SteinkjerReadsToTheExampleNominationUnderItsNumberOf2018) {
    fs::path file = seeds() / "steinkjer-2018.txt";
    ReadResult r = read(file);
    ASSERT_EQ(r.dataset.nominations.size(), 1u);
    const kdx::Nomination& n = r.dataset.nominations.front();
    kdx::Nomination example = example_nomination("5004");
    EXPECT_EQ(n.municipality, "5004");  // Steinkjer in 2018; 5006 from 2020
    EXPECT_EQ(n.year, example.year);
    EXPECT_EQ(n.prize, example.prize);
    EXPECT_EQ(n.last_updated, example.last_updated);
    EXPECT_EQ(n.summary, line_of(file, 3));
    EXPECT_EQ(headings(n), steinkjer_headings);
    // The last section ends with the page's last paragraph of text.
    EXPECT_THAT(n.sections.back().text,
                HasSubstr("uavbrutt å kunne fortsette kvalifiseringsarbeidet"));
}

TEST_F(Seeds, WebPageFurnitureIsLeftOutAndListed) {
    fs::path file = seeds() / "stange-2018.txt";
    ReadResult r = read(file);
    std::string f = file.string();
    EXPECT_THAT(
        r.messages(kdx::Severity::info),
        ElementsAre(
            f + ":25: web page text left out: \"Tall og statistikk om bosetting og integrering i "
                "Stange kommune.\"",
            f + ":27: the nomination line gives the prize and year; left out of the text: "
                "\"Stange er nominert til Bosettings- og inkluderingsprisen 2018.\"",
            f + ":29: web page text left out: \"Stem på Stange!\"",
            f + ":31: web page text left out: \"Vil du stemme på noen andre? Se listen over "
                "nominerte.\"",
            f + ":33: web page text left out: \"Fant du det du lette etter?\""));
    for (const auto& s : r.dataset.nominations.front().sections) {
        EXPECT_THAT(s.text, ::testing::Not(HasSubstr("Stem på")));
        EXPECT_THAT(s.text, ::testing::Not(HasSubstr("Tall og statistikk")));
    }
}

// Word forms of the seeds, made by LibreOffice: from the text itself (one
// paragraph per line, no heading styles), and from HTML whose headings are
// Heading 2 paragraphs, or lines that are bold as a whole.
class SeedsInWord : public Seeds {
  protected:
    static fs::path made;
    // Once per test program, on the first test that needs them.
    static void make_word_forms() {
        if (!made.empty()) return;
        made = fs::path(KDX_BUILD_DIR) / "test-scratch" / "profiles-in-word";
        fs::remove_all(made);
        fs::create_directories(made);
        for (std::string seed : {"stange-2018", "steinkjer-2018"}) {
            fs::copy_file(seeds() / (seed + ".txt"), made / (seed + ".txt"));
            const auto& heads = seed == "stange-2018" ? stange_headings : steinkjer_headings;
            std::istringstream in(read_file(seeds() / (seed + ".txt")));
            std::string styled = "<html><head><meta charset=\"utf-8\"></head><body>";
            std::string bold = styled;
            std::string line;
            bool first = true;
            while (std::getline(in, line)) {
                if (line.find_first_not_of(" \r") == std::string::npos) continue;
                while (!line.empty() && (line.back() == ' ' || line.back() == '\r'))
                    line.pop_back();
                bool heading = std::find(heads.begin(), heads.end(), line) != heads.end();
                styled += first     ? "<h1>" + line + "</h1>"
                          : heading ? "<h2>" + line + "</h2>"
                                    : "<p>" + line + "</p>";
                bold += first     ? "<h1>" + line + "</h1>"
                        : heading ? "<p><b>" + line + "</b></p>"
                                  : "<p>" + line + "</p>";
                first = false;
            }
            write_file(made / (seed + "-styled.html"), styled + "</body></html>");
            write_file(made / (seed + "-bold.html"), bold + "</body></html>");
        }
        run("cd " + sh_quote(made.string()) + " && HOME=" + sh_quote(made.string()) +
            " timeout 300 /usr/bin/soffice --headless --convert-to 'docx:MS Word 2007 XML' *.txt "
            "*.html");
    }
    void SetUp() override {
        Seeds::SetUp();
        if (IsSkipped()) return;
        if (!have_program("/usr/bin/soffice"))
            GTEST_SKIP() << "LibreOffice (soffice) is not installed";
        make_word_forms();
        if (!fs::exists(made / "steinkjer-2018-bold.docx"))
            GTEST_SKIP()
                << "LibreOffice Writer made no .docx (libreoffice-writer-nogui not installed?)";
    }
};
fs::path SeedsInWord::made;

TEST_F(SeedsInWord, EachWordFormReadsToTheSameNominationAsTheText) {
    for (std::string seed : {"stange-2018", "steinkjer-2018"}) {
        ReadResult text = read(seeds() / (seed + ".txt"));
        const kdx::Nomination& t = text.dataset.nominations.front();
        for (std::string form : {"", "-styled", "-bold"}) {
            SCOPED_TRACE(seed + form + ".docx");
            ReadResult word = read(made / (seed + form + ".docx"));
            ASSERT_EQ(word.dataset.nominations.size(), 1u);
            const kdx::Nomination& w = word.dataset.nominations.front();
            EXPECT_EQ(w.municipality, t.municipality);
            EXPECT_EQ(w.year, t.year);
            EXPECT_EQ(w.prize, t.prize);
            EXPECT_EQ(w.last_updated, t.last_updated);
            EXPECT_EQ(w.summary, t.summary);
            EXPECT_EQ(headings(w), headings(t));
            ASSERT_EQ(w.sections.size(), t.sections.size());
            for (std::size_t i = 0; i < w.sections.size(); ++i)
                EXPECT_EQ(w.sections[i].text, t.sections[i].text);
        }
    }
}

TEST(ProfileRead, MarkdownReadsToTheExampleNominationFieldForField) {
    ReadResult r = read(data / "steinkjer-2018.md");
    ASSERT_EQ(r.dataset.nominations.size(), 1u);
    const kdx::Nomination& n = r.dataset.nominations.front();
    kdx::Nomination example = example_nomination("5004");
    EXPECT_EQ(n.municipality, example.municipality);
    EXPECT_EQ(n.prize, example.prize);
    EXPECT_EQ(n.last_updated, example.last_updated);
    EXPECT_EQ(n.summary, example.summary);
    ASSERT_EQ(n.sections.size(), example.sections.size());
    for (std::size_t i = 0; i < n.sections.size(); ++i) {
        EXPECT_EQ(n.sections[i].heading, example.sections[i].heading);
        EXPECT_EQ(n.sections[i].text, example.sections[i].text);
    }
}

TEST(ProfileRead, FrontMatterSettlesMunicipalityYearAndPrize) {
    ReadResult r = read(data / "voss-front-matter.txt");
    ASSERT_EQ(r.dataset.nominations.size(), 1u) << error_of(data / "voss-front-matter.txt");
    const kdx::Nomination& n = r.dataset.nominations.front();
    EXPECT_EQ(n.municipality, "1235");
    EXPECT_EQ(n.year, 2016);
    EXPECT_EQ(n.prize, "bosettingsprisen");
    EXPECT_EQ(n.last_updated, "2016-03-03");
    ASSERT_EQ(n.sections.size(), 1u);
    EXPECT_EQ(n.sections[0].heading, "Tenester som heng saman");
    EXPECT_EQ(n.sections[0].text,
              "– Busetjing og bustad\n\n– Introduksjonsprogram\n\n– Vaksenopplæring\n\n"
              "Kommunen samarbeider tett med NAV og næringslivet i regionen.");
}

TEST(ProfileRead, ReadOptionsSettleWhatTheTextDoesNot) {
    ReadResult r = read(data / "no-municipality.txt", {{"municipality", "Stange"}});
    ASSERT_EQ(r.dataset.nominations.size(), 1u);
    EXPECT_EQ(r.dataset.nominations.front().municipality, "0417");
    EXPECT_EQ(r.dataset.nominations.front().year, 2018);
}

TEST(ProfileRead, EmptyFileIsAnErrorSayingWhatWasExpected) {
    EXPECT_EQ(error_of(data / "empty.txt"),
              (data / "empty.txt").string() +
                  ": the profile is empty: expected a title line naming the municipality, as "
                  "\"Steinkjer kommune\"");
}

TEST(ProfileRead, NoMunicipalityIsAnErrorNamingTheTitleLine) {
    std::string e = error_of(data / "no-municipality.txt");
    EXPECT_THAT(e, HasSubstr((data / "no-municipality.txt").string() +
                             ":1: expected the municipality in the title line"));
    EXPECT_THAT(e, HasSubstr("found \"Et år med mange nye innbyggere\""));
    EXPECT_THAT(e, HasSubstr("kommune: NUMBER"));
}

TEST(ProfileRead, NoYearIsAnErrorSayingWhereAYearGoes) {
    fs::path f = scratch_dir() / "no-year.txt";
    write_file(f, "Stange kommune\n\nKommunen bosetter flere enn vedtatt.\n");
    EXPECT_THAT(error_of(f),
                HasSubstr("no prize year: expected a line such as \"Stange er nominert til "
                          "Bosettings- og inkluderingsprisen 2018\", or \"år: 2018\""));
}

// Word documents made by Python's zipfile: a DOCTYPE, and a zip bomb.
class BadWord : public ::testing::Test {
  protected:
    void SetUp() override {
        if (!have_program("/usr/bin/python3")) GTEST_SKIP() << "/usr/bin/python3 is not installed";
    }
    fs::path make(const std::string& name, const std::string& python_body) {
        fs::path out = scratch_dir() / name;
        fs::path script = scratch_dir() / "make.py";
        write_file(
            script,
            "import sys, zipfile\nz = zipfile.ZipFile(sys.argv[1], 'w', zipfile.ZIP_DEFLATED)\n" +
                python_body + "\nz.close()\n");
        CommandResult c =
            run("/usr/bin/python3 " + sh_quote(script.string()) + " " + sh_quote(out.string()));
        EXPECT_EQ(c.exit_code, 0) << c.err;
        return out;
    }
};

TEST_F(BadWord, DoctypeIsRefused) {
    fs::path f = make(
        "doctype.docx",
        "z.writestr('word/document.xml', '<?xml version=\"1.0\"?><!DOCTYPE d [<!ENTITY e \"x\">]>"
        "<w:document xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\">"
        "<w:body><w:p><w:r><w:t>&e;</w:t></w:r></w:p></w:body></w:document>')");
    EXPECT_EQ(error_of(f),
              f.string() +
                  ": part word/document.xml declares a DOCTYPE or entities, which a Word "
                  "document never has; refused");
}

TEST_F(BadWord, ZipBombIsRefusedByItsCompressionRatio) {
    fs::path f = make("bomb.docx", "z.writestr('word/document.xml', ' ' * (50 << 20))");
    EXPECT_LT(fs::file_size(f), 1u << 20);
    EXPECT_THAT(error_of(f), HasSubstr(f.string() + ": part word/document.xml is compressed"));
    EXPECT_THAT(error_of(f), HasSubstr("(a zip bomb?); refused"));
}

TEST_F(BadWord, NotAZipIsNotAWordDocument) {
    fs::path f = scratch_dir() / "letter.docx";
    write_file(f, "Dear council,\n");
    EXPECT_EQ(error_of(f), f.string() +
                               ": not a Word document: a .docx file is a zip package, and this one "
                               "does not start like one");
}

}  // namespace
