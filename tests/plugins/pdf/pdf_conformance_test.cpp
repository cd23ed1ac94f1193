// Conformance and robustness: PDF/A-1b by Preflight, reproducible bytes,
// characters the font lacks, bad options and unwritable targets.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <cstdlib>

#include "kdx/error.hpp"
#include "pdf_test_support.hpp"

namespace {

using ::testing::HasSubstr;
using ::testing::Not;
namespace pdf = kdx::test::pdf;
using kdx::test::run;
using kdx::test::sh_quote;

const char* const preflight_jars[] = {"preflight",       "pdfbox2",          "fontbox2", "xmpbox",
                                      "commons-logging", "javax.activation", "jaxb-api"};

std::string preflight_command() {
    std::string classpath;
    for (const char* jar : preflight_jars) {
        std::string path = std::string("/usr/share/java/") + jar + ".jar";
        if (!kdx::test::fs::exists(path)) return "";
        classpath += (classpath.empty() ? "" : ":") + path;
    }
    if (!kdx::test::have_program("java")) return "";
    return "java -cp " + classpath + " org.apache.pdfbox.preflight.Validator_A1b";
}

TEST(PdfConformance, PreflightConfirmsPdfA1b) {
    std::string preflight = preflight_command();
    if (preflight.empty()) GTEST_SKIP() << "PDFBox Preflight (libpdfbox2-java) or java is missing";
    auto dir = kdx::test::scratch_dir();
    // Every template in every language (the Sámi name forms in the dossier
    // are Spans with their own /Lang, which PDF/A-1 must accept too).
    for (const char* id : {"imdi-dossier", "council-report", "county-overview", "imdi-comparison"})
        for (const char* language : {"nb", "nn", "en"}) {
            auto file = dir / (std::string(id) + "-" + language + ".pdf");
            kdx::Document doc = pdf::shipped_document(id, language);
            // The provenance kdx report adds is an XMP schema of kdx's own, which
            // PDF/A-1 accepts only with its description in the packet.
            const std::string sha256(64, 'a');
            doc.info.provenance = {{{"bosetting & <år>.csv", sha256}},
                                   id,
                                   sha256,
                                   {"csv 1.0.0", "pdf 1.0.0"},
                                   "kdx 1.1.0"};
            pdf::write(doc, file);
            // One run per file: PDFBox 2's Validator_A1b validates its first
            // argument only and ignores the others.
            auto r = run(preflight + " " + sh_quote(file.string()));
            EXPECT_EQ(r.exit_code, 0) << id << " " << language << "\n" << r.out << r.err;
            EXPECT_THAT(r.out, Not(HasSubstr("not a valid"))) << id << " " << language;
            EXPECT_THAT(r.out, HasSubstr(file.filename().string() + " is a valid PDF/A-1b file"))
                << id << " " << language;
        }
}

class SourceDateEpoch : public ::testing::Test {
  protected:
    void SetUp() override { ::setenv("SOURCE_DATE_EPOCH", "1545350400", 1); }  // 2018-12-21
    void TearDown() override { ::unsetenv("SOURCE_DATE_EPOCH"); }
};

TEST_F(SourceDateEpoch, TwoRunsGiveTheSameBytes) {
    auto dir = kdx::test::scratch_dir();
    kdx::Document doc = pdf::shipped_document("imdi-dossier");
    pdf::write(doc, dir / "a.pdf");
    pdf::write(doc, dir / "b.pdf");
    std::string a = kdx::test::read_file(dir / "a.pdf"), b = kdx::test::read_file(dir / "b.pdf");
    ASSERT_GT(a.size(), 1000u);
    EXPECT_TRUE(a == b) << "the two files differ";
    EXPECT_THAT(a, HasSubstr("/CreationDate (D:20181221000000+00'00')"));
    EXPECT_THAT(a, HasSubstr("<xmp:CreateDate>2018-12-21T00:00:00+00:00</xmp:CreateDate>"));
    // A different document must not share the ID.
    doc.info.title += " 2";
    pdf::write(doc, dir / "c.pdf");
    auto id = [](const std::string& s) { return s.substr(s.rfind("/ID"), 80); };
    EXPECT_NE(id(a), id(kdx::test::read_file(dir / "c.pdf")));
}

TEST(PdfConformance, ACharacterTheFontLacksIsReportedWithItsPlace) {
    kdx::Document doc;
    doc.info.title = "Tegn";
    doc.info.language = "nb";
    doc.blocks.push_back(kdx::Heading{1, "Innledning"});
    doc.blocks.push_back(kdx::Paragraph{{{"Kinesisk 中 og mer tekst.", false}}});
    auto file = kdx::test::scratch_dir() / "missing.pdf";
    auto diagnostics = pdf::write(doc, file);
    ASSERT_EQ(diagnostics.count(kdx::Severity::warning), 1u);
    const kdx::Diagnostic& d = diagnostics.items().back();
    EXPECT_THAT(d.message, HasSubstr("U+4E2D"));
    EXPECT_THAT(d.message, HasSubstr("\"中\""));
    EXPECT_THAT(d.message, HasSubstr("block 2 (paragraph)"));
    EXPECT_EQ(d.where.file, file.string());
    if (pdf::have_poppler()) {
        // The rest of the text is there, with a visible stand-in for the character.
        EXPECT_THAT(pdf::squeeze(pdf::pdf_text(file)), HasSubstr("Kinesisk \uFFFD og mer tekst."));
    }
}

TEST(PdfConformance, AnUnknownFontFamilyIsAnErrorNamingIt) {
    auto file = kdx::test::scratch_dir() / "font.pdf";
    kdx::Diagnostics diagnostics;
    try {
        pdf::format()->write_document(pdf::shipped_document("council-report"), file,
                                      {{"font", "No Such Family Sans"}}, diagnostics);
        FAIL() << "no error";
    } catch (const kdx::Error& e) {
        EXPECT_THAT(e.message(), HasSubstr("\"No Such Family Sans\""));
        EXPECT_THAT(e.message(), HasSubstr("TrueType"));
    }
    EXPECT_FALSE(kdx::test::fs::exists(file));
}

TEST(PdfConformance, AFontFileCanBeGiven) {
    const char* dejavu_bold = "/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf";
    if (!kdx::test::fs::exists(dejavu_bold)) GTEST_SKIP() << "fonts-dejavu-core is not installed";
    auto file = kdx::test::scratch_dir() / "bold.pdf";
    pdf::write(pdf::shipped_document("council-report"), file, {{"font", dejavu_bold}});
    ASSERT_TRUE(kdx::test::fs::exists(file));
    if (pdf::have_poppler()) {
        auto r = run("pdffonts " + sh_quote(file.string()));
        EXPECT_THAT(r.out, HasSubstr("DejaVuSans-Bold"));
        EXPECT_THAT(r.out, Not(HasSubstr("DejaVuSans-Oblique")));
    }
}

TEST(PdfConformance, AFamilyIsFoundThroughFontconfig) {
    if (!pdf::have_poppler()) GTEST_SKIP() << "poppler-utils is not installed";
    if (run("fc-list 'DejaVu Sans Mono' family").out.empty())
        GTEST_SKIP() << "fontconfig does not list DejaVu Sans Mono";
    auto file = kdx::test::scratch_dir() / "mono.pdf";
    auto diagnostics =
        pdf::write(pdf::shipped_document("imdi-dossier"), file, {{"font", "DejaVu Sans Mono"}});
    auto r = run("pdffonts " + sh_quote(file.string()));
    EXPECT_THAT(r.out, HasSubstr("+DejaVuSansMono "));
    EXPECT_THAT(r.out, HasSubstr("+DejaVuSansMono-Bold "));
    EXPECT_THAT(r.out, Not(HasSubstr("+DejaVuSans ")));
}

TEST(PdfConformance, BadOptionsAreErrors) {
    auto file = kdx::test::scratch_dir() / "options.pdf";
    kdx::Diagnostics diagnostics;
    auto doc = pdf::shipped_document("council-report");
    EXPECT_THROW(pdf::format()->write_document(doc, file, {{"paper", "a3"}}, diagnostics),
                 kdx::Error);
    EXPECT_THROW(pdf::format()->write_document(doc, file, {{"colour", "red"}}, diagnostics),
                 kdx::Error);
    EXPECT_FALSE(kdx::test::fs::exists(file));
}

TEST(PdfConformance, AFailedWriteLeavesTheOldFileAlone) {
    auto dir = kdx::test::scratch_dir();
    kdx::Diagnostics diagnostics;
    EXPECT_THROW(pdf::format()->write_document(pdf::shipped_document("council-report"),
                                               dir / "no-such-folder" / "x.pdf", {}, diagnostics),
                 kdx::Error);
    kdx::test::write_file(dir / "old.pdf", "old");
    EXPECT_THROW(
        pdf::format()->write_document(pdf::shipped_document("council-report"), dir / "old.pdf",
                                      {{"font", "No Such Family Sans"}}, diagnostics),
        kdx::Error);
    EXPECT_EQ(kdx::test::read_file(dir / "old.pdf"), "old");
}

}  // namespace
