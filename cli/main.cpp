// The kdx command: global options, then one subcommand from the command table.
#include <malloc.h>

#include <algorithm>
#include <filesystem>
#include <iostream>

#include "command.hpp"
#include "common.hpp"
#include "kdx/error.hpp"
#include "kdx/version.hpp"

namespace {

// Edit distance between two words (insertions, deletions, substitutions, and
// swapping two neighbours, the commonest typo).
std::size_t distance(const std::string& a, const std::string& b) {
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

// "; did you mean --municipality?" for the first word on the command line
// that is neither a command nor an option kdx knows but is near one.
std::string did_you_mean(CLI::App& app, int argc, char** argv) {
    std::vector<std::string> commands, options;
    auto add_options = [&](const CLI::App& a) {
        for (const CLI::Option* o : a.get_options()) {
            for (const std::string& n : o->get_lnames()) options.push_back("--" + n);
        }
    };
    add_options(app);
    for (const CLI::App* sub : app.get_subcommands([](CLI::App*) { return true; })) {
        commands.push_back(sub->get_name());
        add_options(*sub);
    }
    auto nearest = [](const std::string& word, const std::vector<std::string>& names) {
        std::string best;
        std::size_t best_distance = std::max<std::size_t>(2, word.size() / 3) + 1;
        for (const std::string& n : names) {
            std::size_t d = distance(word, n);
            if (d < best_distance) best = n, best_distance = d;
        }
        return best;
    };
    for (int i = 1; i < argc; ++i) {
        std::string word = argv[i];
        if (word.rfind("--", 0) == 0) {
            word = word.substr(0, word.find('='));
            if (std::find(options.begin(), options.end(), word) != options.end()) continue;
            std::string near = nearest(word, options);
            if (!near.empty()) return "; did you mean " + near + "?";
        } else if (i == 1 || (word[0] != '-' && std::find(commands.begin(), commands.end(), word) == commands.end() &&
                              !std::filesystem::exists(word))) {
            if (std::find(commands.begin(), commands.end(), word) != commands.end()) continue;
            std::string near = nearest(word, commands);
            if (!near.empty()) return "; did you mean kdx " + near + "?";
        }
    }
    return "";
}

}  // namespace

int main(int argc, char** argv) {
    using namespace kdx::cli;
    // Reports allocate and free buffers of a few hundred KB each (PoDoFo
    // copies each embedded font file, 0.7 MB a face, per document). glibc
    // would map each from the kernel and unmap it again, and the page faults
    // were half the CPU time of a PDF report; kept in the heap they are reused.
    mallopt(M_MMAP_THRESHOLD, 4 << 20);
    mallopt(M_TRIM_THRESHOLD, 16 << 20);
    CLI::App app{"kdx: municipal refugee settlement and integration data: convert, validate, report",
                 "kdx"};
    app.require_subcommand(0, 1);
    app.fallthrough();  // global options may also follow the command
    app.set_version_flag("--version", std::string("kdx ") + kdx::version() + " (plugin ABI " +
                                          std::to_string(kdx::abi_major) + "." +
                                          std::to_string(kdx::abi_minor) + ")");
    GlobalOptions global;
    app.add_option("--plugin-dir", global.plugin_dirs,
                   "Also look for plugins here, before KDX_PLUGIN_PATH (repeatable)")
        ->type_name("DIR");
    app.add_flag("-v,--verbose", global.verbose, "Also print notes (skipped rows and the like)");
    app.add_flag("-q,--quiet", global.quiet, "Print errors only, no warnings or notes");
    app.add_option("--diagnostics", global.diagnostics,
                   "Kinds of problems to print: errors, warnings, notes, all or none, "
                   "comma-separated (default errors,warnings; the counts line counts all)")
        ->type_name("KINDS");
    app.footer("Exit codes: 0 ok, 1 input had errors, 2 usage.\nRun kdx COMMAND --help for examples.");

    std::vector<std::pair<CLI::App*, std::function<int()>>> runners;
    for (const Command& c : command_table()) {
        CLI::App* sub = app.add_subcommand(c.name, c.summary);
        sub->footer(std::string("Examples:\n") + c.examples);
        runners.emplace_back(sub, c.setup(*sub, global));
    }

    try {
        app.parse(argc, argv);
    } catch (const CLI::CallForHelp& e) {
        return app.exit(e) == 0 ? exit_ok : exit_usage;
    } catch (const CLI::CallForAllHelp& e) {
        return app.exit(e) == 0 ? exit_ok : exit_usage;
    } catch (const CLI::CallForVersion& e) {
        return app.exit(e) == 0 ? exit_ok : exit_usage;
    } catch (const CLI::ParseError& e) {
        // Every problem line reads "<where>: <severity>: <message>"; here kdx
        // is the where, and the message stays on one line.
        std::string message = e.what();
        std::replace(message.begin(), message.end(), '\n', ' ');
        std::cerr << "kdx: error: " << message << did_you_mean(app, argc, argv)
                  << " (kdx --help lists the commands and options)\n";
        return exit_usage;
    }
    try {
        filter_for(global);  // a bad --diagnostics is a usage mistake, found first
    } catch (const UsageError& e) {
        std::cerr << "kdx: error: " << e.what() << '\n';
        return exit_usage;
    }
    for (auto& [sub, run] : runners) {
        if (!sub->parsed()) continue;
        try {
            return run();
        } catch (const UsageError& e) {
            std::cerr << "kdx: error: " << sub->get_name() << ": " << e.what() << '\n';
            return exit_usage;
        } catch (const kdx::OptionError& e) {
            std::cerr << "kdx: error: " << sub->get_name() << ": " << e.what() << '\n';
            return exit_usage;
        } catch (const kdx::Error& e) {
            kdx::Diagnostics one;
            one.add(e.diagnostic());
            print_diagnostics(one, global);
            return exit_input_errors;
        } catch (const std::exception& e) {
            std::cerr << "kdx: error: " << sub->get_name() << ": " << e.what() << '\n';
            return exit_input_errors;
        }
    }
    std::cout << app.help();
    return exit_usage;
}
