// What is and is not a store: schema versions older (upgraded on write, read
// as they are) and newer (refused), files that are not SQLite databases, and
// SQLite databases that are not kdx stores.
#include <gmock/gmock.h>

#include "sqlite_test_support.hpp"

namespace {

using namespace kdx;
using namespace kdx::test;
using namespace kdx::test::sqlite;
using ::testing::HasSubstr;

class SqliteStoreFile : public ::testing::Test {
  protected:
    void SetUp() override {
        if (!have_program("sqlite3"))
            GTEST_SKIP() << "sqlite3 is not installed (scripts/setup --test)";
        dir = scratch_dir();
        store = dir / "store.kdx.sqlite";
        CommandResult r =
            run_kdx("convert " + sh_quote(example.string()) + " " + sh_quote(store.string()));
        ASSERT_EQ(r.exit_code, 0) << r.err;
    }

    CommandResult merge_example() {
        return run_kdx("convert " + sh_quote(example.string()) + " " + sh_quote(store.string()) +
                       " --replace");
    }

    fs::path dir, store;
};

TEST_F(SqliteStoreFile, ANewerSchemaIsRefusedForReadingAndWriting) {
    sql(store, "UPDATE kdx_meta SET value = '3' WHERE key = 'schema_version'");
    const std::string before = dump(store);
    std::string e = error_of([&] { read(store); });
    EXPECT_THAT(e, HasSubstr(store.string()));
    EXPECT_THAT(e, HasSubstr("schema version 3, newer than the 2 this kdx knows"));
    CommandResult r = merge_example();
    EXPECT_NE(r.exit_code, 0);
    EXPECT_THAT(r.err, HasSubstr("schema version 3"));
    EXPECT_EQ(dump(store), before);
}

TEST_F(SqliteStoreFile, AnOlderSchemaIsReadAsItIsAndUpgradedOnWrite) {
    // Version 1 had no kdx_version column in imports.
    sql(store,
        "ALTER TABLE imports DROP COLUMN kdx_version; "
        "UPDATE kdx_meta SET value = '1' WHERE key = 'schema_version'; PRAGMA user_version = 1");
    const std::string before = dump(store);
    Dataset d = read(store);
    EXPECT_EQ(d.settlement.size(), 24u);
    EXPECT_EQ(dump(store), before) << "reading must not change the store";
    CommandResult r = merge_example();
    ASSERT_EQ(r.exit_code, 0) << r.err;
    EXPECT_EQ(sql(store, "SELECT value FROM kdx_meta WHERE key = 'schema_version'"), "2\n");
    EXPECT_EQ(sql(store, "PRAGMA user_version"), "2\n");
    EXPECT_EQ(sql(store, "SELECT kdx_version = '' FROM imports ORDER BY id"), "1\n0\n");
    EXPECT_EQ(read(store).settlement.size(), 24u);
}

TEST_F(SqliteStoreFile, AFileThatIsNotSqliteIsRefusedClearly) {
    fs::path fake = dir / "notes.sqlite";
    write_file(fake, "Kommunenr;Kommune\n5004;Steinkjer\n");
    std::string e = error_of([&] { read(fake); });
    EXPECT_THAT(e, HasSubstr(fake.string() + ": not an SQLite database"));
    CommandResult r = run_kdx("convert " + sh_quote(example.string()) + " " +
                              sh_quote(fake.string()) + " --merge");
    EXPECT_NE(r.exit_code, 0);
    EXPECT_THAT(r.err, HasSubstr("not an SQLite database"));
    EXPECT_EQ(read_file(fake), "Kommunenr;Kommune\n5004;Steinkjer\n");
    fs::path empty = dir / "empty.sqlite";
    write_file(empty, "");
    EXPECT_THAT(error_of([&] { read(empty); }), HasSubstr("empty"));
}

TEST_F(SqliteStoreFile, AnSqliteDatabaseThatIsNotAStoreIsRefusedClearly) {
    fs::path other = dir / "other.sqlite";
    sql(other, "CREATE TABLE t (x INTEGER); INSERT INTO t VALUES (1)");
    EXPECT_THAT(error_of([&] { read(other); }), HasSubstr("not a kdx store"));
    CommandResult r = run_kdx("convert " + sh_quote(example.string()) + " " +
                              sh_quote(other.string()) + " --merge");
    EXPECT_NE(r.exit_code, 0);
    EXPECT_THAT(r.err, HasSubstr("not a kdx store"));
    EXPECT_EQ(sql(other, "SELECT count(*) FROM sqlite_master"), "1\n");
}

TEST_F(SqliteStoreFile, TheSchemaEnforcesTheModelsKeys) {
    // Written behind kdx's back: the store itself refuses a repeated key.
    CommandResult r = run("sqlite3 -batch " + sh_quote(store.string()) + " " +
                          sh_quote("INSERT INTO settlement (seq, municipality, year) "
                                   "VALUES (1000, '5004', 2014)"));
    EXPECT_NE(r.exit_code, 0);
    EXPECT_THAT(r.err,
                HasSubstr("UNIQUE constraint failed: settlement.municipality, settlement.year"));
    r = run(
        "sqlite3 -batch " + sh_quote(store.string()) + " " +
        sh_quote(
            "PRAGMA foreign_keys = ON; INSERT INTO outcomes (seq, municipality, "
            "programme, indicator, year, unit) VALUES (1000, '5004', 'nope', 'x', 2014, 'other')"));
    EXPECT_NE(r.exit_code, 0);
    EXPECT_THAT(r.err, HasSubstr("FOREIGN KEY constraint failed"));
}

}  // namespace
