// A large import killed (SIGKILL) in the middle of its transaction leaves the
// store as it was: SQLite's rollback journal undoes it on the next open.
#include <gtest/gtest.h>

#include <csignal>
#include <iostream>
#include <thread>

#include "../../robustness/child_process.hpp"
#include "sqlite_test_support.hpp"

namespace {

using namespace kdx;
using namespace kdx::test;
using namespace kdx::test::sqlite;

// Settlement figures for numbers 6000.. (none of the example's), years 2000..2019.
fs::path big_csv(const fs::path& file, int municipalities) {
    std::ofstream out(file, std::ios::binary);
    out << "Kommunenr;Kommune;År;Anmodning;Vedtak;Bosatt\n";
    for (int m = 0; m < municipalities; ++m)
        for (int year = 2000; year < 2020; ++year)
            out << 6000 + m << ";Kommune " << m << ';' << year << ";30;20;10\n";
    return file;
}

TEST(SqliteKilledImport, LeavesTheStoreAsItWas) {
    if (!have_program("sqlite3")) GTEST_SKIP() << "sqlite3 is not installed (scripts/setup --test)";
    fs::path dir = scratch_dir(), store = dir / "store.kdx.sqlite",
             journal = dir / "store.kdx.sqlite-journal";
    ASSERT_EQ(
        run_kdx("convert " + sh_quote(example.string()) + " " + sh_quote(store.string())).exit_code,
        0);
    const std::string before = dump(store);
    fs::path big = big_csv(dir / "big.csv", 4000);  // 80,000 records
    // Kill while the import writes: first as soon as it has begun (its
    // journal exists; the changes are still in SQLite's cache), then once
    // the commit has begun to write pages into the store (the file grows),
    // where only the journal can undo them.
    const auto size_before = fs::file_size(store);
    int killed_mid_transaction = 0, killed_in_commit = 0;
    for (int attempt = 0; attempt < 6; ++attempt) {
        const bool in_commit = attempt >= 3;
        pid_t pid = spawn({kdx_exe().string(), "convert", big.string(), store.string(), "--merge"});
        ASSERT_GT(pid, 0);
        bool seen = false;
        std::error_code ec;
        for (int i = 0; i < 200000 && !seen; ++i) {
            seen = in_commit ? fs::file_size(store, ec) > size_before : fs::exists(journal);
            if (seen) break;
            std::this_thread::sleep_for(std::chrono::microseconds(100));
            int status = 0;
            if (::waitpid(pid, &status, WNOHANG) == pid) {
                pid = -1;
                break;
            }
        }
        if (pid < 0) {
            // Finished before the kill: undo it to try again from the same store.
            ASSERT_FALSE(in_commit && attempt == 5) << "no kill landed in a commit";
            ASSERT_EQ(
                run_kdx("convert " + sh_quote(example.string()) + " " + sh_quote(store.string()))
                    .exit_code,
                0);
            continue;
        }
        if (!in_commit) std::this_thread::sleep_for(std::chrono::milliseconds(20 * attempt));
        ::kill(pid, SIGKILL);
        ChildStatus s = wait_for(pid);
        if (s.signal == SIGKILL && fs::exists(journal)) {
            ++killed_mid_transaction;
            if (fs::file_size(store, ec) > size_before) ++killed_in_commit;
        }
        // A journal left behind is rolled back by the next open (or ignored
        // when the kill came before it was complete, as then the store was not yet written).
        EXPECT_EQ(sql(store, "PRAGMA integrity_check"), "ok\n");
        EXPECT_EQ(dump(store), before) << "attempt " << attempt;
        Dataset d = read(store);
        EXPECT_EQ(d.settlement.size(), 24u);
    }
    EXPECT_GT(killed_mid_transaction, 0) << "no kill landed while the import was writing";
    std::cout << "killed " << killed_mid_transaction << " imports mid-transaction, "
              << killed_in_commit << " of them while committing\n";
    // The store still takes the import whole afterwards.
    CommandResult r =
        run_kdx("convert " + sh_quote(big.string()) + " " + sh_quote(store.string()) + " --merge");
    ASSERT_EQ(r.exit_code, 0) << r.err;
    EXPECT_EQ(sql(store, "SELECT count(*) FROM settlement"), "80024\n");
    EXPECT_FALSE(fs::exists(journal));
}

}  // namespace

namespace {

// Two imports at once into one store: the second waits for the first's
// transaction (BEGIN IMMEDIATE and a busy timeout), and both land whole.
TEST(SqliteConcurrentImports, BothLandWhole) {
    if (!have_program("sqlite3")) GTEST_SKIP() << "sqlite3 is not installed (scripts/setup --test)";
    fs::path dir = scratch_dir(), store = dir / "store.kdx.sqlite";
    ASSERT_EQ(
        run_kdx("convert " + sh_quote(example.string()) + " " + sh_quote(store.string())).exit_code,
        0);
    // Numbers 6000-7999 and 8000-9999: no key in common.
    auto csv = [&](const std::string& name, int first) {
        std::ofstream out(dir / name, std::ios::binary);
        out << "Kommunenr;Kommune;År;Anmodning;Vedtak;Bosatt\n";
        for (int m = first; m < first + 2000; ++m)
            for (int year = 2000; year < 2010; ++year)
                out << m << ";Kommune " << m << ';' << year << ";30;20;10\n";
        return (dir / name).string();
    };
    const std::string a = csv("a.csv", 6000), b = csv("b.csv", 8000);
    pid_t first = spawn({kdx_exe().string(), "convert", a, store.string(), "--merge"});
    pid_t second = spawn({kdx_exe().string(), "convert", b, store.string(), "--merge"});
    ASSERT_GT(first, 0);
    ASSERT_GT(second, 0);
    ChildStatus s1 = wait_for(first), s2 = wait_for(second);
    EXPECT_TRUE(s1.exited && s1.exit_code == 0) << s1.exit_code << " " << s1.signal;
    EXPECT_TRUE(s2.exited && s2.exit_code == 0) << s2.exit_code << " " << s2.signal;
    EXPECT_EQ(sql(store, "SELECT count(*) FROM settlement"), "40024\n");
    EXPECT_EQ(sql(store, "SELECT count(*) FROM imports WHERE mode = 'merge'"), "2\n");
    EXPECT_EQ(sql(store, "PRAGMA integrity_check"), "ok\n");
}

}  // namespace
