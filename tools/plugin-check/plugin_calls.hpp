// Calls into a loaded format, sorting what it throws: a kdx::Error the plugin
// threw itself, or another exception that the host had to wrap.
#pragma once

#include <filesystem>
#include <functional>
#include <string>
#include <vector>

#include "host/plugin_host.hpp"
#include "kdx/diagnostics.hpp"

namespace kdx::check {

// How a call into a plugin ended.
struct CallResult {
    enum class Kind { ok, kdx_error, foreign_exception };
    Kind kind = Kind::ok;
    std::string message;  // the error's text, location included
    Location where;       // where the plugin said the problem is

    bool ok() const noexcept { return kind == Kind::ok; }
};

// Runs `call` and classifies what it throws.
CallResult call_plugin(const host::LoadedFormat& format, const std::function<void()>& call);

// The reason to give when a call threw something other than kdx::Error.
std::string foreign_exception_reason(const CallResult& r);

// Files and folders in `dir` (names only, sorted), to spot output left behind.
std::vector<std::string> folder_entries(const std::filesystem::path& dir);

// "a, b, c"
std::string join(const std::vector<std::string>& items, const std::string& separator = ", ");

// A summary of the error diagnostics, or "" when there are none.
std::string error_summary(const Diagnostics& diagnostics);

// The first extension a format declares, with a dot, or ".out".
std::string output_extension(const FormatInfo& info);

}  // namespace kdx::check
