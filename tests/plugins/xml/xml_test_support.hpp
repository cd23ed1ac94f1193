// The xml format loaded through the host from the build tree, and the tools
// that check its output independently: xmllint against the schema and
// Python's xml.etree.
#pragma once

#include <gtest/gtest.h>

#include <memory>
#include <string>

#include "host/plugin_host.hpp"
#include "kdx/diagnostics.hpp"
#include "kdx/error.hpp"
#include "test_support.hpp"

namespace kdx::test::xml {

inline const fs::path data = KDX_XML_TEST_DATA;
inline const fs::path schema = source_dir() / "schemas" / "kdx-data-1.xsd";
inline const fs::path example = source_dir() / "examples" / "data" / "nominees-2018.xml";

// The xml format from the build tree's kdx_xml.so; fails the test if absent.
inline std::shared_ptr<const host::LoadedFormat> format() { return built_format("xml"); }

inline Dataset read(const fs::path& file) {
    Diagnostics diagnostics;
    return format()->read_dataset(file, {}, diagnostics);
}

inline void write(const Dataset& d, const fs::path& file) {
    Diagnostics diagnostics;
    format()->write_dataset(d, file, {}, diagnostics);
}

// "file:line:col: message" of the error reading a file, or "no error".
inline std::string error_of(const fs::path& file) {
    try {
        read(file);
    } catch (const kdx::Error& e) {
        return e.where().to_string() + ": " + e.message();
    }
    return "no error";
}

inline bool have_xmllint() { return have_program("xmllint"); }
inline bool have_python() { return fs::exists("/usr/bin/python3"); }

// xmllint's verdict on a file against schemas/kdx-data-1.xsd.
inline CommandResult xmllint_schema(const fs::path& file) {
    return run("xmllint --noout --nonet --schema " + sh_quote(schema.string()) + " " +
               sh_quote(file.string()));
}

}  // namespace kdx::test::xml
