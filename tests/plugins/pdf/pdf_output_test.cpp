// What a reader gets from the PDFs: text in order with æøå and Sámi letters
// intact, embedded fonts, outline, metadata, page numbers, split tables.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "pdf_test_support.hpp"

namespace {

using ::testing::HasSubstr;
using ::testing::Not;
namespace pdf = kdx::test::pdf;
using kdx::test::run;
using kdx::test::sh_quote;

// The text column only, without the running header and footer.
std::string body_text(const kdx::test::fs::path& file, int page = 0) {
    std::string range = page ? " -f " + std::to_string(page) + " -l " + std::to_string(page) : "";
    auto r = run("pdftotext -raw -enc UTF-8 -x 0 -y 52 -W 700 -H 738" + range + " " +
                 sh_quote(file.string()) + " -");
    EXPECT_EQ(r.exit_code, 0) << r.err;
    return r.out;
}

TEST(PdfFormat, DeclaresWhatItDoes) {
    auto f = pdf::format();
    ASSERT_TRUE(f);
    const kdx::FormatInfo& i = f->info();
    EXPECT_EQ(i.long_name, "PDF report (PDF/A-1b)");
    EXPECT_EQ(i.extensions, std::vector<std::string>{"pdf"});
    EXPECT_EQ(i.capabilities, kdx::can_write_document | kdx::can_write_in_parallel);
    std::vector<std::string> names;
    for (const auto& o : i.write_options) names.push_back(o.name);
    EXPECT_THAT(names, ::testing::IsSupersetOf({"font", "paper"}));
}

class ShippedTemplate : public ::testing::TestWithParam<std::string> {};

TEST_P(ShippedTemplate, GivesBackEveryTextInOrder) {
    KDX_REQUIRE_POPPLER();
    kdx::Document doc = pdf::shipped_document(GetParam());
    auto file = kdx::test::scratch_dir() / (GetParam() + ".pdf");
    auto diagnostics = pdf::write(doc, file);
    EXPECT_EQ(diagnostics.count(kdx::Severity::warning), 0u)
        << diagnostics.items().front().to_string();
    std::string text = body_text(file);
    EXPECT_EQ(pdf::first_out_of_order(text, pdf::expected_texts(doc)), "") << text;
    EXPECT_THAT(text, HasSubstr("Trøndelag"));
}

INSTANTIATE_TEST_SUITE_P(PdfFormat, ShippedTemplate,
                         ::testing::Values("imdi-dossier", "council-report", "county-overview",
                                           "imdi-comparison"));

TEST(PdfFormat, NorwegianAndSamiLettersSurviveInEveryStyle) {
    KDX_REQUIRE_POPPLER();
    kdx::Document doc;
    doc.info.title = "Æøå ÆØÅ – Snåase";
    doc.info.language = "nb";
    doc.blocks.push_back(kdx::Heading{1, "Sámi: Guovdageaidnu, Kárášjohka, maŋŋel ŊŊ čđšŧž"});
    doc.blocks.push_back(kdx::Paragraph{{{"Blåbærsyltetøy på Ørland – ", false},
                                         {"áŋ ÆØÅ æøå", true},
                                         {" og 12,5\u00a0% ‰.", false}}});
    auto file = kdx::test::scratch_dir() / "letters.pdf";
    auto diagnostics = pdf::write(doc, file);
    EXPECT_TRUE(diagnostics.empty());
    std::string text = pdf::squeeze(pdf::pdf_text(file));
    EXPECT_THAT(text, HasSubstr("Æøå ÆØÅ – Snåase"));
    EXPECT_THAT(text, HasSubstr("Sámi: Guovdageaidnu, Kárášjohka, maŋŋel ŊŊ čđšŧž"));
    EXPECT_THAT(text, HasSubstr("Blåbærsyltetøy på Ørland – áŋ ÆØÅ æøå og 12,5 % ‰."));
}

TEST(PdfFormat, EmbedsEveryFontAsAnIdentityHSubsetWithToUnicode) {
    KDX_REQUIRE_POPPLER();
    auto file = kdx::test::scratch_dir() / "fonts.pdf";
    pdf::write(pdf::shipped_document("imdi-dossier"), file);
    auto r = run("pdffonts " + sh_quote(file.string()));
    ASSERT_EQ(r.exit_code, 0) << r.err;
    std::istringstream lines(r.out);
    std::string line;
    int fonts = 0;
    std::getline(lines, line);
    std::getline(lines, line);  // the header and its rule
    while (std::getline(lines, line)) {
        if (line.empty()) continue;
        ++fonts;
        EXPECT_THAT(line, HasSubstr("CID TrueType")) << line;
        EXPECT_THAT(line, HasSubstr("Identity-H")) << line;
        EXPECT_THAT(line, HasSubstr("yes yes yes")) << line;  // embedded, subset, ToUnicode
        EXPECT_EQ(line.find('+'), 6u) << "subset names carry a six-letter tag: " << line;
    }
    EXPECT_EQ(fonts, 3) << r.out;  // regular, bold, italic
}

TEST(PdfFormat, PassesQpdfCheck) {
    if (!kdx::test::have_program("qpdf")) GTEST_SKIP() << "qpdf is not installed";
    for (const char* id : {"imdi-dossier", "county-overview"}) {
        auto file = kdx::test::scratch_dir() / (std::string(id) + ".pdf");
        pdf::write(pdf::shipped_document(id), file);
        auto r = run("qpdf --check " + sh_quote(file.string()));
        EXPECT_EQ(r.exit_code, 0) << id << ": " << r.out << r.err;
        EXPECT_THAT(r.out, HasSubstr("No syntax or stream encoding errors")) << id;
    }
}

TEST(PdfFormat, ALongTableSplitsWithItsHeaderRepeated) {
    KDX_REQUIRE_POPPLER();
    kdx::Document doc;
    doc.info.title = "Lang tabell";
    doc.info.language = "nb";
    doc.blocks.push_back(pdf::long_table(90));
    auto file = kdx::test::scratch_dir() / "long-table.pdf";
    pdf::write(doc, file);
    ASSERT_GE(pdf::page_count(file), 3);
    std::string page2 = pdf::squeeze(body_text(file, 2));
    EXPECT_THAT(page2, HasSubstr("Bosetting per kommune 2024 (forts.)"));
    EXPECT_EQ(page2.find("Kommune Kommunenr. Anmodning Bosatt Bosatt i prosent av anmodning"),
              page2.find("(forts.)") + 9)
        << page2;
    // The rows go on where page 1 stopped, and the total row comes last with the note.
    std::string all = pdf::squeeze(body_text(file));
    EXPECT_EQ(pdf::first_out_of_order(all, pdf::expected_texts(doc)), "");
    EXPECT_THAT(all, HasSubstr("I alt 12 345 : :"));
    EXPECT_THAT(all, HasSubstr(": :"));  // suppressed cells are shown as ":"
}

TEST(PdfFormat, NumbersPagesInTheDocumentsLanguage) {
    KDX_REQUIRE_POPPLER();
    for (const char* lang : {"nb", "en"}) {
        kdx::Document doc;
        doc.info.title = "Sider";
        doc.info.author = "IMDi";
        doc.info.language = lang;
        doc.blocks.push_back(pdf::long_table(90));
        auto file = kdx::test::scratch_dir() / (std::string(lang) + ".pdf");
        pdf::write(doc, file);
        int n = pdf::page_count(file);
        std::string word = std::string(lang) == "en" ? " of " : " av ";
        EXPECT_THAT(pdf::pdf_text(file, 1, 1), HasSubstr("1" + word + std::to_string(n)));
        EXPECT_THAT(pdf::pdf_text(file, n, n),
                    HasSubstr(std::to_string(n) + word + std::to_string(n)));
    }
}

TEST(PdfFormat, WritesTitleAuthorSubjectKeywordsAndLanguage) {
    KDX_REQUIRE_POPPLER();
    kdx::Document doc = pdf::shipped_document("imdi-dossier");
    auto file = kdx::test::scratch_dir() / "info.pdf";
    pdf::write(doc, file);
    std::string info = pdf::squeeze(run("pdfinfo " + sh_quote(file.string())).out);
    EXPECT_THAT(info, HasSubstr("Title: Steinkjer kommune Subject:"));
    EXPECT_THAT(info, HasSubstr("Author: Integrerings- og mangfoldsdirektoratet (IMDi) Creator:"));
    EXPECT_THAT(info, HasSubstr("Subject: Nominasjon av Steinkjer kommune, Trøndelag Keywords:"));
    EXPECT_THAT(info,
                HasSubstr("Keywords: bosetting, integrering, Bosettings- og inkluderingsprisen"));
    EXPECT_THAT(info, HasSubstr("Producer: kdx PDF plugin (PoDoFo 0.9.8) CreationDate:"));
    auto meta = run("pdfinfo -meta " + sh_quote(file.string()));
    EXPECT_THAT(meta.out, HasSubstr("<pdfaid:part>1</pdfaid:part>"));
    EXPECT_THAT(meta.out, HasSubstr("<rdf:li xml:lang=\"x-default\">Steinkjer kommune</rdf:li>"));
    if (kdx::test::have_program("qpdf")) {
        // qpdf's QDF form writes every object plainly, whatever the writer did.
        auto qdf = run("qpdf --qdf --object-streams=disable " + sh_quote(file.string()) + " -");
        EXPECT_THAT(qdf.out, HasSubstr("/Lang (nb-NO)"));
        EXPECT_THAT(qdf.out, HasSubstr("/S /GTS_PDFA1"));
    }
}

TEST(PdfFormat, OutlineFollowsTheHeadings) {
    if (!kdx::test::have_program("qpdf")) GTEST_SKIP() << "qpdf is not installed";
    kdx::Document doc = pdf::shipped_document("imdi-dossier");
    auto file = kdx::test::scratch_dir() / "outline.pdf";
    pdf::write(doc, file);
    auto r = run("qpdf --json --json-key=outlines " + sh_quote(file.string()));
    ASSERT_EQ(r.exit_code, 0) << r.err;
    // The document title is the root; qpdf lists an item's kids before its title.
    EXPECT_THAT(r.out, HasSubstr("\"title\": \"Steinkjer kommune\""));
    std::vector<std::string> titles;
    for (const auto& b : doc.blocks)
        if (auto h = std::get_if<kdx::Heading>(&b))
            titles.push_back("\"title\": \"" + h->text + "\"");
    EXPECT_GE(titles.size(), 5u);
    EXPECT_EQ(pdf::first_out_of_order(r.out, titles), "") << r.out;
}

}  // namespace
