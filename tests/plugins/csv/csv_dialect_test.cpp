// Writing CSV for Norwegian Excel: semicolons, decimal commas, a byte order
// mark or Windows-1252. Each file is read back by Python's csv module with
// that separator and codec, by kdx's own reader, and once by LibreOffice,
// whose workbook openpyxl reads.
#include <gmock/gmock.h>

#include "csv_test_support.hpp"
#include "kdx/error.hpp"

namespace {

using kdx::Value;
using namespace kdx::test;
using namespace kdx::test::csv;
using ::testing::ElementsAre;
using ::testing::HasSubstr;
using Records = std::vector<std::vector<std::string>>;

kdx::Municipality municipality(const std::string& number, const std::string& name,
                               std::vector<std::string> other_names = {}) {
    kdx::Municipality m;
    m.number = number;
    m.name = name;
    m.county_number = "56";
    m.county_name = "Finnmark";
    m.other_names = std::move(other_names);
    return m;
}

kdx::Outcome outcome(const std::string& number, int year, double value, kdx::Unit unit,
                     const std::string& source) {
    kdx::Outcome o;
    o.municipality = number;
    o.indicator = "work-or-education-1y";
    o.year = year;
    o.value = value;
    o.unit = unit;
    o.source = source;
    return o;
}

// Names Windows-1252 holds (á, š, å), figures with decimals, and texts with
// both separators in them.
kdx::Dataset sample() {
    kdx::Dataset d;
    d.municipalities = {municipality("5610", "Kárášjohka - Karasjok", {"Kárášjohka", "Karasjok"}),
                        municipality("5628", "Deatnu - Tana", {"Deatnu"}),
                        municipality("5636", "Unjárga - Nesseby", {"Unjárga"}),
                        municipality("5605", "Sør-Varanger; Båtsfjord, og \"andre\"")};
    kdx::SettlementFigures s;
    s.municipality = "5610";
    s.year = 2021;
    s.requested = 12;
    s.decided = Value::suppressed();
    s.settled = 0;
    d.settlement.push_back(s);
    d.outcomes = {outcome("5610", 2019, 12.5, kdx::Unit::percent, "SSB; tabell 13055"),
                  outcome("5628", 2019, -3.25, kdx::Unit::percent, "SSB, tabell 13055"),
                  outcome("5636", 2020, 87.125, kdx::Unit::percent, "IMDi")};
    return d;
}

fs::path write(const kdx::Dataset& d, const std::string& name, const kdx::Options& options) {
    fs::path file = scratch_dir() / name;
    kdx::Diagnostics diagnostics;
    format()->write_dataset(d, file, options, diagnostics);
    return file;
}

TEST(CsvDialect, ExcelNoAsPythonReadsIt) {
    if (!have_python()) GTEST_SKIP() << "/usr/bin/python3 is not installed";
    fs::path file =
        write(sample(), "outcomes.csv", {{"table", "outcomes"}, {"dialect", "excel-no"}});
    std::string raw = read_file(file);
    EXPECT_EQ(raw.substr(0, 3), "\xEF\xBB\xBF");
    EXPECT_EQ(raw.substr(3, 13), "municipality;");
    Records r = python_records(file, ";", "utf-8-sig");
    ASSERT_EQ(r.size(), 4u);
    EXPECT_EQ(r[0][0], "municipality");
    EXPECT_THAT(r[1], ElementsAre("5610", "", "work-or-education-1y", "2019", "12,5", "percent", "",
                                  "SSB; tabell 13055"));
    EXPECT_EQ(r[2][4], "-3,25");
    EXPECT_EQ(r[2][7], "SSB, tabell 13055");
    EXPECT_EQ(r[3][4], "87,125");
    // Only the field holding the separator is quoted.
    EXPECT_NE(raw.find(";\"SSB; tabell 13055\"\r\n"), std::string::npos);
    EXPECT_NE(raw.find(";SSB, tabell 13055\r\n"), std::string::npos);
}

TEST(CsvDialect, Windows1252AsPythonReadsIt) {
    if (!have_python()) GTEST_SKIP() << "/usr/bin/python3 is not installed";
    fs::path file = write(sample(), "municipalities.csv",
                          {{"table", "municipalities"},
                           {"delimiter", ";"},
                           {"decimal", "comma"},
                           {"encoding", "windows-1252"}});
    std::string raw = read_file(file);
    EXPECT_NE(raw.find("K\xE1r\xE1\x9Ajohka"), std::string::npos);  // á 0xE1, š 0x9A
    Records r = python_records(file, ";", "cp1252");
    ASSERT_EQ(r.size(), 5u);
    EXPECT_EQ(r[1][1], "Kárášjohka - Karasjok");
    EXPECT_EQ(r[1][7], "Kárášjohka; Karasjok");
    EXPECT_EQ(r[3][7], "Unjárga");
    EXPECT_EQ(r[4][1], "Sør-Varanger; Båtsfjord, og \"andre\"");
}

TEST(CsvDialect, TabAndCommaDecimals) {
    if (!have_python()) GTEST_SKIP() << "/usr/bin/python3 is not installed";
    fs::path file = write(sample(), "tab.csv",
                          {{"table", "outcomes"}, {"delimiter", "tab"}, {"decimal", "comma"}});
    Records r = python_records(file, "\t", "utf-8");
    ASSERT_EQ(r.size(), 4u);
    EXPECT_EQ(r[1][4], "12,5");
    EXPECT_EQ(r[1][7], "SSB; tabell 13055");
    EXPECT_EQ(read_file(file).find('"'), std::string::npos);  // no field needs quotes
}

TEST(CsvDialect, SamiLettersWindows1252LacksStopTheWrite) {
    struct Case {
        const char* name;
        const char* letter;
        const char* code;
    };
    for (Case c : {Case{"Porsáŋgu", "ŋ", "U+014B"}, Case{"Gáivuotna đ", "đ", "U+0111"},
                   Case{"Fálesnuorri ŧ", "ŧ", "U+0167"}}) {
        kdx::Dataset d = sample();
        d.municipalities.push_back(municipality("5622", "Porsanger", {c.name}));
        fs::path file = scratch_dir() / "sami.csv";
        write_file(file, "earlier file\n");
        kdx::Diagnostics diagnostics;
        try {
            format()->write_dataset(
                d, file, {{"table", "municipalities"}, {"encoding", "windows-1252"}}, diagnostics);
            ADD_FAILURE() << c.name << " was written in Windows-1252";
        } catch (const kdx::Error& e) {
            std::string m = e.what();
            EXPECT_THAT(m, HasSubstr(std::string("\"") + c.letter + "\"")) << m;
            EXPECT_THAT(m, HasSubstr(c.code)) << m;
            EXPECT_THAT(m, HasSubstr("record 5 (5622)")) << m;
            EXPECT_THAT(m, HasSubstr("other_names")) << m;
            EXPECT_THAT(m, HasSubstr("encoding=utf-8-bom")) << m;
        }
        EXPECT_EQ(read_file(file), "earlier file\n");  // the earlier file is untouched
    }
    // The same names in UTF-8 with a byte order mark are written whole.
    kdx::Dataset d = sample();
    d.municipalities.push_back(municipality("5622", "Porsanger - Porsáŋgu - Porsanki đ ŧ"));
    fs::path file =
        write(d, "sami-utf8.csv", {{"table", "municipalities"}, {"dialect", "excel-no"}});
    ReadResult back = read(file);
    ASSERT_EQ(back.dataset.municipalities.size(), 5u);
    EXPECT_EQ(back.dataset.municipalities[4].name, "Porsanger - Porsáŋgu - Porsanki đ ŧ");
}

TEST(CsvDialect, OptionsThatCannotGoTogether) {
    fs::path file = scratch_dir() / "x.csv";
    kdx::Diagnostics diagnostics;
    EXPECT_THROW(format()->write_dataset(sample(), file, {{"decimal", "comma"}}, diagnostics),
                 kdx::OptionError);
    EXPECT_THROW(format()->write_dataset(
                     sample(), file, {{"dialect", "excel-no"}, {"delimiter", ","}}, diagnostics),
                 kdx::OptionError);
    EXPECT_THROW(format()->write_dataset(
                     sample(), file, {{"encoding", "windows-1252"}, {"bom", "true"}}, diagnostics),
                 kdx::OptionError);
    EXPECT_FALSE(fs::exists(file));
}

// Each dialect read back by kdx gives the figures and names that were written.
TEST(CsvDialect, RoundTripThroughKdx) {
    const std::vector<kdx::Options> dialects{
        {},
        {{"dialect", "excel-no"}},
        {{"delimiter", ";"}, {"decimal", "comma"}, {"encoding", "windows-1252"}},
        {{"delimiter", "tab"}, {"decimal", "comma"}, {"encoding", "utf-8-bom"}},
        {{"delimiter", "tab"}},
    };
    kdx::Dataset d = sample();
    for (std::size_t i = 0; i < dialects.size(); ++i) {
        SCOPED_TRACE("dialect " + std::to_string(i));
        kdx::Options o = dialects[i];
        o["table"] = "outcomes";
        ReadResult outcomes = read(write(d, "outcomes-" + std::to_string(i) + ".csv", o));
        EXPECT_FALSE(outcomes.diagnostics.has_errors());
        ASSERT_EQ(outcomes.dataset.outcomes.size(), d.outcomes.size());
        for (std::size_t k = 0; k < d.outcomes.size(); ++k) {
            const kdx::Outcome& a = d.outcomes[k];
            const kdx::Outcome& b = outcomes.dataset.outcomes[k];
            EXPECT_EQ(b.municipality, a.municipality);
            EXPECT_EQ(b.year, a.year);
            EXPECT_EQ(b.value, a.value);
            EXPECT_EQ(b.unit, a.unit);
            EXPECT_EQ(b.source, a.source);
        }
        o["table"] = "settlement";
        ReadResult settlement = read(write(d, "settlement-" + std::to_string(i) + ".csv", o));
        ASSERT_EQ(settlement.dataset.settlement.size(), 1u);
        EXPECT_EQ(settlement.dataset.settlement[0].requested, Value(12));
        EXPECT_EQ(settlement.dataset.settlement[0].decided, Value::suppressed());
        EXPECT_EQ(settlement.dataset.settlement[0].settled, Value(0));
        o["table"] = "municipalities";
        ReadResult names = read(write(d, "municipalities-" + std::to_string(i) + ".csv", o));
        ASSERT_EQ(names.dataset.municipalities.size(), d.municipalities.size());
        // The reader takes a municipality table's numbers and names (not its
        // other columns).
        for (std::size_t k = 0; k < d.municipalities.size(); ++k)
            EXPECT_EQ(names.dataset.municipalities[k].name, d.municipalities[k].name);
    }
}

// LibreOffice opens the semicolon, decimal-comma, Windows-1252 file with a
// Norwegian locale (1044) as Excel would, and the figures are numbers.
TEST(CsvDialect, LibreOfficeReadsNumbersAsNumbers) {
    if (!have_python()) GTEST_SKIP() << "/usr/bin/python3 is not installed";
    if (!have_program("soffice")) GTEST_SKIP() << "LibreOffice (soffice) is not installed";
    if (run("/usr/bin/python3 -c 'import openpyxl'").exit_code != 0)
        GTEST_SKIP() << "python3's openpyxl is not installed";
    fs::path dir = scratch_dir();
    fs::path file = write(sample(), "outcomes-1252.csv",
                          {{"table", "outcomes"},
                           {"delimiter", ";"},
                           {"decimal", "comma"},
                           {"encoding", "windows-1252"}});
    // Separator 59 (;), quote 34, character set 1 (Windows-1252), from line 1,
    // default column types, language 1044 (Norwegian Bokmål).
    CommandResult lo = run(
        "cd " + sh_quote(dir.string()) + " && timeout 180 soffice -env:UserInstallation=file://" +
        (dir / "profile").string() + " --headless --infilter=" + sh_quote("CSV:59,34,1,1,,1044") +
        " --convert-to xlsx " + sh_quote(file.filename().string()));
    ASSERT_EQ(lo.exit_code, 0) << lo.err;
    CommandResult r = run("/usr/bin/python3 -c " +
                          sh_quote("import json, openpyxl, sys\n"
                                   "ws = openpyxl.load_workbook(sys.argv[1]).active\n"
                                   "print(json.dumps([[c.value for c in row] for row in "
                                   "ws.iter_rows()]))\n") +
                          " " + sh_quote((dir / "outcomes-1252.xlsx").string()));
    ASSERT_EQ(r.exit_code, 0) << r.err;
    nlohmann::json rows = nlohmann::json::parse(r.out);
    ASSERT_EQ(rows.size(), 4u);
    EXPECT_TRUE(rows[1][4].is_number()) << rows[1][4];
    EXPECT_EQ(rows[1][4], 12.5);
    EXPECT_EQ(rows[2][4], -3.25);
    EXPECT_EQ(rows[3][4], 87.125);
    EXPECT_EQ(rows[1][7], "SSB; tabell 13055");
    EXPECT_EQ(rows[2][7], "SSB, tabell 13055");
}

// Through the command: a combination that cannot be written, and a value
// the host does not know, are usage mistakes (exit 2) and write nothing.
TEST(CsvDialect, CommandRefusesWithExitTwo) {
    fs::path dir = scratch_dir();
    fs::path input = write(sample(), "in.csv", {{"table", "outcomes"}});
    fs::path out = dir / "out.csv";
    CommandResult r = run_kdx("convert " + sh_quote(input.string()) + " " + sh_quote(out.string()) +
                              " -o decimal=comma");
    EXPECT_EQ(r.exit_code, 2) << r.err;
    EXPECT_THAT(r.err, HasSubstr("decimal=comma and delimiter=,")) << r.err;
    EXPECT_FALSE(fs::exists(out));

    r = run_kdx("convert " + sh_quote(input.string()) + " " + sh_quote(out.string()) +
                " -o dialect=excel-se");
    EXPECT_EQ(r.exit_code, 2) << r.err;
    EXPECT_THAT(r.err, HasSubstr("expected rfc-4180 or excel-no")) << r.err;
    EXPECT_FALSE(fs::exists(out));

    r = run_kdx("convert " + sh_quote(input.string()) + " " + sh_quote(out.string()) +
                " -o table=outcomes -o dialect=excel-no");
    EXPECT_EQ(r.exit_code, 0) << r.err;
    EXPECT_EQ(read_file(out).substr(0, 16), "\xEF\xBB\xBFmunicipality;");

    r = run_kdx("plugins --format csv");
    EXPECT_EQ(r.exit_code, 0) << r.err;
    EXPECT_THAT(r.out, HasSubstr("dialect (choice: rfc-4180 excel-no; default rfc-4180)"));
    EXPECT_THAT(r.out, HasSubstr("decimal (choice: point comma; default point)"));
    EXPECT_THAT(r.out, HasSubstr("encoding (choice: utf-8 utf-8-bom windows-1252; default utf-8)"));
}

}  // namespace
