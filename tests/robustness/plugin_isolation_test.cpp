// Plugins in a child process (--isolate, core/src/host/isolated_plugin.hpp):
// a plugin that crashes, aborts, hangs or runs out of memory is an error that
// names it and what kdx was doing, exit 1, and the target keeps its earlier
// file; --isolate=none and --isolate=all do what docs/robustness.md says.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <chrono>
#include <csignal>

#include "test_support.hpp"

namespace kdx::test {
namespace {

using ::testing::HasSubstr;
using ::testing::Not;

const fs::path fault_dir = KDX_FAULT_PLUGIN_DIR;
const fs::path fault_plugin = fault_dir / "kdx_fault.so";
const fs::path limits_dir = KDX_LIMITS_PLUGIN_DIR;
const fs::path limits_plugin = limits_dir / "kdx_fault_limits.so";
const fs::path crash_dir = KDX_CRASH_PLUGIN_DIR;
const fs::path crash_plugin = crash_dir / "kdx_crash_on_load.so";
const std::string earlier = "an earlier file of this name\n";

// AddressSanitizer reserves address space far beyond any memory limit.
#if defined(__SANITIZE_ADDRESS__)
constexpr bool address_sanitizer = true;
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
constexpr bool address_sanitizer = true;
#else
constexpr bool address_sanitizer = false;
#endif
#else
constexpr bool address_sanitizer = false;
#endif

class PluginIsolation : public ::testing::Test {
  protected:
    void SetUp() override {
        dir = scratch_dir();
        write_file(dir / "in.csv", "Kommunenr;År;Bosatt\n0301;2018;512\n");
    }
    // kdx with the test plugins and the build tree's own.
    CommandResult kdx(const std::string& args) {
        return run_kdx("--plugin-dir=" + sh_quote(fault_dir.string()) +
                       " --plugin-dir=" + sh_quote(limits_dir.string()) + " " + args);
    }
    // `kdx convert in.csv out.EXT` over an earlier out.EXT.
    CommandResult convert(const std::string& ext, const std::string& options = "") {
        target = dir / ("out." + ext);
        write_file(target, earlier);
        return kdx(options + " convert " + sh_quote((dir / "in.csv").string()) + " " +
                   sh_quote(target.string()));
    }
    // The files AtomicFile leaves beside a target when nobody removes them.
    std::vector<fs::path> leftovers() const {
        std::vector<fs::path> out;
        for (const auto& e : fs::directory_iterator(dir))
            if (e.path().filename().string().find(".kdx-") != std::string::npos)
                out.push_back(e.path());
        return out;
    }
    fs::path dir;
    fs::path target;
};

// The issue's own words: "error: plugin jsonstat crashed (SIGSEGV) while
// writing out.json", with the plugin's file for the one to blame.
TEST_F(PluginIsolation, ASegfaultIsAnErrorNamingThePluginAndTheTarget) {
    CommandResult r = convert("segv");
    EXPECT_EQ(r.exit_code, 1) << r.err;
    // (scripts/test-sanitize lets a segfault be SIGSEGV: handle_segv=0.)
    EXPECT_THAT(r.err, HasSubstr("error: plugin fault (" + fault_plugin.string() +
                                 ") crashed (SIGSEGV) while writing " + target.string() + "\n"));
    EXPECT_THAT(r.err, Not(HasSubstr("kdx: wrote")));
    EXPECT_EQ(read_file(target), earlier);
    EXPECT_TRUE(leftovers().empty()) << "temporary file left: " << leftovers().front();
}

TEST_F(PluginIsolation, AnAbortIsAnError) {
    CommandResult r = convert("abort");
    EXPECT_EQ(r.exit_code, 1) << r.err;
    EXPECT_THAT(r.err, HasSubstr("error: plugin fault (" + fault_plugin.string() +
                                 ") aborted (SIGABRT) while writing " + target.string()));
    EXPECT_EQ(read_file(target), earlier);
    EXPECT_TRUE(leftovers().empty());
}

// What the plugin throws comes back through the child as it would in process.
TEST_F(PluginIsolation, AThrowIsReportedAsInProcess) {
    CommandResult isolated = convert("throw");
    CommandResult in_process = convert("throw", "--isolate=none");
    EXPECT_EQ(isolated.exit_code, 1);
    EXPECT_EQ(in_process.exit_code, 1);
    EXPECT_THAT(isolated.err, HasSubstr("plugin fault (" + fault_plugin.string() +
                                        ") failed: the disk is on fire"));
    EXPECT_EQ(isolated.err, in_process.err);
    EXPECT_EQ(read_file(target), earlier);
}

TEST_F(PluginIsolation, AHangIsStoppedAfterTheTimeout) {
    const auto start = std::chrono::steady_clock::now();
    CommandResult r = convert("hang", "--plugin-timeout=1");
    const auto seconds =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    EXPECT_EQ(r.exit_code, 1) << r.err;
    EXPECT_THAT(r.err, HasSubstr("error: plugin limits (" + limits_plugin.string() +
                                 ") did not finish within 1 s (--plugin-timeout) and was stopped "
                                 "while writing " +
                                 target.string()));
    EXPECT_LT(seconds, 30) << "the hanging plugin was not stopped";
    EXPECT_EQ(read_file(target), earlier);
    EXPECT_TRUE(leftovers().empty());
}

// The report commands write documents on several threads: each child has its
// own timeout, and the first failure is the command's.
TEST_F(PluginIsolation, AHangingReportWriterIsStoppedToo) {
    fs::path out = dir / "reports";
    CommandResult r =
        kdx("--plugin-timeout=0.5 report -t council-report -d " +
            sh_quote((source_dir() / "examples/data/nominees-2018.xml").string()) +
            " --municipality 5004 --year 2014 --format fault-hang --out " + sh_quote(out.string()));
    EXPECT_EQ(r.exit_code, 1) << r.err;
    EXPECT_THAT(r.err, HasSubstr("did not finish within 0.5 s (--plugin-timeout)"));
    if (fs::exists(out))
        for (const auto& e : fs::directory_iterator(out)) ADD_FAILURE() << "left " << e.path();
}

TEST_F(PluginIsolation, RunningOutOfMemoryUnderTheLimitIsAnError) {
    if (address_sanitizer)
        GTEST_SKIP() << "AddressSanitizer reserves more address space than any limit allows";
    CommandResult r = convert("oom", "--plugin-memory=256");
    EXPECT_EQ(r.exit_code, 1) << r.err;
    EXPECT_THAT(r.err, HasSubstr("error: plugin limits (" + limits_plugin.string() +
                                 ") ran out of memory (limit 256 MiB, --plugin-memory) while "
                                 "writing " +
                                 target.string()));
    EXPECT_EQ(read_file(target), earlier);
    EXPECT_TRUE(leftovers().empty());
}

// --isolate=none: the plugin runs inside kdx, as before; its abort ends kdx
// (134, or 1 from a sanitizer) and leaves its temporary file, though not in
// the target's place.
TEST_F(PluginIsolation, NoneRunsThePluginInsideKdx) {
    CommandResult r = convert("abort", "--isolate=none");
    EXPECT_NE(r.exit_code, 0);
    EXPECT_THAT(r.err, Not(HasSubstr("aborted (SIGABRT)")));
    EXPECT_EQ(read_file(target), earlier);
    EXPECT_FALSE(leftovers().empty());
}

// Which plugins go to the child shows in where kdx looks for the runner: a
// runner that is not there fails the calls that need it, and only those.
TEST_F(PluginIsolation, ThirdPartyIsTheDefaultAndAllIncludesKdxsOwn) {
    const std::string missing = "KDX_PLUGIN_RUNNER=" + sh_quote((dir / "no-runner").string()) + " ";
    const std::string convert_csv = "convert " + sh_quote((dir / "in.csv").string()) + " ";
    // csv is kdx's own: in process by default.
    CommandResult own = run(missing + sh_quote(kdx_exe().string()) + " " + convert_csv +
                            sh_quote((dir / "a.csv").string()));
    EXPECT_EQ(own.exit_code, 0) << own.err;
    CommandResult all = run(missing + sh_quote(kdx_exe().string()) + " --isolate=all " +
                            convert_csv + sh_quote((dir / "b.csv").string()));
    EXPECT_EQ(all.exit_code, 1);
    EXPECT_THAT(all.err,
                HasSubstr("cannot start " + (dir / "no-runner").string() + " for plugin csv ("));
    EXPECT_FALSE(fs::exists(dir / "b.csv"));
    // The fault plugin is not kdx's own: in a child by default, also for
    // reading, and even when --plugin-dir names kdx's own folder.
    write_file(dir / "in.throw", "anything");
    CommandResult third = run(
        missing + sh_quote(kdx_exe().string()) + " --plugin-dir=" + sh_quote(fault_dir.string()) +
        " --plugin-dir=" + sh_quote(plugin_build_dir().string()) + " convert " +
        sh_quote((dir / "in.throw").string()) + " " + sh_quote((dir / "c.csv").string()));
    // Without a manifest, its formats are read by the runner too: without
    // one, the plugin cannot be used, and the error says why.
    EXPECT_NE(third.exit_code, 0);
    EXPECT_THAT(third.err, HasSubstr("cannot start " + (dir / "no-runner").string() +
                                     " for plugin fault (" + fault_plugin.string() + ")"));
    EXPECT_THAT(third.err, Not(HasSubstr("plugin csv (")));
}

// A third-party plugin without a manifest is not loaded into kdx even to
// learn its formats: the runner reads its declaration. One that crashes
// while registering is a failed plugin, and kdx goes on with the others;
// kdx plugins lists it and, having listed them all, exits 1.
TEST_F(PluginIsolation, APluginWithoutManifestIsReadInAChildAndItsCrashIsNamed) {
    ASSERT_FALSE(fs::exists(crash_dir / "kdx_crash_on_load.kdx-manifest.json"));
    const std::string plugins = "--plugin-dir=" + sh_quote(crash_dir.string()) + " plugins";
    CommandResult listed = run_kdx(plugins);
    EXPECT_EQ(listed.exit_code, 1) << listed.err;
    EXPECT_THAT(listed.err, HasSubstr("kdx: 1 plugin could not be used (FAILED)"));
    EXPECT_THAT(listed.out, HasSubstr("  ready  csv "));  // declared by its manifest
    const std::string said = listed.out + listed.err;
    EXPECT_THAT(said, HasSubstr("FAILED  crash_on_load   " + crash_plugin.string() +
                                " (--plugin-dir)\n      crashed (SIGSEGV) while loading\n"));
    EXPECT_THAT(listed.out, HasSubstr("csv"));  // kdx's own plugins are still listed

    // The fault plugin has no manifest either: its formats come from the
    // runner, and its calls work as before.
    CommandResult convert_fault = convert("throw");
    EXPECT_EQ(convert_fault.exit_code, 1);
    EXPECT_THAT(convert_fault.err, HasSubstr("plugin fault (" + fault_plugin.string() + ")"));
    EXPECT_EQ(read_file(target), earlier);

    // In process, the same plugin takes kdx down at start.
    CommandResult inside = run_kdx("--isolate=none " + plugins);
    EXPECT_EQ(inside.exit_code, 128 + SIGSEGV) << inside.err;
}

// --json: stdout holds the document alone, also when a plugin prints, in a
// child or in process; what the plugin printed goes to stderr.
TEST_F(PluginIsolation, WhatAPluginPrintsStaysOutOfTheJsonDocument) {
    for (const std::string mode : {"third-party", "none"}) {
        CommandResult r = convert("chatty", "--json --isolate=" + mode);
        EXPECT_EQ(r.exit_code, 0) << mode << ": " << r.err;
        ASSERT_FALSE(r.out.empty()) << mode;
        EXPECT_EQ(r.out.front(), '{') << mode << ": " << r.out;
        EXPECT_THAT(r.out, Not(HasSubstr("HELLO"))) << mode;
        EXPECT_THAT(r.out, HasSubstr("\"exit_code\":0")) << mode << ": " << r.out;
        EXPECT_THAT(r.err, HasSubstr("HELLO FROM PLUGIN (puts)")) << mode;
        EXPECT_THAT(r.err, HasSubstr("HELLO FROM PLUGIN (cout)")) << mode;
        EXPECT_EQ(read_file(target).rfind("half-written 1\n", 0), 0u) << mode;  // written
    }
}

// --json tells a broken plugin from bad input, which share exit code 1: a
// crash is listed under plugin_failures with the plugin and what it did; an
// error the plugin reports is not.
TEST_F(PluginIsolation, JsonListsAPluginWhoseChildEndedAbnormally) {
    // The document, valid against docs/cli-json.schema.json, as "path=value"
    // lines (tests/cli/json_check.py, python3-jsonschema).
    auto fields = [this](const CommandResult& r) {
        write_file(dir / "document.json", r.out);
        CommandResult check = run(
            "/usr/bin/python3 " + sh_quote((source_dir() / "tests/cli/json_check.py").string()) +
            " " + sh_quote((source_dir() / "docs/cli-json.schema.json").string()) + " " +
            sh_quote((dir / "document.json").string()));
        EXPECT_EQ(check.exit_code, 0) << check.out << check.err << r.out;
        return check.out;
    };
    CommandResult crashed = convert("segv", "--json");
    EXPECT_EQ(crashed.exit_code, 1) << crashed.err;
    const std::string listed = fields(crashed);
    EXPECT_THAT(listed, HasSubstr("plugin_failures.size=1\n"));
    EXPECT_THAT(listed, HasSubstr("plugin_failures.0.plugin=fault\n"));
    EXPECT_THAT(listed, HasSubstr("plugin_failures.0.file=" + fault_plugin.string() + "\n"));
    EXPECT_THAT(listed, HasSubstr("plugin_failures.0.what=crashed (SIGSEGV) while writing " +
                                  target.string() + "\n"));
    CommandResult reported = convert("throw", "--json");
    EXPECT_EQ(reported.exit_code, 1) << reported.err;
    const std::string said = fields(reported);
    EXPECT_THAT(said, HasSubstr("the disk is on fire"));
    EXPECT_THAT(said, Not(HasSubstr("plugin_failures")));
}

// A recipe's `isolate` is the run's --isolate; the command line's wins.
TEST_F(PluginIsolation, ARecipeChoosesTooAndTheCommandLineWins) {
    write_file(dir / "job.yaml",
               "isolate: all\nsteps:\n  - convert: {input: in.csv, output: out.csv}\n");
    const std::string missing = "KDX_PLUGIN_RUNNER=" + sh_quote((dir / "no-runner").string()) + " ";
    CommandResult recipe = run(missing + sh_quote(kdx_exe().string()) + " run " +
                               sh_quote((dir / "job.yaml").string()));
    EXPECT_NE(recipe.exit_code, 0);
    EXPECT_THAT(recipe.err,
                HasSubstr("cannot start " + (dir / "no-runner").string() + " for plugin csv ("));
    EXPECT_FALSE(fs::exists(dir / "out.csv"));
    CommandResult given = run(missing + sh_quote(kdx_exe().string()) + " --isolate=none run " +
                              sh_quote((dir / "job.yaml").string()));
    EXPECT_EQ(given.exit_code, 0) << given.err;
    EXPECT_TRUE(fs::exists(dir / "out.csv"));
}

TEST_F(PluginIsolation, AWrongValueIsAUsageError) {
    CommandResult r = convert("csv", "--isolate=some");
    EXPECT_NE(r.exit_code, 0);
    EXPECT_THAT(r.err, HasSubstr("--isolate"));
    EXPECT_EQ(read_file(target), earlier);
}

// Limits that cannot apply, values that are no limits and a plugin folder
// that is not there are usage mistakes said in words, before anything runs.
TEST_F(PluginIsolation, LimitsAndFoldersThatCannotApplyAreUsageErrors) {
    struct Case {
        std::string options, said;
    };
    for (const Case& c : std::vector<Case>{
             {"--plugin-timeout 0", "takes a number of seconds above 0, found \"0\""},
             {"--plugin-timeout abc", "takes a number of seconds above 0, found \"abc\""},
             {"--plugin-memory -1", "takes a whole number of MiB above 0, found \"-1\""},
             {"--isolate=none --plugin-timeout 2",
              "--plugin-timeout limits plugins in a child process, and --isolate=none"},
             {"--plugin-dir " + sh_quote((dir / "no-such-folder").string()),
              "--plugin-dir " + (dir / "no-such-folder").string() + " does not exist"},
             {"--plugin-dir " + sh_quote(fault_plugin.string()),
              "--plugin-dir " + fault_plugin.string() + " is not a folder"},
         }) {
        CommandResult r = convert("csv", c.options);
        EXPECT_EQ(r.exit_code, 2) << c.options << ": " << r.err;
        EXPECT_THAT(r.err, HasSubstr(c.said)) << c.options;
        EXPECT_THAT(r.err.size(), ::testing::Lt(400u)) << c.options << ": " << r.err;
        EXPECT_EQ(read_file(target), earlier) << c.options;
    }
}

// The same bytes from a plugin in a child as in process: the dataset, the
// report document, options and diagnostics cross the serialisation intact.
TEST_F(PluginIsolation, TheExampleDataGiveTheSameBytesInAChild) {
    const fs::path data = source_dir() / "examples/data/nominees-2018.xml";
    const std::string env = "SOURCE_DATE_EPOCH=1735603200 ";
    // Each mode writes the same file name in a folder of its own, so that
    // the messages can be compared too.
    fs::create_directories(dir / "none");
    fs::create_directories(dir / "all");
    auto convert_in = [&](const std::string& mode, const std::string& ext) {
        return run("cd " + sh_quote((dir / mode).string()) + " && " + env +
                   sh_quote(kdx_exe().string()) + " --isolate=" + mode + " convert " +
                   sh_quote(data.string()) + " out." + ext);
    };
    for (const std::string ext : {"xml", "csv", "jsonstat", "xlsx"}) {
        CommandResult none = convert_in("none", ext);
        CommandResult all = convert_in("all", ext);
        EXPECT_EQ(all.exit_code, none.exit_code) << ext << ": " << all.err;
        EXPECT_EQ(all.err, none.err) << ext;
        ASSERT_TRUE(fs::exists(dir / "none" / ("out." + ext))) << ext << ": " << none.err;
        EXPECT_EQ(read_file(dir / "all" / ("out." + ext)), read_file(dir / "none" / ("out." + ext)))
            << ext;
    }
    for (const std::string mode : {"none", "all"}) {
        CommandResult r = run(env + sh_quote(kdx_exe().string()) + " --isolate=" + mode +
                              " dossier --year 2018 -d " + sh_quote(data.string()) +
                              " --format xml,pdf,xlsx,html --out " +
                              sh_quote((dir / mode / "dossiers").string()));
        ASSERT_EQ(r.exit_code, 0) << mode << ": " << r.err;
    }
    std::size_t compared = 0;
    for (const auto& e : fs::directory_iterator(dir / "none" / "dossiers")) {
        const fs::path other = dir / "all" / "dossiers" / e.path().filename();
        ASSERT_TRUE(fs::exists(other)) << other;
        EXPECT_EQ(read_file(other), read_file(e.path())) << e.path().filename();
        ++compared;
    }
    EXPECT_GE(compared, 4u);
}

}  // namespace
}  // namespace kdx::test
