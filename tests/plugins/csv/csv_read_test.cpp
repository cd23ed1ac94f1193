// Reading CSV dialects partners send: ";" in Windows-1252 with a title row and
// a total row, tab-separated, UTF-8 with a byte order mark and quoted line
// breaks, CRLF; and the errors a file kdx cannot read gives.
#include <gmock/gmock.h>

#include "csv_test_support.hpp"
#include "kdx/error.hpp"
#include "names_by_year.hpp"
#include "repeated_keys_check.hpp"

namespace {

using kdx::Severity;
using kdx::Value;
using namespace kdx::test;
using namespace kdx::test::csv;
using ::testing::ElementsAre;
using ::testing::HasSubstr;
using ::testing::IsEmpty;

const kdx::SettlementFigures* find(const kdx::Dataset& d, const std::string& m, int year) {
    for (const auto& s : d.settlement)
        if (s.municipality == m && s.year == year) return &s;
    return nullptr;
}

std::string error_of(const fs::path& file, const kdx::Options& options = {}) {
    try {
        read(file, options);
    } catch (const kdx::Error& e) {
        return e.where().to_string() + ": " + e.message();
    }
    return "no error";
}

TEST(CsvRead, SemicolonsInWindows1252WithTitleAndTotalRows) {
    fs::path file = data / "semicolon-latin1.csv";
    ReadResult r = read(file);
    std::string f = file.string();
    EXPECT_TRUE(r.messages(Severity::error).empty()) << r.messages(Severity::error).front();
    EXPECT_THAT(r.messages(Severity::info),
                ElementsAre(f + ":1: not UTF-8 (byte 0xF8 on this line): read as Windows-1252",
                            f + ":1: title row skipped (\"Bosetting av flyktninger i Trøndelag "
                                "2018\")",
                            f + ":2: blank row skipped",
                            f + ":3: the table has no year column; its figures are read as 2018, "
                                "the year in its title or name",
                            f + ":7: total row skipped (\"Sum\")"));
    ASSERT_EQ(r.dataset.settlement.size(), 3u);
    const auto* trondheim = find(r.dataset, "5001", 2018);
    ASSERT_TRUE(trondheim);
    EXPECT_EQ(trondheim->settled, Value(1234));  // no-break space as thousands separator
    EXPECT_EQ(trondheim->unaccompanied_minors, Value(12));
    EXPECT_TRUE(find(r.dataset, "5004", 2018)->unaccompanied_minors.is_suppressed());
    EXPECT_TRUE(find(r.dataset, "5035", 2018)->decided.is_missing());
    ASSERT_EQ(r.dataset.outcomes.size(), 2u);
    EXPECT_EQ(r.dataset.outcomes[0].value, Value(62.5));
    EXPECT_EQ(r.dataset.outcomes[0].unit, kdx::Unit::percent);
    EXPECT_EQ(r.dataset.find_municipality("5035")->name, "Stjørdal");  // decoded from 0xF8
    EXPECT_EQ(r.dataset.location_of(r.dataset.outcomes[1].origin).to_string(), f + ":6:6");
}

TEST(CsvRead, TabSeparated) {
    ReadResult r = read(data / "tab.csv");
    EXPECT_TRUE(r.diagnostics.empty()) << r.diagnostics.items().front().to_string();
    EXPECT_EQ(find(r.dataset, "0301", 2018)->requested, Value(1000));
    EXPECT_EQ(find(r.dataset, "3413", 2020)->settled, Value(24));
    EXPECT_EQ(r.dataset.find_municipality("3413")->name, "Stange");  // from the registry
}

TEST(CsvRead, ByteOrderMarkQuotedLineBreaksAndCrlf) {
    fs::path file = data / "bom-quoted.csv";
    ReadResult r = read(file);
    // The record after a quoted line break starts on line 4, and the third
    // field is its column.
    EXPECT_THAT(r.messages(Severity::error),
                ElementsAre(file.string() + ":4:3: expected a whole number, found \"1,5\""));
    EXPECT_EQ(find(r.dataset, "5006", 2020)->settled, Value(31));
    EXPECT_TRUE(find(r.dataset, "3413", 2020));  // "Stange" found by name in 2020
    EXPECT_THAT(r.messages(Severity::info),
                ElementsAre(file.string() + ":1:4: column \"Merknad\" is not used"));
}

TEST(CsvRead, LineEndsOfEveryKindAndSeparatorsByOption) {
    fs::path dir = scratch_dir();
    write_file(dir / "cr.csv", "Kommunenr,År,Bosatt\r0301,2018,5\r3413,2020,6");
    ReadResult cr = read(dir / "cr.csv");
    EXPECT_EQ(cr.dataset.settlement.size(), 2u);
    EXPECT_EQ(cr.dataset.location_of(cr.dataset.settlement[1].origin).line, 3u);

    // The option overrides what detection would pick.
    write_file(dir / "forced.csv", "Kommunenr;År;Bosatt\n0301;2018;5\n");
    EXPECT_EQ(read(dir / "forced.csv", {{"delimiter", "semicolon"}}).dataset.settlement.size(), 1u);
    ReadResult wrong = read(dir / "forced.csv", {{"delimiter", "tab"}});
    EXPECT_TRUE(wrong.dataset.settlement.empty());
    EXPECT_TRUE(wrong.diagnostics.has_errors());
}

// "År" in Windows-1252 is 0xC5 'r': 0xC5 would begin a two-byte UTF-8
// letter, so the byte named is 0xC5, the letter the user sees, not the 'r'.
TEST(CsvRead, NotUtf8NamesTheByteThatBeganTheBrokenLetter) {
    fs::path file = scratch_dir() / "aar.csv";
    write_file(file, "Kommune;\xC5r;Bosatt\nOslo;2018;5\n");
    ReadResult r = read(file);
    EXPECT_THAT(r.messages(Severity::info),
                ElementsAre(file.string() +
                            ":1: not UTF-8 (byte 0xC5 on this line): read as Windows-1252"));
    EXPECT_EQ(find(r.dataset, "0301", 2018)->settled, Value(5));
}

TEST(CsvRead, EncodingOption) {
    fs::path file = data / "semicolon-latin1.csv";
    EXPECT_EQ(error_of(file, {{"encoding", "utf-8"}}),
              file.string() +
                  ":1: expected UTF-8 text, found byte 0xF8 (encoding=windows-1252 "
                  "reads Windows and Latin-1 files)");
    ReadResult told = read(file, {{"encoding", "windows-1252"}});
    EXPECT_EQ(told.dataset.settlement.size(), 3u);
    EXPECT_THAT(told.messages(Severity::info).front(), HasSubstr("title row skipped"));
    EXPECT_EQ(
        error_of(file, {{"encoding", "latin-9"}}),
        ": format csv: option encoding: expected auto, utf-8, utf-8-bom or windows-1252, found "
        "\"latin-9\"");
}

TEST(CsvRead, FilesItCannotReadSayWhy) {
    fs::path dir = scratch_dir();
    write_file(dir / "utf16.csv", std::string("\xFF\xFEK\0o\0", 6));
    EXPECT_EQ(error_of(dir / "utf16.csv"),
              (dir / "utf16.csv").string() +
                  ":1: expected UTF-8 or Windows-1252 text, found UTF-16 (save it as CSV UTF-8)");
    write_file(dir / "open.csv", "Kommunenr,År,Bosatt\n0301,2018,5\n3413,2020,\"6\n3414,2020,7\n");
    EXPECT_EQ(error_of(dir / "open.csv"),
              (dir / "open.csv").string() +
                  ":3:3: a quoted field opens here and is not closed before the end of the file "
                  "(a quote \" missing?)");
    EXPECT_THAT(error_of(dir / "absent.csv"), HasSubstr("cannot open the file for reading"));
    write_file(dir / "empty.csv", "");
    EXPECT_THAT(read(dir / "empty.csv").messages(Severity::error),
                ElementsAre(HasSubstr("nothing could be read")));
}

// A name is looked up in the registry of its figure's year, whether the year
// is in the column header (wide) or in an "År" column (long): Steinkjer 2017
// is 1702, Leksvik (gone since 2018) resolves in 2017.
TEST(CsvRead, NamesResolveInTheYearOfTheirFigures) {
    for (const char* name : {"names-by-year-wide.csv", "names-by-year-long.csv"}) {
        SCOPED_TRACE(name);
        ReadResult r = read(data / name);
        EXPECT_THAT(r.messages(Severity::error), IsEmpty());
        EXPECT_THAT(r.messages(Severity::warning), IsEmpty());
        EXPECT_THAT(settled_by_number_and_year(r.dataset),
                    ::testing::UnorderedElementsAreArray(names_by_year_expected()));
    }
}

// A name that no municipality had in the column's year is an error naming the
// nearest municipality of that year; the other years of the row are kept.
TEST(CsvRead, ANameUnknownInItsYearNamesTheNearestOfThatYear) {
    fs::path file = scratch_dir() / "typo.csv";
    write_file(file, "Kommune;Bosatt 2017;Bosatt 2020\nSteinkjær;10;12\nLeksvik;3;4\n");
    ReadResult r = read(file);
    EXPECT_THAT(r.messages(Severity::error),
                ElementsAre(HasSubstr(":2:1: expected a municipality number or name, found "
                                      "\"Steinkjær\" (no municipality had that name in 2017); "
                                      "did you mean 1702 Steinkjer?"),
                            HasSubstr(":2:1: expected a municipality number or name, found "
                                      "\"Steinkjær\" (no municipality had that name in 2020); "
                                      "did you mean 5006 Steinkjer?"),
                            HasSubstr(":3:1: expected a municipality number or name, found "
                                      "\"Leksvik\" (no municipality had that name in 2020)")));
    EXPECT_THAT(settled_by_number_and_year(r.dataset),
                ElementsAre(NumberYearSettled{"1718", 2017, 3}));
}

TEST(CsvRead, AKeyGivenTwiceIsWrittenOnce) {
    fs::path file = data / "repeated-keys.csv";
    check_repeated_keys(file, file.string() + ":2", file.string() + ":4");
}

}  // namespace

namespace {

// IMDi's long export without its category column: rows kdx reads nothing
// from are an error (exit 1) for validate and convert alike, naming the
// column left unused and what it looks like.
TEST(CsvRead, DataRowsWithoutFiguresAreAnError) {
    fs::path dir = scratch_dir();
    fs::path file = dir / "antall.csv";
    write_file(file,
               "Enhet;År;Kommunenummer;Kommune;Antall\nPersoner;2018;0301;Oslo;5\n"
               "Personer;2018;5001;Trondheim;6\n");
    for (std::string command :
         {"validate " + sh_quote(file.string()),
          "convert " + sh_quote(file.string()) + " " + sh_quote((dir / "antall.xml").string())}) {
        SCOPED_TRACE(command);
        auto r = run_kdx(command);
        EXPECT_EQ(r.exit_code, 1) << r.err;
        EXPECT_THAT(r.err + r.out,
                    HasSubstr(file.string() + ":1: error: 2 data rows but no figures read"));
        EXPECT_THAT(r.err + r.out, HasSubstr("'Antall' looks like the value column of a long "
                                             "table: which column holds the category"));
    }
}

}  // namespace
