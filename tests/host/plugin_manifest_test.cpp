// Plugin manifests: kdx reads a plugin's declaration from the manifest
// kdx-plugin-manifest wrote beside it at build time, loads the library only
// when a format of it is used, and refuses a manifest that is not its
// library's. Checked with the real test plugins and their real manifests.
#include <dlfcn.h>
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "host/plugin_host.hpp"
#include "kdx/error.hpp"
#include "kdx/version.hpp"
#include "test_support.hpp"

namespace {

namespace fs = std::filesystem;
using kdx::host::PluginHost;
using kdx::host::PluginRecord;
using kdx::test::read_file;
using kdx::test::run;
using kdx::test::run_kdx;
using kdx::test::sh_quote;
using kdx::test::write_file;
using ::testing::HasSubstr;
using ::testing::StartsWith;

const fs::path plugin_dir = KDX_TEST_PLUGIN_DIR;
const fs::path lazy_dir = plugin_dir / "lazy";

kdx::host::SearchOptions only(fs::path dir) {
    kdx::host::SearchOptions o;
    o.plugin_dirs = {std::move(dir)};
    o.use_environment = false;
    o.use_defaults = false;
    return o;
}

std::string abi_text() {
    return std::to_string(kdx::abi_major) + "." + std::to_string(kdx::abi_minor);
}

// Whether this process has that very file loaded (dlopen matches by file, so
// a copy in a scratch folder is told from the original).
bool is_loaded(const fs::path& library) {
    void* handle = ::dlopen(library.c_str(), RTLD_LAZY | RTLD_NOLOAD);
    if (handle) ::dlclose(handle);
    return handle != nullptr;
}

// A scratch folder with the good plugin and, if wanted, its manifest.
struct Copy {
    fs::path dir = kdx::test::scratch_dir();
    fs::path library = dir / "kdx_good.so";
    fs::path manifest = dir / "kdx_good.kdx-manifest.json";
    explicit Copy(bool with_manifest = true) {
        fs::copy_file(plugin_dir / "kdx_good.so", library);
        if (with_manifest) fs::copy_file(plugin_dir / "kdx_good.kdx-manifest.json", manifest);
    }
    void edit_manifest(const std::string& from, const std::string& to) const {
        std::string text = read_file(manifest);
        auto at = text.find(from);
        ASSERT_NE(at, std::string::npos) << from;
        write_file(manifest, text.replace(at, from.size(), to));
    }
};

const PluginRecord& only_record(const PluginHost& host) {
    if (host.plugins().size() != 1) throw std::runtime_error("expected one plugin record");
    return host.plugins().front();
}

TEST(PluginManifest, IsWrittenBesideThePluginWithWhatItsSourceDeclares) {
    const fs::path manifest = plugin_dir / "kdx_good.kdx-manifest.json";
    ASSERT_TRUE(fs::exists(manifest));
    // The build ID as binutils reads it from the library, not as kdx does.
    auto id = run("readelf -n " + sh_quote((plugin_dir / "kdx_good.so").string()) +
                  " | sed -n 's/.*Build ID: *//p'");
    ASSERT_EQ(id.exit_code, 0) << id.err;
    ASSERT_EQ(id.out.size(), 41u) << id.out;  // sha1: 40 hex digits and a newline
    if (!kdx::test::have_program("/usr/bin/python3")) GTEST_SKIP() << "no python3 to read the JSON";
    // The expected values are those of tests/host/plugins/good_plugin.cpp.
    auto check = run(
        "/usr/bin/python3 -c 'import json,sys; m=json.load(open(sys.argv[1])); "
        "assert m[\"kdx_plugin_manifest\"]==1; assert m[\"library\"]==\"kdx_good.so\"; "
        "assert m[\"build_id\"]==sys.argv[2], m[\"build_id\"]; assert m[\"abi\"]==sys.argv[3]; "
        "assert m[\"plugin\"]=={\"name\":\"good\",\"version\":\"1.2.3\",\"description\":\"A plugin "
        "that works\"}; "
        "[f]=m[\"formats\"]; assert f[\"name\"]==\"test-good\" and f[\"extensions\"]==[\"good\"]; "
        "assert f[\"long_name\"]==\"Test format that works\"; "
        "assert f[\"capabilities\"]==[\"read-dataset\",\"write-dataset\"]; assert "
        "f[\"read_options\"]==[]; "
        "assert [(o[\"name\"],o[\"type\"],o[\"default\"],o[\"allowed\"]) for o in "
        "f[\"write_options\"]]=="
        "[(\"level\",\"integer\",\"1\",[]),(\"style\",\"choice\",\"plain\",[\"plain\",\"fancy\"])];"
        " "
        "print(\"ok\")' " +
        sh_quote(manifest.string()) + " " + id.out.substr(0, 40) + " " + abi_text());
    EXPECT_EQ(check.exit_code, 0) << check.err;
    EXPECT_EQ(check.out, "ok\n");
}

TEST(PluginManifest, TheLibraryIsLoadedOnlyWhenAFormatOfItIsUsed) {
    Copy copy;
    PluginHost host;
    host.load(only(copy.dir));
    const PluginRecord& r = only_record(host);
    EXPECT_EQ(r.status, PluginRecord::Status::loaded) << r.reason;
    EXPECT_EQ(r.manifest, copy.manifest);
    EXPECT_EQ(r.info.version, "1.2.3");
    auto format = host.find("test-good");
    ASSERT_TRUE(format);
    EXPECT_EQ(host.find_for_file("a.good", kdx::can_read_dataset), format);
    ASSERT_EQ(format->info().write_options.size(), 2u);
    EXPECT_EQ(format->info().write_options[1].allowed,
              (std::vector<std::string>{"plain", "fancy"}));
    EXPECT_FALSE(format->library_loaded());
    EXPECT_FALSE(is_loaded(copy.library));

    write_file(copy.dir / "in.good", "5006\n");
    kdx::Diagnostics diagnostics;
    kdx::Dataset d = format->read_dataset(copy.dir / "in.good", {}, diagnostics);
    ASSERT_EQ(d.municipalities.size(), 1u);
    EXPECT_EQ(d.municipalities[0].number, "5006");
    EXPECT_TRUE(format->library_loaded());
    EXPECT_TRUE(is_loaded(copy.library));
}

TEST(PluginManifest, AStrippedLibraryStillMatchesItsManifest) {
    // Packaging strips the plugins; their build ID stays.
    if (!kdx::test::have_program("strip")) GTEST_SKIP() << "no strip";
    Copy copy;
    ASSERT_EQ(run("strip --strip-all " + sh_quote(copy.library.string())).exit_code, 0);
    PluginHost host;
    host.load(only(copy.dir));
    EXPECT_EQ(only_record(host).status, PluginRecord::Status::loaded) << only_record(host).reason;
}

TEST(PluginManifest, ALibraryReplacedAfterItsManifestWasWrittenIsRefusedUnloaded) {
    Copy copy;
    // Another build of the same source (another plugin name compiled in).
    fs::copy_file(plugin_dir / "clash" / "kdx_twin.so", copy.library,
                  fs::copy_options::overwrite_existing);
    PluginHost host;
    host.load(only(copy.dir));
    const PluginRecord& r = only_record(host);
    EXPECT_EQ(r.status, PluginRecord::Status::failed);
    EXPECT_THAT(r.reason, StartsWith("does not match its manifest " + copy.manifest.string() +
                                     " (build ID "));
    EXPECT_THAT(r.reason,
                HasSubstr("the library was rebuilt or replaced): rebuild the plugin, or run "
                          "kdx-plugin-manifest " +
                          copy.library.string()));
    EXPECT_EQ(host.find("test-good"), nullptr);
    EXPECT_FALSE(is_loaded(copy.library));
    // kdx plugins says so, under the plugin.
    auto listed = run_kdx("--plugin-dir " + sh_quote(copy.dir.string()) + " plugins");
    EXPECT_EQ(listed.exit_code, 1) << listed.err;
    EXPECT_THAT(listed.out, HasSubstr("FAILED  good"));
    EXPECT_THAT(listed.out, HasSubstr("does not match its manifest"));
}

TEST(PluginManifest, AManifestForAnotherFileIsRefused) {
    Copy copy;
    copy.edit_manifest("\"library\": \"kdx_good.so\"", "\"library\": \"kdx_other.so\"");
    PluginHost host;
    host.load(only(copy.dir));
    EXPECT_EQ(only_record(host).status, PluginRecord::Status::failed);
    EXPECT_THAT(only_record(host).reason, StartsWith("its manifest " + copy.manifest.string() +
                                                     " is for kdx_other.so: rebuild the plugin"));
}

TEST(PluginManifest, AManifestThatIsNoManifestIsNamed) {
    Copy copy;
    write_file(copy.manifest, "{\"kdx_plugin_manifest\": 1, \"library\": ");
    PluginHost host;
    host.load(only(copy.dir));
    EXPECT_EQ(only_record(host).status, PluginRecord::Status::failed);
    EXPECT_THAT(only_record(host).reason, StartsWith("manifest " + copy.manifest.string() +
                                                     " is not a kdx plugin manifest: "));
    EXPECT_FALSE(is_loaded(copy.library));

    write_file(copy.manifest, "{\"kdx_plugin_manifest\": 2}");
    PluginHost newer;
    newer.load(only(copy.dir));
    EXPECT_THAT(only_record(newer).reason, HasSubstr("it has layout 2, this kdx reads layout 1"));
}

TEST(PluginManifest, TheAbiItNamesIsCheckedBeforeLoading) {
    Copy copy;
    copy.edit_manifest("\"abi\": \"" + abi_text() + "\"", "\"abi\": \"3.0\"");
    PluginHost host;
    host.load(only(copy.dir));
    EXPECT_EQ(only_record(host).status, PluginRecord::Status::failed);
    EXPECT_EQ(only_record(host).reason, std::string("built for plugin ABI 3.0 but this kdx ") +
                                            kdx::version() + " has ABI " + abi_text() +
                                            ": rebuild the plugin against this kdx");
    EXPECT_FALSE(is_loaded(copy.library));
}

TEST(PluginManifest, NamesUsersCannotTypeAreRefusedFromTheManifestToo) {
    Copy copy;
    copy.edit_manifest("\"name\": \"test-good\"", "\"name\": \"Test Good\"");
    copy.edit_manifest("\"good\"\n", "\".GOOD\"\n");
    PluginHost host;
    host.load(only(copy.dir));
    EXPECT_EQ(only_record(host).status, PluginRecord::Status::failed);
    EXPECT_EQ(only_record(host).reason,
              "refused: format name \"Test Good\" must be lower-case letters, digits and -; "
              "extension \".GOOD\" of format Test Good must be lower-case letters and digits, "
              "without a leading dot");
    EXPECT_FALSE(is_loaded(copy.library));
}

TEST(PluginManifest, AManifestThatDiffersFromWhatTheLibraryDeclaresFailsTheFirstCall) {
    Copy copy;
    copy.edit_manifest("Test format that works", "Test format that lies");
    PluginHost host;
    host.load(only(copy.dir));
    auto format = host.find("test-good");
    ASSERT_TRUE(format);
    write_file(copy.dir / "in.good", "5006\n");
    kdx::Diagnostics diagnostics;
    const std::string expected =
        "plugin good (" + copy.library.string() + ") declares other formats than its manifest " +
        copy.manifest.string() +
        " (format test-good: long names differ): run kdx-plugin-manifest " + copy.library.string() +
        " or rebuild the plugin";
    for (int call = 0; call < 2; ++call) {  // and the same again, without another try
        try {
            format->read_dataset(copy.dir / "in.good", {}, diagnostics);
            FAIL() << "expected kdx::Error";
        } catch (const kdx::Error& e) {
            EXPECT_EQ(std::string(e.what()), expected);
        }
    }
    EXPECT_FALSE(format->library_loaded());
}

TEST(PluginManifest, APluginWithoutOneIsLoadedAtStartAsBefore) {
    Copy copy(false);
    PluginHost host;
    host.load(only(copy.dir));
    const PluginRecord& r = only_record(host);
    EXPECT_EQ(r.status, PluginRecord::Status::loaded) << r.reason;
    EXPECT_TRUE(r.manifest.empty());
    EXPECT_TRUE(r.warnings.empty());
    EXPECT_TRUE(host.find("test-good")->library_loaded());
    auto listed = run_kdx("--plugin-dir " + sh_quote(copy.dir.string()) + " plugins");
    EXPECT_EQ(listed.exit_code, 0) << listed.err;
    EXPECT_THAT(listed.out, HasSubstr("no manifest: loaded at start to read its declaration"));
}

// A plugin whose registration throws, declared by a hand-written manifest
// that matches its library: kdx lists it and uses the other plugin's format
// without touching it; only a call to its own format meets the failure.
TEST(PluginManifest, APluginThatWouldFailToLoadIsNotTouchedWhenAnotherFormatIsUsed) {
    Copy copy;
    const fs::path throws = copy.dir / "kdx_throws.so";
    fs::copy_file(plugin_dir / "kdx_throws.so", throws);
    auto id = run("readelf -n " + sh_quote(throws.string()) + " | sed -n 's/.*Build ID: *//p'");
    ASSERT_EQ(id.exit_code, 0) << id.err;
    ASSERT_EQ(id.out.size(), 41u) << "kdx_throws.so has no build ID: " << id.out;
    write_file(
        copy.dir / "kdx_throws.kdx-manifest.json",
        "{\"kdx_plugin_manifest\": 1, \"library\": \"kdx_throws.so\", \"build_id\": \"" +
            id.out.substr(0, 40) + "\", \"abi\": \"" + abi_text() +
            "\", \"plugin\": {\"name\": \"throws\"}, \"formats\": [{\"name\": \"test-throws\", "
            "\"extensions\": [\"throws\"], \"capabilities\": [\"read-dataset\"]}]}\n");
    PluginHost host;
    host.load(only(copy.dir));
    ASSERT_EQ(host.plugins().size(), 2u);
    for (const PluginRecord& r : host.plugins())
        EXPECT_EQ(r.status, PluginRecord::Status::loaded) << r.describe();

    write_file(copy.dir / "in.good", "5006\n");
    kdx::Diagnostics diagnostics;
    EXPECT_EQ(host.find("test-good")
                  ->read_dataset(copy.dir / "in.good", {}, diagnostics)
                  .municipalities.size(),
              1u);
    EXPECT_TRUE(is_loaded(copy.library));
    EXPECT_FALSE(is_loaded(throws));

    auto format = host.find_for_file("x.throws", kdx::can_read_dataset);
    ASSERT_TRUE(format);
    try {
        format->read_dataset(copy.dir / "x.throws", {}, diagnostics);
        FAIL() << "expected kdx::Error";
    } catch (const kdx::Error& e) {
        EXPECT_EQ(std::string(e.what()), "plugin throws (" + throws.string() +
                                             ") registration failed: cannot start: no licence");
    }
    EXPECT_FALSE(format->library_loaded());

    // The same through the command: the conversion with the good plugin works.
    auto converted = run_kdx("--plugin-dir " + sh_quote(copy.dir.string()) + " convert " +
                             sh_quote((copy.dir / "in.good").string()) + " " +
                             sh_quote((copy.dir / "out.good").string()));
    EXPECT_EQ(converted.exit_code, 0) << converted.err;
    EXPECT_EQ(read_file(copy.dir / "out.good"), "5006\n");
}

// The command line: the catalogue and option checks load nothing, a
// conversion loads the one plugin it uses (in process: with the default
// --isolate=third-party each call's child process would load it again).
TEST(PluginManifest, ACommandLoadsOnlyThePluginItNeeds) {
    const fs::path dir = kdx::test::scratch_dir();
    const fs::path log = dir / "loaded";
    auto kdx = [&](const std::string& args) {
        return run("KDX_TEST_LOAD_LOG=" + sh_quote(log.string()) + " " +
                   sh_quote(kdx::test::kdx_exe().string()) + " --isolate=none --plugin-dir " +
                   sh_quote(lazy_dir.string()) + " " + args);
    };
    auto listed = kdx("plugins");
    EXPECT_EQ(listed.exit_code, 0) << listed.err;
    EXPECT_THAT(listed.out, HasSubstr("test-other  [read, write]  .other"));
    EXPECT_THAT(listed.out, HasSubstr("test-good  [read, write]  .good"));
    EXPECT_TRUE(kdx("plugins --format test-other").out.find("style (choice: plain fancy") !=
                std::string::npos);
    EXPECT_FALSE(fs::exists(log));

    write_file(dir / "in.good", "5006\n");
    auto bad_option = kdx("convert " + sh_quote((dir / "in.good").string()) + " " +
                          sh_quote((dir / "out.good").string()) + " -o style=bold");
    EXPECT_EQ(bad_option.exit_code, 2);
    EXPECT_FALSE(fs::exists(log));

    auto converted = kdx("convert " + sh_quote((dir / "in.good").string()) + " " +
                         sh_quote((dir / "out.good").string()));
    EXPECT_EQ(converted.exit_code, 0) << converted.err;
    EXPECT_EQ(read_file(dir / "out.good"), "5006\n");
    EXPECT_EQ(read_file(log), "good\n");
}

TEST(PluginManifestTool, RefusesAPluginKdxCannotUseAndWritesNothing) {
    const fs::path dir = kdx::test::scratch_dir();
    fs::copy_file(plugin_dir / "kdx_throws.so", dir / "kdx_throws.so");
    auto r =
        run(sh_quote(KDX_PLUGIN_MANIFEST_EXE) + " " + sh_quote((dir / "kdx_throws.so").string()));
    EXPECT_EQ(r.exit_code, 1);
    EXPECT_EQ(r.err, "kdx-plugin-manifest: throws (" + (dir / "kdx_throws.so").string() +
                         "): registration failed: cannot start: no licence\n");
    EXPECT_FALSE(fs::exists(dir / "kdx_throws.kdx-manifest.json"));
    EXPECT_EQ(run(sh_quote(KDX_PLUGIN_MANIFEST_EXE)).exit_code, 2);
}

TEST(PluginManifestTool, WritesWhereItIsTold) {
    Copy copy(false);
    const fs::path out = copy.dir / "elsewhere.json";
    auto r = run(sh_quote(KDX_PLUGIN_MANIFEST_EXE) + " " + sh_quote(copy.library.string()) +
                 " -o " + sh_quote(out.string()));
    ASSERT_EQ(r.exit_code, 0) << r.err;
    // The same declaration as the build wrote beside the original.
    EXPECT_EQ(read_file(out), read_file(plugin_dir / "kdx_good.kdx-manifest.json"));
}

}  // namespace
