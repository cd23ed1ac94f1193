// Replays every fuzz corpus input (fuzz/corpus/<target>/) and every input a
// fuzzer once crashed on (tests/robustness/fuzz-regressions/<target>/) through
// the reader its target fuzzes: each must give a result or a kdx::Error.
#include <gtest/gtest.h>

#include <algorithm>
#include <functional>

#include "host/plugin_host.hpp"
#include "kdx/error.hpp"
#include "report/report_template.hpp"
#include "table/mapping.hpp"
#include "test_support.hpp"

namespace kdx::test {
namespace {

const fs::path regressions = KDX_FUZZ_REGRESSION_DIR;
const fs::path corpus = KDX_FUZZ_CORPUS_DIR;

std::vector<fs::path> inputs(const std::string& target) {
    std::vector<fs::path> files;
    for (const fs::path& root : {corpus / target, regressions / target}) {
        std::error_code ec;
        if (!fs::is_directory(root, ec)) continue;
        for (const auto& e : fs::directory_iterator(root))
            if (e.is_regular_file() && e.path().filename().string()[0] != '.')
                files.push_back(e.path());
    }
    std::sort(files.begin(), files.end());
    return files;
}

// Calls read(file) for each input; anything but kdx::Error is a failure.
int replay(const std::string& target, const std::function<void(const fs::path&)>& read) {
    int n = 0;
    for (const fs::path& file : inputs(target)) {
        ++n;
        try {
            read(file);
        } catch (const Error&) {
        } catch (const std::exception& e) {
            ADD_FAILURE() << file << ": " << e.what();
        }
    }
    return n;
}

TEST(FuzzRegression, ReportTemplate) {
    EXPECT_GT(replay("report-template", [](const fs::path& f) { report::read_template(f); }), 0);
}

TEST(FuzzRegression, Mapping) {
    EXPECT_GT(replay("mapping", [](const fs::path& f) { table_detail::load_mapping(f.string()); }),
              0);
}

// The importer plugins, through the host as kdx uses them; the copy gets the
// format's extension, as the fuzz target writes it.
class PluginRegression : public ::testing::TestWithParam<std::string> {};

TEST_P(PluginRegression, Replays) {
    const std::string format_name = GetParam();
    fs::path plugin = plugin_build_dir() / ("kdx_" + format_name + ".so");
    if (!fs::exists(plugin)) GTEST_SKIP() << plugin << " is not built";
    host::PluginHost host;
    const auto& record = host.load_file(plugin);
    auto format = host.find(format_name);
    ASSERT_TRUE(format) << record.describe();
    fs::path copy = scratch_dir() / ("input." + format_name);
    int n = replay(format_name, [&](const fs::path& f) {
        fs::copy_file(f, copy, fs::copy_options::overwrite_existing);
        Diagnostics diagnostics;
        try {
            format->read_dataset(copy, {}, diagnostics);
        } catch (const Error& e) {
            // The host's wrapping of a non-kdx exception: the reader did not
            // reject the input itself.
            EXPECT_NE(std::string(e.what()).rfind("plugin ", 0), 0u) << f << ": " << e.what();
        }
    });
    if (n == 0) GTEST_SKIP() << "no inputs for " << format_name;
}

INSTANTIATE_TEST_SUITE_P(Formats, PluginRegression,
                         ::testing::Values("csv", "xml", "xlsx", "jsonstat"),
                         [](const auto& info) { return info.param; });

}  // namespace
}  // namespace kdx::test
