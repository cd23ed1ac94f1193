// The postgresql format against a real server (a throwaway cluster, see
// pg_cluster.hpp): round trips, merge and replace, all-or-nothing imports,
// two imports at once, schema versions, and passwords never shown. Checked
// with psql, the server's own client.
#include <gmock/gmock.h>

#include <fstream>

#include "../../robustness/child_process.hpp"
#include "../sqlite/sqlite_test_support.hpp"
#include "pg_cluster.hpp"

namespace {

using namespace kdx;
using namespace kdx::test;
using kdx::test::pg::Cluster;
using ::testing::HasSubstr;
using ::testing::Not;

const auto* const environment =
    ::testing::AddGlobalTestEnvironment(new kdx::test::pg::ClusterEnvironment);

class PostgresqlStore : public ::testing::Test {
  protected:
    void SetUp() override {
        KDX_NEED_POSTGRESQL();
        dir = scratch_dir();
        // One database per test, named after it.
        std::string name = ::testing::UnitTest::GetInstance()->current_test_info()->name();
        for (char& c : name) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
        database = "t_" + name.substr(0, 50);
        store = Cluster::get().create_database(database);
    }

    std::string psql(const std::string& sql) { return Cluster::get().psql(database, sql); }

    // A partner sheet: "number;name;year;requested;decided;settled" rows.
    fs::path sheet(const std::string& name, const std::vector<std::string>& rows) {
        std::string text = "Kommunenr;Kommune;År;Anmodning;Vedtak;Bosatt\n";
        for (const auto& r : rows) text += r + "\n";
        write_file(dir / name, text);
        return dir / name;
    }

    CommandResult convert(const fs::path& in, const std::string& flags = "") {
        return run_kdx("convert " + sh_quote(in.string()) + " " + sh_quote(store) +
                       (flags.empty() ? "" : " " + flags));
    }

    // Every row of every table, as psql prints it: before/after comparisons.
    std::string dump() {
        std::string all;
        for (const char* t : {"imports", "sources", "municipalities", "settlement", "outcomes",
                              "programmes", "nominations", "kdx_meta"})
            all += psql(std::string("SELECT * FROM ") + t + " ORDER BY 1");
        return all;
    }

    fs::path dir;
    std::string database, store;
};

TEST_F(PostgresqlStore, RoundTripsTheWholeExampleDataset) {
    ReadResult example = read_with(*built_format("xml"), sqlite::example);
    ASSERT_FALSE(example.dataset.empty());
    auto format = built_format("postgresql");
    ASSERT_TRUE(format) << "the postgresql plugin was not built";
    Diagnostics d;
    format->write_dataset(example.dataset, store, {}, d);
    Dataset back = format->read_dataset(store, {}, d);
    sqlite::expect_same_dataset(example.dataset, back);
    // Counted by the server itself.
    EXPECT_EQ(psql("SELECT count(*) FROM municipalities"),
              std::to_string(example.dataset.municipalities.size()) + "\n");
    EXPECT_EQ(psql("SELECT count(*) FROM nominations"),
              std::to_string(example.dataset.nominations.size()) + "\n");
    EXPECT_EQ(psql("SELECT value FROM kdx_meta WHERE key = 'schema_version'"), "2\n");
}

TEST_F(PostgresqlStore, HoldsWhatTheSqliteStoreHolds) {
    if (!have_program("sqlite3")) GTEST_SKIP() << "sqlite3 is not installed";
    // The IMDi file into both stores by the CLI; the same rows, read by each
    // database's own client.
    const fs::path lite = dir / "imdi.kdx.sqlite";
    ASSERT_EQ(
        run_kdx("convert " + sh_quote(sqlite::imdi_file.string()) + " " + sh_quote(lite.string()))
            .exit_code,
        0);
    CommandResult r = convert(sqlite::imdi_file);
    ASSERT_EQ(r.exit_code, 0) << r.err;
    EXPECT_THAT(r.err, HasSubstr("(postgresql)"));
    const std::string query =
        "SELECT seq || '|' || municipality || '|' || year || '|' || "
        "COALESCE(CAST(CAST(settled AS INTEGER) AS TEXT), '-') || '|' || settled_suppressed || "
        "'|' || line FROM settlement ORDER BY seq";
    const std::string from_sqlite = sqlite::sql(lite, query);
    EXPECT_GT(std::count(from_sqlite.begin(), from_sqlite.end(), '\n'), 100);
    EXPECT_EQ(psql(query), from_sqlite);
    EXPECT_EQ(psql("SELECT file, mode, sha256 FROM imports"),
              sqlite::sql(lite, "SELECT file, mode, sha256 FROM imports"));
    // And exported again: the same XML as straight from the file.
    ASSERT_EQ(run_kdx("convert " + sh_quote(store) + " " + sh_quote((dir / "out.xml").string()))
                  .exit_code,
              0);
    ASSERT_EQ(
        run_kdx("convert " + sh_quote(lite.string()) + " " + sh_quote((dir / "lite.xml").string()))
            .exit_code,
        0);
    EXPECT_EQ(read_file(dir / "out.xml"), read_file(dir / "lite.xml"));
    CommandResult v = run_kdx("validate " + sh_quote(store));
    EXPECT_THAT(v.out, HasSubstr(store + ": "));
}

TEST_F(PostgresqlStore, MergeAddsAndARepeatedKeyFailsNamingBothSourcesChangingNothing) {
    ASSERT_EQ(
        convert(sheet("imdi.csv", {"0417;Stange;2018;35;35;33", "5004;Steinkjer;2018;60;60;58"}))
            .exit_code,
        0);
    CommandResult added = convert(sheet("2019.csv", {"5004;Steinkjer;2019;30;30;28"}), "--merge");
    ASSERT_EQ(added.exit_code, 0) << added.err;
    EXPECT_THAT(added.err, HasSubstr("merged into " + store));
    EXPECT_EQ(psql("SELECT municipality, year, settled FROM settlement ORDER BY seq"),
              "0417|2018|33\n5004|2018|58\n5004|2019|28\n");
    EXPECT_EQ(psql("SELECT count(*) FROM municipalities WHERE number = '5004'"), "1\n");
    CommandResult sha = run("sha256sum " + sh_quote((dir / "2019.csv").string()));
    EXPECT_EQ(psql("SELECT sha256 FROM imports WHERE mode = 'merge'"),
              sha.out.substr(0, 64) + "\n");

    const std::string before = dump();
    // A new key first, so that the failing import has written something.
    CommandResult r =
        convert(sheet("partner.csv", {"1804;Bodø;2018;90;90;78", "5004;Steinkjer;2018;61;61;59"}),
                "--merge");
    EXPECT_EQ(r.exit_code, 1);
    EXPECT_THAT(r.err, HasSubstr("settlement 5004 2018"));
    EXPECT_THAT(r.err, HasSubstr((dir / "partner.csv").string() + ":3"));
    EXPECT_THAT(r.err, HasSubstr((dir / "imdi.csv").string() + ":3"));
    EXPECT_THAT(r.err, HasSubstr("--replace"));
    EXPECT_EQ(dump(), before);
    EXPECT_EQ(psql("SELECT count(*) FROM settlement WHERE municipality = '1804'"), "0\n");

    CommandResult replaced = convert(dir / "partner.csv", "--replace");
    ASSERT_EQ(replaced.exit_code, 0) << replaced.err;
    EXPECT_EQ(psql("SELECT municipality, year, settled FROM settlement ORDER BY seq"),
              "0417|2018|33\n5004|2018|59\n5004|2019|28\n1804|2018|78\n");
    EXPECT_EQ(psql("SELECT mode FROM imports ORDER BY id"), "create\nmerge\nreplace\n");
}

TEST_F(PostgresqlStore, WithoutMergeTheStoreIsReplacedWhole) {
    ASSERT_EQ(convert(sheet("a.csv", {"5004;Steinkjer;2018;60;60;58"})).exit_code, 0);
    ASSERT_EQ(convert(sheet("b.csv", {"0417;Stange;2019;35;35;33"})).exit_code, 0);
    EXPECT_EQ(psql("SELECT municipality, year FROM settlement"), "0417|2019\n");
    EXPECT_EQ(psql("SELECT file FROM imports"), (dir / "b.csv").string() + "\n");
}

TEST_F(PostgresqlStore, TwoImportsAtOnceBothLandWhole) {
    ASSERT_EQ(convert(sheet("base.csv", {"5004;Steinkjer;2018;60;60;58"})).exit_code, 0);
    // Numbers 6000-7999 and 8000-9999: no key in common; large enough that
    // the two imports overlap in time.
    auto csv = [&](const std::string& name, int first) {
        std::ofstream out(dir / name, std::ios::binary);
        out << "Kommunenr;Kommune;År;Anmodning;Vedtak;Bosatt\n";
        for (int m = first; m < first + 2000; ++m)
            for (int year = 2000; year < 2005; ++year)
                out << m << ";Kommune " << m << ';' << year << ";30;20;10\n";
        return (dir / name).string();
    };
    const std::string a = csv("a.csv", 6000), b = csv("b.csv", 8000);
    pid_t first = spawn({kdx_exe().string(), "convert", a, store, "--merge"});
    pid_t second = spawn({kdx_exe().string(), "convert", b, store, "--merge"});
    ASSERT_GT(first, 0);
    ASSERT_GT(second, 0);
    ChildStatus s1 = wait_for(first), s2 = wait_for(second);
    EXPECT_TRUE(s1.exited && s1.exit_code == 0) << s1.exit_code << " " << s1.signal;
    EXPECT_TRUE(s2.exited && s2.exit_code == 0) << s2.exit_code << " " << s2.signal;
    EXPECT_EQ(psql("SELECT count(*) FROM settlement"), "20001\n");
    EXPECT_EQ(psql("SELECT count(*) FROM municipalities"), "4001\n");
    EXPECT_EQ(psql("SELECT count(*) FROM imports WHERE mode = 'merge'"), "2\n");
    // Each import's records are one run of seq: one waited for the other.
    EXPECT_EQ(psql("SELECT count(DISTINCT i.file) FROM settlement s JOIN sources o ON "
                   "o.id = s.source_id JOIN imports i ON i.id = o.import_id "
                   "WHERE s.seq BETWEEN 2 AND 10001"),
              "1\n");
}

TEST_F(PostgresqlStore, TwoImportsOfTheSameKeysAtOnceOneFailsNamingTheOther) {
    ASSERT_EQ(convert(sheet("base.csv", {"5004;Steinkjer;2018;60;60;58"})).exit_code, 0);
    std::vector<std::string> rows;
    for (int m = 6000; m < 8000; ++m) rows.push_back(std::to_string(m) + ";K;2019;3;2;1");
    const std::string a = sheet("a.csv", rows).string(), b = sheet("b.csv", rows).string();
    pid_t first = spawn({kdx_exe().string(), "convert", a, store, "--merge"});
    pid_t second = spawn({kdx_exe().string(), "convert", b, store, "--merge"});
    ChildStatus s1 = wait_for(first), s2 = wait_for(second);
    // Exactly one lands; the store holds its rows once.
    EXPECT_EQ((s1.exit_code == 0) + (s2.exit_code == 0), 1) << s1.exit_code << " " << s2.exit_code;
    EXPECT_EQ(psql("SELECT count(*) FROM settlement"), "2001\n");
    EXPECT_EQ(psql("SELECT count(*) FROM imports"), "2\n");
}

TEST_F(PostgresqlStore, PasswordsAreNeverShown) {
    const std::string secret = "Wr0ng-s3cret";
    // In the URI's user part, with no other credentials: refused, masked.
    const std::string with_password =
        "postgresql://kdx:" + secret + "@/" + database + "?host=" + Cluster::get().dir().string();
    const std::string bare = "env -u PGPASSFILE HOME=/nonexistent ";
    CommandResult r = run(bare + sh_quote(kdx_exe().string()) + " convert " +
                          sh_quote(sheet("a.csv", {"5004;Steinkjer;2018;60;60;58"}).string()) +
                          " " + sh_quote(with_password));
    EXPECT_EQ(r.exit_code, 1);
    EXPECT_THAT(r.err, HasSubstr("password authentication failed"));
    EXPECT_THAT(r.err, HasSubstr("postgresql://kdx:***@/" + database));
    EXPECT_THAT(r.err + r.out, Not(HasSubstr(secret)));
    // Reading, validating and as a query parameter: the same.
    const std::string as_parameter = Cluster::get().uri(database) + "&password=" + secret;
    for (const std::string& command :
         {"convert " + sh_quote(with_password) + " " + sh_quote((dir / "x.xml").string()),
          "validate " + sh_quote(with_password), "validate " + sh_quote(as_parameter),
          "convert " + sh_quote((dir / "a.csv").string()) + " " + sh_quote(as_parameter),
          "convert " + sh_quote(as_parameter) + " " + sh_quote(as_parameter)}) {
        CommandResult c = run(bare + sh_quote(kdx_exe().string()) + " " + command);
        EXPECT_NE(c.exit_code, 0) << command;
        EXPECT_THAT(c.err + c.out, HasSubstr("***")) << command;
        EXPECT_THAT(c.err + c.out, Not(HasSubstr(secret))) << command << "\n" << c.err;
    }
    // The right password in the URI works, and is not shown either.
    const std::string right = "postgresql://kdx:" + pg::password + "@/" + database +
                              "?host=" + Cluster::get().dir().string();
    CommandResult ok = run(bare + sh_quote(kdx_exe().string()) + " convert " +
                           sh_quote((dir / "a.csv").string()) + " " + sh_quote(right));
    EXPECT_EQ(ok.exit_code, 0) << ok.err;
    EXPECT_THAT(ok.err, HasSubstr("wrote postgresql://kdx:***@/"));
    EXPECT_THAT(ok.err + ok.out, Not(HasSubstr(pg::password)));
    // No password anywhere: libpq says so.
    CommandResult none = run(bare + sh_quote(kdx_exe().string()) + " validate " + sh_quote(store));
    EXPECT_EQ(none.exit_code, 1);
    EXPECT_THAT(none.err, HasSubstr("no password supplied"));
}

TEST_F(PostgresqlStore, ADatabaseThatIsNotAStoreIsNeitherReadNorReplaced) {
    psql("CREATE TABLE settlement (x integer)");
    CommandResult read = run_kdx("validate " + sh_quote(store));
    EXPECT_EQ(read.exit_code, 1);
    EXPECT_THAT(read.err, HasSubstr("a PostgreSQL database, but not a kdx store"));
    CommandResult write = convert(sheet("a.csv", {"5004;Steinkjer;2018;60;60;58"}));
    EXPECT_EQ(write.exit_code, 1);
    EXPECT_THAT(write.err, HasSubstr("has a table \"settlement\" but no kdx_meta"));
    EXPECT_EQ(psql("SELECT count(*) FROM settlement"), "0\n");
}

TEST_F(PostgresqlStore, SchemaVersionsOlderUpgradedNewerRefused) {
    ASSERT_EQ(convert(sheet("a.csv", {"5004;Steinkjer;2018;60;60;58"})).exit_code, 0);
    // Back to version 1, as an older kdx wrote it.
    psql(
        "ALTER TABLE imports DROP COLUMN kdx_version; "
        "UPDATE kdx_meta SET value = '1' WHERE key = 'schema_version'");
    CommandResult read =
        run_kdx("convert " + sh_quote(store) + " " + sh_quote((dir / "out.xml").string()));
    ASSERT_EQ(read.exit_code, 0) << read.err;
    EXPECT_THAT(read_file(dir / "out.xml"), HasSubstr("5004"));
    // Reading changed nothing; the next import upgrades the store.
    EXPECT_EQ(psql("SELECT value FROM kdx_meta WHERE key = 'schema_version'"), "1\n");
    ASSERT_EQ(convert(sheet("b.csv", {"5004;Steinkjer;2019;60;60;58"}), "--merge").exit_code, 0);
    EXPECT_EQ(psql("SELECT value FROM kdx_meta WHERE key = 'schema_version'"), "2\n");
    EXPECT_EQ(psql("SELECT count(*) FROM imports WHERE kdx_version <> ''"), "1\n");

    psql("UPDATE kdx_meta SET value = '3' WHERE key = 'schema_version'");
    const std::string before = dump();
    for (const std::string& command :
         {"validate " + sh_quote(store),
          "convert " + sh_quote((dir / "a.csv").string()) + " " + sh_quote(store),
          "convert " + sh_quote((dir / "a.csv").string()) + " " + sh_quote(store) + " --merge"}) {
        CommandResult c = run_kdx(command);
        EXPECT_EQ(c.exit_code, 1) << command;
        EXPECT_THAT(c.err, HasSubstr("schema version 3, newer than the 2")) << command;
    }
    EXPECT_EQ(dump(), before);
}

TEST_F(PostgresqlStore, ReportsReadTheStoreAndRecordItsImports) {
    ASSERT_EQ(convert(sqlite::example).exit_code, 0);
    const fs::path out = dir / "reports";
    CommandResult r = run_kdx("dossier --year 2018 -d " + sh_quote(store) + " --out " +
                              sh_quote(out.string()) + " --format xml");
    ASSERT_EQ(r.exit_code, 0) << r.err;
    // The input's SHA-256 is that of the store's imports, one line per
    // source, as psql and sha256sum compute it.
    CommandResult want =
        run("psql -X -q -At " + sh_quote(store) +
            " -c \"SELECT string_agg(i.file || E'\\t' || s.sheet || E'\\t' || "
            "COALESCE(i.sha256, '') || E'\\n', '' ORDER BY s.id) FROM sources s JOIN imports i "
            "ON i.id = s.import_id\" | head -c -1 | sha256sum");
    ASSERT_EQ(want.exit_code, 0) << want.err;
    int reports = 0;
    for (const auto& e : fs::directory_iterator(out)) {
        if (e.path().extension() != ".xml") continue;
        ++reports;
        EXPECT_THAT(read_file(e.path()), HasSubstr("sha256=\"" + want.out.substr(0, 64) + "\""))
            << e.path();
    }
    EXPECT_GT(reports, 0);
}

TEST_F(PostgresqlStore, VerifyComparesAReportWithTheStoreItWasMadeFrom) {
    ASSERT_EQ(convert(sqlite::example).exit_code, 0);
    const fs::path out = dir / "reports";
    ASSERT_EQ(run_kdx("dossier --year 2018 -d " + sh_quote(store) + " --out " +
                      sh_quote(out.string()) + " --format xml")
                  .exit_code,
              0);
    const fs::path report = out / "imdi-comparison-2018.xml";
    ASSERT_TRUE(fs::exists(report));
    // The report names the store by its URI, not by a file name.
    EXPECT_THAT(read_file(report), HasSubstr("name=\"" + store + "\""));

    CommandResult same = run_kdx("verify " + sh_quote(report.string()) + " " + sh_quote(store));
    EXPECT_EQ(same.exit_code, 0) << same.out << same.err;
    EXPECT_THAT(same.out, HasSubstr("same  " + store));

    // Another import changes the store: the report no longer matches it.
    ASSERT_EQ(convert(sheet("2019.csv", {"1804;Bodø;2019;10;10;9"}), "--merge").exit_code, 0);
    CommandResult changed = run_kdx("verify " + sh_quote(report.string()) + " " + sh_quote(store));
    EXPECT_EQ(changed.exit_code, 1) << changed.out << changed.err;
    EXPECT_THAT(changed.out, HasSubstr("CHANGED  " + store));
}

TEST_F(PostgresqlStore, AnUnknownProgrammeFailsTheImportAtCommit) {
    ReadResult example = read_with(*built_format("xml"), sqlite::example);
    Dataset d = example.dataset;
    ASSERT_FALSE(d.municipalities.empty());
    Outcome o;
    o.municipality = d.municipalities.front().number;
    o.programme = "no-such-programme";
    o.indicator = "employment-rate";
    o.year = 2018;
    o.value = Value(61.5);
    o.unit = Unit::percent;
    d.outcomes.push_back(o);
    auto format = built_format("postgresql");
    Diagnostics diagnostics;
    const std::string message =
        sqlite::error_of([&] { format->write_dataset(d, store, {}, diagnostics); });
    EXPECT_THAT(message, HasSubstr("refers to programme \"no-such-programme\""));
    EXPECT_THAT(message, HasSubstr("nothing was written"));
    EXPECT_EQ(psql("SELECT count(*) FROM pg_tables WHERE tablename = 'kdx_meta'"), "0\n");
}

}  // namespace
