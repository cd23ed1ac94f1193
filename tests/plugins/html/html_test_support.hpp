// Helpers for the HTML tests: the plugin loaded through the host, the page
// read back by Python's html.parser (html_outline.py), and the shipped
// templates written by the kdx command from the example data.
#pragma once

#include <gtest/gtest.h>

#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "host/plugin_host.hpp"
#include "kdx/document.hpp"
#include "test_support.hpp"

namespace kdx::test::html {

using nlohmann::json;

// The html format from the build tree's kdx_html.so; fails the test if absent.
inline std::shared_ptr<const host::LoadedFormat> format() { return built_format("html"); }

inline Diagnostics write(const Document& document, const fs::path& file,
                         const Options& options = {}) {
    Diagnostics diagnostics;
    format()->write_document(document, file, options, diagnostics);
    return diagnostics;
}

// The page as html_outline.py sees it.
inline json outline(const fs::path& file) {
    auto r = run("/usr/bin/python3 " + sh_quote(KDX_HTML_OUTLINE) + " " + sh_quote(file.string()));
    EXPECT_EQ(r.exit_code, 0) << r.err;
    if (r.exit_code != 0) return json::object();
    return json::parse(r.out);
}

struct Written {
    std::string template_id, language;
    fs::path file;
};

inline const std::vector<std::string>& shipped_templates() {
    static const std::vector<std::string> ids{"imdi-dossier", "imdi-comparison", "county-overview",
                                              "council-report"};
    return ids;
}

// Every shipped template in nb, nn and en, written by `kdx report --format
// html` from examples/data/nominees-2018.xml (Steinkjer, Trøndelag, the 2018
// nominees) into `dir`/<language>, dated by SOURCE_DATE_EPOCH.
inline std::vector<Written> write_shipped_templates(const fs::path& dir) {
    const std::string data = sh_quote((source_dir() / "examples/data/nominees-2018.xml").string());
    std::vector<Written> out;
    for (const char* language : {"nb", "nn", "en"})
        for (const std::string& id : shipped_templates()) {
            const fs::path folder = dir / language / id;
            std::string selection = id == "county-overview"   ? " --county 50"
                                    : id == "imdi-comparison" ? ""
                                                              : " --municipality 5004";
            auto r = run("SOURCE_DATE_EPOCH=1545350400 " + sh_quote(kdx_exe().string()) +
                         " -q report -t " + id + " -d " + data + selection + " --lang " + language +
                         " --format html --out " + sh_quote(folder.string()));
            EXPECT_EQ(r.exit_code, 0) << id << " " << language << "\n" << r.err;
            if (r.exit_code == 0) out.push_back({id, language, only_file(folder, ".html")});
        }
    return out;
}

}  // namespace kdx::test::html
