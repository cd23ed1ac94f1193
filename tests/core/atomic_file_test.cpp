#include "kdx/atomic_file.hpp"

#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <sys/stat.h>
#include <unistd.h>

#include <thread>

#include "atomic_commit_group.hpp"
#include "kdx/error.hpp"
#include "test_support.hpp"

namespace {

namespace fs = std::filesystem;
using kdx::test::read_file;
using kdx::test::scratch_dir;
using kdx::test::write_file;

std::size_t files_in(const fs::path& dir) {
    return static_cast<std::size_t>(
        std::distance(fs::directory_iterator(dir), fs::directory_iterator()));
}

TEST(AtomicFile, ReplacesTheTargetOnlyOnCommit) {
    fs::path dir = scratch_dir();
    write_file(dir / "out.txt", "old");
    {
        kdx::AtomicFile f(dir / "out.txt");
        f.stream() << "new";
        EXPECT_EQ(read_file(dir / "out.txt"), "old");
        f.commit();
    }
    EXPECT_EQ(read_file(dir / "out.txt"), "new");
    EXPECT_EQ(files_in(dir), 1u);
}

TEST(AtomicFile, AnExceptionLeavesTheEarlierFileAndNoTemporary) {
    fs::path dir = scratch_dir();
    write_file(dir / "out.txt", "old");
    EXPECT_THROW(kdx::write_atomically(dir / "out.txt",
                                       [](const fs::path& temp) {
                                           write_file(temp, "half");
                                           throw std::runtime_error("failed half-way");
                                       }),
                 std::runtime_error);
    EXPECT_EQ(read_file(dir / "out.txt"), "old");
    EXPECT_EQ(files_in(dir), 1u);
}

TEST(AtomicFile, MissingFolderIsAClearError) {
    fs::path dir = scratch_dir();
    try {
        kdx::AtomicFile f(dir / "no" / "such" / "out.txt");
        FAIL();
    } catch (const kdx::Error& e) {
        EXPECT_THAT(e.what(),
                    ::testing::HasSubstr("cannot write " + (dir / "no/such/out.txt").string()));
        EXPECT_THAT(e.what(), ::testing::HasSubstr("does not exist"));
    }
}

TEST(AtomicFile, ReadOnlyFolderIsAClearError) {
    if (::geteuid() == 0) GTEST_SKIP() << "root may write into read-only folders";
    fs::path dir = scratch_dir();
    fs::permissions(dir, fs::perms::owner_read | fs::perms::owner_exec);
    EXPECT_THROW(kdx::AtomicFile(dir / "out.txt"), kdx::Error);
    fs::permissions(dir, fs::perms::owner_all);
}

TEST(AtomicFile, FileGetsTheUsualPermissions) {
    fs::path dir = scratch_dir();
    kdx::write_atomically(dir / "out.txt", [](const fs::path& temp) { write_file(temp, "x"); });
    mode_t mask = ::umask(0);
    ::umask(mask);
    auto perms = static_cast<unsigned>(fs::status(dir / "out.txt").permissions());
    EXPECT_EQ(perms, 0666u & ~static_cast<unsigned>(mask));  // as a plain open() would
}

// Files committed while a group is open wait under their temporary names,
// whichever thread committed them, and appear together when it publishes.
TEST(AtomicCommitGroup, FilesAppearWhenPublished) {
    fs::path dir = scratch_dir();
    write_file(dir / "a.txt", "old");
    kdx::AtomicCommitGroup group;
    auto write = [&dir](const char* name, const char* text) {
        kdx::AtomicFile f(dir / name);
        f.stream() << text;
        f.commit();
    };
    std::thread other(write, "b.txt", "bee");
    write("a.txt", "new");
    other.join();
    EXPECT_EQ(read_file(dir / "a.txt"), "old");
    EXPECT_FALSE(fs::exists(dir / "b.txt"));
    EXPECT_EQ(files_in(dir), 3u);  // a.txt and the two temporary files
    EXPECT_TRUE(group.publish().empty());
    EXPECT_EQ(read_file(dir / "a.txt"), "new");
    EXPECT_EQ(read_file(dir / "b.txt"), "bee");
    EXPECT_EQ(files_in(dir), 2u);
    EXPECT_TRUE(group.close().empty());
    write("c.txt", "sea");  // after close(): in place at once
    EXPECT_EQ(read_file(dir / "c.txt"), "sea");
}

// A file that cannot take its name when the group publishes is named, and
// its temporary file removed; the others are published all the same.
TEST(AtomicCommitGroup, AFileThatCannotBePublishedIsNamedAndTheOthersAppear) {
    fs::path dir = scratch_dir();
    kdx::AtomicCommitGroup group;
    for (const char* name : {"blocked.txt", "fine.txt"}) {
        kdx::AtomicFile f(dir / name);
        f.stream() << name;
        f.commit();
    }
    // Something else made a folder of that name meanwhile.
    fs::create_directory(dir / "blocked.txt");
    write_file(dir / "blocked.txt" / "inside", "x");
    auto failed = group.close();
    ASSERT_EQ(failed.size(), 1u);
    EXPECT_EQ(failed[0].first, dir / "blocked.txt");
    EXPECT_THAT(failed[0].second.what(),
                ::testing::StartsWith("cannot write " + (dir / "blocked.txt").string() +
                                      ": cannot rename: "));
    EXPECT_EQ(read_file(dir / "fine.txt"), "fine.txt");
    EXPECT_EQ(files_in(dir), 2u);  // the folder and fine.txt: no temporary file left
}

// Only one group takes files: one opened meanwhile publishes nothing.
TEST(AtomicCommitGroup, ASecondGroupTakesNoFiles) {
    fs::path dir = scratch_dir();
    kdx::AtomicCommitGroup first;
    kdx::AtomicCommitGroup second;
    kdx::AtomicFile f(dir / "out.txt");
    f.stream() << "text";
    f.commit();
    EXPECT_TRUE(second.close().empty());
    EXPECT_FALSE(fs::exists(dir / "out.txt"));
    EXPECT_TRUE(first.publish().empty());
    EXPECT_EQ(read_file(dir / "out.txt"), "text");
}

}  // namespace
