#include "kdx/atomic_file.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <system_error>
#include <vector>

#include "kdx/error.hpp"

namespace kdx {

namespace fs = std::filesystem;

namespace {

[[noreturn]] void fail(const fs::path& target, const std::string& what, int error_number) {
    throw Error("cannot write " + target.string() + ": " + what + ": " +
                std::strerror(error_number));
}

// fsync a file or folder so that the rename survives a power cut.
bool sync_path(const fs::path& p, int flags) {
    int fd = ::open(p.c_str(), flags | O_CLOEXEC);
    if (fd < 0) return false;
    bool ok = ::fsync(fd) == 0 || errno == EINVAL;  // some file systems cannot sync folders
    ::close(fd);
    return ok;
}

// The process's umask, so the file gets the mode a plain open() would give it
// (mkstemp creates files readable by the owner only). Read once when the
// library loads: reading it sets it for a moment, which must not happen
// while writers on other threads create files.
mode_t read_umask() {
    mode_t m = ::umask(0);
    ::umask(m);
    return m;
}
const mode_t process_umask = read_umask();
mode_t current_umask() { return process_umask; }

}  // namespace

AtomicFile::AtomicFile(fs::path target) : target_(std::move(target)) {
    fs::path folder = target_.parent_path();
    if (folder.empty()) folder = ".";
    std::error_code ec;
    if (!fs::is_directory(folder, ec))
        fail(target_, "folder " + folder.string() + " does not exist", ENOENT);
    if (fs::is_directory(target_, ec)) fail(target_, "it is a folder", EISDIR);
    // A hidden name beside the target, so the rename stays on one file system.
    std::string pattern = (folder / ("." + target_.filename().string() + ".kdx-XXXXXX")).string();
    std::vector<char> name(pattern.begin(), pattern.end());
    name.push_back('\0');
    int fd = ::mkstemp(name.data());
    if (fd < 0) fail(target_, "cannot create a temporary file in " + folder.string(), errno);
    ::fchmod(fd, 0666 & ~current_umask());
    ::close(fd);
    temp_ = name.data();
}

AtomicFile::~AtomicFile() {
    if (committed_) return;
    // close() flushes what is left and may throw (seen: std::bad_cast from a
    // stream a library re-imbued, after a failed write); this runs during
    // unwinding, where a throw would end the process.
    try {
        if (out_.is_open()) out_.close();
    } catch (...) {
    }
    std::error_code ec;
    fs::remove(temp_, ec);
}

std::ostream& AtomicFile::stream() {
    if (!out_.is_open()) {
        out_.open(temp_, std::ios::binary | std::ios::trunc);
        if (!out_) fail(target_, "cannot open " + temp_.string(), errno);
    }
    return out_;
}

void AtomicFile::commit() {
    if (out_.is_open()) {
        out_.flush();
        if (!out_) fail(target_, "write failed", errno ? errno : EIO);
        out_.close();
        if (out_.fail()) fail(target_, "write failed", errno ? errno : EIO);
    }
    if (!sync_path(temp_, O_RDONLY)) fail(target_, "cannot flush to disk", errno);
    if (std::rename(temp_.c_str(), target_.c_str()) != 0) fail(target_, "cannot rename", errno);
    committed_ = true;
    fs::path folder = target_.parent_path();
    sync_path(folder.empty() ? fs::path(".") : folder, O_RDONLY | O_DIRECTORY);
}

void write_atomically(const fs::path& target, const std::function<void(const fs::path&)>& write) {
    AtomicFile file(target);
    write(file.temp_path());
    file.commit();
}

}  // namespace kdx
