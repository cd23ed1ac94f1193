// The kdx command end to end: what a user is told on stderr, the exit code,
// and which files are (not) written.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <algorithm>
#include <map>
#include <regex>
#include <sstream>

#include "test_support.hpp"

namespace {

namespace fs = std::filesystem;
using kdx::test::run_kdx;
using kdx::test::sh_quote;
using ::testing::HasSubstr;
using ::testing::Not;

std::string example() {
    return sh_quote((kdx::test::source_dir() / "examples/data/nominees-2018.xml").string());
}
std::string imdi() {
    return sh_quote((kdx::test::data_dir() / "imdi/imdi-settlement-2012-2014.csv").string());
}

// The number before `word` in a counts line such as "0 errors, 11 warnings".
int count_of(const std::string& text, const std::string& word) {
    std::smatch m;
    std::regex pattern("([0-9,]+) " + word);
    std::string last;
    for (auto it = std::sregex_iterator(text.begin(), text.end(), pattern);
         it != std::sregex_iterator(); ++it)
        last = (*it)[1];
    last.erase(std::remove(last.begin(), last.end(), ','), last.end());
    return last.empty() ? -1 : std::stoi(last);
}

std::vector<std::string> lines_of(const std::string& text) {
    std::vector<std::string> lines;
    std::istringstream in(text);
    for (std::string line; std::getline(in, line);) lines.push_back(line);
    return lines;
}

TEST(KdxCli, EveryCommandChecksTheDataTheSameWay) {
    // validate and dossier read one file: the same warnings, counted alike.
    auto validated = run_kdx("validate " + example());
    ASSERT_EQ(validated.exit_code, 0) << validated.err;
    fs::path out = kdx::test::scratch_dir();
    auto dossier = run_kdx("dossier --year 2018 --format xml -d " + example() + " --out " +
                           sh_quote(out.string()));
    ASSERT_EQ(dossier.exit_code, 0) << dossier.err;
    const int warnings = count_of(validated.out, "warning");
    ASSERT_GE(warnings, 0) << validated.out;
    // The dossier's own line counts what the data checks found plus what
    // the report builder adds; the data checks alone must match validate's.
    for (const std::string& line : lines_of(validated.err))
        EXPECT_THAT(dossier.err, HasSubstr(line));
}

TEST(KdxCli, SettledAboveDecidedIsNotAWarning) {
    auto r = run_kdx("validate " + imdi());
    EXPECT_THAT(r.err, Not(HasSubstr("is more than decided")));
}

TEST(KdxCli, QuietKeepsOnlyErrors) {
    auto loud = run_kdx("validate " + example());
    ASSERT_THAT(loud.err, HasSubstr("warning:"));
    auto quiet = run_kdx("-q validate " + example());
    EXPECT_EQ(quiet.exit_code, 0);
    EXPECT_THAT(quiet.err, Not(HasSubstr("warning:")));
    // The counts line still counts them.
    EXPECT_EQ(count_of(quiet.out, "warning"), count_of(loud.out, "warning"));
    auto errors_only = run_kdx("validate --diagnostics=errors " + example());
    EXPECT_EQ(errors_only.err, quiet.err);
    auto with_notes = run_kdx("validate --diagnostics=warnings,notes " + example());
    EXPECT_THAT(with_notes.err, HasSubstr("warning:"));
}

TEST(KdxCli, ABadDiagnosticsKindIsAUsageMistake) {
    auto r = run_kdx("validate --diagnostics=warnigns " + example());
    EXPECT_EQ(r.exit_code, 2);
    EXPECT_THAT(r.err, HasSubstr("kdx: error: --diagnostics takes errors, warnings, notes"));
}

TEST(KdxCli, ARepeatedProblemIsSaidOnceWithACount) {
    // Every line is one diagnostic "<where>: <severity>: <message>", and no
    // kind of problem takes more than four lines.
    auto r = run_kdx("validate " + imdi());
    std::map<std::string, int> kinds;
    std::regex shape("^[^ ].*: (error|warning|info): .+$");
    for (const std::string& line : lines_of(r.err)) {
        EXPECT_TRUE(std::regex_match(line, shape)) << line;
        std::string kind =
            std::regex_replace(line.substr(line.find(": ") + 2), std::regex("[0-9\"]+"), "#");
        if (line.find("more like this") == std::string::npos) ++kinds[kind];
    }
    for (const auto& [kind, n] : kinds) EXPECT_LE(n, 4) << kind;
}

TEST(KdxCli, AMistypedCommandOrOptionGetsADidYouMean) {
    auto command = run_kdx("valdate " + example());
    EXPECT_EQ(command.exit_code, 2);
    EXPECT_THAT(command.err, HasSubstr("kdx: error: "));
    EXPECT_THAT(command.err, HasSubstr("did you mean kdx validate?"));
    auto option = run_kdx("report -t council-report -d " + example() + " --municiplity 3403");
    EXPECT_EQ(option.exit_code, 2);
    EXPECT_THAT(option.err, HasSubstr("did you mean --municipality?"));
    EXPECT_EQ(lines_of(option.err).size(), 1u) << option.err;
}

TEST(KdxCli, UsageMistakesAreFoundBeforeTheDataIsRead) {
    // The data file does not exist: a usage mistake is reported first, exit 2.
    fs::path out = kdx::test::scratch_dir();
    std::string missing = sh_quote((out / "no-such.xml").string());
    auto format = run_kdx("dossier --year 2018 --format nope -d " + missing + " --out " +
                          sh_quote(out.string()));
    EXPECT_EQ(format.exit_code, 2) << format.err;
    EXPECT_THAT(format.err, HasSubstr("kdx: error: "));
    auto templ =
        run_kdx("report -t no-such-template -d " + missing + " --out " + sh_quote(out.string()));
    EXPECT_EQ(templ.exit_code, 2) << templ.err;
    EXPECT_THAT(templ.err, HasSubstr("kdx: error: "));
    EXPECT_TRUE(fs::is_empty(out));
}

TEST(KdxCli, ValidateAndConvertAgreeOnAFileWithNothingInIt) {
    fs::path dir = kdx::test::scratch_dir();
    fs::path empty = dir / "empty.csv";
    kdx::test::write_file(empty, "Kommune;Antall\nHamar;12\n");
    auto validated = run_kdx("validate " + sh_quote(empty.string()));
    auto converted =
        run_kdx("convert " + sh_quote(empty.string()) + " " + sh_quote((dir / "out.xml").string()));
    EXPECT_EQ(validated.exit_code, converted.exit_code) << validated.err << converted.err;
    EXPECT_NE(validated.exit_code, 0);
    EXPECT_FALSE(fs::exists(dir / "out.xml"));
}

}  // namespace
