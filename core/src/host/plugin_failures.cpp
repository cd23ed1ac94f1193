#include "host/plugin_failures.hpp"

#include <mutex>

namespace kdx::host {

namespace {
std::mutex failures_mutex;
std::vector<PluginFailure> failures;  // under failures_mutex
}  // namespace

void record_plugin_failure(PluginFailure failure) {
    std::lock_guard<std::mutex> lock(failures_mutex);
    failures.push_back(std::move(failure));
}

std::vector<PluginFailure> plugin_failures() {
    std::lock_guard<std::mutex> lock(failures_mutex);
    return failures;
}

}  // namespace kdx::host
