// kdx convert IN OUT: read a dataset in one format, validate it, write it in another.
#include <future>
#include <iostream>
#include <memory>

#include "common.hpp"
#include "convert_stream.hpp"
#include "json_output.hpp"
#include "kdx/registry.hpp"
#include "kdx/uri.hpp"

namespace kdx::cli {

namespace fs = std::filesystem;

namespace {

struct ConvertArgs {
    fs::path input;
    fs::path output;
    std::string from;
    std::string to;
    std::vector<std::string> options;
    bool strict = false;
    bool merge = false;    // -o merge=true, for formats that declare it
    bool replace = false;  // -o replace=true (implies merge)
    int harmonise_to = 0;  // 0: keep the numbers as they are
    bool whole = false;    // --no-stream
};

int run_convert(const ConvertArgs& a, const GlobalOptions& global) {
    std::error_code ec;
    if ((fs::exists(a.output, ec) && fs::equivalent(a.input, a.output, ec)) ||
        (is_uri(a.output.string()) && a.input == a.output))
        throw UsageError("the output " + mask_passwords(a.output.string()) +
                         " is the input; choose another name");
    host::PluginHost host;
    load_plugins(host, global);
    auto reader = choose_format(host, a.from, a.input, can_read_dataset);
    auto writer = choose_format(host, a.to, a.output, can_write_dataset);
    std::vector<std::string> option_texts = a.options;
    if (a.merge || a.replace) {
        const auto& declared = writer->info().write_options;
        auto takes = [&declared](const char* name) {
            for (const OptionInfo& o : declared)
                if (o.name == name) return true;
            return false;
        };
        std::vector<std::string> able;
        for (const auto& f : host.formats())
            for (const OptionInfo& o : f->info().write_options)
                if (o.name == "merge" && f->info().can(can_write_dataset))
                    able.push_back(f->info().name);
        std::string flag = a.replace ? "--replace" : "--merge";
        if (!takes("merge") || (a.replace && !takes("replace"))) {
            std::string list;
            for (const auto& name : able) list += (list.empty() ? "" : ", ") + name;
            throw UsageError("format " + writer->info().name +
                             " cannot merge into an existing file (" + flag +
                             "); formats that can: " + (list.empty() ? "none loaded" : list));
        }
        option_texts.push_back("merge=true");
        if (a.replace) option_texts.push_back("replace=true");
    }
    Options options = parse_options(option_texts, {&reader->info(), &writer->info()},
                                    {&reader->info().read_options, &writer->info().write_options});

    const Options read_options = options_for(options, reader->info().read_options);
    const Options write_options = options_for(options, writer->info().write_options);
    Diagnostics diagnostics;
    // Records go from reader to writer in parts when nothing needs them all
    // at once: not --harmonise-to (merged municipalities' counts are summed
    // across the file), not a merge into a store, not a URI.
    std::optional<Dataset> small;
    if (!a.whole && !a.harmonise_to && !a.merge && !a.replace && !is_uri(a.input.string()) &&
        !is_uri(a.output.string())) {
        std::string why;
        auto streamed = convert_in_parts(*reader, *writer, a.input, a.output, read_options,
                                         write_options, diagnostics, convert_hold(), small, why);
        if (streamed) {
            if (global.verbose)
                std::cerr << "kdx: note: records went from reader to writer in parts\n";
            if (global.json) {
                global.json->set_dataset_counts(streamed->municipalities, streamed->settlement,
                                                streamed->programmes, streamed->outcomes,
                                                streamed->nominations);
                global.json->add_file(a.output, writer->info().name);
            }
            std::string counts = print_diagnostics(diagnostics, global);
            auto part = [](std::size_t n, const char* one, const char* many) {
                return std::to_string(n) + " " + (n == 1 ? one : many);
            };
            std::cerr << "kdx: wrote " << mask_passwords(a.output.string()) << " ("
                      << writer->info().name
                      << "): " << part(streamed->municipalities, "municipality", "municipalities")
                      << ", "
                      << part(streamed->settlement, "settlement record", "settlement records")
                      << ", " << part(streamed->programmes, "programme", "programmes") << ", "
                      << part(streamed->outcomes, "outcome", "outcomes") << ", "
                      << part(streamed->nominations, "nomination", "nominations") << "; " << counts
                      << '\n';
            return exit_code_for(diagnostics, a.strict);
        }
        if (!why.empty() && global.verbose) std::cerr << "kdx: note: read whole: " << why << '\n';
    }
    Dataset dataset =
        small ? std::move(*small) : read_input(*reader, a.input, read_options, diagnostics);
    if (a.harmonise_to) harmonise(dataset, a.harmonise_to, diagnostics);
    if (global.json) global.json->set_dataset(dataset);
    if (dataset.empty()) {
        check_dataset(dataset, diagnostics, a.harmonise_to);
        diagnostics.error(nothing_read(a.input) + "; no output written");
        print_diagnostics(diagnostics, global);
        return exit_input_errors;
    }
    // Usable records are written even when some cells were not; the exit code
    // and the diagnostics tell what was left out. As the checks change nothing
    // that is written, they run on other threads while the writer works. They
    // only read the dataset, and the one lookup they share with a writer
    // (municipalities) has its index built before they start (model.hpp).
    dataset.build_indexes(Dataset::municipality_lookup);
    Diagnostics checks, writing;
    auto checking =
        std::async(std::launch::async, [&] { check_dataset(dataset, checks, a.harmonise_to); });
    writer->write_dataset(dataset, a.output, write_options, writing);
    checking.get();
    diagnostics.append(checks);
    diagnostics.append(writing);
    if (global.json) global.json->add_file(a.output, writer->info().name, a.merge || a.replace);
    std::string counts = print_diagnostics(diagnostics, global);
    std::cerr << (a.merge || a.replace ? "kdx: merged into " : "kdx: wrote ")
              << mask_passwords(a.output.string()) << " (" << writer->info().name
              << "): " << describe(dataset) << "; " << counts << '\n';
    return exit_code_for(diagnostics, a.strict);
}

}  // namespace

std::function<int()> setup_convert(CLI::App& app, const GlobalOptions& global) {
    auto a = std::make_shared<ConvertArgs>();
    app.add_option("input", a->input, "The dataset to read")->type_name("FILE")->required();
    app.add_option("output", a->output, "The file to write (replaced only on success)")
        ->type_name("FILE")
        ->required();
    app.add_option("--from", a->from, "Input format (default: by the input's extension)");
    app.add_option("--to", a->to, "Output format (default: by the output's extension)");
    app.add_option("-o,--option", a->options,
                   "A read or write option key=value (see kdx plugins --format NAME)");
    app.add_flag("--strict", a->strict, "Exit 1 on warnings too");
    app.add_flag("--merge", a->merge,
                 "Add to the existing store OUT in one transaction (-o merge=true; a store format "
                 "such as sqlite); a record whose key is there already fails the import");
    app.add_flag("--replace", a->replace,
                 "Like --merge, but a record whose key is there already is replaced "
                 "(-o replace=true)");
    app.add_option("--harmonise-to", a->harmonise_to,
                   "Renumber municipalities to this year's numbers, summing merged ones' counts")
        ->check(CLI::Range(1990, 2100));
    app.add_flag("--no-stream", a->whole,
                 "Read the whole dataset before writing. Without it, an input of more than "
                 "8,192 records goes to the output in parts, in flat memory, when both formats "
                 "can (csv and xlsx in; csv, xlsx and a new sqlite store out); --harmonise-to "
                 "(merged municipalities are summed across the file), --merge/--replace "
                 "(-o merge/replace), a workbook kdx wrote, csv's encoding=windows-1252, "
                 "xlsx's constant-memory=no and invalid-text=error, and the other output "
                 "formats (xml keeps a canonical order) always read it whole");
    return [a, &global] { return run_convert(*a, global); };
}

}  // namespace kdx::cli
