// Runs conformance checks, each in its own child process, and prints one
// line per check.
#pragma once

#include <filesystem>
#include <functional>
#include <string>

namespace kdx::check {

// What one check found.
struct Outcome {
    enum class Status { pass, fail, skip };
    Status status = Status::fail;
    std::string detail;  // why it failed, was skipped, or what passed

    static Outcome pass(std::string detail = {}) { return {Status::pass, std::move(detail)}; }
    static Outcome fail(std::string detail) { return {Status::fail, std::move(detail)}; }
    static Outcome skip(std::string detail) { return {Status::skip, std::move(detail)}; }
};

// A check gets a fresh, empty folder of its own to write into.
using CheckFunction = std::function<Outcome(const std::filesystem::path& scratch)>;

class CheckRunner {
  public:
    // `scratch_root` is an existing folder; `timeout_seconds` bounds each child.
    CheckRunner(std::filesystem::path scratch_root, unsigned timeout_seconds);

    // Runs `check` in a forked child so that a crash or hang becomes a FAIL
    // line naming the signal instead of ending the checker.
    Outcome run_isolated(const std::string& name, const CheckFunction& check);
    // Runs `check` in this process; for checks that call no plugin code.
    Outcome run_here(const std::string& name, const CheckFunction& check);
    // Records an outcome found elsewhere.
    void record(const std::string& name, const Outcome& outcome);

    unsigned passed() const noexcept { return passed_; }
    unsigned failed() const noexcept { return failed_; }
    unsigned skipped() const noexcept { return skipped_; }

  private:
    std::filesystem::path next_scratch();

    std::filesystem::path scratch_root_;
    unsigned timeout_seconds_;
    unsigned counter_ = 0;
    unsigned passed_ = 0;
    unsigned failed_ = 0;
    unsigned skipped_ = 0;
};

}  // namespace kdx::check
