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

// Edit distance between two words (insertions, deletions, substitutions, and
// swapping two neighbours, the commonest typo).
std::size_t edit_distance(const std::string& a, const std::string& b);

// The name of `names` nearest `word`, or "" when none is near enough to be
// what was meant (within a third of the word's length, at least 2).
std::string nearest_name(const std::string& word, const std::vector<std::string>& names);

}  // namespace kdx::cli
