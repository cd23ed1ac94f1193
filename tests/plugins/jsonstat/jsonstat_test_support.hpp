// The jsonstat format loaded through the host, and Python's json module as the
// independent reader of the same files.
#pragma once

#include <gtest/gtest.h>

#include <map>
#include <memory>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>

#include "host/plugin_host.hpp"
#include "kdx/error.hpp"
#include "test_support.hpp"

namespace kdx::test::jsonstat {

inline const fs::path data = KDX_JSONSTAT_TEST_DATA;

inline std::shared_ptr<const host::LoadedFormat> format() { return built_format("jsonstat"); }

inline ReadResult read(const fs::path& file, const Options& options = {}) {
    return read_with(*format(), file, options);
}

// "where: message" of the error reading `file` gives, or "no error".
inline std::string error_of(const fs::path& file, const Options& options = {}) {
    try {
        read(file, options);
    } catch (const Error& e) {
        return e.where().to_string() + ": " + e.message();
    }
    return "no error";
}

// Runs a Python program with the file as argv[1] and parses what it prints as JSON.
inline nlohmann::json python_json(const std::string& program, const fs::path& file) {
    auto r = run("/usr/bin/python3 -c " + sh_quote(program) + " " + sh_quote(file.string()));
    EXPECT_EQ(r.exit_code, 0) << r.err;
    if (r.exit_code != 0) return nlohmann::json();
    return nlohmann::json::parse(r.out);
}

// The outcome of `indicator` for a municipality and year, or nullptr.
inline const Outcome* find_outcome(const Dataset& d, const std::string& municipality,
                                   const std::string& indicator, int year) {
    for (const Outcome& o : d.outcomes)
        if (o.municipality == municipality && o.indicator == indicator && o.year == year) return &o;
    return nullptr;
}

}  // namespace kdx::test::jsonstat
