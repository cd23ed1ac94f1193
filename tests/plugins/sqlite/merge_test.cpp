// Imports merged into a store: new keys are added, a key already there fails
// the whole import naming both records (the store stays as it was), and
// --replace replaces. Checked with the sqlite3 shell.
#include <gmock/gmock.h>

#include "sqlite_test_support.hpp"

namespace {

using namespace kdx;
using namespace kdx::test;
using namespace kdx::test::sqlite;
using ::testing::HasSubstr;
using ::testing::Not;

class SqliteMerge : public ::testing::Test {
  protected:
    void SetUp() override {
        if (!have_program("sqlite3"))
            GTEST_SKIP() << "sqlite3 is not installed (scripts/setup --test)";
        dir = scratch_dir();
        store = dir / "store.kdx.sqlite";
    }

    // A partner sheet: "number;name;year;requested;decided;settled" rows.
    fs::path sheet(const std::string& name, const std::vector<std::string>& rows) {
        std::string text = "Kommunenr;Kommune;År;Anmodning;Vedtak;Bosatt\n";
        for (const auto& r : rows) text += r + "\n";
        write_file(dir / name, text);
        return dir / name;
    }

    CommandResult convert(const fs::path& in, const std::string& flags = "") {
        return run_kdx("convert " + sh_quote(in.string()) + " " + sh_quote(store.string()) +
                       (flags.empty() ? "" : " " + flags));
    }

    fs::path dir, store;
};

TEST_F(SqliteMerge, AddsNewKeysToWhatIsThere) {
    ASSERT_EQ(
        convert(sheet("2018.csv", {"5004;Steinkjer;2018;60;60;58", "0417;Stange;2018;35;35;33"}))
            .exit_code,
        0);
    CommandResult r = convert(sheet("2019.csv", {"5004;Steinkjer;2019;30;30;28"}), "--merge");
    ASSERT_EQ(r.exit_code, 0) << r.err;
    EXPECT_THAT(r.err, HasSubstr("merged into"));
    EXPECT_EQ(sql(store, "SELECT municipality, year, settled FROM settlement ORDER BY seq"),
              "5004|2018|58.0\n0417|2018|33.0\n5004|2019|28.0\n");
    // The municipality both sheets name is there once, from the first sheet.
    EXPECT_EQ(sql(store, "SELECT count(*) FROM municipalities WHERE number = '5004'"), "1\n");
    // Each record names its file; two imports, each with its file's hash.
    EXPECT_EQ(sql(store,
                  "SELECT s.year, i.file, i.mode FROM settlement s JOIN sources o ON "
                  "o.id = s.source_id JOIN imports i ON i.id = o.import_id ORDER BY s.seq"),
              "2018|" + (dir / "2018.csv").string() + "|create\n2018|" +
                  (dir / "2018.csv").string() + "|create\n2019|" + (dir / "2019.csv").string() +
                  "|merge\n");
    CommandResult sha = run("sha256sum " + sh_quote((dir / "2019.csv").string()));
    EXPECT_EQ(sql(store, "SELECT sha256 FROM imports WHERE mode = 'merge'"),
              sha.out.substr(0, 64) + "\n");
    EXPECT_EQ(sql(store, "PRAGMA integrity_check"), "ok\n");
    EXPECT_EQ(sql(store, "PRAGMA foreign_key_check"), "");
    // And the merged store reads as one dataset.
    Dataset d = read(store);
    EXPECT_EQ(d.settlement.size(), 3u);
    EXPECT_EQ(d.location_of(d.settlement[2].origin).to_string(),
              (dir / "2019.csv").string() + ":2");
}

TEST_F(SqliteMerge, ARepeatedKeyFailsNamingBothSourcesAndChangesNothing) {
    ASSERT_EQ(
        convert(sheet("imdi.csv", {"0417;Stange;2018;35;35;33", "5004;Steinkjer;2018;60;60;58"}))
            .exit_code,
        0);
    const std::string before = dump(store);
    ASSERT_THAT(before, HasSubstr("INSERT INTO settlement"));
    CommandResult r =
        convert(sheet("partner.csv", {"1804;Bodø;2018;90;90;78", "5004;Steinkjer;2018;61;61;59"}),
                "--merge");
    EXPECT_NE(r.exit_code, 0);
    // The key, the new record's file and line, the earlier one's file and line.
    EXPECT_THAT(r.err, HasSubstr("settlement 5004 2018"));
    EXPECT_THAT(r.err, HasSubstr((dir / "partner.csv").string() + ":3"));
    EXPECT_THAT(r.err, HasSubstr((dir / "imdi.csv").string() + ":3"));
    EXPECT_THAT(r.err, HasSubstr("--replace"));
    // Nothing of the import is in the store, not even the new key 1804.
    EXPECT_EQ(dump(store), before);
    EXPECT_FALSE(fs::exists(dir / "store.kdx.sqlite-journal"));
}

TEST_F(SqliteMerge, ReplaceReplacesInPlace) {
    ASSERT_EQ(
        convert(sheet("imdi.csv", {"0417;Stange;2018;35;35;33", "5004;Steinkjer;2018;60;60;58"}))
            .exit_code,
        0);
    CommandResult r = convert(sheet("fix.csv", {"5004;Steinkjer;2018;61;61;59"}), "--replace");
    ASSERT_EQ(r.exit_code, 0) << r.err;
    EXPECT_EQ(sql(store, "SELECT municipality, settled FROM settlement ORDER BY seq"),
              "0417|33.0\n5004|59.0\n");
    EXPECT_EQ(sql(store,
                  "SELECT i.file FROM settlement s JOIN sources o ON o.id = s.source_id "
                  "JOIN imports i ON i.id = o.import_id WHERE s.municipality = '5004'"),
              (dir / "fix.csv").string() + "\n");
    EXPECT_EQ(sql(store, "SELECT mode FROM imports ORDER BY id"), "create\nreplace\n");
}

TEST_F(SqliteMerge, AMunicipalityNamedDifferentlyIsAConflict) {
    ASSERT_EQ(convert(sheet("a.csv", {"5004;Steinkjer;2018;60;60;58"})).exit_code, 0);
    const std::string before = dump(store);
    CommandResult r = convert(sheet("b.csv", {"5004;Steinkjær;2019;1;1;1"}), "--merge");
    EXPECT_NE(r.exit_code, 0);
    EXPECT_THAT(r.err, HasSubstr("municipality 5004"));
    EXPECT_THAT(r.err, HasSubstr("differs in name"));
    EXPECT_EQ(dump(store), before);
}

TEST_F(SqliteMerge, ARepeatedKeyWithinOneImportFailsEvenWithReplace) {
    ASSERT_EQ(convert(sheet("a.csv", {"5004;Steinkjer;2018;60;60;58"})).exit_code, 0);
    const std::string before = dump(store);
    // Duplicates within one file are errors of the file, not replacements.
    Dataset d;
    d.add_source((dir / "b.csv").string());
    SettlementFigures f;
    f.municipality = "0417";
    f.year = 2019;
    f.origin = {1, 2, 0};
    d.settlement.push_back(f);
    f.origin = {1, 5, 0};
    d.settlement.push_back(f);
    std::string e = error_of([&] { write(d, store, {{"replace", "true"}}); });
    EXPECT_THAT(e, HasSubstr("settlement 0417 2019 is given twice"));
    EXPECT_THAT(e, HasSubstr("b.csv:5"));
    EXPECT_THAT(e, HasSubstr("b.csv:2"));
    EXPECT_EQ(dump(store), before);
}

TEST_F(SqliteMerge, ARepeatedKeyInANewStoreFailsAndLeavesTheEarlierFile) {
    ASSERT_EQ(convert(sheet("a.csv", {"5004;Steinkjer;2018;60;60;58"})).exit_code, 0);
    const std::string before = dump(store);
    // The CSV reader keeps one of two repeated rows; a dataset from elsewhere may not.
    Dataset twice;
    twice.add_source("b.xlsx", "Bosetting");
    for (std::uint32_t row : {2u, 3u, 4u}) {
        SettlementFigures f;
        f.municipality = row == 3 ? "1804" : "0417";
        f.year = 2019;
        f.settled = row;
        f.origin = {1, row, 0};
        twice.settlement.push_back(f);
    }
    EXPECT_EQ(error_of([&] { write(twice, store); }),
              "b.xlsx:Bosetting!4:4: settlement 0417 2019 is given twice: at b.xlsx:Bosetting!4:4 "
              "and at b.xlsx:Bosetting!2:2; nothing was written");
    EXPECT_EQ(dump(store), before);
    // Outcomes and nominations are keyed the same way.
    Dataset d;
    Nomination n;
    n.prize = "bosettings-og-inkluderingsprisen";
    n.year = 2018;
    n.municipality = "5004";
    d.nominations = {n, n};
    Outcome o;
    o.municipality = "5004";
    o.indicator = "work-or-education-1y";
    o.year = 2018;
    d.outcomes = {o, o};
    std::string e = error_of([&] { write(d, dir / "new.sqlite"); });
    EXPECT_THAT(e, HasSubstr("outcome work-or-education-1y 5004 2018 is given twice"));
    EXPECT_THAT(e, HasSubstr("; 1 more record with a repeated key;"));
    EXPECT_FALSE(fs::exists(dir / "new.sqlite"));
}

TEST_F(SqliteMerge, MergeNeedsAFormatThatCanMerge) {
    fs::path in = sheet("a.csv", {"5004;Steinkjer;2018;60;60;58"});
    CommandResult r = run_kdx("convert " + sh_quote(in.string()) + " " +
                              sh_quote((dir / "out.xml").string()) + " --merge");
    EXPECT_EQ(r.exit_code, 2) << r.err;
    EXPECT_THAT(r.err, HasSubstr("format xml cannot merge"));
    EXPECT_THAT(r.err, HasSubstr("sqlite"));
    EXPECT_FALSE(fs::exists(dir / "out.xml"));
}

TEST_F(SqliteMerge, MergeIntoNoStoreCreatesOne) {
    CommandResult r = convert(sheet("a.csv", {"5004;Steinkjer;2018;60;60;58"}), "--merge");
    ASSERT_EQ(r.exit_code, 0) << r.err;
    EXPECT_EQ(sql(store, "SELECT count(*) FROM settlement"), "1\n");
}

TEST_F(SqliteMerge, WithoutMergeTheStoreIsReplacedWhole) {
    ASSERT_EQ(convert(sheet("a.csv", {"5004;Steinkjer;2018;60;60;58"})).exit_code, 0);
    ASSERT_EQ(convert(sheet("b.csv", {"0417;Stange;2019;1;1;1"})).exit_code, 0);
    EXPECT_EQ(sql(store, "SELECT municipality, year FROM settlement"), "0417|2019\n");
    EXPECT_EQ(sql(store, "SELECT count(*) FROM imports"), "1\n");
}

TEST_F(SqliteMerge, AnOutcomeOfAnUnknownProgrammeIsRefused) {
    Dataset d;
    d.add_source("partner.xlsx", "Resultat");
    Outcome o;
    o.municipality = "5004";
    o.programme = "no-such-programme";
    o.indicator = "work-or-education-1y";
    o.year = 2019;
    o.value = 50;
    o.origin = {1, 4, 3};
    d.outcomes.push_back(o);
    std::string e = error_of([&] { write(d, store); });
    EXPECT_THAT(e, HasSubstr("partner.xlsx:Resultat!C4"));
    EXPECT_THAT(e, HasSubstr("programme \"no-such-programme\""));
    EXPECT_FALSE(fs::exists(store));
}

TEST_F(SqliteMerge, AProgrammeInTheStoreTakesOutcomesOfLaterImports) {
    Dataset first;
    Programme p;
    p.id = "steinkjer-intro";
    p.municipality = "5004";
    first.programmes.push_back(p);
    write(first, store);
    Dataset second;
    Outcome o;
    o.municipality = "5004";
    o.programme = "steinkjer-intro";
    o.indicator = "work-or-education-1y";
    o.year = 2019;
    o.value = 50;
    second.outcomes.push_back(o);
    EXPECT_EQ(error_of([&] { write(second, store, {{"merge", "true"}}); }), "no error");
    // Replacing the programme keeps the outcome pointing at it.
    p.name = "Introduksjonsprogrammet";
    first.programmes = {p};
    EXPECT_EQ(error_of([&] { write(first, store, {{"replace", "true"}}); }), "no error");
    Dataset d = read(store);
    ASSERT_EQ(d.programmes.size(), 1u);
    EXPECT_EQ(d.programmes[0].name, "Introduksjonsprogrammet");
    ASSERT_EQ(d.outcomes.size(), 1u);
    EXPECT_EQ(d.outcomes[0].programme, "steinkjer-intro");
}

}  // namespace
