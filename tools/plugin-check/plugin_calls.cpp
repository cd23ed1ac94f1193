#include "plugin_calls.hpp"

#include <algorithm>
#include <exception>
#include <system_error>

#include "kdx/error.hpp"

namespace kdx::check {

namespace fs = std::filesystem;

namespace {

// The host rewrites anything but kdx::Error as "plugin NAME (FILE) failed...".
bool wrapped_by_host(const host::LoadedFormat& format, const std::string& message) {
    std::string prefix = "plugin " + format.plugin() + " (" + format.file().string() + ") failed";
    return message.rfind(prefix, 0) == 0;
}

}  // namespace

CallResult call_plugin(const host::LoadedFormat& format, const std::function<void()>& call) {
    CallResult r;
    try {
        call();
    } catch (const Error& e) {
        r.kind = wrapped_by_host(format, e.message()) ? CallResult::Kind::foreign_exception
                                                      : CallResult::Kind::kdx_error;
        r.message = e.what();
        r.where = e.where();
    } catch (const std::exception& e) {
        r.kind = CallResult::Kind::foreign_exception;
        r.message = e.what();
    } catch (...) {
        r.kind = CallResult::Kind::foreign_exception;
        r.message = "an exception that is not a std::exception";
    }
    return r;
}

std::string foreign_exception_reason(const CallResult& r) {
    return "an exception other than kdx::Error escaped the plugin (" + r.message +
           "); catch it and throw kdx::Error with a location instead";
}

std::vector<std::string> folder_entries(const fs::path& dir) {
    std::vector<std::string> names;
    std::error_code ec;
    for (const auto& entry : fs::directory_iterator(dir, ec))
        names.push_back(entry.path().filename().string());
    std::sort(names.begin(), names.end());
    return names;
}

std::string join(const std::vector<std::string>& items, const std::string& separator) {
    std::string s;
    for (const auto& item : items) s += (s.empty() ? "" : separator) + item;
    return s;
}

std::string error_summary(const Diagnostics& diagnostics) {
    std::vector<std::string> errors;
    for (const Diagnostic& d : diagnostics.items())
        if (d.severity == Severity::error) errors.push_back(d.to_string());
    if (errors.empty()) return "";
    std::string first = errors.front();
    return errors.size() == 1 ? first
                              : first + " (and " + std::to_string(errors.size() - 1) + " more)";
}

std::string output_extension(const FormatInfo& info) {
    return info.extensions.empty() ? ".out" : "." + info.extensions.front();
}

}  // namespace kdx::check
