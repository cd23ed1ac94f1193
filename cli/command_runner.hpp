// What main() and `kdx run` share to run a command the same way: the global
// options, turning a command's exceptions into exit codes and messages, and
// the nearest name for a did-you-mean.
#pragma once

#include <functional>
#include <string>
#include <vector>

#include "command.hpp"

namespace kdx::cli {

// Adds --plugin-dir, -v, -q and --diagnostics, bound to `global`.
void add_global_options(CLI::App& app, GlobalOptions& global);

// Runs a parsed command's runner: its exit code, or, for what it throws, the
// message main() prints and the exit code that goes with it (2 for a usage
// mistake, 1 for anything else).
int run_command(const std::string& name, const std::function<int()>& run,
                const GlobalOptions& global);

// --json, an option of the kdx command itself (given before or after the
// command's name) rather than a recipe key: how a caller wants to be told
// is not part of the job a recipe writes down.
void add_json_option(CLI::App& app, bool& json);

// The command main() runs: run_command(), and with `json` its JSON document
// (json_output.hpp) on stdout, whatever the outcome. A command that writes
// no such document is a usage mistake with --json.
int run_main_command(const std::string& name, const std::function<int()>& run,
                     GlobalOptions& global, bool json);

// A usage mistake found before any command ran: the message on stderr and,
// with `json`, a document saying so on stdout. Returns exit_usage.
int usage_mistake(const std::string& command, const std::string& message, bool json);

// True when `--json` is among the words of a command line (before any "--"),
// for a command line CLI11 refused before the flag was read.
bool json_asked(int argc, char** argv);

// Edit distance between two words (insertions, deletions, substitutions, and
// swapping two neighbours, the commonest typo).
std::size_t edit_distance(const std::string& a, const std::string& b);

// The name of `names` nearest `word`, or "" when none is near enough to be
// what was meant (within a third of the word's length, at least 2).
std::string nearest_name(const std::string& word, const std::vector<std::string>& names);

}  // namespace kdx::cli
