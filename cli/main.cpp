// The kdx command: global options, then one subcommand from the command table.
#include <iostream>

#include "command.hpp"
#include "common.hpp"
#include "kdx/error.hpp"
#include "kdx/version.hpp"

int main(int argc, char** argv) {
    using namespace kdx::cli;
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
    app.footer("Exit codes: 0 ok, 1 input had errors, 2 usage.\nRun kdx COMMAND --help for examples.");

    std::vector<std::pair<CLI::App*, std::function<int()>>> runners;
    for (const Command& c : command_table()) {
        CLI::App* sub = app.add_subcommand(c.name, c.summary);
        sub->footer(std::string("Examples:\n") + c.examples);
        runners.emplace_back(sub, c.setup(*sub, global));
    }

    try {
        app.parse(argc, argv);
    } catch (const CLI::ParseError& e) {
        int code = app.exit(e);
        return code == 0 ? exit_ok : exit_usage;
    }
    for (auto& [sub, run] : runners) {
        if (!sub->parsed()) continue;
        try {
            return run();
        } catch (const UsageError& e) {
            std::cerr << "kdx " << sub->get_name() << ": " << e.what() << '\n';
            return exit_usage;
        } catch (const kdx::Error& e) {
            std::cerr << e.diagnostic().to_string() << '\n';
            return exit_input_errors;
        } catch (const std::exception& e) {
            std::cerr << "kdx " << sub->get_name() << ": " << e.what() << '\n';
            return exit_input_errors;
        }
    }
    std::cout << app.help();
    return exit_usage;
}
