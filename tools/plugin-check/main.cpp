// kdx-plugin-check PATH [--dataset FILE]: loads one plugin file and runs the
// checks every kdx plugin must pass, one line per check; exit 0 only when all
// pass, 1 when any fails, 2 for a usage error.
#include <stdlib.h>

#include <CLI/CLI.hpp>
#include <iostream>
#include <system_error>

#include "bad_input_checks.hpp"
#include "check_runner.hpp"
#include "host/plugin_host.hpp"
#include "kdx/error.hpp"
#include "kdx/version.hpp"
#include "metadata_checks.hpp"
#include "plugin_calls.hpp"
#include "reference_data.hpp"
#include "write_read_checks.hpp"

namespace fs = std::filesystem;
using namespace kdx::check;

namespace {

constexpr int exit_ok = 0, exit_failed = 1, exit_usage = 2;

struct Arguments {
    fs::path plugin;
    fs::path dataset;
    unsigned timeout = 60;
    bool keep = false;
};

// The dataset named by --dataset, read with the kdx XML plugin found where
// kdx itself would look (KDX_PLUGIN_PATH, the install, the build tree).
kdx::Dataset read_dataset_file(const fs::path& file) {
    kdx::host::SearchOptions search;
    std::vector<std::string> searched;
    for (const auto& [folder, why] : kdx::host::PluginHost::search_folders(search)) {
        searched.push_back(folder.string());
        fs::path candidate = folder / "kdx_xml.so";
        std::error_code ec;
        if (!fs::is_regular_file(candidate, ec)) continue;
        kdx::host::PluginHost host;
        const auto& record = host.load_file(candidate, why);
        auto xml = host.find("xml");
        if (!xml) throw kdx::Error("the kdx XML plugin " + record.describe() + " cannot be used");
        kdx::Diagnostics diagnostics;
        kdx::Dataset d = xml->read_dataset(file, {}, diagnostics);
        if (diagnostics.has_errors())
            throw kdx::Error("the dataset has errors: " + error_summary(diagnostics),
                             kdx::Location::at(file.string()));
        return d;
    }
    throw kdx::Error("--dataset needs the kdx XML plugin (kdx_xml.so); it is in none of: " +
                     join(searched) + "; set KDX_PLUGIN_PATH");
}

fs::path make_scratch_root() {
    fs::path pattern = fs::temp_directory_path() / "kdx-plugin-check-XXXXXX";
    std::string text = pattern.string();
    if (!::mkdtemp(text.data()))
        throw kdx::Error("cannot create a folder in " + pattern.parent_path().string());
    return text;
}

// Every check a format's capabilities call for, each in a child process.
void check_format(CheckRunner& runner, const kdx::host::LoadedFormat& format,
                  const ReferenceData& data) {
    using namespace std::placeholders;
    const kdx::FormatInfo& info = format.info();
    const std::string prefix = info.name + "/";
    auto run = [&](const std::string& name, auto check) {
        runner.run_isolated(prefix + name, [&, check](const fs::path& scratch) {
            return check(format, data, scratch);
        });
    };
    if (info.extensions.empty()) {
        // Reached by a URI (a database, a service), not a file: the checks
        // below write and read files, so they cannot say anything about it.
        runner.record(prefix + "files",
                      Outcome::skip("no file extension: kdx opens this format by " + info.name +
                                    ":// URIs only, and the checks that follow need files; "
                                    "test it against a real server"));
        return;
    }
    if (info.can(kdx::can_write_dataset)) {
        if (info.can(kdx::can_read_dataset))
            run("round-trip", check_round_trip);
        else
            run("write-dataset", check_write_dataset);
    }
    if (info.can(kdx::can_write_document)) run("write-document", check_write_document);
    run("options", check_default_options);
    if (info.can(kdx::can_read_dataset)) {
        const std::pair<const char*, BadInput> cases[] = {
            {"read-empty-file", BadInput::empty_file},
            {"read-random-bytes", BadInput::random_bytes},
            {"read-truncated", BadInput::truncated_output},
            {"read-folder", BadInput::folder}};
        for (const auto& [name, kind] : cases) {
            BadInput k = kind;
            runner.run_isolated(prefix + name, [&, k](const fs::path& scratch) {
                return check_rejects(format, k, data, scratch);
            });
        }
    }
    if (info.can(kdx::can_write_dataset) || info.can(kdx::can_write_document))
        run("write-missing-folder", check_write_to_missing_folder);
}

int run_checks(const Arguments& args, const ReferenceData& data, const fs::path& scratch_root) {
    std::cout << "kdx-plugin-check " << kdx::version() << " (plugin ABI " << kdx::abi_major << "."
              << kdx::abi_minor << ") on " << args.plugin.string() << std::endl;
    CheckRunner runner(scratch_root, args.timeout);

    // Loading runs the plugin's registration: in a child first, in case it crashes.
    Outcome loaded = runner.run_isolated("load", [&](const fs::path&) {
        kdx::host::PluginHost probe;
        probe.accept_any_names();  // the metadata checks name what is wrong with them
        const auto& record = probe.load_file(args.plugin);
        if (record.status != kdx::host::PluginRecord::Status::loaded)
            return Outcome::fail(record.reason);
        return Outcome::pass(record.info.name + " " + record.info.version + ", " +
                             std::to_string(probe.formats().size()) + " formats");
    });
    kdx::host::PluginHost host;
    host.accept_any_names();
    if (loaded.status == Outcome::Status::pass) {
        const auto& record = host.load_file(args.plugin);
        if (record.status != kdx::host::PluginRecord::Status::loaded)
            runner.record(
                "load", Outcome::fail("loaded in a child process but not here: " + record.reason));
        else {
            runner.run_here("plugin-metadata",
                            [&](const fs::path&) { return check_plugin_metadata(record); });
            std::vector<kdx::FormatInfo> all;
            for (const auto& f : host.formats()) all.push_back(f->info());
            runner.run_here("manifest",
                            [&](const fs::path&) { return check_manifest(record, all); });
            for (const auto& f : host.formats())
                runner.run_here(f->info().name + "/metadata", [&](const fs::path&) {
                    return check_format_metadata(f->info(), all);
                });
            for (const auto& f : host.formats()) check_format(runner, *f, data);
        }
    }
    unsigned total = runner.passed() + runner.failed() + runner.skipped();
    if (runner.failed() == 0)
        std::cout << "all " << runner.passed() << " checks passed";
    else
        std::cout << runner.failed() << " of " << total << " checks FAILED";
    if (runner.skipped() > 0) std::cout << " (" << runner.skipped() << " skipped)";
    std::cout << std::endl;
    return runner.failed() == 0 ? exit_ok : exit_failed;
}

}  // namespace

int main(int argc, char** argv) {
    Arguments args;
    CLI::App app{
        "Runs the conformance checks every kdx plugin must pass on one plugin file.\n"
        "Prints one PASS, FAIL or SKIP line per check; exits 0 only when none fails."};
    app.add_option("plugin", args.plugin, "The plugin file, e.g. build/kdx_jsonstat.so")
        ->required();
    app.add_option("--dataset", args.dataset,
                   "A dataset in the kdx XML format to use instead of the built-in reference "
                   "dataset (needs the xml plugin)");
    app.add_option("--timeout", args.timeout, "Seconds each check may take (default 60)")
        ->check(CLI::Range(1u, 3600u));
    app.add_flag("--keep", args.keep, "Keep the files the checks wrote and print where they are");
    app.set_version_flag("--version", std::string("kdx-plugin-check ") + kdx::version());
    try {
        app.parse(argc, argv);
    } catch (const CLI::ParseError& e) {
        int code = app.exit(e);
        return code == 0 ? exit_ok : exit_usage;
    }

    std::error_code ec;
    if (!fs::is_regular_file(args.plugin, ec)) {
        std::cerr << "kdx-plugin-check: " << args.plugin.string() << ": no such file\n";
        return exit_usage;
    }
    fs::path scratch_root;
    int code = exit_ok;
    try {
        ReferenceData data{kdx::check::reference_dataset(), kdx::check::reference_document()};
        if (!args.dataset.empty()) data.dataset = read_dataset_file(args.dataset);
        scratch_root = make_scratch_root();
        code = run_checks(args, data, scratch_root);
    } catch (const kdx::Error& e) {
        std::cerr << "kdx-plugin-check: " << e.diagnostic().to_string() << '\n';
        code = exit_usage;
    }
    if (!scratch_root.empty()) {
        if (args.keep)
            std::cout << "files kept in " << scratch_root.string() << std::endl;
        else
            fs::remove_all(scratch_root, ec);
    }
    return code;
}
