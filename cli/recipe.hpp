// A recipe: the yearly job as a YAML file that `kdx run` reads. Its keys are
// the commands' own options, read from their CLI11 definitions, so that a
// new option is a new key without anything here changing (docs/recipes.md).
#pragma once

#include <filesystem>
#include <map>
#include <string>
#include <vector>

#include "command.hpp"
#include "kdx/diagnostics.hpp"

namespace kdx::cli {

// One key of a recipe: a command's option, or a positional, by its long name.
struct RecipeKey {
    std::string name;  // "harmonise-to"; a positional's own name ("input")
    std::string
        type;  // CLI11's type name without its checks: INT, TEXT, FILE, DIR, FILE|DIR, TEMPLATE…
    std::string description;  // the --help text
    bool flag = false;        // on or off: true or false in a recipe
    bool several = false;     // may be given more than once (-d a -d b): a list in a recipe
    bool comma_list =
        false;  // one value listing several ("pdf,xlsx"): a list is joined with commas
    bool key_values = false;  // key=value texts (-o): a mapping is accepted
    bool positional = false;
    bool required = false;
    // A file or folder, taken relative to the recipe's folder (a TEMPLATE only
    // when it names a file rather than one of kdx's templates).
    bool path() const;
    // What a value of this key must be, for error messages: "a whole number".
    std::string expected() const;
};

// The keys of a command's (or the global options') CLI11 App, in the order
// they were defined; --help is not one.
std::vector<RecipeKey> keys_of(const CLI::App& app);

// The keys of each command a recipe can run (every command but run), and of
// the global options (--plugin-dir, -v, -q, --diagnostics).
const std::map<std::string, std::vector<RecipeKey>>& command_keys();
const std::vector<RecipeKey>& global_keys();

// Keys that name what a step writes; every other path key names something a
// step reads, which must exist unless an earlier step writes it.
bool writes_to(const RecipeKey& key);

// One command to run, as its command line would give it.
struct RecipeStep {
    std::string command;                 // "dossier"
    std::vector<std::string> args;       // "--year=2018", …, then "--" and the positionals
    Location where;                      // the step's entry in the recipe
    std::map<std::string, Location> at;  // where each key's value was given
    std::map<std::string, std::vector<std::string>> values;  // each key's words, paths resolved
    std::map<std::string, std::vector<Location>> word_at;    // where each of those words was given
    int entry = 0;  // which entry of `steps` (1-based); a list may make several steps of one
};

struct Recipe {
    std::vector<std::string> global_args;  // as on the command line before the command
    std::map<std::string, Location> global_at;
    std::vector<RecipeStep> steps;
};

// Reads `file`. Every problem (YAML syntax, an unknown key, a value of the
// wrong type, no steps) is added to `problems` with the recipe's file, line
// and column; the steps are only meant to be run when there are none.
Recipe read_recipe(const std::filesystem::path& file, Diagnostics& problems);

// "kdx dossier --year=2018 …", quoted for a POSIX shell where needed.
std::string command_line(const RecipeStep& step, const std::vector<std::string>& global_args);

}  // namespace kdx::cli
