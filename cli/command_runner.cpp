#include "command_runner.hpp"

#include <unistd.h>

#include <algorithm>
#include <cstdio>
#include <iostream>

#include "common.hpp"
#include "isolation_options.hpp"
#include "json_output.hpp"
#include "kdx/error.hpp"
#include "kdx/uri.hpp"

namespace kdx::cli {

namespace {

// A message without a location: on stderr as "kdx: error: NAME: message",
// and into the JSON document when there is one.
int said(const std::string& name, const std::string& message, const GlobalOptions& global,
         int code) {
    const std::string masked = kdx::mask_passwords(message);
    std::cerr << "kdx: error: " << name << ": " << masked << '\n';
    if (global.json) {
        Diagnostic d;
        d.message = masked;
        global.json->add(d);
    }
    return code;
}

}  // namespace

void add_global_options(CLI::App& app, GlobalOptions& global) {
    app.add_option("--plugin-dir", global.plugin_dirs,
                   "Also look for plugins here, before KDX_PLUGIN_PATH (repeatable)")
        ->type_name("DIR");
    app.add_flag("-v,--verbose", global.verbose, "Also print notes (skipped rows and the like)");
    app.add_flag("-q,--quiet", global.quiet, "Print errors only, no warnings or notes");
    app.add_option("--diagnostics", global.diagnostics,
                   "Kinds of problems to print: errors, warnings, notes, all or none, "
                   "comma-separated (default errors,warnings; the counts line counts all)")
        ->type_name("KINDS");
    add_isolation_options(app, global);
}

int run_command(const std::string& name, const std::function<int()>& run,
                const GlobalOptions& global) {
    try {
        return run();
    } catch (const UsageError& e) {
        return said(name, e.what(), global, exit_usage);
    } catch (const kdx::OptionError& e) {
        return said(name, e.what(), global, exit_usage);
    } catch (const kdx::Error& e) {
        kdx::Diagnostics one;
        one.add(e.diagnostic());
        print_diagnostics(one, global);  // and into the JSON document
        return exit_input_errors;
    } catch (const std::exception& e) {
        return said(name, e.what(), global, exit_input_errors);
    }
}

void add_json_option(CLI::App& app, bool& json) {
    app.add_flag("--json", json,
                 "Print what the command did (diagnostics, files written, exit code) as one JSON "
                 "document on stdout (validate, convert, report, dossier and run; "
                 "docs/cli-json.md)");
}

int run_main_command(const std::string& name, const std::function<int()>& run,
                     GlobalOptions& global, bool json) {
    if (!json) return run_command(name, run, global);
    if (!json_supported(name))
        return usage_mistake(
            name,
            "--json is for validate, convert, report, dossier and run" +
                std::string(name == "plugins" ? "; kdx plugins --json (after the command) "
                                                "prints the plugin catalogue"
                                              : ""),
            true);
    JsonReport report(name);
    global.json = &report;
    // A plugin in process shares kdx's stdout: while the command runs,
    // stdout goes to stderr, so that the document is all stdout holds.
    std::cout.flush();
    std::fflush(stdout);
    const int document_fd = ::dup(STDOUT_FILENO);
    if (document_fd >= 0) ::dup2(STDERR_FILENO, STDOUT_FILENO);
    int code = run_command(name, run, global);
    global.json = nullptr;
    std::cout.flush();
    std::fflush(stdout);
    if (document_fd >= 0) {
        ::dup2(document_fd, STDOUT_FILENO);
        ::close(document_fd);
    }
    std::cout << report.document(code) << '\n' << std::flush;
    return code;
}

int usage_mistake(const std::string& command, const std::string& message, bool json) {
    std::cerr << "kdx: error: " << message << '\n';
    if (json)
        std::cout << usage_document(command, kdx::mask_passwords(message)) << '\n' << std::flush;
    return exit_usage;
}

bool json_asked(int argc, char** argv) {
    for (int i = 1; i < argc; ++i) {
        const std::string word = argv[i];
        if (word == "--") return false;
        if (word == "--json") return true;
    }
    return false;
}

std::size_t edit_distance(const std::string& a, const std::string& b) {
    std::vector<std::vector<std::size_t>> d(a.size() + 1, std::vector<std::size_t>(b.size() + 1));
    for (std::size_t i = 0; i <= a.size(); ++i) d[i][0] = i;
    for (std::size_t j = 0; j <= b.size(); ++j) d[0][j] = j;
    for (std::size_t i = 1; i <= a.size(); ++i)
        for (std::size_t j = 1; j <= b.size(); ++j) {
            d[i][j] = std::min({d[i - 1][j] + 1, d[i][j - 1] + 1,
                                d[i - 1][j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1)});
            if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
                d[i][j] = std::min(d[i][j], d[i - 2][j - 2] + 1);
        }
    return d[a.size()][b.size()];
}

std::string nearest_name(const std::string& word, const std::vector<std::string>& names) {
    std::string best;
    std::size_t best_distance = std::max<std::size_t>(2, word.size() / 3) + 1;
    for (const std::string& n : names) {
        std::size_t d = edit_distance(word, n);
        if (d < best_distance) best = n, best_distance = d;
    }
    return best;
}

}  // namespace kdx::cli
