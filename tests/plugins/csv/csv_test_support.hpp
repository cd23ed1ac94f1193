// The csv format loaded through the host, and Python's csv module as the
// independent reader of what it writes.
#pragma once

#include <gtest/gtest.h>

#include <memory>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "host/plugin_host.hpp"
#include "kdx/diagnostics.hpp"
#include "test_support.hpp"

namespace kdx::test::csv {

inline const fs::path data = KDX_CSV_TEST_DATA;

// The csv format from the build tree's kdx_csv.so; fails the test if absent.
inline std::shared_ptr<const host::LoadedFormat> format() { return built_format("csv"); }

inline ReadResult read(const fs::path& file, const Options& options = {}) {
    return read_with(*format(), file, options);
}

inline bool have_python() { return fs::exists("/usr/bin/python3"); }

// The records of a CSV file as Python's csv module reads it (RFC 4180 with
// the given separator; a Python codec name: utf-8, utf-8-sig, cp1252).
inline std::vector<std::vector<std::string>> python_records(const fs::path& file,
                                                            const std::string& delimiter = ",",
                                                            const std::string& encoding = "utf-8") {
    auto r =
        run("/usr/bin/python3 -c " +
            sh_quote("import csv, json, sys\n"
                     "with open(sys.argv[1], newline='', encoding=sys.argv[3]) as f:\n"
                     "    rows = list(csv.reader(f, delimiter=sys.argv[2], strict=True))\n"
                     "print(json.dumps(rows))\n") +
            " " + sh_quote(file.string()) + " " + sh_quote(delimiter) + " " + sh_quote(encoding));
    EXPECT_EQ(r.exit_code, 0) << r.err;
    if (r.exit_code != 0) return {};
    return nlohmann::json::parse(r.out).get<std::vector<std::vector<std::string>>>();
}

}  // namespace kdx::test::csv
