// kdx-plugin-check on a correct plugin and on plugins with one fault each:
// the verdict, the check named and the exit code.
#include <sys/stat.h>

#include <regex>

#include "test_support.hpp"

namespace {

namespace fs = std::filesystem;
using kdx::test::CommandResult;
using kdx::test::sh_quote;

fs::path sdk_plugin(const std::string& name) {
    return fs::path(KDX_SDK_TEST_PLUGIN_DIR) / (name == "sample" ? "good" : "broken") /
           ("kdx_" + name + ".so");
}

fs::path host_plugin(const std::string& name) {
    return fs::path(KDX_HOST_TEST_PLUGIN_DIR) / ("kdx_" + name + ".so");
}

CommandResult check(const fs::path& plugin, const std::string& more = "") {
    return kdx::test::run(sh_quote(KDX_PLUGIN_CHECK_EXE) + " " + sh_quote(plugin.string()) +
                          (more.empty() ? "" : " " + more));
}

// The line of one check, e.g. line_of(out, "sample/round-trip"), or "".
std::string line_of(const std::string& out, const std::string& check) {
    std::smatch m;
    std::regex re("(^|\\n)((PASS|FAIL|SKIP)  " +
                  std::regex_replace(check, std::regex("[/.+-]"), "\\$&") + "(: [^\\n]*)?)(\\n|$)");
    return std::regex_search(out, m, re) ? m[2].str() : "";
}

bool passed(const std::string& out, const std::string& check) {
    return line_of(out, check).rfind("PASS", 0) == 0;
}

bool failed(const std::string& out, const std::string& check) {
    return line_of(out, check).rfind("FAIL", 0) == 0;
}

TEST(PluginCheck, CorrectPluginPassesEveryCheck) {
    CommandResult r = check(sdk_plugin("sample"));
    EXPECT_EQ(r.exit_code, 0) << r.out << r.err;
    for (const char* name :
         {"load", "plugin-metadata", "sample/metadata", "sample/round-trip", "sample/options",
          "sample/read-empty-file", "sample/read-random-bytes", "sample/read-truncated",
          "sample/read-folder", "sample/write-missing-folder", "manifest"})
        EXPECT_TRUE(passed(r.out, name)) << name << "\n" << r.out;
    EXPECT_EQ(r.out.find("FAIL"), std::string::npos) << r.out;
    EXPECT_NE(r.out.find("all 11 checks passed"), std::string::npos) << r.out;
    // The sample format carries the whole model, so nothing may be reported missing.
    EXPECT_EQ(line_of(r.out, "sample/round-trip").find("not carried"), std::string::npos) << r.out;
    EXPECT_NE(line_of(r.out, "sample/options").find("indent=-1"), std::string::npos) << r.out;
}

TEST(PluginCheck, WrongAbiFailsTheLoadCheckWithTheHostsReason) {
    CommandResult r = check(host_plugin("wrong_abi"));
    EXPECT_EQ(r.exit_code, 1) << r.out << r.err;
    EXPECT_TRUE(failed(r.out, "load")) << r.out;
    EXPECT_NE(line_of(r.out, "load").find("built for plugin ABI 3.0"), std::string::npos) << r.out;
    EXPECT_NE(r.out.find("1 of 1 checks FAILED"), std::string::npos) << r.out;
}

TEST(PluginCheck, ThrowingRegistrationFailsTheLoadCheck) {
    CommandResult r = check(host_plugin("throws"));
    EXPECT_EQ(r.exit_code, 1) << r.out << r.err;
    EXPECT_NE(line_of(r.out, "load").find("registration failed: cannot start: no licence"),
              std::string::npos)
        << r.out;
}

TEST(PluginCheck, AbortInReadIsAFailNamingTheSignalNotACrash) {
    CommandResult r = check(sdk_plugin("sample-abort"));
    EXPECT_EQ(r.exit_code, 1) << r.out << r.err;
    EXPECT_TRUE(passed(r.out, "sample/metadata")) << r.out;
    EXPECT_NE(line_of(r.out, "sample/round-trip").find("crashed with SIGABRT"), std::string::npos)
        << r.out;
    EXPECT_NE(line_of(r.out, "sample/read-empty-file").find("SIGABRT"), std::string::npos) << r.out;
    // Writing does not read, so it still passes: each check is judged on its own.
    EXPECT_TRUE(passed(r.out, "sample/write-missing-folder")) << r.out;
    EXPECT_NE(r.out.find("checks FAILED"), std::string::npos) << r.out;
}

TEST(PluginCheck, SegfaultInReadIsAFailNamingTheSignal) {
    CommandResult r = check(sdk_plugin("sample-segfault"));
    EXPECT_EQ(r.exit_code, 1) << r.out << r.err;
    EXPECT_NE(line_of(r.out, "sample/round-trip").find("crashed with SIGSEGV"), std::string::npos)
        << r.out;
}

TEST(PluginCheck, StdExceptionEscapingThePluginFails) {
    CommandResult r = check(sdk_plugin("sample-std-exception"));
    EXPECT_EQ(r.exit_code, 1) << r.out << r.err;
    for (const char* name : {"sample/round-trip", "sample/read-empty-file", "sample/read-folder"}) {
        std::string line = line_of(r.out, name);
        EXPECT_TRUE(failed(r.out, name)) << r.out;
        EXPECT_NE(line.find("other than kdx::Error"), std::string::npos) << line;
        EXPECT_NE(line.find("cannot cope"), std::string::npos) << line;
    }
}

TEST(PluginCheck, RoundTripCatchesZeroReadBackAsMissing) {
    CommandResult r = check(sdk_plugin("sample-loses-zero"));
    EXPECT_EQ(r.exit_code, 1) << r.out << r.err;
    std::string line = line_of(r.out, "sample/round-trip");
    EXPECT_TRUE(failed(r.out, "sample/round-trip")) << r.out;
    EXPECT_NE(line.find("settlement 5004/2019 settled: wrote 0, read back missing"),
              std::string::npos)
        << line;
    EXPECT_TRUE(passed(r.out, "sample/read-empty-file")) << r.out;
}

TEST(PluginCheck, BadMetadataIsNamed) {
    CommandResult r = check(sdk_plugin("sample-bad-metadata"));
    EXPECT_EQ(r.exit_code, 1) << r.out << r.err;
    std::string line = line_of(r.out, "Sample Format/metadata");
    EXPECT_TRUE(failed(r.out, "Sample Format/metadata")) << r.out;
    for (const char* problem :
         {"must match [a-z0-9-]+", "no long name", "\".SMP\"", "default \"two\" is not valid"})
        EXPECT_NE(line.find(problem), std::string::npos) << problem << "\n" << line;
    EXPECT_TRUE(passed(r.out, "plugin-metadata")) << r.out;
}

TEST(PluginCheck, WriterNotUsingAtomicFileFailsTheMissingFolderCheck) {
    CommandResult r = check(sdk_plugin("sample-not-atomic"));
    EXPECT_EQ(r.exit_code, 1) << r.out << r.err;
    EXPECT_TRUE(passed(r.out, "sample/round-trip")) << r.out;
    EXPECT_NE(line_of(r.out, "sample/write-missing-folder").find("reported success"),
              std::string::npos)
        << r.out;
}

TEST(PluginCheck, HangingReaderTimesOut) {
    CommandResult r = check(sdk_plugin("sample-hangs"), "--timeout 1");
    EXPECT_EQ(r.exit_code, 1) << r.out << r.err;
    EXPECT_NE(line_of(r.out, "sample/read-empty-file").find("did not finish within 1 s"),
              std::string::npos)
        << r.out;
    EXPECT_TRUE(passed(r.out, "sample/read-random-bytes")) << r.out;
}

TEST(PluginCheck, HostTestPluginThatLosesNamesFailsTheRoundTrip) {
    // tests/host's good plugin writes only municipality numbers and reads them
    // back with made-up names, and takes an empty file for an empty dataset.
    CommandResult r = check(host_plugin("good"));
    EXPECT_EQ(r.exit_code, 1) << r.out << r.err;
    EXPECT_TRUE(passed(r.out, "load")) << r.out;
    EXPECT_TRUE(passed(r.out, "test-good/metadata")) << r.out;
    EXPECT_NE(line_of(r.out, "test-good/round-trip")
                  .find("municipality 5004 name: wrote \"Steinkjer\", "
                        "read back \"M5004\""),
              std::string::npos)
        << r.out;
    EXPECT_TRUE(failed(r.out, "test-good/read-empty-file")) << r.out;
}

TEST(PluginCheck, PluginWritableByOthersIsRefused) {
    fs::path dir = kdx::test::scratch_dir();
    fs::permissions(dir, fs::perms::group_write | fs::perms::others_write,
                    fs::perm_options::remove);
    fs::path copy = dir / "kdx_sample.so";
    fs::copy_file(sdk_plugin("sample"), copy);
    fs::permissions(copy, fs::perms::group_write, fs::perm_options::add);
    CommandResult r = check(copy);
    EXPECT_EQ(r.exit_code, 1) << r.out << r.err;
    EXPECT_NE(line_of(r.out, "load").find("writable by other users"), std::string::npos) << r.out;
}

// The manifest kdx reads instead of loading the plugin: one of another build,
// or one that declares other options, is a FAIL naming the way out (kdx
// would refuse the plugin); none at all is a SKIP.
TEST(PluginCheck, AManifestThatDoesNotMatchTheLibraryFails) {
    const fs::path dir = kdx::test::scratch_dir();
    const fs::path copy = dir / "kdx_sample.so", manifest = dir / "kdx_sample.kdx-manifest.json";
    fs::copy_file(sdk_plugin("sample"), copy);
    ::chmod(copy.c_str(), 0755);
    const std::string good =
        kdx::test::read_file(sdk_plugin("sample").parent_path() / "kdx_sample.kdx-manifest.json");

    CommandResult none = check(copy);
    EXPECT_EQ(none.exit_code, 0) << none.out;
    EXPECT_EQ(line_of(none.out, "manifest").rfind("SKIP  manifest: no manifest", 0), 0u)
        << none.out;

    const std::regex build_id("\"build_id\": *\"[0-9a-f]+\"");
    kdx::test::write_file(manifest,
                          std::regex_replace(good, build_id, "\"build_id\": \"0123abcd\""));
    CommandResult other_build = check(copy);
    EXPECT_EQ(other_build.exit_code, 1) << other_build.out;
    EXPECT_TRUE(failed(other_build.out, "manifest")) << other_build.out;
    EXPECT_NE(line_of(other_build.out, "manifest").find("is of another build (build ID 0123abcd"),
              std::string::npos)
        << other_build.out;
    EXPECT_NE(line_of(other_build.out, "manifest").find("run kdx-plugin-manifest " + copy.string()),
              std::string::npos);

    // The same build, but an option's default edited by hand.
    const std::string edited =
        std::regex_replace(good, std::regex("\"default\": *\"-1\""), "\"default\": \"3\"",
                           std::regex_constants::format_first_only);
    ASSERT_NE(edited, good) << good;
    kdx::test::write_file(manifest, edited);
    CommandResult other_options = check(copy);
    EXPECT_EQ(other_options.exit_code, 1) << other_options.out;
    EXPECT_NE(line_of(other_options.out, "manifest").find("options differ"), std::string::npos)
        << other_options.out;
}

TEST(PluginCheck, DatasetOptionReadsTheFileWithTheXmlPlugin) {
    fs::path xml_plugin = kdx::test::plugin_build_dir() / "kdx_xml.so";
    fs::path nominees = kdx::test::source_dir() / "examples" / "data" / "nominees-2018.xml";
    if (!fs::exists(xml_plugin)) {
        // Without the xml plugin the option cannot work, and must say so.
        CommandResult r = check(sdk_plugin("sample"), "--dataset " + sh_quote(nominees.string()));
        EXPECT_EQ(r.exit_code, 2) << r.out << r.err;
        EXPECT_NE(r.err.find("needs the kdx XML plugin"), std::string::npos) << r.err;
        return;
    }
    if (!fs::exists(nominees)) GTEST_SKIP() << nominees << " is not there";
    CommandResult r = check(sdk_plugin("sample"), "--dataset " + sh_quote(nominees.string()));
    EXPECT_EQ(r.exit_code, 0) << r.out << r.err;
    EXPECT_TRUE(passed(r.out, "sample/round-trip")) << r.out;
    CommandResult missing = check(sdk_plugin("sample"), "--dataset /nonexistent/data.xml");
    EXPECT_EQ(missing.exit_code, 2) << missing.out << missing.err;
}

TEST(PluginCheck, UsageErrorsExitWithTwo) {
    EXPECT_EQ(check("/nonexistent/kdx_x.so").exit_code, 2);
    EXPECT_EQ(kdx::test::run(sh_quote(KDX_PLUGIN_CHECK_EXE)).exit_code, 2);
    CommandResult r = check(sdk_plugin("sample"), "--timeout 0");
    EXPECT_EQ(r.exit_code, 2) << r.out << r.err;
}

}  // namespace
