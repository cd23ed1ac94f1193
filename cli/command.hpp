// The kdx commands: each lives in its own file under commands/ and is listed
// once in command_table.cpp with its metadata.
#pragma once

#include <CLI/CLI.hpp>
#include <filesystem>
#include <functional>
#include <string>
#include <vector>

namespace kdx::cli {

class JsonReport;

// Exit codes shared by every command.
enum ExitCode { exit_ok = 0, exit_input_errors = 1, exit_usage = 2 };

// Options every command accepts.
struct GlobalOptions {
    std::vector<std::filesystem::path> plugin_dirs;
    bool verbose = false;
    bool quiet = false;             // -q: errors only
    std::string diagnostics;        // --diagnostics: errors, warnings, notes, all, none
    JsonReport* json = nullptr;     // --json: what the command did goes here too
    std::string isolate;            // --isolate: all, third-party, none; empty: third-party
    double plugin_timeout = 0;      // --plugin-timeout, seconds; 0: none
    std::size_t plugin_memory = 0;  // --plugin-memory, MiB; 0: none
};

// Adds the command's own options to `app` and returns what runs it.
using CommandSetup =
    std::function<std::function<int()>(CLI::App& app, const GlobalOptions& global)>;

struct Command {
    const char* name;
    const char* summary;
    const char* examples;  // shown under --help
    CommandSetup setup;
};

const std::vector<Command>& command_table();

// Defined in commands/<name>.cpp.
std::function<int()> setup_convert(CLI::App& app, const GlobalOptions& global);
std::function<int()> setup_dossier(CLI::App& app, const GlobalOptions& global);
std::function<int()> setup_plugins(CLI::App& app, const GlobalOptions& global);
std::function<int()> setup_run(CLI::App& app, const GlobalOptions& global);
std::function<int()> setup_report(CLI::App& app, const GlobalOptions& global);
std::function<int()> setup_validate(CLI::App& app, const GlobalOptions& global);
std::function<int()> setup_verify(CLI::App& app, const GlobalOptions& global);

}  // namespace kdx::cli
