#include "host/isolated_plugin.hpp"

#include <fcntl.h>
#include <poll.h>
#include <spawn.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <cmath>
#include <csignal>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <functional>
#include <iterator>
#include <set>
#include <sstream>
#include <system_error>
#include <vector>

#include "host/plugin_failures.hpp"
#include "host/plugin_host.hpp"
#include "host/runner_protocol.hpp"
#include "kdx/error.hpp"
#include "kdx/uri.hpp"

extern char** environ;

namespace kdx::host {

namespace fs = std::filesystem;

namespace {

constexpr const char* runner_name = "kdx-plugin-runner";

fs::path executable_folder() {
    std::error_code ec;
    fs::path exe = fs::read_symlink("/proc/self/exe", ec);
    return ec ? fs::path() : exe.parent_path();
}

// A private folder for the request and the answer, removed with everything in it.
class ScratchFolder {
  public:
    ScratchFolder() {
        const char* tmp = std::getenv("TMPDIR");
        std::string pattern = std::string(tmp && *tmp ? tmp : "/tmp") + "/kdx-plugin-XXXXXX";
        std::vector<char> name(pattern.begin(), pattern.end());
        name.push_back('\0');
        if (!::mkdtemp(name.data()))
            throw Error("cannot create a folder for a plugin's child process in " + pattern + ": " +
                        std::strerror(errno));
        path_ = name.data();
    }
    ~ScratchFolder() {
        std::error_code ec;
        fs::remove_all(path_, ec);
    }
    ScratchFolder(const ScratchFolder&) = delete;
    ScratchFolder& operator=(const ScratchFolder&) = delete;
    const fs::path& path() const noexcept { return path_; }

  private:
    fs::path path_;
};

void write_bytes(const fs::path& file, const std::string& bytes) {
    std::ofstream out(file, std::ios::binary);
    out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
    out.close();
    if (!out) throw Error("cannot write " + file.string() + " for a plugin's child process");
}

bool read_bytes(const fs::path& file, std::string& bytes) {
    std::ifstream in(file, std::ios::binary);
    if (!in) return false;
    bytes.assign(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
    return true;
}

// The temporary files AtomicFile makes beside `target` (".NAME.kdx-XXXXXX"):
// a child that dies leaves its own behind, and only kdx can remove it.
std::set<fs::path> temporaries_of(const fs::path& target) {
    std::set<fs::path> found;
    if (target.empty() || is_uri(target.string())) return found;
    fs::path folder = target.parent_path();
    if (folder.empty()) folder = ".";
    const std::string prefix = "." + target.filename().string() + ".kdx-";
    std::error_code ec;
    for (const auto& entry : fs::directory_iterator(folder, ec)) {
        const std::string name = entry.path().filename().string();
        if (name.size() == prefix.size() + 6 && name.rfind(prefix, 0) == 0)
            found.insert(entry.path());
    }
    return found;
}

std::string signal_name(int signal) {
    const char* abbrev = ::sigabbrev_np(signal);
    return abbrev ? std::string("SIG") + abbrev : "signal " + std::to_string(signal);
}

std::string seconds_text(double s) {
    std::ostringstream out;
    out << s;
    return out.str();
}

struct ChildEnd {
    bool timed_out = false;
    int status = 0;
};

// Waits for the child, killing it when it runs past the timeout. A pidfd
// lets several report threads each wait for their own child with a timeout
// without touching SIGCHLD.
ChildEnd wait_for(pid_t pid, double timeout_seconds) {
    ChildEnd end;
    if (timeout_seconds > 0) {
        int pidfd = static_cast<int>(::syscall(SYS_pidfd_open, pid, 0));
        if (pidfd >= 0) {
            const double ms = std::ceil(timeout_seconds * 1000);
            const int wait_ms = ms > 2e9 ? -1 : static_cast<int>(ms);
            pollfd p{pidfd, POLLIN, 0};
            int ready;
            while ((ready = ::poll(&p, 1, wait_ms)) < 0 && errno == EINTR) {
            }
            if (ready == 0) {
                ::kill(pid, SIGKILL);
                end.timed_out = true;
            }
            ::close(pidfd);
        }
    }
    while (::waitpid(pid, &end.status, 0) < 0)
        if (errno != EINTR)
            throw Error(std::string("cannot wait for kdx-plugin-runner: ") + std::strerror(errno));
    return end;
}

}  // namespace

const char* to_string(Isolation i) noexcept {
    switch (i) {
        case Isolation::none:
            return "none";
        case Isolation::third_party:
            return "third-party";
        case Isolation::all:
            return "all";
    }
    return "";
}

bool isolation_from_string(const std::string& text, Isolation& out) {
    for (Isolation i : {Isolation::none, Isolation::third_party, Isolation::all})
        if (text == to_string(i)) {
            out = i;
            return true;
        }
    return false;
}

bool isolates(const IsolationOptions& options, const fs::path& plugin_file) {
    if (options.mode != Isolation::third_party) return options.mode == Isolation::all;
    // kdx's own plugins are those built with it (KDX_OWN_PLUGINS,
    // "/kdx_csv.so/kdx_xml.so/") in the folders kdx searches without being
    // told: the install's plugin folder, or the build tree's for a kdx of
    // that tree, however the file was found (--plugin-dir may name them too).
    // A plugin copied into that folder by its author is not kdx's own.
    if (std::string(KDX_OWN_PLUGINS).find("/" + plugin_file.filename().string() + "/") ==
        std::string::npos)
        return true;
    SearchOptions own;
    own.use_environment = false;
    std::error_code ec;
    for (const auto& [folder, found_by] : PluginHost::search_folders(own))
        if (fs::equivalent(plugin_file.parent_path(), folder, ec)) return false;
    return true;
}

fs::path find_runner() {
    if (const char* env = std::getenv("KDX_PLUGIN_RUNNER"); env && *env) return env;
    const fs::path exe = executable_folder();
    if (exe.empty()) return {};
    std::error_code ec;
    for (const fs::path& candidate :
         {exe / runner_name, exe.parent_path() / KDX_RUNNER_INSTALL_DIR / runner_name})
        if (fs::is_regular_file(candidate, ec) && ::access(candidate.c_str(), X_OK) == 0)
            return candidate;
    return {};
}

IsolatedPlugin::IsolatedPlugin(fs::path plugin_file, std::string plugin_name,
                               std::string format_name, IsolationOptions options)
    : file_(std::move(plugin_file)),
      plugin_(std::move(plugin_name)),
      format_(std::move(format_name)),
      options_(std::move(options)) {}

std::function<void(const std::string&)> IsolatedPlugin::failed() const {
    return [this](const std::string& what) {
        record_plugin_failure({plugin_, file_.string(), what});
    };
}

std::string IsolatedPlugin::label() const {
    return "plugin " + plugin_ + " (" + file_.string() + ")";
}

std::string IsolatedPlugin::call(const std::string& request, const std::string& doing,
                                 const fs::path& output) const {
    const fs::path runner = options_.runner.empty() ? find_runner() : options_.runner;
    if (runner.empty())
        throw Error(label() + " is to run in a child process, but " + runner_name +
                    " was found neither beside " + executable_folder().string() + " nor in " +
                    (executable_folder().parent_path() / KDX_RUNNER_INSTALL_DIR).string() +
                    "; --isolate=none runs plugins inside kdx");
    ScratchFolder scratch;
    const fs::path request_file = scratch.path() / "request";
    const fs::path answer_file = scratch.path() / "answer";
    write_bytes(request_file, request);

    const std::set<fs::path> before = temporaries_of(output);
    std::vector<std::string> args = {runner.string()};
    if (options_.memory_mib > 0)
        args.insert(args.end(), {"--memory-mib", std::to_string(options_.memory_mib)});
    args.insert(args.end(), {request_file.string(), answer_file.string()});
    std::vector<char*> argv;
    for (std::string& a : args) argv.push_back(a.data());
    argv.push_back(nullptr);
    pid_t pid = 0;
    // posix_spawn, not fork: kdx writes reports on several threads, and a
    // forked copy of a threaded process may only call async-signal-safe code.
    if (int e = ::posix_spawn(&pid, runner.c_str(), nullptr, nullptr, argv.data(), environ); e != 0)
        throw Error("cannot start " + runner.string() + " for " + label() + ": " +
                    std::strerror(e));
    const ChildEnd end = wait_for(pid, options_.timeout_seconds);

    std::string answer;
    const bool answered =
        WIFEXITED(end.status) && WEXITSTATUS(end.status) == 0 && read_bytes(answer_file, answer);
    if (answered && !end.timed_out) return answer;

    for (const fs::path& left : temporaries_of(output))
        if (!before.count(left)) {
            std::error_code ec;
            fs::remove(left, ec);
        }
    std::string what;
    if (end.timed_out)
        what = "did not finish within " + seconds_text(options_.timeout_seconds) +
               " s (--plugin-timeout) and was stopped";
    else if (WIFSIGNALED(end.status) && WTERMSIG(end.status) == SIGABRT)
        what = "aborted (SIGABRT)";
    else if (WIFSIGNALED(end.status) && WTERMSIG(end.status) == SIGKILL)
        what = "was killed (SIGKILL, perhaps by the system for want of memory)";
    else if (WIFSIGNALED(end.status))
        what = "crashed (" + signal_name(WTERMSIG(end.status)) + ")";
    else
        what = "crashed (its process ended with status " + std::to_string(WEXITSTATUS(end.status)) +
               " without an answer)";
    record_plugin_failure({plugin_, file_.string(), what + " " + doing});
    throw Error(label() + " " + what + " " + doing);
}

namespace {

// `failed` records a child that ran out of memory (plugin_failures.hpp).
runner::Response answer_of(const std::string& bytes, runner::Operation operation,
                           Diagnostics& diagnostics, const std::string& label,
                           const std::string& doing, std::size_t memory_mib,
                           const std::function<void(const std::string&)>& failed) {
    runner::Response a = runner::decode_response(bytes, operation);
    diagnostics.append(a.diagnostics);
    switch (a.outcome) {
        case runner::Outcome::ok:
            break;
        case runner::Outcome::error:
            throw Error(a.error.message, a.error.where);
        case runner::Outcome::option_error:
            throw OptionError(a.error.message, a.error.where);
        case runner::Outcome::out_of_memory: {
            const std::string what =
                "ran out of memory" +
                (memory_mib ? " (limit " + std::to_string(memory_mib) + " MiB, --plugin-memory)"
                            : "") +
                " " + doing;
            failed(what);
            throw Error(label + " " + what +
                        (a.error.message.empty() ? "" : ": " + a.error.message));
        }
    }
    return a;
}

}  // namespace

Dataset IsolatedPlugin::read_dataset(const fs::path& input, const Options& options,
                                     Diagnostics& diagnostics) const {
    const auto op = runner::Operation::read_dataset;
    const std::string doing = "while reading " + mask_passwords(input.string());
    std::string bytes = call(
        runner::encode_request(op, file_, format_, input, options, nullptr, nullptr), doing, {});
    return std::move(
        answer_of(bytes, op, diagnostics, label(), doing, options_.memory_mib, failed()).dataset);
}

void IsolatedPlugin::write_dataset(const Dataset& dataset, const fs::path& output,
                                   const Options& options, Diagnostics& diagnostics) const {
    const auto op = runner::Operation::write_dataset;
    const std::string doing = "while writing " + mask_passwords(output.string());
    std::string bytes =
        call(runner::encode_request(op, file_, format_, output, options, &dataset, nullptr), doing,
             output);
    answer_of(bytes, op, diagnostics, label(), doing, options_.memory_mib, failed());
}

std::string IsolatedPlugin::describe() const {
    const auto op = runner::Operation::describe;
    const std::string doing = "while loading";
    Diagnostics ignored;
    std::string bytes =
        call(runner::encode_request(op, file_, {}, {}, {}, nullptr, nullptr), doing, {});
    return std::move(
        answer_of(bytes, op, ignored, label(), doing, options_.memory_mib, failed()).manifest);
}

void IsolatedPlugin::write_document(const Document& document, const fs::path& output,
                                    const Options& options, Diagnostics& diagnostics) const {
    const auto op = runner::Operation::write_document;
    const std::string doing = "while writing " + mask_passwords(output.string());
    std::string bytes =
        call(runner::encode_request(op, file_, format_, output, options, nullptr, &document), doing,
             output);
    answer_of(bytes, op, diagnostics, label(), doing, options_.memory_mib, failed());
}

}  // namespace kdx::host
