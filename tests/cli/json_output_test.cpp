// `kdx --json`: the document each command prints on stdout, checked against
// docs/cli-json.schema.json with python3-jsonschema (tests/cli/json_check.py)
// and compared with what sha256sum, stat and the input files themselves say.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <map>
#include <sstream>

#include "test_support.hpp"

namespace {

namespace fs = std::filesystem;
using kdx::test::run;
using kdx::test::run_kdx;
using kdx::test::sh_quote;
using ::testing::HasSubstr;

fs::path imdi() { return kdx::test::data_dir() / "imdi/imdi-settlement-2012-2014.csv"; }
fs::path example() { return kdx::test::source_dir() / "examples/data/nominees-2018.xml"; }

// The running test's scratch folder, made empty once per test (as
// scratch_dir() empties it on each call).
fs::path scratch() {
    static std::string test;
    static fs::path dir;
    const std::string name = ::testing::UnitTest::GetInstance()->current_test_info()->name();
    if (name != test) {
        test = name;
        dir = kdx::test::scratch_dir();
    }
    return dir;
}

// The document's scalars as "path" -> "value" (diagnostics.0.location.cell
// -> D7, files.size -> 3), after python3-jsonschema found it valid.
using Fields = std::map<std::string, std::string>;

Fields checked(const kdx::test::CommandResult& r) {
    const fs::path doc = scratch() / "document.json";
    kdx::test::write_file(doc, r.out);
    auto check =
        run("/usr/bin/python3 " +
            sh_quote((kdx::test::source_dir() / "tests/cli/json_check.py").string()) + " " +
            sh_quote((kdx::test::source_dir() / "docs/cli-json.schema.json").string()) + " " +
            sh_quote(doc.string()));
    EXPECT_EQ(check.exit_code, 0) << check.out << check.err << "\nstdout was:\n" << r.out;
    Fields fields;
    std::istringstream in(check.out);
    for (std::string line; std::getline(in, line);) {
        const auto eq = line.find('=');
        if (eq != std::string::npos) fields[line.substr(0, eq)] = line.substr(eq + 1);
    }
    return fields;
}

std::string sha256sum(const fs::path& file) {
    auto r = run("sha256sum " + sh_quote(file.string()));
    EXPECT_EQ(r.exit_code, 0) << r.err;
    return r.out.substr(0, 64);
}

// The IMDi file with one figure (line 600, field 5) replaced by a word.
fs::path imdi_with_a_word() {
    const fs::path bad = scratch() / "imdi-bad.csv";
    auto r = run("awk -F, 'NR==600{$5=\"\\\"tolv\\\"\"}1' OFS=, " + sh_quote(imdi().string()) +
                 " > " + sh_quote(bad.string()));
    EXPECT_EQ(r.exit_code, 0) << r.err;
    return bad;
}

// The first diagnostic of a severity, as its index in the document.
std::string first(const Fields& f, const std::string& severity) {
    for (int i = 0; f.count("diagnostics." + std::to_string(i) + ".severity"); ++i)
        if (f.at("diagnostics." + std::to_string(i) + ".severity") == severity)
            return "diagnostics." + std::to_string(i);
    return "none";
}

TEST(JsonOutput, ValidateNamesTheLineAndColumnOfABadFigure) {
    auto r = run_kdx("--json validate " + sh_quote(imdi_with_a_word().string()));
    EXPECT_EQ(r.exit_code, 1);
    Fields f = checked(r);
    EXPECT_EQ(f["command"], "validate");
    EXPECT_EQ(f["exit_code"], "1");
    EXPECT_EQ(f["status"], "input_errors");
    EXPECT_EQ(f["counts.error"], "1");
    const std::string e = first(f, "error");
    EXPECT_EQ(f[e + ".location.line"], "600");
    EXPECT_EQ(f[e + ".location.column"], "5");
    EXPECT_THAT(f[e + ".message"], HasSubstr("\"tolv\""));
    // The verdict line goes to stderr: stdout is the document alone.
    EXPECT_THAT(r.err, HasSubstr("not valid"));
}

TEST(JsonOutput, ValidateNamesTheSheetAndCellInAWorkbook) {
    if (!kdx::test::have_program("/usr/bin/python3")) GTEST_SKIP();
    // A workbook saved by openpyxl, one figure of SSB table 07459 made a word.
    const fs::path bad = scratch() / "ssb-bad.xlsx";
    auto made =
        run("/usr/bin/python3 -c 'import openpyxl, sys\n"
            "wb = openpyxl.load_workbook(sys.argv[1]); wb[\"Personer\"][\"D7\"] = \"tolv\"; "
            "wb.save(sys.argv[2])' " +
            sh_quote((kdx::test::data_dir() / "real/made/ssb-07459-openpyxl.xlsx").string()) + " " +
            sh_quote(bad.string()));
    ASSERT_EQ(made.exit_code, 0) << made.err;
    auto r = run_kdx("--json validate " + sh_quote(bad.string()));
    EXPECT_EQ(r.exit_code, 1);
    Fields f = checked(r);
    const std::string e = first(f, "error");
    EXPECT_EQ(f[e + ".location.sheet"], "Personer");
    EXPECT_EQ(f[e + ".location.cell"], "D7");
    EXPECT_EQ(f[e + ".location.file"], bad.string());
}

TEST(JsonOutput, QuietHidesNothingFromTheDocument) {
    auto loud = run_kdx("--json validate " + sh_quote(imdi().string()));
    auto quiet = run_kdx("-q validate --json " + sh_quote(imdi().string()));
    EXPECT_EQ(loud.exit_code, 0) << loud.err;
    EXPECT_EQ(quiet.exit_code, 0) << quiet.err;
    Fields a = checked(loud), b = checked(quiet);
    EXPECT_EQ(a["counts.info"], b["counts.info"]);
    EXPECT_NE(a["counts.info"], "0");
    EXPECT_EQ(a["diagnostics.size"], b["diagnostics.size"]);
    // The dataset counts are those validate's own line gives.
    EXPECT_THAT(loud.err, HasSubstr(a["dataset.municipalities"] + " municipalities"));
}

TEST(JsonOutput, ConvertListsTheFileItWroteWithItsSizeAndHash) {
    const fs::path out = scratch() / "settlement.xlsx";
    auto r = run_kdx("--json convert " + sh_quote(imdi().string()) + " " + sh_quote(out.string()));
    ASSERT_EQ(r.exit_code, 0) << r.err;
    Fields f = checked(r);
    EXPECT_EQ(f["files.size"], "1");
    EXPECT_EQ(f["files.0.path"], fs::absolute(out).string());
    EXPECT_EQ(f["files.0.format"], "xlsx");
    EXPECT_EQ(f["files.0.bytes"], std::to_string(fs::file_size(out)));
    EXPECT_EQ(f["files.0.sha256"], sha256sum(out));
}

TEST(JsonOutput, AConvertWithABadCellListsTheFileOfTheUsableRecords) {
    // convert writes the records it could read and exits 1; the document
    // says both.
    const fs::path out = scratch() / "settlement.csv";
    auto r = run_kdx("--json convert " + sh_quote(imdi_with_a_word().string()) + " " +
                     sh_quote(out.string()));
    EXPECT_EQ(r.exit_code, 1);
    Fields f = checked(r);
    EXPECT_EQ(f["counts.error"], "1");
    EXPECT_EQ(f["files.size"], "1");
    EXPECT_EQ(f["files.0.sha256"], sha256sum(out));
}

TEST(JsonOutput, AConvertThatWritesNothingListsNoFileAndLeavesTheTargetAsItWas) {
    const fs::path in = scratch() / "empty.csv";
    const fs::path out = scratch() / "settlement.csv";
    kdx::test::write_file(in, "");
    kdx::test::write_file(out, "kept\n");
    auto r = run_kdx("--json convert " + sh_quote(in.string()) + " " + sh_quote(out.string()));
    EXPECT_EQ(r.exit_code, 1);
    Fields f = checked(r);
    EXPECT_EQ(f["files.size"], "0");
    EXPECT_THAT(f[first(f, "error") + ".message"], HasSubstr("nothing could be read"));
    EXPECT_EQ(kdx::test::read_file(out), "kept\n");
}

TEST(JsonOutput, ReportListsEveryFileInEveryFormat) {
    const fs::path dir = scratch() / "reports";
    auto r = run_kdx("--json report -t council-report -d " + sh_quote(imdi().string()) +
                     " --municipality 5004,0301 --year 2014 --format pdf,xml --out " +
                     sh_quote(dir.string()));
    ASSERT_EQ(r.exit_code, 0) << r.err;
    Fields f = checked(r);
    ASSERT_EQ(f["files.size"], "4");
    std::map<std::string, int> formats;
    for (int i = 0; i < 4; ++i) {
        const std::string p = "files." + std::to_string(i);
        const fs::path file = f[p + ".path"];
        ASSERT_TRUE(fs::exists(file)) << file;
        EXPECT_EQ(file.parent_path(), fs::absolute(dir));
        EXPECT_EQ(f[p + ".sha256"], sha256sum(file));
        EXPECT_EQ(file.extension().string(), "." + f[p + ".format"]);
        ++formats[f[p + ".format"]];
    }
    EXPECT_EQ(formats["pdf"], 2);
    EXPECT_EQ(formats["xml"], 2);
    int on_disk = 0;
    for (const auto& e : fs::directory_iterator(dir)) on_disk += e.is_regular_file();
    EXPECT_EQ(on_disk, 4);
}

TEST(JsonOutput, DossierListsWhatItWrote) {
    const fs::path dir = scratch() / "dossier";
    auto r = run_kdx("--json dossier --year 2018 --format xml -d " + sh_quote(example().string()) +
                     " --out " + sh_quote(dir.string()));
    ASSERT_EQ(r.exit_code, 0) << r.err;
    Fields f = checked(r);
    int on_disk = 0;
    for (const auto& e : fs::directory_iterator(dir)) on_disk += e.is_regular_file();
    EXPECT_EQ(f["files.size"], std::to_string(on_disk));
    EXPECT_GT(on_disk, 1);
}

TEST(JsonOutput, ADryRunListsTheStepsAsNotRun) {
    const fs::path recipe = scratch() / "recipe.yaml";
    kdx::test::write_file(recipe, "steps:\n  - validate:\n      input: " + imdi().string() +
                                      "\n  - convert:\n      input: " + imdi().string() +
                                      "\n      output: out.csv\n");
    auto r = run_kdx("--json run --dry-run " + sh_quote(recipe.string()));
    ASSERT_EQ(r.exit_code, 0) << r.err << r.out;
    Fields f = checked(r);
    EXPECT_EQ(f["steps.size"], "2");
    EXPECT_EQ(f["steps.0.command"], "validate");
    EXPECT_EQ(f["steps.0.ran"], "false");
    EXPECT_EQ(f["steps.1.command"], "convert");
    EXPECT_EQ(f.count("steps.1.exit_code"), 0u);
}

TEST(JsonOutput, ARunSaysWhichStepFailedAndWhichDidNotRun) {
    const fs::path dir = scratch();
    const fs::path recipe = dir / "recipe.yaml";
    kdx::test::write_file(recipe,
                          "steps:\n  - validate:\n      input: " + imdi().string() +
                              "\n  - validate:\n      input: " + imdi_with_a_word().string() +
                              "\n  - convert:\n      input: " + imdi().string() +
                              "\n      output: " + (dir / "out.csv").string() + "\n");
    auto r = run_kdx("--json run " + sh_quote(recipe.string()));
    EXPECT_EQ(r.exit_code, 1);
    Fields f = checked(r);
    EXPECT_EQ(f["steps.0.exit_code"], "0");
    EXPECT_EQ(f["steps.1.exit_code"], "1");
    EXPECT_EQ(f["steps.2.ran"], "false");
    EXPECT_EQ(f[first(f, "error") + ".step"], "2");
    EXPECT_EQ(f["files.size"], "0");
    EXPECT_FALSE(fs::exists(dir / "out.csv"));
}

TEST(JsonOutput, ARefusedCommandLineStillGivesADocument) {
    auto r = run_kdx("validate --json --no-such-option " + sh_quote(imdi().string()));
    EXPECT_EQ(r.exit_code, 2);
    Fields f = checked(r);
    EXPECT_EQ(f["status"], "usage");
    EXPECT_EQ(f["command"], "validate");
    EXPECT_THAT(f["diagnostics.0.message"], HasSubstr("--no-such-option"));
}

TEST(JsonOutput, ACommandWithoutADocumentRefusesTheFlag) {
    auto r = run_kdx("--json verify " + sh_quote(imdi().string()));
    EXPECT_EQ(r.exit_code, 2);
    Fields f = checked(r);
    EXPECT_THAT(f["diagnostics.0.message"], HasSubstr("--json is for validate"));
}

}  // namespace
