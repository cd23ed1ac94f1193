// kdx validate IN: read a dataset and report every problem in it.
#include <iostream>
#include <memory>

#include "common.hpp"
#include "json_output.hpp"
#include "kdx/registry.hpp"
#include "kdx/uri.hpp"

namespace kdx::cli {

namespace fs = std::filesystem;

namespace {

struct ValidateArgs {
    fs::path input;
    std::string from;
    std::vector<std::string> options;
    bool strict = false;
    int harmonise_to = 0;  // 0: keep the numbers as they are
};

int run_validate(const ValidateArgs& a, const GlobalOptions& global) {
    host::PluginHost host;
    load_plugins(host, global);
    auto reader = choose_format(host, a.from, a.input, can_read_dataset);
    Options options = parse_options(a.options, {&reader->info()}, {&reader->info().read_options});
    Diagnostics diagnostics;
    Dataset dataset = read_input(*reader, a.input, options, diagnostics);
    if (a.harmonise_to) harmonise(dataset, a.harmonise_to, diagnostics);
    check_dataset(dataset, diagnostics, a.harmonise_to);
    // As convert: a file kdx reads nothing from is an error, so that the two
    // commands give the same exit code for the same file.
    if (dataset.empty()) diagnostics.error(nothing_read(a.input));
    std::string counts = print_diagnostics(diagnostics, global);
    int code = exit_code_for(diagnostics, a.strict);
    if (global.json) global.json->set_dataset(dataset);
    // With --json, stdout is the document's alone.
    (global.json ? std::cerr : std::cout)
        << mask_passwords(a.input.string()) << ": " << (code == exit_ok ? "valid" : "not valid")
        << ": " << describe(dataset) << "; " << counts << '\n';
    return code;
}

}  // namespace

std::function<int()> setup_validate(CLI::App& app, const GlobalOptions& global) {
    auto a = std::make_shared<ValidateArgs>();
    app.add_option("input", a->input, "The dataset to check")->type_name("FILE")->required();
    app.add_option("--from", a->from, "Input format (default: by the input's extension)");
    app.add_option("-o,--option", a->options, "A read option key=value");
    app.add_flag("--strict", a->strict, "Exit 1 on warnings too");
    app.add_option("--harmonise-to", a->harmonise_to,
                   "Renumber municipalities to this year's numbers, summing merged ones' counts")
        ->check(CLI::Range(1990, 2100));
    return [a, &global] { return run_validate(*a, global); };
}

}  // namespace kdx::cli
