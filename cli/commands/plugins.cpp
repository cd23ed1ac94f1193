// kdx plugins: what was found where, what each format can do, and why any
// candidate was not loaded.
#include <iostream>
#include <memory>

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
    return s;
}

const char* type_name(OptionInfo::Type t) {
    switch (t) {
        case OptionInfo::Type::string: return "text";
        case OptionInfo::Type::integer: return "whole number";
        case OptionInfo::Type::boolean: return "true/false";
        case OptionInfo::Type::choice: return "choice";
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
    if (!format) throw UsageError("unknown format \"" + name + "\" (see kdx plugins)");
    const FormatInfo& info = format->info();
    std::cout << info.name << ": " << info.long_name << "\n  can: " << capabilities(info)
              << "\n  extensions: " << extensions(info) << "\n  plugin: " << format->plugin()
              << " (" << format->file().string() << ")\n";
    print_options("Read options (-o key=value):", info.read_options);
    print_options("Write options (-o key=value):", info.write_options);
    return exit_ok;
}

int run_plugins(const GlobalOptions& global, const std::string& format_name) {
    host::PluginHost host;
    load_plugins(host, global);
    if (!format_name.empty()) return run_format_details(host, format_name);
    host::SearchOptions search;
    search.plugin_dirs = global.plugin_dirs;
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
        const char* status = p.status == host::PluginRecord::Status::loaded   ? "loaded"
                             : p.status == host::PluginRecord::Status::failed ? "FAILED"
                                                                              : "skipped";
        std::cout << "  " << status << "  " << p.info.name << " " << p.info.version << "  "
                  << p.file.string() << " (" << p.found_by << ")";
        if (!p.reason.empty()) std::cout << "\n      " << p.reason;
        std::cout << '\n';
    }
    return exit_ok;
}

}  // namespace

std::function<int()> setup_plugins(CLI::App& app, const GlobalOptions& global) {
    auto format = std::make_shared<std::string>();
    app.add_option("--format", *format, "Show one format's capabilities and options");
    return [format, &global] { return run_plugins(global, *format); };
}

}  // namespace kdx::cli
