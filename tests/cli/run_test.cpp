// kdx run RECIPE: a recipe makes the same files as the command lines it
// stands for, takes paths from its own folder, and every mistake in it is
// named by file, line and column before anything is run.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <regex>
#include <set>

#include "test_support.hpp"

namespace {

namespace fs = std::filesystem;
using kdx::test::run;
using kdx::test::run_kdx;
using kdx::test::sh_quote;
using ::testing::HasSubstr;
using ::testing::Not;

std::string kdx_exe() { return sh_quote(kdx::test::kdx_exe().string()); }

// A scratch folder holding data/nominees-2018.xml (the example dataset) and
// recipes/, where the tests write their recipes.
fs::path job_folder() {
    fs::path dir = kdx::test::scratch_dir();
    fs::create_directories(dir / "data");
    fs::create_directories(dir / "recipes");
    fs::copy_file(kdx::test::source_dir() / "examples/data/nominees-2018.xml",
                  dir / "data/nominees-2018.xml");
    return dir;
}

// Every file under `dir`, by its path relative to `dir`, with its bytes.
std::map<std::string, std::string> files_in(const fs::path& dir) {
    std::map<std::string, std::string> files;
    for (const auto& e : fs::recursive_directory_iterator(dir))
        if (e.is_regular_file())
            files[fs::relative(e.path(), dir).string()] = kdx::test::read_file(e.path());
    return files;
}

// Runs `kdx run RECIPE` from the root folder, so that only the recipe's own
// folder can make its relative paths work.
kdx::test::CommandResult run_recipe(const fs::path& recipe, const std::string& flags = "") {
    return run("cd / && SOURCE_DATE_EPOCH=1546300800 " + kdx_exe() + " run " + flags + " " +
               sh_quote(recipe.string()));
}

TEST(KdxRun, MakesTheSameFilesAsTheCommandLines) {
    const fs::path dir = job_folder();
    const fs::path recipe = dir / "recipes/job.yaml";
    kdx::test::write_file(recipe,
                          "# paths from this file's folder\n"
                          "data: ../data/nominees-2018.xml\n"
                          "out: ../from-recipe\n"
                          "steps:\n"
                          "  - validate:\n"
                          "      input: ../data/nominees-2018.xml\n"
                          "  - dossier:\n"
                          "      year: 2018\n"
                          "      format: [pdf, xlsx, xml]\n"
                          "      publisher: IMDi\n"
                          "  - report:\n"
                          "      template: council-report\n"
                          "      municipality: 5004\n"
                          "      lang: [nb, nn]\n"
                          "      format: xml,xlsx\n");
    auto r = run_recipe(recipe);
    ASSERT_EQ(r.exit_code, 0) << r.err;
    EXPECT_THAT(r.err, HasSubstr("kdx run: step 1 of 4: kdx validate"));
    EXPECT_THAT(r.err, HasSubstr("kdx run: 4 steps done"));

    // The same job typed as a user types it, from the job's folder.
    const std::string cli =
        "cd " + sh_quote(dir.string()) + " && export SOURCE_DATE_EPOCH=1546300800 && " + kdx_exe() +
        " dossier --year 2018 -d data/nominees-2018.xml --format pdf,xlsx,xml" +
        " --publisher IMDi --out from-cli && " + kdx_exe() +
        " report -t council-report -d data/nominees-2018.xml --municipality 5004 --lang nb"
        " --format xml,xlsx --out from-cli && " +
        kdx_exe() +
        " report -t council-report -d data/nominees-2018.xml --municipality 5004 --lang nn"
        " --format xml,xlsx --out from-cli";
    auto c = run(cli);
    ASSERT_EQ(c.exit_code, 0) << c.err;

    auto from_recipe = files_in(dir / "from-recipe");
    auto from_cli = files_in(dir / "from-cli");
    // 7 dossiers and the comparison in three formats, two council reports in two.
    EXPECT_EQ(from_recipe.size(), 8u * 3 + 2 * 2);
    ASSERT_EQ(from_recipe.size(), from_cli.size());
    for (const auto& [name, bytes] : from_cli) {
        ASSERT_TRUE(from_recipe.count(name)) << name << " was not made by the recipe";
        EXPECT_TRUE(from_recipe[name] == bytes) << name << " differs";
    }
    EXPECT_TRUE(from_recipe.count("council-report-2014-5004-steinkjer-nn.xml"));
}

TEST(KdxRun, DryRunPrintsTheCommandLinesWithPathsFromTheRecipesFolder) {
    const fs::path dir = job_folder();
    // An option value naming a file beside the recipe is taken from there.
    fs::create_directories(dir / "recipes/fonts");
    kdx::test::write_file(dir / "recipes/fonts/serif.ttf", "");
    kdx::test::write_file(
        dir / "recipes/job.yaml",
        "steps:\n"
        "  - convert: {input: ../data/nominees-2018.xml, output: ../work/store.xml, strict: true}\n"
        "  - report:\n"
        "      template: council-report\n"
        "      data: [../work/store.xml, ../data]\n"
        "      municipality: Steinkjer\n"
        "      year: [2013, 2014]\n"
        "      option: {paper: letter, font: fonts/serif.ttf}\n");
    auto r = run("cd " + sh_quote(dir.string()) + " && " + kdx_exe() +
                 " run --dry-run recipes/job.yaml");
    ASSERT_EQ(r.exit_code, 0) << r.err;
    // The store is written by step 1, so step 2 may read it though it is not there yet.
    EXPECT_EQ(r.out,
              "kdx convert --strict data/nominees-2018.xml work/store.xml\n"
              "kdx report --template=council-report --data=work/store.xml --data=data "
              "--municipality=Steinkjer --year=2013 --option=paper=letter "
              "--option=font=recipes/fonts/serif.ttf\n"
              "kdx report --template=council-report --data=work/store.xml --data=data "
              "--municipality=Steinkjer --year=2014 --option=paper=letter "
              "--option=font=recipes/fonts/serif.ttf\n");
    EXPECT_FALSE(fs::exists(dir / "work"));
}

// Each mistake of a recipe, at its line and column; nothing is run.
struct Mistake {
    const char* recipe;
    const char* where;  // line:column
    const char* message;
};

class KdxRunMistakes : public ::testing::TestWithParam<Mistake> {};

void PrintTo(const Mistake& m, std::ostream* os) { *os << m.message; }

TEST_P(KdxRunMistakes, AreNamedWhereTheyAreAndNothingIsWritten) {
    const fs::path dir = job_folder();
    const fs::path recipe = dir / "recipes/job.yaml";
    kdx::test::write_file(recipe, GetParam().recipe);
    auto r = run_recipe(recipe);
    EXPECT_NE(r.exit_code, 0);
    EXPECT_THAT(r.err, HasSubstr(recipe.string() + ":" + GetParam().where +
                                 ": error: " + GetParam().message));
    EXPECT_THAT(r.err, HasSubstr("kdx: error: run: nothing was run"));
    EXPECT_THAT(r.err, Not(HasSubstr("kdx run: step")));
    EXPECT_FALSE(fs::exists(dir / "out"));
    EXPECT_TRUE(r.out.empty()) << r.out;
}

// Every recipe below would write into out/ had it no mistake; the first
// step is right, so a recipe run step by step would have written something.
INSTANTIATE_TEST_SUITE_P(
    Recipe, KdxRunMistakes,
    ::testing::Values(
        Mistake{"data: ../data/nominees-2018.xml\nout: ../out\nsteps:\n"
                "  - dossier: {year: 2018, format: xml}\n"
                "  - report: {template: council-report, municipality: 5004, yaer: 2014}\n",
                "5:60", "kdx report has no key yaer; did you mean year?"},
        Mistake{"data: ../data/nominees-2018.xml\nout: ../out\nformats: xml\nsteps:\n  - dossier: "
                "{year: 2018}\n",
                "3:1", "no command takes formats; did you mean format?"},
        Mistake{"data: ../data/nominees-2018.xml\nout: ../out\nsteps:\n"
                "  - dossier: {year: 2018, format: xml}\n"
                "  - dossier:\n      year: twenty\n",
                "6:13", "year takes a whole number, not \"twenty\""},
        Mistake{"data: ../data/nominees-2018.xml\nout: ../out\nsteps:\n"
                "  - dossier: {year: 2018, format: xml}\n"
                "  - validate: {input: ../data/nominees-2018.xml, strict: sometimes}\n",
                "5:58", "strict takes true or false, not \"sometimes\""},
        Mistake{"out: ../out\nsteps:\n"
                "  - dossier: {year: 2018, format: xml, data: ../data/nominees-2018.xml}\n"
                "  - report: {template: council-report, municipality: 5004, data: "
                "[../data/nominees-2018.xml, "
                "../data/nominees-2019.xml]}\n",
                "4:94", "no such file: "},
        Mistake{"data: ../data/nominees-2018.xml\nout: ../out\nsteps:\n"
                "  - dossier: {year: 2018, format: xml}\n"
                "  - report: {template: council-reprot, municipality: 5004}\n",
                "5:24", "no template \"council-reprot\""},
        Mistake{"data: ../data/nominees-2018.xml\nout: ../out\nsteps:\n"
                "  - dossier: {year: 2018, format: xml}\n"
                "  - dossier: {year: 2018, threshold: 0}\n",
                "5:38", "threshold: Value 0 not in range 1 to 1000"},
        Mistake{"data: ../data/nominees-2018.xml\nout: ../out\nsteps:\n"
                "  - dossier: {year: 2018, format: xml}\n"
                "  - dossier: {format: xml}\n",
                "5:5", "kdx dossier needs year (Prize year)"},
        Mistake{"data: ../data/nominees-2018.xml\nout: ../out\nsteps:\n"
                "  - dossier: {year: 2018, format: xml}\n"
                "  - dosier: {year: 2018}\n",
                "5:5", "no command dosier; did you mean dossier?"},
        Mistake{"data: ../data/nominees-2018.xml\nout: ../out\nsteps:\n"
                "  - dossier: {year: 2018, format: xml\n",
                "5:1", "this is not YAML: "},
        Mistake{"data: ../data/nominees-2018.xml\nout: ../out\nsteps:\n"
                "  - dossier: {year: 2018, format: xml}\n"
                "  - dossier: {year: 2018, year: 2019}\n",
                "5:27", "year is given twice in this step (first at line 5)"},
        Mistake{"data: ../data/nominees-2018.xml\nout: ../out\nverbose: [yes, no]\nsteps:\n"
                "  - dossier: {year: 2018, format: xml}\n",
                "3:10", "verbose takes true or false, not a list"},
        Mistake{"data: ../data/nominees-2018.xml\nout: ../out\nsteps:\n"
                "  - dossier: {year: 2018, format: xml, quiet: true}\n",
                "4:40", "quiet is for the whole run: put it at the top of the recipe"},
        Mistake{"data: ../data/nominees-2018.xml\nout: ../out\nsteps:\n"
                "  - dossier: {year: 2018, format: xml}\n"
                "  - report: {template: council-report, municipality: 5004, format: [pfd, xlsz]}\n",
                "5:68", "no plugin writes reports as pfd,xlsz"},
        Mistake{"data: ../data/nominees-2018.xml\nout: ../out\nsteps:\n"
                "  - dossier: {year: 2018, format: xml}\n"
                "  - report: {template: council-report, municipality: 5004, format: pdf, option: "
                "{papr: a4}}\n",
                "5:81", "unknown option \"papr\" for format pdf"},
        Mistake{"data: ../data/nominees-2018.xml\nout: ../out\nsteps:\n"
                "  - dossier: {year: 2018, format: xml}\n"
                "  - convert: {input: ../data/nominees-2018.xml, output: ../out/store.xls}\n",
                "5:57", "no format can write datasets from the name"},
        Mistake{"data: ../data/nominees-2018.xml\nout: ../out\n", "1:1",
                "the recipe has no steps"}));

TEST(KdxRun, AFailingStepStopsTheRecipe) {
    const fs::path dir = job_folder();
    kdx::test::write_file(dir / "data/empty.csv", "");
    const fs::path recipe = dir / "recipes/job.yaml";
    kdx::test::write_file(
        recipe,
        "steps:\n"
        "  - validate: {input: ../data/empty.csv}\n"
        "  - dossier: {year: 2018, data: ../data/nominees-2018.xml, out: ../out}\n");
    auto r = run_recipe(recipe);
    EXPECT_EQ(r.exit_code, 1) << r.err;
    EXPECT_THAT(
        r.err, HasSubstr(recipe.string() + ":2:5: error: step 1 (validate) ended with exit code 1; "
                                           "the step after it was not run"));
    EXPECT_THAT(r.err, Not(HasSubstr("step 2 of 2")));
    EXPECT_FALSE(fs::exists(dir / "out"));
}

TEST(KdxRun, GlobalKeysApplyToEveryStep) {
    const fs::path dir = job_folder();
    const fs::path recipe = dir / "recipes/job.yaml";
    const std::string step = "steps:\n  - validate: {input: ../data/nominees-2018.xml}\n";
    kdx::test::write_file(recipe, step);
    auto loud = run_recipe(recipe);
    EXPECT_EQ(loud.exit_code, 0) << loud.err;
    EXPECT_THAT(loud.err, HasSubstr("warning:"));
    kdx::test::write_file(recipe, "quiet: true\n" + step);
    auto quiet = run_recipe(recipe);
    EXPECT_EQ(quiet.exit_code, 0) << quiet.err;
    // -q: errors only, and no progress lines.
    EXPECT_EQ(quiet.err, "");
}

// Every long option and positional of the commands a recipe runs, as their
// own --help prints them.
std::map<std::string, std::set<std::string>> options_in_help() {
    std::map<std::string, std::set<std::string>> options;
    for (const char* command : {"validate", "convert", "report", "dossier", "verify", "plugins"}) {
        auto help = run_kdx(std::string(command) + " --help");
        std::istringstream in(help.out);
        bool positionals = false;
        for (std::string line; std::getline(in, line);) {
            if (line == "Positionals:") positionals = true;
            if (line == "Options:") positionals = false;
            std::smatch m;
            if (positionals && std::regex_search(line, m, std::regex("^  ([a-z]+) ")))
                options[command].insert(m[1]);
            static const std::regex long_option("^  (?:-[a-zA-Z],)?--([a-z][a-z-]*)");
            if (std::regex_search(line, m, long_option) && m[1] != "help")
                options[command].insert(m[1]);
        }
    }
    return options;
}

TEST(KdxRun, EveryOptionOfEveryCommandIsAKeyAndIsDocumented) {
    auto help = run_kdx("run --help");
    ASSERT_EQ(help.exit_code, 0);
    EXPECT_THAT(help.out, HasSubstr("Usage: kdx run [OPTIONS] recipe"));
    EXPECT_THAT(help.out, HasSubstr("--dry-run"));
    const std::string doc = kdx::test::read_file(kdx::test::source_dir() / "docs/recipes.md");
    const auto all = options_in_help();
    ASSERT_EQ(all.size(), 6u);
    for (const auto& [command, options] : all) {
        ASSERT_FALSE(options.empty()) << command;
        std::smatch m;
        ASSERT_TRUE(std::regex_search(help.out, m, std::regex("\n  " + command + ": ([^\n]*)")))
            << command;
        const std::string keys = ", " + std::string(m[1]) + ",";
        for (const std::string& o : options) {
            EXPECT_THAT(keys, HasSubstr(", " + o + ","))
                << "kdx " << command << " --" << o << " has no recipe key";
            EXPECT_THAT(doc, HasSubstr("`" + o + "`"))
                << "docs/recipes.md does not describe key " << o;
        }
    }
}

TEST(KdxRun, TheExampleRecipeIsTheDemosJob) {
    auto r = run("cd / && " + kdx_exe() + " run --dry-run " +
                 sh_quote((kdx::test::source_dir() / "examples/dossier-2018.yaml").string()));
    ASSERT_EQ(r.exit_code, 0) << r.err;
    const std::string root = kdx::test::source_dir().string();
    EXPECT_EQ(r.out, "kdx validate " + root + "/examples/data/nominees-2018.xml\n" +
                         "kdx dossier --year=2018 --data=" + root +
                         "/examples/data/nominees-2018.xml --out=" + root +
                         "/out/dossiers --format=pdf,xlsx,xml\n");
}

}  // namespace
