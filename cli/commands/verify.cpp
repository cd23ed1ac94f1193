// kdx verify REPORT INPUT...: whether a report was made from these inputs, by
// the SHA-256 of each that the report records (DocumentInfo::provenance).
// A store is given by its URI and compared by the list of its imports.
#include <iostream>
#include <memory>

#include "host/plugin_host.hpp"
#include "kdx/error.hpp"
#include "kdx/file_hash.hpp"
#include "kdx/uri.hpp"
#include "provenance_reader.hpp"
#include "reports.hpp"

namespace kdx::cli {

namespace fs = std::filesystem;

namespace {

struct VerifyArgs {
    fs::path report;
    std::vector<fs::path> inputs;
    std::string template_name;
};

std::string joined(const std::vector<std::string>& items) {
    std::string out;
    for (const std::string& i : items) out += (out.empty() ? "" : ", ") + i;
    return out;
}

int run_verify(const VerifyArgs& a, const GlobalOptions& global) {
    std::optional<Provenance> recorded = read_provenance(a.report);
    if (!recorded) {
        std::cerr
            << "kdx: error: " << a.report.string()
            << ": holds no record of what it was made from (not written by kdx 1.1 or later)\n";
        return exit_input_errors;
    }
    const Provenance& p = *recorded;
    if (!global.quiet) {
        std::cout << a.report.string() << ": made by "
                  << (p.generator.empty() ? "kdx" : p.generator);
        if (!p.template_id.empty()) std::cout << " from template " << p.template_id;
        if (!p.plugins.empty()) std::cout << " with " << joined(p.plugins);
        std::cout << "; " << p.inputs.size() << " input" << (p.inputs.size() == 1 ? "" : "s")
                  << '\n';
    }
    struct Given {
        fs::path file;
        std::string sha256;
        bool used = false;
    };
    // A store named by a URI is hashed as reports hash it: by its imports,
    // which the format reads.
    std::vector<Given> given;
    std::unique_ptr<host::PluginHost> host;
    for (const fs::path& f : a.inputs) {
        if (!is_uri(f.string())) {
            given.push_back({f, file_sha256(f)});
            continue;
        }
        if (!host) {
            host = std::make_unique<host::PluginHost>();
            load_plugins(*host, global);
        }
        auto reader = choose_format(*host, "", f, can_read_dataset);
        Diagnostics diagnostics;
        std::string sha256;
        read_input(*reader, f, {}, diagnostics, &sha256);
        print_diagnostics(diagnostics, global);
        if (diagnostics.has_errors()) return exit_input_errors;
        given.push_back({f, sha256});
    }
    auto name_of = [](const Given& g) { return recorded_name(g.file); };
    auto shown = [](const Given& g) { return mask_passwords(g.file.string()); };

    int problems = 0;
    auto line = [&](const char* status, const std::string& text) {
        if (!global.quiet || std::string(status) != "same")
            std::cout << "  " << status << "  " << text << '\n';
    };
    for (const ProvenanceFile& r : p.inputs) {
        auto same = std::find_if(given.begin(), given.end(),
                                 [&](const Given& g) { return !g.used && g.sha256 == r.sha256; });
        if (same != given.end()) {
            same->used = true;
            const std::string name = name_of(*same);
            line("same", shown(*same) + (name == r.name ? "" : " (recorded as " + r.name + ")"));
            continue;
        }
        ++problems;
        auto named = std::find_if(given.begin(), given.end(),
                                  [&](const Given& g) { return !g.used && name_of(g) == r.name; });
        if (named != given.end()) {
            named->used = true;
            line("CHANGED", shown(*named) +
                                ": the report was made from a file of this name with SHA-256 " +
                                r.sha256 + "; this one has " + named->sha256);
        } else {
            line("MISSING",
                 r.name + " (SHA-256 " + r.sha256 + "): the report was made from it; not given");
        }
    }
    for (const Given& g : given)
        if (!g.used) {
            ++problems;
            line("EXTRA", shown(g) + " (SHA-256 " + g.sha256 + "): not an input of the report");
        }
    if (!a.template_name.empty()) {
        const fs::path file = find_template(a.template_name);
        const std::string sha256 = file_sha256(file);
        if (sha256 == p.template_sha256) {
            line("same", "template " + file.string());
        } else {
            ++problems;
            line("CHANGED", "template " + file.string() +
                                ": the report was made from one with SHA-256 " +
                                (p.template_sha256.empty() ? std::string("(not recorded)")
                                                           : p.template_sha256) +
                                "; this one has " + sha256);
        }
    }
    if (problems) {
        std::cerr << "kdx: not verified: " << problems << " difference"
                  << (problems == 1 ? "" : "s") << " between " << a.report.string()
                  << " and the files given\n";
        return exit_input_errors;
    }
    if (!global.quiet)
        std::cerr << "kdx: verified: " << a.report.string() << " was made from "
                  << (p.inputs.size() == 1 ? "this input" : "these inputs") << '\n';
    return exit_ok;
}

}  // namespace

std::function<int()> setup_verify(CLI::App& app, const GlobalOptions& global) {
    auto a = std::make_shared<VerifyArgs>();
    app.add_option("report", a->report, "A report kdx wrote (.pdf, .xlsx, .xml or .html)")
        ->type_name("FILE")
        ->required();
    app.add_option(
           "inputs", a->inputs,
           "The data files it should have been made from, or a store's URI (postgresql://…)")
        ->type_name("FILE")
        ->check(CLI::Validator(
            [](std::string& name) {
                return is_uri(name) ? std::string() : CLI::ExistingFile(name);
            },
            "FILE", "ExistingFile or URI"));
    app.add_option("-t,--template", a->template_name,
                   "Also check the template: one of kdx's templates by name, or a file")
        ->type_name("TEMPLATE");
    return [a, &global] { return run_verify(*a, global); };
}

}  // namespace kdx::cli
