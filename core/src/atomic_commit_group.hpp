// Publishing many AtomicFiles together (kdx report, kdx dossier): the host's
// side of kdx/atomic_file.hpp, not part of the SDK.
#pragma once

#include <filesystem>
#include <memory>
#include <utility>
#include <vector>

#include "kdx/error.hpp"

namespace kdx {

// Files committed on any thread while a group is open in this process are
// published by publish(): their data flushed with one syncfs() per file
// system, then each renamed to its target, then each folder synced once.
// Until then each waits complete under its temporary name. A command that
// writes hundreds of files (kdx report --municipality all) saves two syncs
// a file so, each a wait for the disk. One group at a time: a group opened
// while another is open takes no files.
class AtomicCommitGroup {
  public:
    AtomicCommitGroup();
    // Publishes what is left, its failures unreported: close() reports them.
    ~AtomicCommitGroup();
    AtomicCommitGroup(const AtomicCommitGroup&) = delete;
    AtomicCommitGroup& operator=(const AtomicCommitGroup&) = delete;

    // A file that could not be published (its temporary file is removed),
    // and the error that names it.
    using Failure = std::pair<std::filesystem::path, Error>;

    // Publishes the files committed so far; the group stays open. Returns the
    // files that could not be published; the others are published all the same.
    std::vector<Failure> publish();
    // Publishes the rest and closes the group: later commits are plain again.
    std::vector<Failure> close();

    // True while the open group holds a file committed for `target` and not
    // yet renamed: the host's check that a writer left its file behind.
    static bool holds(const std::filesystem::path& target);

    struct State;

  private:
    std::unique_ptr<State> state_;
};

}  // namespace kdx
