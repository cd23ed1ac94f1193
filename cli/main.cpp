// The kdx command: global options, then one subcommand from the command table.
#include <malloc.h>

#include <algorithm>
#include <filesystem>
#include <iostream>

#include "command.hpp"
#include "command_runner.hpp"
#include "common.hpp"
#include "kdx/uri.hpp"
#include "kdx/version.hpp"

namespace {

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
    const auto& nearest = kdx::cli::nearest_name;
    for (int i = 1; i < argc; ++i) {
        std::string word = argv[i];
        if (word.rfind("--", 0) == 0) {
            word = word.substr(0, word.find('='));
            if (std::find(options.begin(), options.end(), word) != options.end()) continue;
            std::string near = nearest(word, options);
            if (!near.empty()) return "; did you mean " + near + "?";
        } else if (i == 1 || (word[0] != '-' &&
                              std::find(commands.begin(), commands.end(), word) == commands.end() &&
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
    CLI::App app{
        "kdx: municipal refugee settlement and integration data: convert, validate, report", "kdx"};
    app.require_subcommand(0, 1);
    app.fallthrough();  // global options may also follow the command
    app.set_version_flag("--version", std::string("kdx ") + kdx::version() + " (plugin ABI " +
                                          std::to_string(kdx::abi_major) + "." +
                                          std::to_string(kdx::abi_minor) + ")");
    GlobalOptions global;
    add_global_options(app, global);
    bool json = false;
    add_json_option(app, json);
    app.footer(
        "Exit codes: 0 ok, 1 input had errors, 2 usage.\nRun kdx COMMAND --help for examples.");

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
        std::string message = kdx::mask_passwords(e.what());
        std::replace(message.begin(), message.end(), '\n', ' ');
        std::string command;
        for (auto& [sub, run] : runners)
            if (sub->parsed()) command = sub->get_name();
        return usage_mistake(command,
                             message + did_you_mean(app, argc, argv) +
                                 " (kdx --help lists the commands and options)",
                             json_asked(argc, argv));
    }
    std::string command;
    for (auto& [sub, run] : runners)
        if (sub->parsed()) command = sub->get_name();
    try {
        filter_for(global);  // a bad --diagnostics is a usage mistake, found first
    } catch (const UsageError& e) {
        return usage_mistake(command, e.what(), json);
    }
    for (auto& [sub, run] : runners) {
        if (!sub->parsed()) continue;
        return run_main_command(sub->get_name(), run, global, json);
    }
    if (json) return usage_mistake("", "no command given (kdx --help lists them)", true);
    std::cout << app.help();
    return exit_usage;
}
