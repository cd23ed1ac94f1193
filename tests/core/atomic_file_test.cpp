#include "kdx/atomic_file.hpp"

#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <sys/stat.h>
#include <unistd.h>

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

}  // namespace
