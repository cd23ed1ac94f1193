// Starting kdx as a child process that a test can kill or limit: fork, then
// set limits and signals in the child, then exec.
#pragma once

#include <fcntl.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <csignal>
#include <cstdlib>
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

namespace kdx::test {

struct ChildOptions {
    std::filesystem::path stdout_file = "/dev/null";
    std::filesystem::path stderr_file = "/dev/null";
    std::optional<rlim_t>
        max_file_size;  // RLIMIT_FSIZE; SIGXFSZ is ignored so writes fail with EFBIG
    std::vector<std::pair<std::string, std::string>> environment;  // set in the child
};

// Starts `argv` (argv[0] is the program's path); returns the child's pid, or -1.
inline pid_t spawn(const std::vector<std::string>& argv, const ChildOptions& options = {}) {
    pid_t pid = ::fork();
    if (pid != 0) return pid;
    // In the child: only async-signal-safe work until exec, then _exit on failure.
    int out = ::open(options.stdout_file.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
    int err = ::open(options.stderr_file.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
    if (out < 0 || err < 0 || ::dup2(out, 1) < 0 || ::dup2(err, 2) < 0) ::_exit(126);
    for (const auto& [name, value] : options.environment) ::setenv(name.c_str(), value.c_str(), 1);
    if (options.max_file_size) {
        std::signal(SIGXFSZ, SIG_IGN);
        rlimit limit{*options.max_file_size, *options.max_file_size};
        if (::setrlimit(RLIMIT_FSIZE, &limit) != 0) ::_exit(126);
    }
    std::vector<char*> args;
    for (const auto& a : argv) args.push_back(const_cast<char*>(a.c_str()));
    args.push_back(nullptr);
    ::execv(args[0], args.data());
    ::_exit(127);
}

struct ChildStatus {
    bool exited = false;
    int exit_code = -1;  // when exited
    int signal = 0;      // when killed by a signal
};

inline ChildStatus wait_for(pid_t pid) {
    int status = 0;
    while (::waitpid(pid, &status, 0) < 0)
        if (errno != EINTR) return {};
    ChildStatus s;
    if (WIFEXITED(status)) s.exited = true, s.exit_code = WEXITSTATUS(status);
    if (WIFSIGNALED(status)) s.signal = WTERMSIG(status);
    return s;
}

inline ChildStatus run_child(const std::vector<std::string>& argv,
                             const ChildOptions& options = {}) {
    pid_t pid = spawn(argv, options);
    if (pid < 0) return {};
    return wait_for(pid);
}

}  // namespace kdx::test
