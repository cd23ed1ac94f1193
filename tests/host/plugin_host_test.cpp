// The plugin host's failure modes, each with its exact message, and the good
// plugins staying usable beside the broken ones.
#include "host/plugin_host.hpp"

#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <unistd.h>

#include "kdx/error.hpp"
#include "test_support.hpp"

namespace {

namespace fs = std::filesystem;
using kdx::host::PluginHost;
using kdx::host::PluginRecord;
using kdx::test::run_kdx;
using kdx::test::sh_quote;
using ::testing::HasSubstr;

const fs::path plugin_dir = KDX_TEST_PLUGIN_DIR;

kdx::host::SearchOptions only(std::vector<fs::path> dirs) {
    kdx::host::SearchOptions o;
    o.plugin_dirs = std::move(dirs);
    o.use_environment = false;
    o.use_defaults = false;
    return o;
}

const PluginRecord& record_of(const PluginHost& host, const std::string& file_name) {
    for (const auto& r : host.plugins())
        if (r.file.filename() == file_name) return r;
    throw std::runtime_error("no record for " + file_name);
}

class PluginHostTest : public ::testing::Test {
  protected:
    void SetUp() override { host.load(only({plugin_dir, plugin_dir / "later"})); }
    PluginHost host;
};

TEST_F(PluginHostTest, LoadsTheGoodPluginWithItsInfo) {
    const auto& r = record_of(host, "kdx_good.so");
    EXPECT_EQ(r.status, PluginRecord::Status::loaded);
    EXPECT_EQ(r.info.name, "good");
    EXPECT_EQ(r.info.version, "1.2.3");
    EXPECT_EQ(r.found_by, "--plugin-dir");
    auto format = host.find("TEST-GOOD");
    ASSERT_TRUE(format);
    EXPECT_EQ(format->plugin(), "good");
    EXPECT_TRUE(format->info().can(kdx::can_read_dataset));
    EXPECT_FALSE(format->info().can(kdx::can_write_document));
    EXPECT_EQ(host.find_for_file("x.GOOD", kdx::can_write_dataset), format);
    EXPECT_EQ(host.find_for_file("x.good", kdx::can_write_document), nullptr);
}

TEST_F(PluginHostTest, RefusesAnotherMajorAbi) {
    const auto& r = record_of(host, "kdx_wrong_abi.so");
    EXPECT_EQ(r.status, PluginRecord::Status::failed);
    EXPECT_EQ(r.reason, std::string("built for plugin ABI 3.0 but this kdx ") + kdx::version() +
                            " has ABI 2.1: rebuild the plugin against this kdx");
}

TEST_F(PluginHostTest, RefusesANewerMinorAbi) {
    const auto& r = record_of(host, "kdx_newer_minor.so");
    EXPECT_EQ(r.status, PluginRecord::Status::failed);
    EXPECT_THAT(r.reason, HasSubstr("built for plugin ABI 2.7 but this kdx"));
}

TEST_F(PluginHostTest, RefusesAPluginWithoutRegistrationFunction) {
    const auto& r = record_of(host, "kdx_no_factory.so");
    EXPECT_EQ(r.status, PluginRecord::Status::failed);
    EXPECT_EQ(
        r.reason,
        "has no registration function (kdx_plugin_register): declare one with KDX_PLUGIN(...)");
}

TEST_F(PluginHostTest, ReportsARegistrationThatThrows) {
    const auto& r = record_of(host, "kdx_throws.so");
    EXPECT_EQ(r.status, PluginRecord::Status::failed);
    EXPECT_EQ(r.reason, "registration failed: cannot start: no licence");
    EXPECT_EQ(r.describe(), "throws (" + (plugin_dir / "kdx_throws.so").string() +
                                "): registration failed: cannot start: no licence");
}

TEST_F(PluginHostTest, RefusesAnUnresolvedSymbolAtLoadTime) {
    const auto& r = record_of(host, "kdx_unresolved.so");
    EXPECT_EQ(r.status, PluginRecord::Status::failed);
    EXPECT_THAT(r.reason, HasSubstr("cannot be loaded: "));
    EXPECT_THAT(r.reason, HasSubstr("undefined symbol"));
    EXPECT_THAT(r.reason, HasSubstr("kdx_test_function_nobody_defines"));
}

TEST_F(PluginHostTest, RefusesALibraryThatIsNoPlugin) {
    const auto& r = record_of(host, "kdx_not_a_plugin.so");
    EXPECT_EQ(r.status, PluginRecord::Status::failed);
    EXPECT_EQ(r.reason,
              "not a kdx plugin: it exports no kdx_plugin_abi_version (build it with "
              "kdx_add_plugin and KDX_PLUGIN)");
}

TEST_F(PluginHostTest, FirstPluginOfANameWins) {
    const PluginRecord* later = nullptr;
    for (const auto& r : host.plugins())
        if (r.file == plugin_dir / "later" / "kdx_good.so") later = &r;
    ASSERT_NE(later, nullptr);
    EXPECT_EQ(later->status, PluginRecord::Status::skipped);
    EXPECT_EQ(later->reason,
              "shadowed by " + (plugin_dir / "kdx_good.so").string() + " (found earlier)");
    EXPECT_EQ(host.formats().size(), 1u);
}

TEST_F(PluginHostTest, GoodPluginWorksAfterTheBrokenOnesAndAThrowIsNamed) {
    fs::path dir = kdx::test::scratch_dir();
    kdx::test::write_file(dir / "in.good", "5006\n3413\n");
    kdx::test::write_file(dir / "explode.good", "");
    auto format = host.find("test-good");
    ASSERT_TRUE(format);
    kdx::Diagnostics diagnostics;
    kdx::Dataset d = format->read_dataset(dir / "in.good", {}, diagnostics);
    ASSERT_EQ(d.municipalities.size(), 2u);
    format->write_dataset(d, dir / "out.good", {}, diagnostics);
    EXPECT_EQ(kdx::test::read_file(dir / "out.good"), "5006\n3413\n");
    try {
        format->read_dataset(dir / "explode.good", {}, diagnostics);
        FAIL() << "expected kdx::Error";
    } catch (const kdx::Error& e) {
        EXPECT_EQ(std::string(e.what()),
                  "plugin good (" + (plugin_dir / "kdx_good.so").string() + ") failed: boom");
    }
}

TEST_F(PluginHostTest, FormatsOutliveTheHost) {
    std::shared_ptr<const kdx::host::LoadedFormat> kept;
    {
        PluginHost other;
        other.load(only({plugin_dir}));
        kept = other.find("test-good");
    }
    ASSERT_TRUE(kept);
    EXPECT_EQ(kept->info().name, "test-good");  // the library is still loaded
}

TEST(PluginHostClash, ASecondPluginDeclaringAFormatIsNamedAndTheFirstIsUsed) {
    PluginHost host;
    host.load(only({plugin_dir, plugin_dir / "clash"}));
    const auto& twin = record_of(host, "kdx_twin.so");
    EXPECT_EQ(twin.status, PluginRecord::Status::loaded);
    ASSERT_EQ(twin.warnings.size(), 1u);
    EXPECT_EQ(twin.warnings[0], "format test-good is also declared by plugin good (" +
                                    (plugin_dir / "kdx_good.so").string() +
                                    "), found earlier; that one is used");
    EXPECT_EQ(host.find("test-good")->plugin(), "good");
    EXPECT_TRUE(record_of(host, "kdx_good.so").warnings.empty());
    // Every command says so on stderr, and kdx plugins under the plugin.
    auto r = kdx::test::run_kdx("--plugin-dir " + kdx::test::sh_quote(plugin_dir.string()) +
                                " --plugin-dir " +
                                kdx::test::sh_quote((plugin_dir / "clash").string()) + " plugins");
    EXPECT_EQ(r.exit_code, 1);  // the test folder's broken plugins failed
    EXPECT_THAT(r.err, HasSubstr("kdx: warning: plugin twin (" +
                                 (plugin_dir / "clash" / "kdx_twin.so").string() +
                                 "): format test-good is also declared by plugin good"));
    EXPECT_THAT(r.out, HasSubstr("      warning: format test-good is also declared"));
}

TEST(PluginHostClash, AFormatNameOrExtensionUsersCannotTypeIsRefused) {
    PluginHost host;
    host.load(only({plugin_dir / "clash"}));
    const auto& bad = record_of(host, "kdx_bad_names.so");
    EXPECT_EQ(bad.status, PluginRecord::Status::failed);
    EXPECT_EQ(bad.reason,
              "refused: format name \"Test Good\" must be lower-case letters, digits and -; "
              "extension \".GOOD\" of format Test Good must be lower-case letters and digits, "
              "without a leading dot");
    EXPECT_EQ(host.find("Test Good"), nullptr);
}

TEST(PluginHostSafety, RefusesPluginsOthersCanWrite) {
    fs::path dir = kdx::test::scratch_dir();
    fs::copy_file(plugin_dir / "kdx_good.so", dir / "kdx_good.so");
    fs::permissions(dir / "kdx_good.so", fs::perms::others_write, fs::perm_options::add);
    PluginHost host;
    const auto& file_record = host.load_file(dir / "kdx_good.so");
    EXPECT_EQ(file_record.status, PluginRecord::Status::skipped);
    EXPECT_THAT(file_record.reason,
                HasSubstr("refused: the file " + (dir / "kdx_good.so").string() +
                          " is writable by other users (mode 07"));
    EXPECT_THAT(file_record.reason, HasSubstr("run chmod go-w on it"));

    fs::permissions(dir / "kdx_good.so", fs::perms::others_write | fs::perms::group_write,
                    fs::perm_options::remove);
    fs::permissions(dir, fs::perms::group_write, fs::perm_options::add);
    PluginHost again;
    const auto& folder_record = again.load_file(dir / "kdx_good.so");
    EXPECT_EQ(folder_record.status, PluginRecord::Status::skipped);
    EXPECT_THAT(folder_record.reason, HasSubstr("refused: the folder " + dir.string()));
    EXPECT_TRUE(again.formats().empty());

    fs::permissions(dir, fs::perms::group_write | fs::perms::others_write,
                    fs::perm_options::remove);
    PluginHost fixed;
    EXPECT_EQ(fixed.load_file(dir / "kdx_good.so").status, PluginRecord::Status::loaded);
}

// As ssh checks the folders above a key: a folder anywhere up the path that
// others may write to, or that another user owns, could swap the plugin.
TEST(PluginHostSafety, RefusesAFolderUpThePathOthersCanWriteOrOwn) {
    fs::path dir = kdx::test::scratch_dir();
    fs::path deep = dir / "shared" / "kdx" / "plugins";
    fs::create_directories(deep);
    fs::copy_file(plugin_dir / "kdx_good.so", deep / "kdx_good.so");
    fs::permissions(dir / "shared", fs::perms::others_write, fs::perm_options::add);
    PluginHost host;
    const auto& record = host.load_file(deep / "kdx_good.so");
    EXPECT_EQ(record.status, PluginRecord::Status::skipped);
    EXPECT_THAT(record.reason, HasSubstr("refused: the folder " + (dir / "shared").string() +
                                         " is writable by other users (mode 07"));

    // With the sticky bit (as /tmp has), others cannot remove or rename
    // what is not theirs: the folder may be writable by all.
    fs::permissions(dir / "shared", fs::perms::sticky_bit, fs::perm_options::add);
    PluginHost sticky;
    const auto& sticky_record = sticky.load_file(deep / "kdx_good.so");
    EXPECT_EQ(sticky_record.status, PluginRecord::Status::loaded) << sticky_record.reason;

    // A symbolic link is judged by where it leads.
    fs::permissions(dir / "shared", fs::perms::sticky_bit, fs::perm_options::remove);
    fs::path tidy = dir / "links";
    fs::create_directories(tidy);
    fs::create_symlink(deep / "kdx_good.so", tidy / "kdx_good.so");
    PluginHost linked;
    EXPECT_EQ(linked.load_file(tidy / "kdx_good.so").status, PluginRecord::Status::skipped);
    fs::permissions(dir / "shared", fs::perms::others_write, fs::perm_options::remove);

    if (::geteuid() != 0) GTEST_SKIP() << "giving a folder to another user needs root";
    ASSERT_EQ(::chown((dir / "shared" / "kdx").c_str(), 65534, 65534), 0);  // nobody
    PluginHost owned;
    const auto& other = owned.load_file(deep / "kdx_good.so");
    EXPECT_EQ(other.status, PluginRecord::Status::skipped);
    EXPECT_THAT(other.reason,
                HasSubstr("refused: the folder " + (dir / "shared" / "kdx").string() +
                          " belongs to user 65534, neither root nor the user running kdx"));
    ASSERT_EQ(::chown((dir / "shared" / "kdx").c_str(), 0, 0), 0);
}

TEST(PluginsCommand, JsonCatalogue) {
    auto r = run_kdx("--plugin-dir " + sh_quote(plugin_dir.string()) + " plugins --json");
    ASSERT_EQ(r.exit_code, 1) << r.err;  // the folder's broken plugins, listed in the document
    if (!kdx::test::have_program("/usr/bin/python3")) GTEST_SKIP() << "no python3 to read the JSON";
    fs::path json = kdx::test::scratch_dir() / "plugins.json";
    kdx::test::write_file(json, r.out);
    // An independent reader: the catalogue must parse and say what the host found.
    auto check = kdx::test::run(
        "/usr/bin/python3 -c 'import json,sys; c=json.load(open(sys.argv[1])); "
        "f=[x for x in c[\"formats\"] if x[\"name\"]==\"test-good\"][0]; "
        "assert f[\"capabilities\"]==[\"read-dataset\",\"write-dataset\"], f; "
        "assert [o[\"name\"] for o in f[\"write_options\"]]==[\"level\",\"style\"]; "
        "p={x[\"name\"]:x for x in c[\"plugins\"]}; "
        "assert p[\"throws\"][\"status\"]==\"failed\"; "
        "assert \"ABI 3.0\" in p[\"wrong_abi\"][\"reason\"]; print(\"ok\")' " +
        sh_quote(json.string()));
    EXPECT_EQ(check.exit_code, 0) << check.err;
    EXPECT_EQ(check.out, "ok\n");
}

TEST(PluginHostSearch, OrderIsPluginDirThenEnvironmentThenDefaults) {
    ::setenv("KDX_PLUGIN_PATH", "/env/one::/env/two", 1);
    kdx::host::SearchOptions o;
    o.plugin_dirs = {"/explicit"};
    auto folders = PluginHost::search_folders(o);
    ::unsetenv("KDX_PLUGIN_PATH");
    ASSERT_GE(folders.size(), 5u);
    EXPECT_EQ(folders[0], std::make_pair(fs::path("/explicit"), std::string("--plugin-dir")));
    EXPECT_EQ(folders[1], std::make_pair(fs::path("/env/one"), std::string("KDX_PLUGIN_PATH")));
    // The empty entry between the colons is not taken as the current folder.
    EXPECT_EQ(folders[2], std::make_pair(fs::path("/env/two"), std::string("KDX_PLUGIN_PATH")));
    EXPECT_EQ(folders[3].second, "install");
    EXPECT_EQ(folders[4].second, "build tree");
}

// Every plugin is listed, the failed ones with their reasons; then, for a
// script or a health check, kdx says how many failed and exits 1.
TEST(PluginsCommand, ListsFailuresWithReasonsAndExitsOne) {
    auto r = run_kdx("--plugin-dir " + sh_quote(plugin_dir.string()) + " plugins");
    EXPECT_EQ(r.exit_code, 1) << r.err;
    EXPECT_THAT(r.err, HasSubstr("kdx: 6 plugins could not be used (FAILED)"));
    EXPECT_THAT(r.out, HasSubstr("  ready  good "));
    EXPECT_THAT(
        r.out, HasSubstr("test-good  [read, write]  .good  Test format that works  (plugin good)"));
    EXPECT_THAT(r.out, HasSubstr("FAILED  throws"));
    EXPECT_THAT(r.out, HasSubstr("registration failed: cannot start: no licence"));
    EXPECT_THAT(r.out, HasSubstr("built for plugin ABI 3.0"));
}

TEST(ConvertCommand, ValidatesOptionsAgainstTheDeclaration) {
    fs::path dir = kdx::test::scratch_dir();
    kdx::test::write_file(dir / "in.good", "5006\n");
    std::string base = "--plugin-dir " + sh_quote(plugin_dir.string()) + " convert " +
                       sh_quote((dir / "in.good").string()) + " " +
                       sh_quote((dir / "out.good").string());
    auto unknown = run_kdx(base + " -o colour=red");
    EXPECT_EQ(unknown.exit_code, 2);
    EXPECT_THAT(unknown.err, HasSubstr("unknown option \"colour\" for format test-good; "
                                       "valid options: level, style"));
    auto bad = run_kdx(base + " -o level=high");
    EXPECT_EQ(bad.exit_code, 2);
    EXPECT_THAT(bad.err, HasSubstr("option level of format test-good: expected a "
                                   "whole number, found \"high\""));
    auto choice = run_kdx(base + " -o style=bold");
    EXPECT_EQ(choice.exit_code, 2);
    EXPECT_THAT(choice.err, HasSubstr("expected plain or fancy, found \"bold\""));
    // A misspelt name gets the closest declared one.
    auto typo = run_kdx(base + " -o stlye=fancy");
    EXPECT_EQ(typo.exit_code, 2);
    EXPECT_THAT(typo.err, HasSubstr("unknown option \"stlye\" for format test-good; did you mean "
                                    "style?; valid options: level, style"));
    EXPECT_FALSE(fs::exists(dir / "out.good"));
    auto ok = run_kdx(base + " -o style=fancy -o level=3");
    EXPECT_EQ(ok.exit_code, 0) << ok.err;
    EXPECT_EQ(kdx::test::read_file(dir / "out.good"), "5006\n");
}

}  // namespace

// A format that declares the ABI 2.1 batch calls.
class BatchFormat : public kdx::Format {
  public:
    kdx::FormatInfo info() const override {
        kdx::FormatInfo f;
        f.name = "batches";
        f.capabilities = kdx::can_read_dataset | kdx::can_write_dataset | kdx::can_read_batches |
                         kdx::can_write_batches;
        return f;
    }
};

// Format's batch calls came with ABI 2.1: a plugin built for 2.0 has no such
// slots in its vtable, so whatever bits it declares it is read and written whole.
TEST(LoadedFormatBatches, OnlyAPluginBuiltForAbi21GetsBatchCalls) {
    const kdx::FormatInfo info = BatchFormat().info();
    // No library: the calls checked here are refused before one is needed.
    kdx::host::LoadedFormat old(nullptr, info, "old", 0x00020000);
    EXPECT_FALSE(old.reads_batches());
    EXPECT_FALSE(old.writes_batches());
    kdx::Diagnostics d;
    EXPECT_EQ(old.open_batches("out.x", {}, d), nullptr);
    struct Sink : kdx::BatchSink {
        bool records(kdx::Dataset&) override { return true; }
        void needs_whole(const std::string&) override {}
    } sink;
    EXPECT_THROW(old.read_batches("in.x", {}, sink, d), kdx::Error);

    kdx::host::LoadedFormat current(nullptr, info, "new", kdx::abi_version);
    EXPECT_TRUE(current.reads_batches());
    EXPECT_TRUE(current.writes_batches());
}
