// Atomic output: write to a temporary file beside the target, rename on success.
#pragma once

#include <filesystem>
#include <fstream>
#include <functional>

namespace kdx {

// The target is replaced only by commit(); until then an earlier file of that
// name stays intact, and an AtomicFile destroyed without commit() removes its
// temporary file. Errors (missing or read-only folder, full disk) throw
// kdx::Error naming the target.
class AtomicFile {
  public:
    explicit AtomicFile(std::filesystem::path target);
    ~AtomicFile();
    AtomicFile(const AtomicFile&) = delete;
    AtomicFile& operator=(const AtomicFile&) = delete;

    const std::filesystem::path& target() const noexcept { return target_; }
    // The temporary file, for libraries that want a file name; it exists, empty.
    const std::filesystem::path& temp_path() const noexcept { return temp_; }
    // A binary stream on the temporary file.
    std::ostream& stream();
    // Flushes, syncs to disk and renames the temporary file to the target;
    // while kdx has a group of files open (cli: a report run), hands the
    // file to the group, which syncs and renames the files together.
    void commit();

  private:
    std::filesystem::path target_;
    std::filesystem::path temp_;
    std::ofstream out_;
    bool committed_ = false;
};

// Calls write(temp) and commits; on any exception the target is untouched.
void write_atomically(const std::filesystem::path& target,
                      const std::function<void(const std::filesystem::path& temp)>& write);

}  // namespace kdx
