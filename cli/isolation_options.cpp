#include "isolation_options.hpp"

#include <charconv>
#include <cmath>
#include <optional>
#include <string>

#include "common.hpp"
#include "kdx/options.hpp"

namespace kdx::cli {

namespace {

// A finite decimal number ("2", "0.5"); nullopt for anything else.
std::optional<double> parse_number(const std::string& text) {
    double value = 0;
    const char* end = text.data() + text.size();
    auto [stop, error] = std::from_chars(text.data(), end, value);
    if (error != std::errc() || stop != end || !std::isfinite(value)) return std::nullopt;
    return value;
}

}  // namespace

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
        ->check(CLI::Validator(
            [](std::string& text) -> std::string {
                const auto n = parse_number(text);
                return n && *n > 0 ? ""
                                   : "takes a number of seconds above 0, found \"" + text + "\"";
            },
            "SECONDS > 0"));
    app.add_option("--plugin-memory", global.plugin_memory,
                   "Limit a plugin running in a child process to this much memory (address "
                   "space) and report it when it needs more (default: no limit)")
        ->type_name("MIB")
        ->check(CLI::Validator(
            [](std::string& text) -> std::string {
                const auto n = kdx::parse_integer(text);
                return n && *n > 0 ? ""
                                   : "takes a whole number of MiB above 0, found \"" + text + "\"";
            },
            "MIB > 0"));
}

host::IsolationOptions isolation_for(const GlobalOptions& global) {
    host::IsolationOptions options;
    options.mode = host::Isolation::third_party;
    if (!global.isolate.empty() && !host::isolation_from_string(global.isolate, options.mode))
        throw UsageError("--isolate takes all, third-party or none; found \"" + global.isolate +
                         "\"");
    if (options.mode == host::Isolation::none &&
        (global.plugin_timeout > 0 || global.plugin_memory > 0))
        throw UsageError(
            std::string(global.plugin_timeout > 0 ? "--plugin-timeout" : "--plugin-memory") +
            " limits plugins in a child process, and --isolate=none runs every "
            "plugin inside kdx: use --isolate=third-party or all");
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
