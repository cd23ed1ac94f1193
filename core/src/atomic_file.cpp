#include "kdx/atomic_file.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <map>
#include <mutex>
#include <set>
#include <system_error>
#include <vector>

#include "atomic_commit_group.hpp"
#include "kdx/error.hpp"

namespace kdx {

namespace fs = std::filesystem;

namespace {

Error failure(const fs::path& target, const std::string& what, int error_number) {
    return Error("cannot write " + target.string() + ": " + what + ": " +
                 std::strerror(error_number));
}

[[noreturn]] void fail(const fs::path& target, const std::string& what, int error_number) {
    throw failure(target, what, error_number);
}

fs::path folder_of(const fs::path& file) {
    fs::path folder = file.parent_path();
    return folder.empty() ? fs::path(".") : folder;
}

// A file committed into the open group: complete, closed, not yet synced.
struct Pending {
    fs::path temp, target;
};
std::mutex group_mutex;

}  // namespace

struct AtomicCommitGroup::State {
    std::vector<Pending> files;        // committed, under group_mutex
    std::vector<fs::path> publishing;  // being synced and renamed, under group_mutex
    bool open = false;
};

namespace {

AtomicCommitGroup::State* open_group = nullptr;  // under group_mutex

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
    {
        std::lock_guard<std::mutex> lock(group_mutex);
        if (open_group) {
            open_group->files.push_back({temp_, target_});
            committed_ = true;  // the group removes the temporary file if it must
            return;
        }
    }
    if (!sync_path(temp_, O_RDONLY)) fail(target_, "cannot flush to disk", errno);
    if (std::rename(temp_.c_str(), target_.c_str()) != 0) fail(target_, "cannot rename", errno);
    committed_ = true;
    fs::path folder = target_.parent_path();
    sync_path(folder.empty() ? fs::path(".") : folder, O_RDONLY | O_DIRECTORY);
}

bool AtomicCommitGroup::holds(const fs::path& target) {
    std::lock_guard<std::mutex> lock(group_mutex);
    if (!open_group) return false;
    for (const Pending& f : open_group->files)
        if (f.target == target) return true;
    for (const fs::path& p : open_group->publishing)
        if (p == target) return true;
    return false;
}

AtomicCommitGroup::AtomicCommitGroup() : state_(std::make_unique<State>()) {
    std::lock_guard<std::mutex> lock(group_mutex);
    if (open_group) return;
    open_group = state_.get();
    state_->open = true;
}

AtomicCommitGroup::~AtomicCommitGroup() { close(); }

std::vector<AtomicCommitGroup::Failure> AtomicCommitGroup::publish() {
    std::vector<Pending> files;
    {
        std::lock_guard<std::mutex> lock(group_mutex);
        files.swap(state_->files);
        for (const Pending& f : files) state_->publishing.push_back(f.target);
    }
    std::vector<Failure> failed;
    // Every file's data on disk before any rename, one sync per file system.
    std::map<dev_t, int> synced;  // device: 0 or the errno of its sync
    std::vector<int> errors(files.size(), 0);
    for (std::size_t i = 0; i < files.size(); ++i) {
        struct stat st {};
        const fs::path folder = folder_of(files[i].temp);
        if (::stat(folder.c_str(), &st) != 0) {
            errors[i] = errno;
            continue;
        }
        auto [at, fresh] = synced.try_emplace(st.st_dev, 0);
        if (fresh) {
            const int fd = ::open(folder.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
            if (fd < 0 || ::syncfs(fd) != 0) at->second = errno ? errno : EIO;
            if (fd >= 0) ::close(fd);
        }
        errors[i] = at->second;
    }
    std::set<fs::path> folders;
    for (std::size_t i = 0; i < files.size(); ++i) {
        const Pending& f = files[i];
        if (errors[i] == 0 && std::rename(f.temp.c_str(), f.target.c_str()) == 0) {
            folders.insert(folder_of(f.target));
            continue;
        }
        const int error = errors[i] ? errors[i] : errno;
        failed.emplace_back(
            f.target,
            failure(f.target, errors[i] ? "cannot flush to disk" : "cannot rename", error));
        std::error_code ec;
        fs::remove(f.temp, ec);
    }
    for (const fs::path& folder : folders) sync_path(folder, O_RDONLY | O_DIRECTORY);
    std::lock_guard<std::mutex> lock(group_mutex);
    state_->publishing.clear();
    return failed;
}

std::vector<AtomicCommitGroup::Failure> AtomicCommitGroup::close() {
    if (!state_->open) return {};
    {
        std::lock_guard<std::mutex> lock(group_mutex);
        open_group = nullptr;
        state_->open = false;
    }
    return publish();
}

void write_atomically(const fs::path& target, const std::function<void(const fs::path&)>& write) {
    AtomicFile file(target);
    write(file.temp_path());
    file.commit();
}

}  // namespace kdx
