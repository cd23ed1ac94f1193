// Plugins that misbehave (tests/robustness/plugins/fault_plugin.cpp): kdx names
// the plugin and what it did, and the output target keeps its earlier file.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "host/plugin_host.hpp"
#include "kdx/error.hpp"
#include "test_support.hpp"

namespace kdx::test {
namespace {

using ::testing::HasSubstr;

const fs::path fault_dir = KDX_FAULT_PLUGIN_DIR;
const fs::path fault_plugin = fault_dir / "kdx_fault.so";
const std::string earlier = "an earlier file of this name\n";

class PluginFault : public ::testing::Test {
  protected:
    void SetUp() override {
        dir = scratch_dir();
        write_file(dir / "in.csv", "Kommunenr;År;Bosatt\n0301;2018;512\n");
    }
    // kdx with the fault plugin and the build tree's plugins.
    CommandResult kdx(const std::string& args) {
        return run_kdx("--plugin-dir=" + sh_quote(fault_dir.string()) + " " + args);
    }
    std::string in() const { return sh_quote((dir / "in.csv").string()); }
    fs::path dir;
};

std::vector<fs::path> leftovers(const fs::path& folder) {
    std::vector<fs::path> out;
    for (const auto& e : fs::directory_iterator(folder))
        if (e.path().filename().string().find(".kdx-") != std::string::npos)
            out.push_back(e.path());
    return out;
}

TEST_F(PluginFault, ThrowFromWriteIsReportedWithPluginAndKeepsTarget) {
    fs::path target = dir / "out.throw";
    write_file(target, earlier);
    CommandResult r = kdx("convert " + in() + " " + sh_quote(target.string()));
    EXPECT_EQ(r.exit_code, 1);
    EXPECT_THAT(r.err, HasSubstr("plugin fault (" + fault_plugin.string() +
                                 ") failed: the disk is on fire"));
    EXPECT_EQ(read_file(target), earlier);
    EXPECT_TRUE(leftovers(dir).empty()) << "temporary file left: " << leftovers(dir).front();
}

// A plugin that calls abort() or crashes runs in a child process (it is not
// kdx's own), so kdx reports it; plugin_isolation_test.cpp has the details.
TEST_F(PluginFault, AbortOrCrashIsAnErrorAndLeavesTheTarget) {
    for (const std::string ext : {"abort", "segv"}) {
        fs::path target = dir / ("out." + ext);
        write_file(target, earlier);
        CommandResult r = kdx("convert " + in() + " " + sh_quote(target.string()));
        EXPECT_EQ(r.exit_code, 1) << ext << ": " << r.err;
        EXPECT_THAT(r.err, HasSubstr("plugin fault (" + fault_plugin.string() + ")")) << ext;
        EXPECT_EQ(read_file(target), earlier) << ext;
        EXPECT_TRUE(leftovers(dir).empty()) << ext;
    }
}

TEST_F(PluginFault, WriterThatWritesNothingIsCaught) {
    fs::path target = dir / "out.empty";
    CommandResult r = kdx("convert " + in() + " " + sh_quote(target.string()));
    EXPECT_EQ(r.exit_code, 1);
    EXPECT_THAT(r.err, HasSubstr("plugin fault (" + fault_plugin.string() +
                                 ") reported success but wrote no " + target.string()));
    EXPECT_THAT(r.err, Not(HasSubstr("kdx: wrote")));
}

TEST_F(PluginFault, EmptyDatasetFromReaderWritesNothing) {
    write_file(dir / "in.empty", "anything");
    fs::path target = dir / "out.csv";
    write_file(target, earlier);
    CommandResult r =
        kdx("convert " + sh_quote((dir / "in.empty").string()) + " " + sh_quote(target.string()));
    EXPECT_EQ(r.exit_code, 1) << r.err;
    EXPECT_THAT(r.err, HasSubstr("nothing usable was read from " + (dir / "in.empty").string() +
                                 "; no output written"));
    EXPECT_EQ(read_file(target), earlier);
}

// Nonsense from a reader (bytes that are not UTF-8, control characters, a
// negative year, NaN and infinite counts, an unknown municipality) is found
// by validation: errors named, exit 1, no crash.
TEST_F(PluginFault, GarbageFromReaderIsRejectedByValidation) {
    write_file(dir / "in.garbage", "anything");
    CommandResult r = kdx("validate " + sh_quote((dir / "in.garbage").string()));
    EXPECT_EQ(r.exit_code, 1) << r.out << r.err;
    std::string all = r.out + r.err;
    EXPECT_THAT(all, HasSubstr("error"));

    fs::path target = dir / "out.csv";
    write_file(target, earlier);
    CommandResult c =
        kdx("convert " + sh_quote((dir / "in.garbage").string()) + " " + sh_quote(target.string()));
    EXPECT_EQ(c.exit_code, 1) << c.err;
    // The records are written (kdx writes what it has and says what is wrong),
    // as UTF-8 text a CSV reader takes: bad bytes become U+FFFD, with a warning.
    EXPECT_THAT(c.err, HasSubstr("fields held bytes that are not UTF-8"));
    if (!have_program("/usr/bin/python3")) GTEST_SKIP() << "python3 is not installed";
    CommandResult py =
        run("/usr/bin/python3 -c " +
            sh_quote("import csv,sys\n"
                     "rows=list(csv.reader(open(sys.argv[1],encoding='utf-8',newline='')))\n"
                     "print(len(rows), rows[1][0] == '03\\ufffd\\x01')") +
            " " + sh_quote(target.string()));
    EXPECT_EQ(py.exit_code, 0) << py.err;
    EXPECT_EQ(py.out, "3 True\n");
}

TEST_F(PluginFault, HostCatchesTheThrowInProcess) {
    host::PluginHost host;
    const auto& record = host.load_file(fault_plugin);
    ASSERT_EQ(record.status, host::PluginRecord::Status::loaded) << record.describe();
    auto format = host.find("fault-throw");
    ASSERT_TRUE(format);
    Diagnostics diagnostics;
    Dataset d = format->read_dataset(dir / "in.csv", {}, diagnostics);
    fs::path target = dir / "out.throw";
    write_file(target, earlier);
    try {
        format->write_dataset(d, target, {}, diagnostics);
        ADD_FAILURE() << "no error";
    } catch (const Error& e) {
        EXPECT_THAT(e.what(), HasSubstr("plugin fault (" + fault_plugin.string() + ") failed"));
    }
    EXPECT_EQ(read_file(target), earlier);
}

// kdx-plugin-check runs each check in a child process, so it reports a plugin
// that aborts instead of dying with it.
TEST_F(PluginFault, PluginCheckReportsTheCrash) {
    fs::path checker = fs::path(KDX_BUILD_DIR) / "bin" / "kdx-plugin-check";
    if (!fs::exists(checker)) GTEST_SKIP() << "kdx-plugin-check is not built";
    CommandResult r = run(sh_quote(checker.string()) + " " + sh_quote(fault_plugin.string()));
    EXPECT_EQ(r.exit_code, 1) << r.out << r.err;
    EXPECT_THAT(r.out, HasSubstr("SIGABRT"));
    // A segfault is SIGSEGV, or in a sanitizer build the sanitizer's exit.
    EXPECT_THAT(r.out, HasSubstr("FAIL  fault-segv/round-trip: "));
    EXPECT_THAT(r.out, HasSubstr("fault-abort/"));
}

}  // namespace
}  // namespace kdx::test
