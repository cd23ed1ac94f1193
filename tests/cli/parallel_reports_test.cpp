// kdx report and kdx dossier writing on several threads (-j): the same files,
// byte for byte, and the same messages in the same order as one at a time.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <algorithm>
#include <map>
#include <regex>

#include "test_support.hpp"

namespace {

namespace fs = std::filesystem;
using kdx::test::run;
using kdx::test::sh_quote;
using ::testing::HasSubstr;

std::string example() {
    return sh_quote((kdx::test::source_dir() / "examples/data/nominees-2018.xml").string());
}

// Every format that writes reports and is built, so that each is run on threads.
std::string formats() {
    std::string list = "pdf,xlsx,xml";
    if (fs::exists(kdx::test::plugin_build_dir() / "kdx_html.so")) list += ",html";
    return list;
}

// kdx with a fixed date, so that two runs can give the same bytes.
kdx::test::CommandResult kdx_at_fixed_date(const std::string& args) {
    return run("SOURCE_DATE_EPOCH=1735603200 " + sh_quote(kdx::test::kdx_exe().string()) + " " +
               args);
}

// File name -> content, for every file in `dir` (hidden ones too).
std::map<std::string, std::string> files_in(const fs::path& dir) {
    std::map<std::string, std::string> files;
    for (const auto& e : fs::directory_iterator(dir))
        files[e.path().filename().string()] = kdx::test::read_file(e.path());
    return files;
}

// stderr with the output folder written as OUT, for comparing two runs.
std::string messages(std::string err, const fs::path& out) {
    const std::string folder = out.string();
    for (std::size_t at; (at = err.find(folder)) != std::string::npos;)
        err.replace(at, folder.size(), "OUT");
    return err;
}

// Runs `command` with -j1 and -j3 into two folders and checks that both
// wrote the same files with the same bytes and said the same things.
void same_with_threads(const std::string& command, std::size_t expected_files) {
    const fs::path base = kdx::test::scratch_dir();
    const fs::path one = base / "j1", three = base / "j3";
    auto serial = kdx_at_fixed_date(command + " -j1 --out " + sh_quote(one.string()));
    auto parallel = kdx_at_fixed_date(command + " -j3 --out " + sh_quote(three.string()));
    ASSERT_EQ(serial.exit_code, 0) << serial.err;
    ASSERT_EQ(parallel.exit_code, 0) << parallel.err;
    EXPECT_EQ(messages(parallel.err, three), messages(serial.err, one));

    const auto expected = files_in(one), found = files_in(three);
    ASSERT_EQ(expected.size(), expected_files);
    ASSERT_EQ(found.size(), expected.size());
    for (const auto& [name, bytes] : expected) {
        auto it = found.find(name);
        ASSERT_NE(it, found.end()) << name << " is missing from the -j3 run";
        EXPECT_GT(bytes.size(), 200u) << name;
        EXPECT_TRUE(it->second == bytes) << name << " differs between -j1 and -j3";
    }
}

std::size_t format_count() {
    const std::string list = formats();
    return static_cast<std::size_t>(std::count(list.begin(), list.end(), ',') + 1);
}

TEST(ParallelReports, EveryCouncilReportIsTheSameOnThreadsAsOneAtATime) {
    // The example holds 7 municipalities; -v shows the notes too, so their
    // order is compared.
    same_with_threads(
        "-v report -t council-report -d " + example() + " --municipality all --format " + formats(),
        7 * format_count());
}

TEST(ParallelReports, DossiersAreTheSameOnThreadsAsOneAtATime) {
    // 2018's nominees and the comparison.
    auto listed = run("grep -c '<nomination ' " + example());
    ASSERT_EQ(listed.exit_code, 0);
    const std::size_t nominees = static_cast<std::size_t>(std::stoi(listed.out));
    same_with_threads("-v dossier --year 2018 -d " + example() + " --format " + formats(),
                      (nominees + 1) * format_count());
}

TEST(ParallelReports, AFileThatCannotBeWrittenIsNamedAndTheOthersAreWritten) {
    // A folder where one report's XLSX should go: the plugin cannot write
    // that file, whichever thread tries.
    const fs::path base = kdx::test::scratch_dir();
    auto probe = kdx_at_fixed_date("report -t council-report -d " + example() +
                                   " --municipality all --format xml -j1 --out " +
                                   sh_quote((base / "probe").string()));
    ASSERT_EQ(probe.exit_code, 0) << probe.err;
    const auto probed = files_in(base / "probe");
    ASSERT_EQ(probed.size(), 7u);
    const std::string stem = fs::path(std::next(probed.begin(), 3)->first).stem().string();

    for (const char* jobs : {"1", "3"}) {
        const fs::path out = base / (std::string("j") + jobs);
        fs::create_directories(out / (stem + ".xlsx"));
        auto r = kdx_at_fixed_date("report -t council-report -d " + example() +
                                   " --municipality all --format pdf,xlsx,xml -j" + jobs +
                                   " --out " + sh_quote(out.string()));
        EXPECT_EQ(r.exit_code, 1) << r.err;
        EXPECT_THAT(r.err, HasSubstr((out / (stem + ".xlsx")).string() + ": error:")) << r.err;
        EXPECT_THAT(r.err, HasSubstr("it is a folder")) << r.err;
        EXPECT_THAT(r.err, HasSubstr("wrote 20 files for 7 of 7 municipalities")) << r.err;
        std::size_t files = 0;
        for (const auto& e : fs::directory_iterator(out)) {
            const std::string name = e.path().filename().string();
            EXPECT_NE(name.front(), '.') << "a temporary file is left: " << name;
            if (e.is_regular_file()) ++files;
        }
        EXPECT_EQ(files, 20u);
        EXPECT_TRUE(fs::exists(out / (stem + ".pdf")));
        EXPECT_TRUE(fs::exists(out / (stem + ".xml")));
    }
}

TEST(ParallelReports, JobsMustBeAtLeastOne) {
    auto r = run(sh_quote(kdx::test::kdx_exe().string()) + " report -t council-report -d " +
                 example() + " --municipality all -j0");
    EXPECT_EQ(r.exit_code, 2) << r.err;
    EXPECT_THAT(r.err, HasSubstr("--jobs"));
}

}  // namespace
