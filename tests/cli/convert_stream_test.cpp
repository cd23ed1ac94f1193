// kdx convert in parts (cli/commands/convert_stream.*) against the whole-
// dataset path (--no-stream): the same bytes out (CSV, XLSX) or the same
// tables (SQLite, read by the sqlite3 shell), the same messages and exit
// code, on real partner files and on generated files big enough to be handed
// over in several parts; and a failure in the middle of a stream leaves the
// target as it was.
#include <gtest/gtest.h>

#include <algorithm>
#include <fstream>
#include <string>
#include <vector>

#include "test_support.hpp"

namespace {

using kdx::test::CommandResult;
using kdx::test::read_file;
using kdx::test::run;
using kdx::test::sh_quote;
using kdx::test::fs::path;

namespace fs = std::filesystem;

// kdx with KDX_CONVERT_HOLD=0, so that even a small file goes in parts, and
// a fixed SOURCE_DATE_EPOCH (workbook properties, a store's import time).
CommandResult run_streaming(const std::string& args) {
    return run("KDX_CONVERT_HOLD=0 SOURCE_DATE_EPOCH=1735603200 " +
               sh_quote(kdx::test::kdx_exe().string()) + " " + args);
}

struct Pair {
    CommandResult streamed, whole;
    std::string streamed_bytes, whole_bytes;
};

// Converts `input` to a file with extension `ext` both ways, notes shown; `extra` goes
// after the file names (e.g. "-o table=outcomes").
Pair convert_both(const path& dir, const path& input, const std::string& ext,
                  const std::string& extra = "") {
    const path a = dir / ("streamed." + ext), b = dir / ("whole." + ext);
    Pair p;
    p.streamed = run_streaming("-v convert " + sh_quote(input.string()) + " " +
                               sh_quote(a.string()) + " " + extra);
    p.whole = run_streaming("-v convert --no-stream " + sh_quote(input.string()) + " " +
                            sh_quote(b.string()) + " " + extra);
    if (fs::exists(a)) p.streamed_bytes = read_file(a);
    if (fs::exists(b)) p.whole_bytes = read_file(b);
    return p;
}

// The same messages but for the output's name in "kdx: wrote …" and the
// notes that say the records went in parts or were read again whole.
std::string without_names(std::string err) {
    const std::string note = "kdx: note: records went from reader to writer in parts\n";
    if (auto at = err.find(note); at != std::string::npos) err.erase(at, note.size());
    if (auto at = err.find("kdx: note: read whole: "); at != std::string::npos)
        err.erase(at, err.find('\n', at) + 1 - at);
    for (const char* name : {"streamed.", "whole."})
        for (auto at = err.find(name); at != std::string::npos; at = err.find(name, at))
            err.erase(at, std::string(name).size());
    return err;
}

void expect_same(const Pair& p) {
    EXPECT_EQ(p.streamed.exit_code, p.whole.exit_code) << p.streamed.err << "\n---\n"
                                                       << p.whole.err;
    EXPECT_EQ(without_names(p.streamed.err), without_names(p.whole.err));
    EXPECT_FALSE(p.whole_bytes.empty());
    EXPECT_TRUE(p.streamed_bytes == p.whole_bytes) << "outputs differ";
}

// True when `-v` says the records went in parts.
bool went_in_parts(const path& dir, const path& input, const std::string& ext,
                   const std::string& extra = "") {
    const path out = dir / ("verbose." + ext);
    CommandResult c = run_streaming("-v convert " + sh_quote(input.string()) + " " +
                                    sh_quote(out.string()) + " " + extra);
    return c.err.find("in parts") != std::string::npos;
}

std::vector<path> real_inputs() {
    std::vector<path> out;
    for (const path& dir :
         {kdx::test::data_dir() / "real" / "made", kdx::test::data_dir() / "real" / "imdi",
          kdx::test::data_dir() / "real" / "ssb", kdx::test::data_dir() / "imdi"})
        for (const auto& e : fs::directory_iterator(dir)) {
            const std::string ext = e.path().extension().string();
            if ((ext == ".csv" || ext == ".xlsx") && e.path().filename() != "names-expected.csv")
                out.push_back(e.path());
        }
    std::sort(out.begin(), out.end());
    return out;
}

// Every real partner file (tests/data/real/README.md, tests/data/imdi/README.md)
// gives the same CSV tables and messages in parts as whole.
TEST(ConvertStream, RealFilesGiveTheSameCsvAsTheWholePath) {
    const path dir = kdx::test::scratch_dir();
    int streamed = 0;
    for (const path& input : real_inputs()) {
        SCOPED_TRACE(input.string());
        for (const char* table : {"settlement", "outcomes", "municipalities"}) {
            SCOPED_TRACE(table);
            expect_same(convert_both(dir, input, "csv", std::string("-o table=") + table));
        }
        if (went_in_parts(dir, input, "csv")) ++streamed;
    }
    // Wide tables are handed on row by row; the long ones at the end of the
    // sheet (still in parts). At least the wide ones must have streamed.
    EXPECT_GE(streamed, 5);
}

// A wide settlement table of `rows` rows (municipality, year, figures),
// numbers 1000.. and years 2000..2019, with `tail` appended after the rows.
path wide_table(const path& dir, const std::string& name, int rows, const std::string& tail = "") {
    const path file = dir / name;
    std::ofstream out(file, std::ios::binary);
    out << "Kommunenummer;Kommune;År;Anmodning;Vedtak;Bosatt\n";
    for (int i = 0; i < rows; ++i) {
        const int number = 1000 + i / 20, year = 2000 + i % 20;
        out << number << ";Kommune " << number << ';' << year << ';' << (i % 37) << ';' << (i % 23)
            << ';' << (i % 19) << '\n';
    }
    out << tail;
    return file;
}

// 20,000 records: more than one part (8,192 records) even without the hold,
// municipality numbers the registry does not know or names it does not
// give (its warnings, and the summary lines of repeated ones), and at the end
// a year the validation refuses and cells the reader refuses (errors).
TEST(ConvertStream, ManyPartsGiveTheSameOutputAndMessages) {
    const path dir = kdx::test::scratch_dir();
    const path input = wide_table(
        dir, "many.csv", 20000, "1001;Kommune 1001;1985;1;1;1\n1002;Kommune 1002;2030;-1;2;2.5\n");
    expect_same(convert_both(dir, input, "csv"));
    EXPECT_TRUE(went_in_parts(dir, input, "csv"));
    const Pair p = convert_both(dir, input, "csv");
    EXPECT_NE(p.whole.err.find("unknown municipality number"), std::string::npos) << p.whole.err;
    EXPECT_NE(p.whole.err.find("year 1985 is outside"), std::string::npos) << p.whole.err;
}

// A repeated row with the same figures is dropped with the message the whole
// path gives; one with other figures needs the whole dataset (the first is
// kept, with a warning naming both), which the stream leaves to it.
TEST(ConvertStream, RepeatedKeysGiveTheSameMessages) {
    const path dir = kdx::test::scratch_dir();
    const path same = wide_table(dir, "same.csv", 12000,
                                 "1000;Kommune 1000;2000;0;0;0\n1100;Kommune 1100;2005;7;4;10\n");
    Pair p = convert_both(dir, same, "csv");
    expect_same(p);
    EXPECT_NE(p.whole.err.find("is given twice"), std::string::npos) << p.whole.err;
    EXPECT_TRUE(went_in_parts(dir, same, "csv"));

    const path other = wide_table(dir, "other.csv", 12000, "1000;Kommune 1000;2000;9;9;9\n");
    p = convert_both(dir, other, "csv");
    expect_same(p);
    EXPECT_NE(p.whole.err.find("the first is kept"), std::string::npos) << p.whole.err;
    EXPECT_NE(p.streamed.err.find("read whole: settlement 1000 2000 is given twice"),
              std::string::npos)
        << p.streamed.err;
}

// A long outcome table of `rows` rows: municipality numbers 1000.., years
// 2000..2019, and the indicator going back and forth between two (per-mille
// and percent settled) every 20 rows, with `tail` appended after the rows.
path long_outcomes(const path& dir, const std::string& name, int rows, const std::string& tail) {
    const path file = dir / name;
    std::ofstream out(file, std::ios::binary);
    out << "aar;kommune_nr;bosetting;enhet;tabellvariabel\n";
    for (int i = 0; i < rows; ++i)
        out << (2000 + i % 20) << ';' << (1000 + i / 40) << ";bosatt;"
            << (i / 20 % 2 ? "prosent" : "promille") << ';' << (i % 50) << '\n';
    out << tail;
    return file;
}

// Repeated outcome keys after the indicator and the municipality went back and
// forth (A, B, A), in a later part than the first: the stream's keys must
// still tell which are the same and which differ.
TEST(ConvertStream, RepeatedKeysAfterIndicatorsAndMunicipalitiesAlternate) {
    const path dir = kdx::test::scratch_dir();
    const path same = long_outcomes(dir, "same.csv", 10000,
                                    "2000;1000;bosatt;promille;0\n"
                                    "2000;1000;bosatt;prosent;20\n"
                                    "2000;1001;bosatt;promille;40\n"
                                    "2000;1000;bosatt;promille;0\n"
                                    "2019;1249;bosatt;prosent;49\n");
    Pair p = convert_both(dir, same, "csv", "-o table=outcomes");
    expect_same(p);
    EXPECT_EQ(p.streamed.err.find("read whole"), std::string::npos) << p.streamed.err;
    EXPECT_TRUE(went_in_parts(dir, same, "csv", "-o table=outcomes"));
    for (const std::string& twice :
         {"outcome settled-per-1000 1000 2000 is given twice, at " + same.string() + ":2:5",
          "outcome settled-share-of-decided 1000 2000 is given twice, at " + same.string() +
              ":22:5",
          "outcome settled-per-1000 1001 2000 is given twice, at " + same.string() + ":42:5",
          "outcome settled-share-of-decided 1249 2019 is given twice, at " + same.string() +
              ":10001:5"})
        EXPECT_NE(p.streamed.err.find(twice), std::string::npos) << twice << "\n" << p.streamed.err;

    const path other = long_outcomes(dir, "other.csv", 10000,
                                     "2000;1000;bosatt;prosent;20\n"
                                     "2000;1001;bosatt;promille;40\n"
                                     "2000;1000;bosatt;promille;1\n");
    p = convert_both(dir, other, "csv", "-o table=outcomes");
    expect_same(p);
    EXPECT_NE(p.streamed.err.find(
                  "read whole: outcome settled-per-1000 1000 2000 is given twice with different"),
              std::string::npos)
        << p.streamed.err;
}

// A repeated row of a wide table (a year in each group of columns, three
// records a row) is reported at the place of the first row's records: the
// stream keeps places as runs of records a fixed step apart, which must give
// the whole path's place for a record in the middle of a run.
TEST(ConvertStream, RepeatedWideRowsNameTheFirstPlaces) {
    const path dir = kdx::test::scratch_dir();
    const path file = dir / "wide-years.csv";
    {
        std::ofstream out(file, std::ios::binary);
        out << "Region;Navn";
        for (int year = 2012; year <= 2014; ++year)
            out << ";Bosetting: Anmodning om bosetting;Bosetting: Vedtak om bosetting;"
                   "Bosetting: Faktisk bosetting";
        out << "\n;";
        for (int year = 2012; year <= 2014; ++year)
            out << ";" << year << ";" << year << ";" << year;
        out << "\n";
        for (int i = 0; i < 300; ++i) {
            out << "K" << (1000 + i) << ";Kommune " << (1000 + i);
            for (int year = 0; year < 3; ++year)
                out << ";" << (40 + i % 7) << ";" << (30 + i % 5) << ";" << (20 + year);
            out << "\n";
        }
        out << "K1150;Kommune 1150;43;30;20;43;30;21;43;30;22\n";
    }
    const Pair p = convert_both(dir, file, "csv");
    expect_same(p);
    EXPECT_TRUE(went_in_parts(dir, file, "csv"));
    // Line 153 holds K1150 (two header lines, then K1000 on line 3).
    EXPECT_NE(p.streamed.err.find("settlement 1150 2013 is given twice, at " + file.string() +
                                  ":153 and here"),
              std::string::npos)
        << p.streamed.err;
}

// A quote never closed after 20,000 rows: parts have gone to the writer when
// the reader fails, and the target keeps what it held.
TEST(ConvertStream, FailureInTheMiddleLeavesTheTargetUntouched) {
    const path dir = kdx::test::scratch_dir();
    const path input = wide_table(dir, "broken.csv", 20000, "1999;\"Kommune;2000;1;1;1\n");
    const path out = dir / "target.csv";
    kdx::test::write_file(out, "what was there\n");
    CommandResult c =
        run_streaming("convert " + sh_quote(input.string()) + " " + sh_quote(out.string()));
    EXPECT_NE(c.exit_code, 0);
    EXPECT_NE(c.err.find("broken.csv"), std::string::npos) << c.err;
    EXPECT_EQ(read_file(out), "what was there\n");
    for (const auto& e : fs::directory_iterator(dir))
        EXPECT_EQ(e.path().filename().string().find("target.csv."), std::string::npos)
            << "left behind: " << e.path();
}

// Every cell of every sheet as openpyxl reads it: a "# sheet" line, then a
// line per row, its values repr()'d and tab-separated.
std::string openpyxl_cells(const path& xlsx) {
    const std::string script =
        "import openpyxl, sys\n"
        "wb = openpyxl.load_workbook(sys.argv[1], read_only=True)\n"
        "for ws in wb.worksheets:\n"
        "    print('#', ws.title)\n"
        "    for row in ws.iter_rows(values_only=True):\n"
        "        print('\\t'.join(repr(v) for v in row))\n";
    CommandResult c =
        run("/usr/bin/python3 -c " + sh_quote(script) + " " + sh_quote(xlsx.string()));
    EXPECT_EQ(c.exit_code, 0) << c.err;
    return c.out;
}

// The lines of `cells` (openpyxl_cells) under "# sheet".
std::vector<std::string> sheet_lines(const std::string& cells, const std::string& sheet) {
    std::vector<std::string> out;
    bool in = false;
    std::size_t at = 0;
    while (at < cells.size()) {
        std::size_t end = cells.find('\n', at);
        if (end == std::string::npos) end = cells.size();
        const std::string line = cells.substr(at, end - at);
        if (line.rfind("# ", 0) == 0)
            in = line == "# " + sheet;
        else if (in)
            out.push_back(line);
        at = end + 1;
    }
    return out;
}

// The workbook written in parts is the one written whole, in constant-memory
// mode (from the first part) and in auto mode (held, as the dataset is
// smaller than 100,000 rows a sheet): the same bytes, and openpyxl reads the
// rows the file has.
TEST(ConvertStream, XlsxInPartsIsTheWholeWorkbook) {
    const path dir = kdx::test::scratch_dir();
    const path input = wide_table(
        dir, "sheet.csv", 20000, "1001;Kommune 1001;1985;1;1;1\n1002;Kommune 1002;2030;-1;2;2.5\n");
    for (const char* extra : {"-o constant-memory=yes", ""}) {
        SCOPED_TRACE(extra);
        const Pair p = convert_both(dir, input, "xlsx", extra);
        expect_same(p);
        EXPECT_TRUE(went_in_parts(dir, input, "xlsx", extra));
        const std::string cells = openpyxl_cells(dir / "streamed.xlsx");
        EXPECT_EQ(cells, openpyxl_cells(dir / "whole.xlsx"));
        const std::vector<std::string> rows = sheet_lines(cells, "Settlement");
        ASSERT_EQ(rows.size(), 20003u);  // the header, 20,000 rows, 1985's and 2030's
        EXPECT_EQ(rows[0],
                  "'municipality'\t'municipality_name'\t'year'\t'requested'\t'decided'\t"
                  "'settled'\t'unaccompanied_minors'\t'family_reunifications'");
        EXPECT_EQ(rows[1], "'1000'\t'Kommune 1000'\t2000\t0\t0\t0\tNone\tNone");
        // Row 12,346 of the file: 1617 for 2004, 12344 % 37, % 23, % 19.
        EXPECT_EQ(rows[12345], "'1617'\t'Kommune 1617'\t2004\t23\t16\t13\tNone\tNone");
        EXPECT_EQ(rows[20001], "'1001'\t'Kommune 1001'\t1985\t1\t1\t1\tNone\tNone");
        // The refused cells (-1, 2.5) are left empty.
        EXPECT_EQ(rows[20002], "'1002'\t'Kommune 1002'\t2030\tNone\t2\tNone\tNone\tNone");
        const std::vector<std::string> sources = sheet_lines(cells, "Sources");
        ASSERT_EQ(sources.size(), 2u);
        EXPECT_NE(sources[1].find("sheet.csv"), std::string::npos) << sources[1];
    }
}

// Past 100,000 rows a sheet, constant-memory=auto writes in constant memory
// both ways: the held parts go to the workbook once the sheet passes that.
TEST(ConvertStream, LargeXlsxGoesInConstantMemoryAsWhole) {
    const path dir = kdx::test::scratch_dir();
    const path input = wide_table(dir, "large.csv", 100100);
    const Pair p = convert_both(dir, input, "xlsx");
    expect_same(p);
    // Inline strings, not a shared-string table: constant memory.
    CommandResult list = run("unzip -l " + sh_quote((dir / "streamed.xlsx").string()));
    EXPECT_EQ(list.out.find("sharedStrings.xml"), std::string::npos) << list.out;
}

// What needs the whole dataset is written whole, with the same output.
TEST(ConvertStream, XlsxOptionsThatNeedTheWholeDatasetReadItWhole) {
    const path dir = kdx::test::scratch_dir();
    const path input = wide_table(dir, "opts.csv", 10000);
    for (const char* extra : {"-o constant-memory=no", "-o invalid-text=error"}) {
        SCOPED_TRACE(extra);
        EXPECT_FALSE(went_in_parts(dir, input, "xlsx", extra));
        expect_same(convert_both(dir, input, "xlsx", extra));
    }
}

std::string sqlite(const path& store, const std::string& sql) {
    CommandResult c = run("sqlite3 -batch " + sh_quote(store.string()) + " " + sh_quote(sql));
    EXPECT_EQ(c.exit_code, 0) << c.err;
    return c.out;
}

// A new store written in parts holds what the whole path writes (the sqlite3
// shell's dump of both), the input's SHA-256 as sha256sum gives it, and the
// rows of the file.
TEST(ConvertStream, SqliteInPartsIsTheWholeStore) {
    const path dir = kdx::test::scratch_dir();
    const path input = wide_table(
        dir, "store.csv", 20000, "1001;Kommune 1001;1985;1;1;1\n1002;Kommune 1002;2030;-1;2;2.5\n");
    Pair p = convert_both(dir, input, "sqlite");
    EXPECT_EQ(p.streamed.exit_code, p.whole.exit_code) << p.streamed.err;
    EXPECT_EQ(without_names(p.streamed.err), without_names(p.whole.err));
    EXPECT_TRUE(went_in_parts(dir, input, "sqlite"));
    const path streamed = dir / "streamed.sqlite", whole = dir / "whole.sqlite";
    const std::string dump = sqlite(streamed, ".dump");
    EXPECT_EQ(dump, sqlite(whole, ".dump"));
    EXPECT_NE(dump.find("CREATE UNIQUE INDEX settlement_key"), std::string::npos);
    EXPECT_EQ(sqlite(streamed, "SELECT count(*) FROM settlement"), "20002\n");
    EXPECT_EQ(sqlite(streamed,
                     "SELECT municipality, year, requested, decided, settled FROM settlement "
                     "WHERE line = 12346"),
              "1617|2004|23.0|16.0|13.0\n");
    CommandResult sum = run("sha256sum " + sh_quote(input.string()));
    EXPECT_EQ(sqlite(streamed, "SELECT sha256 FROM imports"), sum.out.substr(0, 64) + "\n");
    EXPECT_EQ(sqlite(streamed, "SELECT file, imported_at, mode FROM imports"),
              input.string() + "|2024-12-31T00:00:00Z|create\n");

    // A merge answers for the whole import at once: written whole.
    EXPECT_FALSE(went_in_parts(dir, input, "sqlite", "-o merge=true"));
}

// A quote never closed after 20,000 rows: parts have gone to the XLSX and
// SQLite writers when the reader fails; the error names file and line, and
// neither an earlier target nor a new name is touched.
TEST(ConvertStream, FailureInTheMiddleLeavesNoWorkbookOrStore) {
    const path dir = kdx::test::scratch_dir();
    const path input = wide_table(dir, "broken.csv", 20000, "1999;\"Kommune;2000;1;1;1\n");
    for (const char* ext : {"xlsx", "sqlite"}) {
        SCOPED_TRACE(ext);
        const path kept = dir / (std::string("kept.") + ext),
                   fresh = dir / (std::string("new.") + ext);
        kdx::test::write_file(kept, "what was there\n");
        for (const char* extra : {"", "-o constant-memory=yes"}) {
            if (*extra && std::string(ext) != "xlsx") continue;
            for (const path& out : {kept, fresh}) {
                CommandResult c = run_streaming("convert " + sh_quote(input.string()) + " " +
                                                sh_quote(out.string()) + " " + extra);
                EXPECT_NE(c.exit_code, 0);
                EXPECT_NE(c.err.find("broken.csv:20002:"), std::string::npos) << c.err;
            }
        }
        EXPECT_EQ(read_file(kept), "what was there\n");
        EXPECT_FALSE(fs::exists(fresh));
    }
    for (const auto& e : fs::directory_iterator(dir)) {
        const std::string name = e.path().filename().string();
        EXPECT_TRUE(name == "broken.csv" || name == "kept.xlsx" || name == "kept.sqlite")
            << "left behind: " << e.path();
    }
}

// --help says which jobs read the whole dataset.
TEST(ConvertStream, HelpNamesWhatReadsWhole) {
    CommandResult c = kdx::test::run_kdx("convert --help");
    EXPECT_NE(c.out.find("--no-stream"), std::string::npos) << c.out;
    EXPECT_NE(c.out.find("--harmonise-to"), std::string::npos);
    EXPECT_NE(c.out.find("xml"), std::string::npos);
    EXPECT_NE(c.out.find("constant-memory=no"), std::string::npos) << c.out;
}

}  // namespace
