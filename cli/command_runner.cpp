#include "command_runner.hpp"

#include <algorithm>
#include <iostream>

#include "common.hpp"
#include "isolation_options.hpp"
#include "kdx/error.hpp"
#include "kdx/uri.hpp"

namespace kdx::cli {

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
        std::cerr << "kdx: error: " << name << ": " << kdx::mask_passwords(e.what()) << '\n';
        return exit_usage;
    } catch (const kdx::OptionError& e) {
        std::cerr << "kdx: error: " << name << ": " << kdx::mask_passwords(e.what()) << '\n';
        return exit_usage;
    } catch (const kdx::Error& e) {
        kdx::Diagnostics one;
        one.add(e.diagnostic());
        print_diagnostics(one, global);
        return exit_input_errors;
    } catch (const std::exception& e) {
        std::cerr << "kdx: error: " << name << ": " << kdx::mask_passwords(e.what()) << '\n';
        return exit_input_errors;
    }
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
