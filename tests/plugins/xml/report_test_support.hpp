// Helpers for the tests of reports as XML: the xml plugin through the host, a
// small dataset for the shipped templates, and xmllint.
#pragma once

#include <gtest/gtest.h>

#include <memory>
#include <string>

#include "host/plugin_host.hpp"
#include "kdx/document.hpp"
#include "kdx/model.hpp"
#include "test_support.hpp"

namespace kdx::test::report_xml {

inline fs::path report_schema() { return source_dir() / "schemas" / "kdx-report-1.xsd"; }

// The xml format from the build tree's kdx_xml.so; fails the test if absent.
inline std::shared_ptr<const host::LoadedFormat> format() { return built_format("xml"); }

inline bool have_xmllint() { return have_program("xmllint"); }

#define KDX_REQUIRE_XMLLINT()                                           \
    do {                                                                \
        if (!::kdx::test::report_xml::have_xmllint())                   \
            GTEST_SKIP() << "xmllint (libxml2-utils) is not installed"; \
    } while (false)

// xmllint's verdict on `file` against the report schema: "" when valid, else its output.
inline std::string schema_errors(const fs::path& file) {
    auto r = run("xmllint --noout --schema " + sh_quote(report_schema().string()) + " " +
                 sh_quote(file.string()));
    return r.exit_code == 0 ? "" : r.err + r.out;
}

// Vestland 2022–2024: nynorsk Voss settles few (3 in 2024, suppressed in
// public reports), Bergen many, Askøy reports no decision in 2023; programmes,
// outcomes against the whole country, and two 2024 nominees.
Dataset sample_dataset();

// The Document a shipped template gives for the sample: "imdi-dossier" and
// "council-report" for Voss 2024, "county-overview" for Vestland 2024,
// "imdi-comparison" for the 2024 nominees.
Document shipped_document(const std::string& template_id);

// The sample as a kdx exchange file (schemas/kdx-data-1.xsd), written out by
// hand so that the command-line test does not depend on a dataset writer.
std::string sample_exchange_xml();

}  // namespace kdx::test::report_xml
