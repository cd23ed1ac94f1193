// kdx run RECIPE: the steps of a recipe (validate, convert, report, dossier…),
// each run as its command line would run it, after the whole recipe has
// been checked: a mistake anywhere in it means nothing is run.
#include <algorithm>
#include <iostream>
#include <memory>
#include <set>

#include "command_runner.hpp"
#include "common.hpp"
#include "isolation_options.hpp"
#include "json_output.hpp"
#include "recipe.hpp"
#include "reports.hpp"

namespace kdx::cli {

namespace fs = std::filesystem;

namespace {

struct RunArgs {
    fs::path recipe;
    bool dry_run = false;
};

// A step ready to run: its command's options parsed from the step's arguments.
struct Prepared {
    std::unique_ptr<CLI::App> app;
    std::function<int()> run;
};

const Command& command_named(const std::string& name) {
    for (const Command& c : command_table())
        if (name == c.name) return c;
    throw std::logic_error("no command " + name);
}

// Parses `args` as the command line of `app`, returning CLI11's complaint or "".
std::string parse(CLI::App& app, const std::string& command, const std::vector<std::string>& args) {
    std::vector<const char*> argv{command.c_str()};
    for (const std::string& a : args) argv.push_back(a.c_str());
    try {
        app.parse(static_cast<int>(argv.size()), argv.data());
    } catch (const CLI::ParseError& e) {
        std::string message = e.what();
        std::replace(message.begin(), message.end(), '\n', ' ');
        return message.empty() ? "not accepted" : message;
    }
    return "";
}

// "Value 0 not in range 1 to 1000" from "--threshold: Value 0 not in range 1 to 1000".
std::string without_option(const std::string& complaint, const std::string& key) {
    const std::string prefix = "--" + key + ": ";
    return complaint.rfind(prefix, 0) == 0 ? complaint.substr(prefix.size()) : complaint;
}

// The key a CLI11 message names ("--threshold: Value 0 not in range…"),
// longest first so that --out is not found inside --output.
std::string key_named_in(const std::string& message, const RecipeStep& step) {
    std::string best;
    for (const auto& [name, where] : step.at)
        if (message.find("--" + name) != std::string::npos && name.size() > best.size())
            best = name;
    return best;
}

// True when `p` is, or lies inside, one of `written`.
bool written_before(const fs::path& p, const std::set<std::string>& written) {
    for (fs::path at = p; !at.empty(); at = at.parent_path()) {
        if (written.count(at.string())) return true;
        if (at == at.parent_path()) break;
    }
    return false;
}

class Checker {
  public:
    Checker(const Recipe& recipe, const GlobalOptions& global, Diagnostics& problems,
            Diagnostics& missing)
        : recipe_(recipe), global_(global), problems_(problems), missing_(missing) {}

    // Each step's own checks, in order; returns the steps ready to run.
    std::vector<Prepared> check() {
        std::vector<Prepared> prepared;
        for (const RecipeStep& step : recipe_.steps) prepared.push_back(check(step));
        return prepared;
    }

  private:
    Prepared check(const RecipeStep& step);
    void check_formats(const RecipeStep& step, CLI::App& app);
    void check_paths(const RecipeStep& step);

    const Recipe& recipe_;
    const GlobalOptions& global_;
    Diagnostics& problems_;
    Diagnostics& missing_;
    std::set<std::string> written_;           // what earlier steps write
    std::unique_ptr<host::PluginHost> host_;  // loaded once, for the formats the steps name
    std::set<std::string> said_;
};

Prepared Checker::check(const RecipeStep& step) {
    const Command& command = command_named(step.command);
    const std::string name = "kdx " + step.command;
    // Each key alone first, with nothing required, so that every bad value is
    // named where it is written; then the whole step, for what concerns
    // several keys (--municipality excludes --county).
    bool values_ok = true;
    for (const auto& [key, words] : step.values) {
        const RecipeKey* k = nullptr;
        for (const RecipeKey& candidate : command_keys().at(step.command))
            if (candidate.name == key) k = &candidate;
        if (!k || k->positional || k->flag) continue;
        CLI::App alone;
        GlobalOptions unused;
        // The returned runner owns the variables the options write to: it
        // must live as long as the parse.
        const auto keep_bound = command.setup(alone, unused);
        for (CLI::Option* o : alone.get_options()) o->required(false);
        std::vector<std::string> args;
        for (const std::string& w : words) args.push_back("--" + key + "=" + w);
        std::string complaint = parse(alone, name, args);
        if (!complaint.empty()) {
            values_ok = false;
            const Location& at = step.at.at(key);
            if (said_.insert(at.to_string() + complaint).second)
                problems_.error(key + ": " + without_option(complaint, key), at);
        }
    }
    Prepared p;
    p.app = std::make_unique<CLI::App>(command.summary, name);
    p.run = command.setup(*p.app, global_);
    if (values_ok) {
        std::string complaint = parse(*p.app, name, step.args);
        if (!complaint.empty()) {
            std::string key = key_named_in(complaint, step);
            problems_.error(name + ": " + complaint, key.empty() ? step.where : step.at.at(key));
        } else {
            check_formats(step, *p.app);
        }
    }
    check_paths(step);
    return p;
}

// The checks of formats and -o options that the commands make before they
// read any data, made for every step before the first runs, so that a
// format no plugin offers stops the recipe before it has written anything.
// The values are the step's as its command parsed them, defaults included.
void Checker::check_formats(const RecipeStep& step, CLI::App& app) {
    const bool documents = step.command == "report" || step.command == "dossier";
    const bool datasets = step.command == "validate" || step.command == "convert";
    if (!documents && !datasets) return;
    if (!host_) {
        host_ = std::make_unique<host::PluginHost>();
        host::SearchOptions search;
        search.plugin_dirs = global_.plugin_dirs;
        host_->load(search);
    }
    auto where = [&](const std::string& key) {
        auto it = step.at.find(key);
        return it == step.at.end() ? step.where : it->second;
    };
    auto text = [&](const char* option) { return app.get_option(option)->as<std::string>(); };
    std::string blamed = "option";
    try {
        const std::vector<std::string> texts = app.get_option("--option")->results();
        if (documents) {
            const std::string list = text("--format");
            const auto formats = split_list(list);
            if (std::none_of(formats.begin(), formats.end(), [&](const std::string& f) {
                    auto format = host_->find(f);
                    return format && format->info().can(can_write_document);
                })) {
                blamed = "format";
                throw UsageError("no plugin writes reports as " + list + " (see kdx plugins)");
            }
            document_options(*host_, formats, texts);
            return;
        }
        blamed = step.values.count("from") ? "from" : "input";
        auto reader = choose_format(*host_, text("--from"), text("input"), can_read_dataset);
        std::vector<const FormatInfo*> infos{&reader->info()};
        std::vector<const std::vector<OptionInfo>*> declared{&reader->info().read_options};
        std::shared_ptr<const host::LoadedFormat> writer;
        if (step.command == "convert") {
            blamed = step.values.count("to") ? "to" : "output";
            writer = choose_format(*host_, text("--to"), text("output"), can_write_dataset);
            infos.push_back(&writer->info());
            declared.push_back(&writer->info().write_options);
        }
        blamed = "option";
        parse_options(texts, infos, declared);
    } catch (const std::exception& e) {
        const Location at = where(blamed);
        if (said_.insert(at.to_string() + e.what()).second) problems_.error(e.what(), at);
    }
}

void Checker::check_paths(const RecipeStep& step) {
    const std::vector<RecipeKey>& keys = command_keys().at(step.command);
    for (const RecipeKey& key : keys) {
        auto words = step.values.find(key.name);
        if (words == step.values.end() || !key.path() || writes_to(key)) continue;
        const std::vector<Location>* places =
            step.word_at.count(key.name) ? &step.word_at.at(key.name) : nullptr;
        for (std::size_t i = 0; i < words->second.size(); ++i) {
            const std::string& word = words->second[i];
            const Location& at = places && i < places->size() ? (*places)[i] : step.at.at(key.name);
            std::error_code ec;
            if (key.type == "TEMPLATE" && word.find('/') == std::string::npos &&
                !fs::exists(word, ec)) {
                try {
                    find_template(word);
                } catch (const UsageError& e) {
                    if (said_.insert(at.to_string() + e.what()).second)
                        problems_.error(e.what(), at);
                }
                continue;
            }
            if (fs::exists(word, ec) || written_before(fs::path(word), written_)) continue;
            if (said_.insert(at.to_string() + word).second)
                missing_.error("no such " + std::string(key.type == "DIR" ? "folder" : "file") +
                                   ": " + word + " (" + key.name +
                                   "; a relative path is taken from the recipe's folder)",
                               at);
        }
    }
    for (const RecipeKey& key : keys) {
        auto words = step.values.find(key.name);
        if (words != step.values.end() && writes_to(key))
            for (const std::string& w : words->second)
                written_.insert(fs::path(w).lexically_normal().string());
    }
}

// The recipe's global keys under the command line's: flags add up, and the
// command line's --diagnostics wins over the recipe's.
GlobalOptions merged_globals(const Recipe& recipe, const GlobalOptions& given,
                             Diagnostics& problems) {
    GlobalOptions from_recipe;
    CLI::App app;
    add_global_options(app, from_recipe);
    std::string complaint = parse(app, "kdx", recipe.global_args);
    if (!complaint.empty() && !recipe.global_at.empty())
        problems.error(complaint, recipe.global_at.begin()->second);
    GlobalOptions merged = given;
    merged.plugin_dirs.insert(merged.plugin_dirs.end(), from_recipe.plugin_dirs.begin(),
                              from_recipe.plugin_dirs.end());
    merged.verbose = given.verbose || from_recipe.verbose;
    merged.quiet = given.quiet || from_recipe.quiet;
    if (merged.diagnostics.empty()) merged.diagnostics = from_recipe.diagnostics;
    merge_isolation(merged, from_recipe);
    try {
        filter_for(merged);
    } catch (const UsageError& e) {
        auto at = recipe.global_at.find("diagnostics");
        problems.error(e.what(), at == recipe.global_at.end() ? Location{} : at->second);
    }
    return merged;
}

int run_recipe(const RunArgs& a, const GlobalOptions& given) {
    Diagnostics problems, missing;
    Recipe recipe = read_recipe(a.recipe, problems);
    // Held here for as long as the steps run: each step's runner refers to it.
    GlobalOptions global = given;
    // The steps that were read are checked even when others were not, so
    // that one attempt lists every problem of the recipe.
    global = merged_globals(recipe, given, problems);
    Checker checker(recipe, global, problems, missing);
    std::vector<Prepared> prepared = checker.check();
    if (problems.has_errors() || missing.has_errors()) {
        std::vector<Diagnostic> all = problems.items();
        all.insert(all.end(), missing.items().begin(), missing.items().end());
        std::stable_sort(all.begin(), all.end(), [](const Diagnostic& x, const Diagnostic& y) {
            return std::make_pair(x.where.line, x.where.column) <
                   std::make_pair(y.where.line, y.where.column);
        });
        for (const Diagnostic& d : all) std::cerr << d.to_string() << '\n';
        if (global.json)
            for (const Diagnostic& d : all) global.json->add(d);
        const std::size_t n = all.size();
        std::cerr << "kdx: error: run: nothing was run; " << a.recipe.string() << " has " << n
                  << (n == 1 ? " problem" : " problems") << '\n';
        return problems.has_errors() ? exit_usage : exit_input_errors;
    }
    const std::size_t total = recipe.steps.size();
    // With --json the steps are listed in the document, each run or not.
    auto not_run = [&](std::size_t from) {
        for (std::size_t i = from; global.json && i < total; ++i) {
            const RecipeStep& step = recipe.steps[i];
            global.json->begin_step(static_cast<int>(i + 1), step.command,
                                    command_line(step, recipe.global_args));
            global.json->end_step(0, false);
        }
    };
    if (a.dry_run) {
        if (global.json) {
            not_run(0);
            return exit_ok;
        }
        for (const RecipeStep& step : recipe.steps)
            std::cout << command_line(step, recipe.global_args) << '\n';
        return exit_ok;
    }
    for (std::size_t i = 0; i < total; ++i) {
        const RecipeStep& step = recipe.steps[i];
        if (!global.quiet)
            std::cerr << "kdx run: step " << i + 1 << " of " << total << ": "
                      << command_line(step, recipe.global_args) << '\n';
        if (global.json)
            global.json->begin_step(static_cast<int>(i + 1), step.command,
                                    command_line(step, recipe.global_args));
        int code = run_command(step.command, prepared[i].run, global);
        if (global.json) global.json->end_step(code);
        if (code != exit_ok) {
            not_run(i + 1);
            std::cerr << step.where.to_string() << ": error: step " << i + 1 << " (" << step.command
                      << ") ended with exit code " << code;
            if (i + 1 < total)
                std::cerr << "; "
                          << (total - i - 1 == 1
                                  ? "the step"
                                  : "the " + std::to_string(total - i - 1) + " steps")
                          << " after it " << (total - i - 1 == 1 ? "was" : "were") << " not run";
            std::cerr << '\n';
            return code;
        }
    }
    if (!global.quiet)
        std::cerr << "kdx run: " << total << (total == 1 ? " step" : " steps") << " done\n";
    return exit_ok;
}

// The keys of every command, for --help.
std::string keys_help() {
    std::string text = "\nKeys of a recipe (docs/recipes.md), the long options of each command:\n";
    auto line = [&](const std::string& what, const std::vector<RecipeKey>& keys) {
        std::string l = "  " + what + ":";
        for (std::size_t i = 0; i < keys.size(); ++i) l += (i == 0 ? " " : ", ") + keys[i].name;
        text += l + "\n";
    };
    line("whole run (at the top)", global_keys());
    for (const auto& [command, keys] : command_keys()) line(command, keys);
    return text;
}

}  // namespace

std::function<int()> setup_run(CLI::App& app, const GlobalOptions& global) {
    auto a = std::make_shared<RunArgs>();
    app.add_option("recipe", a->recipe, "The recipe: a YAML file of steps and their keys")
        ->type_name("FILE")
        ->required();
    app.add_flag("--dry-run", a->dry_run,
                 "Check the recipe and print each step's command line, without running any");
    app.footer(app.get_footer() + keys_help());
    return [a, &global] { return run_recipe(*a, global); };
}

}  // namespace kdx::cli
