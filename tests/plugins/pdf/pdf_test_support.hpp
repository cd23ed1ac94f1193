// Helpers for the PDF tests: the plugin loaded through the host, the
// independent tools that read its files, text comparison, and a small dataset
// in the shape of IMDi's 2018 nominee profiles with the shipped templates
// built over it (sample_data.cpp).
#pragma once

#include <gtest/gtest.h>

#include <memory>
#include <string>
#include <vector>

#include "host/plugin_host.hpp"
#include "kdx/document.hpp"
#include "kdx/model.hpp"
#include "test_support.hpp"

namespace kdx::test::pdf {

// The pdf format from the build tree's kdx_pdf.so; fails the test if absent.
inline std::shared_ptr<const host::LoadedFormat> format() { return built_format("pdf"); }

// Writes `document` to `file`; returns the diagnostics.
inline Diagnostics write(const Document& document, const fs::path& file,
                         const Options& options = {}) {
    Diagnostics diagnostics;
    format()->write_document(document, file, options, diagnostics);
    return diagnostics;
}

// Whitespace (no-break spaces included) collapsed to single spaces.
inline std::string squeeze(const std::string& text) {
    std::string out;
    bool space = true;
    for (std::size_t i = 0; i < text.size(); ++i) {
        bool is_space = text[i] == ' ' || text[i] == '\n' || text[i] == '\t' || text[i] == '\f' ||
                        text[i] == '\r';
        if (text.compare(i, 2, "\u00a0") == 0) is_space = true, ++i;
        if (is_space) {
            if (!space) out += ' ';
            space = true;
        } else {
            out += text[i];
            space = false;
        }
    }
    while (!out.empty() && out.back() == ' ') out.pop_back();
    return out;
}

// pdftotext in content-stream order (-raw): the order the renderer drew.
inline std::string pdf_text(const fs::path& file, int first = 0, int last = 0) {
    std::string range;
    if (first) range += " -f " + std::to_string(first);
    if (last) range += " -l " + std::to_string(last);
    auto r = run("pdftotext -raw -enc UTF-8" + range + " " + sh_quote(file.string()) + " -");
    EXPECT_EQ(r.exit_code, 0) << r.err;
    return r.out;
}

// The first needle not found in `text` after the previous one, or "".
inline std::string first_out_of_order(const std::string& text,
                                      const std::vector<std::string>& needles) {
    std::string hay = squeeze(text);
    std::size_t at = 0;
    for (const std::string& needle : needles) {
        std::string n = squeeze(needle);
        if (n.empty()) continue;
        std::size_t found = hay.find(n, at);
        if (found == std::string::npos) return needle;
        at = found + n.size();
    }
    return "";
}

// "Pages: N" of pdfinfo.
inline int page_count(const fs::path& file) {
    auto r = run("pdfinfo " + sh_quote(file.string()));
    auto at = r.out.find("Pages:");
    return at == std::string::npos ? -1 : std::stoi(r.out.substr(at + 6));
}

inline bool have_poppler() { return have_program("pdftotext") && have_program("pdffonts"); }

#define KDX_REQUIRE_POPPLER() \
    if (!::kdx::test::pdf::have_poppler()) GTEST_SKIP() << "poppler-utils is not installed"

// Steinkjer (5004) and Snåsa in Trøndelag, Stange in Innlandet; figures
// 2012–2018 (a few made small, to be suppressed), programmes, outcomes and
// two 2018 nominations with text in bokmål and Sámi names.
Dataset sample_dataset();

// The document a shipped template gives for the sample: "imdi-dossier" and
// "council-report" for Steinkjer 2014, "county-overview" for Trøndelag 2014,
// "imdi-comparison" for the 2018 nominees.
Document shipped_document(const std::string& template_id, const std::string& language = "");

// Every heading, paragraph, key figure, table caption, header and cell, chart
// title, legend and category, and note, in document order.
std::vector<std::string> expected_texts(const Document& document);

// A table of `rows` municipalities with a total row, long enough to span pages.
Table long_table(std::size_t rows);

}  // namespace kdx::test::pdf
