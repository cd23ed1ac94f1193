#include "check_runner.hpp"

#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <csignal>
#include <cstring>
#include <exception>
#include <iostream>

namespace kdx::check {

namespace fs = std::filesystem;

namespace {

char status_letter(Outcome::Status s) {
    switch (s) {
        case Outcome::Status::pass:
            return 'P';
        case Outcome::Status::fail:
            return 'F';
        case Outcome::Status::skip:
            return 'S';
    }
    return 'F';
}

Outcome::Status status_from_letter(char c) {
    return c == 'P'   ? Outcome::Status::pass
           : c == 'S' ? Outcome::Status::skip
                      : Outcome::Status::fail;
}

// Runs the check and turns anything that escapes it into a FAIL.
Outcome run_guarded(const CheckFunction& check, const fs::path& scratch) {
    try {
        return check(scratch);
    } catch (const std::exception& e) {
        return Outcome::fail(std::string("the check itself was interrupted: ") + e.what());
    } catch (...) {
        return Outcome::fail("the check itself was interrupted by an unknown exception");
    }
}

void write_all(int fd, const std::string& text) {
    std::size_t done = 0;
    while (done < text.size()) {
        ssize_t n = ::write(fd, text.data() + done, text.size() - done);
        if (n < 0 && errno == EINTR) continue;
        if (n <= 0) return;
        done += static_cast<std::size_t>(n);
    }
}

std::string read_all(int fd) {
    std::string text;
    char buffer[4096];
    for (;;) {
        ssize_t n = ::read(fd, buffer, sizeof buffer);
        if (n < 0 && errno == EINTR) continue;
        if (n <= 0) break;
        text.append(buffer, static_cast<std::size_t>(n));
    }
    return text;
}

std::string signal_text(int sig) {
    const char* abbrev = ::sigabbrev_np(sig);
    std::string name = abbrev ? std::string("SIG") + abbrev : "signal " + std::to_string(sig);
    return name + " (" + ::strsignal(sig) + ")";
}

}  // namespace

CheckRunner::CheckRunner(fs::path scratch_root, unsigned timeout_seconds)
    : scratch_root_(std::move(scratch_root)), timeout_seconds_(timeout_seconds) {}

fs::path CheckRunner::next_scratch() {
    fs::path dir = scratch_root_ / ("check-" + std::to_string(++counter_));
    fs::create_directories(dir);
    return dir;
}

void CheckRunner::record(const std::string& name, const Outcome& outcome) {
    const char* word = "FAIL";
    switch (outcome.status) {
        case Outcome::Status::pass:
            word = "PASS";
            ++passed_;
            break;
        case Outcome::Status::fail:
            word = "FAIL";
            ++failed_;
            break;
        case Outcome::Status::skip:
            word = "SKIP";
            ++skipped_;
            break;
    }
    std::cout << word << "  " << name;
    if (!outcome.detail.empty()) std::cout << ": " << outcome.detail;
    std::cout << std::endl;
}

Outcome CheckRunner::run_here(const std::string& name, const CheckFunction& check) {
    Outcome outcome = run_guarded(check, next_scratch());
    record(name, outcome);
    return outcome;
}

Outcome CheckRunner::run_isolated(const std::string& name, const CheckFunction& check) {
    fs::path scratch = next_scratch();
    int pipe_fds[2];
    if (::pipe(pipe_fds) != 0) {
        Outcome o = Outcome::fail(std::string("cannot create a pipe: ") + std::strerror(errno));
        record(name, o);
        return o;
    }
    std::cout.flush();
    std::cerr.flush();
    pid_t child = ::fork();
    if (child < 0) {
        ::close(pipe_fds[0]);
        ::close(pipe_fds[1]);
        Outcome o = Outcome::fail(std::string("cannot fork: ") + std::strerror(errno));
        record(name, o);
        return o;
    }
    if (child == 0) {
        ::close(pipe_fds[0]);
        // A plugin that hangs is killed by the default action of SIGALRM.
        std::signal(SIGALRM, SIG_DFL);
        ::alarm(timeout_seconds_);
        Outcome o = run_guarded(check, scratch);
        write_all(pipe_fds[1], std::string(1, status_letter(o.status)) + o.detail);
        ::close(pipe_fds[1]);
        // No destructors or atexit handlers: they belong to the parent.
        ::_exit(0);
    }
    ::close(pipe_fds[1]);
    std::string message = read_all(pipe_fds[0]);
    ::close(pipe_fds[0]);
    int status = 0;
    while (::waitpid(child, &status, 0) < 0 && errno == EINTR) {
    }

    Outcome outcome;
    if (WIFSIGNALED(status)) {
        int sig = WTERMSIG(status);
        outcome =
            sig == SIGALRM
                ? Outcome::fail("did not finish within " + std::to_string(timeout_seconds_) + " s")
                : Outcome::fail("the process crashed with " + signal_text(sig));
    } else if (message.empty()) {
        outcome = Outcome::fail("the process ended (exit code " +
                                std::to_string(WIFEXITED(status) ? WEXITSTATUS(status) : -1) +
                                ") before the check finished");
    } else {
        outcome = Outcome{status_from_letter(message[0]), message.substr(1)};
    }
    record(name, outcome);
    return outcome;
}

}  // namespace kdx::check
