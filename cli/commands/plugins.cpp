// kdx plugins: what was found where, what each format can do, and why any
// candidate was not loaded.
#include <algorithm>
#include <iostream>
#include <memory>
#include <nlohmann/json.hpp>

#include "common.hpp"
#include "kdx/version.hpp"

namespace kdx::cli {

namespace {

std::string capabilities(const FormatInfo& info) {
    std::string s;
    auto add = [&](Capability c, const char* word) {
        if (info.can(c)) s += (s.empty() ? "" : ", ") + std::string(word);
    };
    add(can_read_dataset, "read");
    add(can_write_dataset, "write");
    add(can_write_document, "document");
    return s;
}

std::string extensions(const FormatInfo& info) {
    std::string s;
    for (const auto& e : info.extensions) s += (s.empty() ? "." : " .") + e;
    // A format without extensions is reached by a URI of its name.
    return s.empty() ? info.name + "://…" : s;
}

const char* type_name(OptionInfo::Type t) {
    switch (t) {
        case OptionInfo::Type::string:
            return "text";
        case OptionInfo::Type::integer:
            return "whole number";
        case OptionInfo::Type::boolean:
            return "true/false";
        case OptionInfo::Type::choice:
            return "choice";
    }
    return "";
}

void print_options(const char* heading, const std::vector<OptionInfo>& options) {
    std::cout << heading << (options.empty() ? " none\n" : "\n");
    for (const OptionInfo& o : options) {
        std::cout << "  " << o.name << " (" << type_name(o.type);
        if (!o.allowed.empty()) {
            std::cout << ":";
            for (const auto& a : o.allowed) std::cout << " " << a;
        }
        if (!o.default_value.empty()) std::cout << "; default " << o.default_value;
        std::cout << ")\n      " << o.description << '\n';
    }
}

// Details of one format: what it does and the options it takes.
int run_format_details(const host::PluginHost& host, const std::string& name) {
    auto format = host.find(name);
    if (!format)
        throw UsageError("unknown format \"" + name + "\" (see kdx plugins)" +
                         unusable_plugins_text(host));
    const FormatInfo& info = format->info();
    std::cout << info.name << ": " << info.long_name << "\n  can: " << capabilities(info)
              << "\n  extensions: " << extensions(info) << "\n  plugin: " << format->plugin()
              << " (" << format->file().string() << ")\n";
    print_options("Read options (-o key=value):", info.read_options);
    print_options("Write options (-o key=value):", info.write_options);
    return exit_ok;
}

const char* type_id(OptionInfo::Type t) {
    switch (t) {
        case OptionInfo::Type::string:
            return "string";
        case OptionInfo::Type::integer:
            return "integer";
        case OptionInfo::Type::boolean:
            return "boolean";
        case OptionInfo::Type::choice:
            return "choice";
    }
    return "";
}

nlohmann::json options_json(const std::vector<OptionInfo>& options) {
    auto list = nlohmann::json::array();
    for (const OptionInfo& o : options)
        list.push_back({{"name", o.name},
                        {"type", type_id(o.type)},
                        {"default", o.default_value},
                        {"allowed", o.allowed},
                        {"description", o.description}});
    return list;
}

const char* status_text(host::PluginRecord::Status s) {
    switch (s) {
        case host::PluginRecord::Status::loaded:
            return "loaded";
        case host::PluginRecord::Status::failed:
            return "failed";
        case host::PluginRecord::Status::skipped:
            return "skipped";
    }
    return "";
}

// Exit 1 when a plugin could not be used, so that a script or a health check
// sees it; a plugin skipped (shadowed by an earlier one of its name, or
// refused for its permissions) is a choice, not a failure.
int exit_for(const host::PluginHost& host) {
    const auto failed = std::count_if(host.plugins().begin(), host.plugins().end(), [](auto& p) {
        return p.status == host::PluginRecord::Status::failed;
    });
    if (failed == 0) return exit_ok;
    std::cerr << "kdx: " << failed << (failed == 1 ? " plugin" : " plugins")
              << " could not be used (FAILED)\n";
    return exit_input_errors;
}

// The whole catalogue for scripts.
int run_json(const host::PluginHost& host, const host::SearchOptions& search) {
    nlohmann::json out;
    out["kdx_version"] = kdx::version();
    out["plugin_abi"] = std::to_string(abi_major) + "." + std::to_string(abi_minor);
    out["searched"] = nlohmann::json::array();
    for (const auto& [folder, why] : host::PluginHost::search_folders(search))
        out["searched"].push_back({{"folder", folder.string()}, {"found_by", why}});
    out["formats"] = nlohmann::json::array();
    for (const auto& f : host.formats()) {
        const FormatInfo& i = f->info();
        nlohmann::json caps = nlohmann::json::array();
        if (i.can(can_read_dataset)) caps.push_back("read-dataset");
        if (i.can(can_write_dataset)) caps.push_back("write-dataset");
        if (i.can(can_write_document)) caps.push_back("write-document");
        if (i.can(can_write_in_parallel)) caps.push_back("write-in-parallel");
        out["formats"].push_back({{"name", i.name},
                                  {"long_name", i.long_name},
                                  {"extensions", i.extensions},
                                  {"capabilities", caps},
                                  {"plugin", f->plugin()},
                                  {"file", f->file().string()},
                                  {"read_options", options_json(i.read_options)},
                                  {"write_options", options_json(i.write_options)}});
    }
    out["plugins"] = nlohmann::json::array();
    for (const auto& p : host.plugins())
        out["plugins"].push_back({{"name", p.info.name},
                                  {"version", p.info.version},
                                  {"description", p.info.description},
                                  {"file", p.file.string()},
                                  {"found_by", p.found_by},
                                  {"manifest", p.manifest.string()},
                                  {"status", status_text(p.status)},
                                  {"reason", p.reason},
                                  {"warnings", p.warnings}});
    std::cout << out.dump(2) << '\n';
    return exit_for(host);
}

int run_plugins(const GlobalOptions& global, const std::string& format_name, bool json) {
    host::PluginHost host;
    load_plugins(host, global);
    if (!format_name.empty()) return run_format_details(host, format_name);
    host::SearchOptions search;
    search.plugin_dirs = global.plugin_dirs;
    if (json) return run_json(host, search);
    std::cout << "kdx " << kdx::version() << ", plugin ABI " << abi_major << "." << abi_minor
              << "\nSearched:\n";
    for (const auto& [folder, why] : host::PluginHost::search_folders(search))
        std::cout << "  " << folder.string() << " (" << why << ")\n";

    std::cout << "Formats:\n";
    for (const auto& f : host.formats())
        std::cout << "  " << f->info().name << "  [" << capabilities(f->info()) << "]  "
                  << extensions(f->info()) << "  " << f->info().long_name << "  (plugin "
                  << f->plugin() << ")\n";
    if (host.formats().empty()) std::cout << "  none\n";

    std::cout << "Plugins:\n";
    for (const auto& p : host.plugins()) {
        // A plugin declared by its manifest is not loaded until a command uses it.
        std::string status = p.status == host::PluginRecord::Status::failed ? "FAILED"
                             : p.status == host::PluginRecord::Status::loaded && !p.manifest.empty()
                                 ? "ready"
                                 : status_text(p.status);
        // --isolate: whether its calls run in kdx-plugin-runner.
        const bool isolated =
            std::any_of(host.formats().begin(), host.formats().end(),
                        [&](const auto& f) { return f->isolated() && f->file() == p.file; });
        std::cout << "  " << status << "  " << p.info.name << " " << p.info.version << "  "
                  << p.file.string() << " (" << p.found_by
                  << (isolated ? "; in a child process" : "") << ")";
        if (!p.reason.empty()) std::cout << "\n      " << p.reason;
        // Only a plugin without a manifest costs its loading on every start.
        if (p.status == host::PluginRecord::Status::loaded && p.manifest.empty())
            std::cout << "\n      no manifest: loaded at start to read its declaration "
                         "(kdx_add_plugin writes one)";
        for (const std::string& w : p.warnings) std::cout << "\n      warning: " << w;
        std::cout << '\n';
    }
    return exit_for(host);
}

}  // namespace

std::function<int()> setup_plugins(CLI::App& app, const GlobalOptions& global) {
    auto format = std::make_shared<std::string>();
    auto json = std::make_shared<bool>(false);
    app.add_option("--format", *format, "Show one format's capabilities and options");
    app.add_flag("--json", *json, "Print the whole catalogue as JSON, for scripts");
    return [format, json, &global] { return run_plugins(global, *format, *json); };
}

}  // namespace kdx::cli
