// --isolate, --plugin-timeout and --plugin-memory: which plugins run in a
// child process and within which limits (core/src/host/isolated_plugin.hpp).
#pragma once

#include <CLI/CLI.hpp>

#include "command.hpp"
#include "host/isolated_plugin.hpp"

namespace kdx::cli {

// Adds the three options to the global ones.
void add_isolation_options(CLI::App& app, GlobalOptions& global);

// The host's settings for the options given; throws UsageError for a value
// --isolate does not take (CLI11 checks it first on the command line; a
// recipe's value arrives here).
host::IsolationOptions isolation_for(const GlobalOptions& global);

// A recipe's values under the command line's: each given on the command
// line wins.
void merge_isolation(GlobalOptions& merged, const GlobalOptions& from_recipe);

}  // namespace kdx::cli
