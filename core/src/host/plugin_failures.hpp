// The calls of this process whose plugin ended its kdx-plugin-runner child
// abnormally: crashed, aborted, hung past --plugin-timeout, killed, or ran out
// of memory. A command's --json document lists them (plugin_failures), so that
// a service can tell a broken plugin from bad input, which share exit code 1.
// An error the plugin reports (kdx::Error, or another exception) is not one.
#pragma once

#include <string>
#include <vector>

namespace kdx::host {

struct PluginFailure {
    std::string plugin;  // its name
    std::string file;    // its library
    std::string what;    // "crashed (SIGSEGV) while writing out.csv"
};

// Safe from any thread.
void record_plugin_failure(PluginFailure failure);
// In the order they happened.
std::vector<PluginFailure> plugin_failures();

}  // namespace kdx::host
