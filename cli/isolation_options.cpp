#include "isolation_options.hpp"

#include "common.hpp"

namespace kdx::cli {

void add_isolation_options(CLI::App& app, GlobalOptions& global) {
    app.add_option("--isolate", global.isolate,
                   "Which plugins run in a child process, so that one that crashes or hangs is "
                   "an error, not the end of kdx: all, third-party (not in kdx's own plugin "
                   "folder; the default) or none")
        ->type_name("WHICH")
        ->check(CLI::IsMember({"all", "third-party", "none"}));
    app.add_option("--plugin-timeout", global.plugin_timeout,
                   "Stop a plugin running in a child process after this many seconds of one "
                   "call and report it (default: no limit)")
        ->type_name("SECONDS")
        ->check(CLI::PositiveNumber);
    app.add_option("--plugin-memory", global.plugin_memory,
                   "Limit a plugin running in a child process to this much memory (address "
                   "space) and report it when it needs more (default: no limit)")
        ->type_name("MIB")
        ->check(CLI::PositiveNumber);
}

host::IsolationOptions isolation_for(const GlobalOptions& global) {
    host::IsolationOptions options;
    options.mode = host::Isolation::third_party;
    if (!global.isolate.empty() && !host::isolation_from_string(global.isolate, options.mode))
        throw UsageError("--isolate takes all, third-party or none; found \"" + global.isolate +
                         "\"");
    options.timeout_seconds = global.plugin_timeout;
    options.memory_mib = global.plugin_memory;
    return options;
}

void merge_isolation(GlobalOptions& merged, const GlobalOptions& from_recipe) {
    if (merged.isolate.empty()) merged.isolate = from_recipe.isolate;
    if (merged.plugin_timeout == 0) merged.plugin_timeout = from_recipe.plugin_timeout;
    if (merged.plugin_memory == 0) merged.plugin_memory = from_recipe.plugin_memory;
}

}  // namespace kdx::cli
