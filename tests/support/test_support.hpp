// Small helpers shared by the tests: scratch folders, running commands,
// reading files. Test data paths come from compile definitions.
#pragma once

#include <gtest/gtest.h>
#include <sys/wait.h>

#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <map>
#include <memory>
#include <sstream>
#include <string>
#include <vector>

#include "host/plugin_host.hpp"

namespace kdx::test {

namespace fs = std::filesystem;

inline fs::path source_dir() { return KDX_SOURCE_DIR; }
inline fs::path data_dir() { return KDX_TEST_DATA_DIR; }
inline fs::path plugin_build_dir() { return KDX_PLUGIN_BUILD_DIR; }
inline fs::path kdx_exe() { return KDX_EXE; }

// The format `name` from the build tree's kdx_<name>.so, loaded once per test
// program; fails the test if the plugin did not load.
inline std::shared_ptr<const host::LoadedFormat> built_format(const std::string& name) {
    static std::map<std::string, std::unique_ptr<host::PluginHost>> hosts;
    std::unique_ptr<host::PluginHost>& host = hosts[name];
    if (!host) {
        host = std::make_unique<host::PluginHost>();
        host->load_file(plugin_build_dir() / ("kdx_" + name + ".so"));
    }
    auto f = host->find(name);
    if (!f)
        ADD_FAILURE() << "kdx_" << name
                      << ".so did not load: " << host->plugins().front().describe();
    return f;
}

// A fresh, empty folder for the running test under the build tree.
inline fs::path scratch_dir() {
    const auto* info = ::testing::UnitTest::GetInstance()->current_test_info();
    fs::path dir =
        fs::path(KDX_BUILD_DIR) / "test-scratch" / info->test_suite_name() / info->name();
    fs::remove_all(dir);
    fs::create_directories(dir);
    return dir;
}

inline std::string read_file(const fs::path& p) {
    std::ifstream in(p, std::ios::binary);
    std::ostringstream s;
    s << in.rdbuf();
    return s.str();
}

inline void write_file(const fs::path& p, const std::string& content) {
    std::ofstream out(p, std::ios::binary);
    out << content;
}

// Quotes a word for /bin/sh.
inline std::string sh_quote(const std::string& s) {
    std::string q = "'";
    for (char c : s) q += (c == '\'') ? std::string("'\\''") : std::string(1, c);
    return q + "'";
}

struct CommandResult {
    int exit_code = -1;
    std::string out;  // stdout
    std::string err;  // stderr
};

// Runs a /bin/sh command line, capturing stdout and stderr separately.
inline CommandResult run(const std::string& command) {
    const auto* info = ::testing::UnitTest::GetInstance()->current_test_info();
    fs::path dir = fs::path(KDX_BUILD_DIR) / "test-scratch" / "run" /
                   (std::string(info->test_suite_name()) + "." + info->name());
    fs::create_directories(dir);
    fs::path out = dir / "stdout", err = dir / "stderr";
    std::string line =
        "(" + command + ") >" + sh_quote(out.string()) + " 2>" + sh_quote(err.string());
    int status = std::system(line.c_str());
    CommandResult r;
    r.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
    r.out = read_file(out);
    r.err = read_file(err);
    return r;
}

// Runs the kdx command built in this tree with the given arguments (already quoted).
inline CommandResult run_kdx(const std::string& args) {
    return run(sh_quote(kdx_exe().string()) + " " + args);
}

// The one file with extension `ext` in `dir`, as a command that writes one
// file per format leaves it; a failure when there is none or more than one.
inline std::filesystem::path only_file(const std::filesystem::path& dir, const std::string& ext) {
    std::filesystem::path found;
    for (const auto& e : std::filesystem::directory_iterator(dir))
        if (e.path().extension() == ext) {
            EXPECT_TRUE(found.empty()) << "two " << ext << " files in " << dir;
            found = e.path();
        }
    EXPECT_FALSE(found.empty()) << "no " << ext << " file in " << dir;
    return found;
}

// True when a program is on PATH.
inline bool have_program(const std::string& name) {
    return std::system(("command -v " + sh_quote(name) + " >/dev/null 2>&1").c_str()) == 0;
}

// A dataset as read or imported, with the diagnostics that came with it.
struct ReadResult {
    Dataset dataset;
    Diagnostics diagnostics;

    // Diagnostics of one severity as "where: message".
    std::vector<std::string> messages(Severity s) const {
        std::vector<std::string> out;
        for (const Diagnostic& d : diagnostics.items())
            if (d.severity == s) out.push_back(d.where.to_string() + ": " + d.message);
        return out;
    }
};

// Reads `file` with a format loaded from the build tree (see built_format()).
inline ReadResult read_with(const host::LoadedFormat& format, const fs::path& file,
                            const Options& options = {}) {
    ReadResult r;
    r.dataset = format.read_dataset(file, options, r.diagnostics);
    return r;
}

}  // namespace kdx::test
