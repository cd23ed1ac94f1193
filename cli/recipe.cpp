#include "recipe.hpp"

#include <yaml-cpp/yaml.h>

#include <algorithm>
#include <cctype>
#include <regex>
#include <set>

#include "command_runner.hpp"
#include "kdx/options.hpp"

namespace kdx::cli {

namespace fs = std::filesystem;

namespace {

// A recipe is a short hand-written file; anything larger is not one.
constexpr std::uintmax_t max_recipe_size = 1 << 20;
// Lists on several keys multiply; past this the recipe is a mistake.
constexpr std::size_t max_steps = 1000;

std::string join(const std::vector<std::string>& words, const std::string& separator) {
    std::string s;
    for (const std::string& w : words) s += (s.empty() ? "" : separator) + w;
    return s;
}

// One key's value as read from the recipe: the words it gives the command
// line, or several alternatives when a list was given to a key that takes one
// value (the step then runs once for each).
struct Setting {
    const RecipeKey* key = nullptr;
    std::vector<std::vector<std::string>> alternatives;
    std::vector<std::vector<Location>> word_at;  // where each word of each alternative is
    Location at;
};

class Reader {
  public:
    Reader(const fs::path& file, Diagnostics& problems)
        : file_(file), shown_(file.string()), base_(file.parent_path()), problems_(problems) {}

    Recipe read();

  private:
    Location at(const YAML::Mark& m) const {
        return m.is_null() ? Location::at(shown_) : Location::at(shown_, m.line + 1, m.column + 1);
    }
    Location at(const YAML::Node& n) const { return at(n.Mark()); }
    void error(const std::string& message, const Location& where) {
        // A shared key is converted once per step that takes it: say it once.
        if (said_.insert(where.to_string() + message).second) problems_.error(message, where);
    }

    bool word_of(const RecipeKey& key, const YAML::Node& n, std::string& word);
    bool convert(const RecipeKey& key, const YAML::Node& value, Setting& out);
    std::string resolve(const RecipeKey& key, const std::string& word) const;
    void read_step(const YAML::Node& entry, int number, Recipe& recipe);
    std::vector<std::string> arguments(const std::vector<RecipeKey>& keys,
                                       const std::vector<Setting>& settings,
                                       const std::vector<std::size_t>& choice,
                                       RecipeStep* step) const;

    struct Shared {
        std::string name;
        YAML::Node value;
        Location key_at;
        bool taken = false;
    };

    fs::path file_;
    std::string shown_;
    fs::path base_;
    Diagnostics& problems_;
    std::set<std::string> said_;
    std::vector<Shared> shared_;
};

std::string described(const YAML::Node& n) {
    if (!n.IsDefined() || n.IsNull()) return "nothing";
    if (n.IsSequence()) return "a list";
    if (n.IsMap()) return "a mapping";
    return "\"" + n.Scalar() + "\"";
}

std::string Reader::resolve(const RecipeKey& key, const std::string& word) const {
    // A format's options declare no file type, so an option value is taken
    // from the recipe's folder when it names a file or folder there
    // (-o mapping=partner-mapping.xml, -o font=fonts/x.ttf).
    if (key.key_values) {
        const std::size_t equals = word.find('=');
        if (equals == std::string::npos || equals + 1 == word.size() || base_.empty()) return word;
        const fs::path value(word.substr(equals + 1));
        std::error_code ec;
        if (value.is_absolute() || !fs::exists(base_ / value, ec)) return word;
        return word.substr(0, equals + 1) + (base_ / value).lexically_normal().string();
    }
    if (!key.path()) return word;
    // A template is a name of kdx's own unless it looks like a file or is one.
    if (key.type == "TEMPLATE") {
        std::error_code ec;
        const bool file_like = word.find('/') != std::string::npos ||
                               (word.size() > 4 && word.compare(word.size() - 4, 4, ".xml") == 0) ||
                               fs::is_regular_file(base_ / word, ec);
        if (!file_like) return word;
    }
    fs::path p(word);
    if (p.is_absolute() || base_.empty()) return p.lexically_normal().string();
    return (base_ / p).lexically_normal().string();
}

bool Reader::word_of(const RecipeKey& key, const YAML::Node& n, std::string& word) {
    if (!n.IsScalar()) {
        error(key.name + " takes " + key.expected() + ", not " + described(n) +
                  (n.IsSequence() || n.IsMap() ? " inside a list" : ""),
              at(n));
        return false;
    }
    word = n.Scalar();
    if (key.type == "INT" && !std::regex_match(word, std::regex("-?[0-9]+"))) {
        error(key.name + " takes " + key.expected() + ", not " + described(n), at(n));
        return false;
    }
    if (key.path() && word.empty()) {
        error(key.name + " takes " + key.expected() + ", not an empty text", at(n));
        return false;
    }
    word = resolve(key, word);
    return true;
}

bool Reader::convert(const RecipeKey& key, const YAML::Node& value, Setting& out) {
    out.key = &key;
    out.at = at(value);
    if (value.IsNull()) {
        error(key.name + " has no value; it takes " + key.expected(), at(value));
        return false;
    }
    if (key.flag) {
        // The grammar of -o booleans: true/false, yes/no, 1/0 in any case.
        if (auto on = value.IsScalar() ? parse_boolean(value.Scalar()) : std::nullopt)
            out.alternatives = {{*on ? "true" : "false"}};
        else {
            error(key.name + " takes true or false, not " + described(value), at(value));
            return false;
        }
        return true;
    }
    if (value.IsMap() && key.key_values) {
        std::vector<std::string> words;
        for (auto it = value.begin(); it != value.end(); ++it) {
            if (!it->first.IsScalar() || !it->second.IsScalar()) {
                error(key.name + " maps option names to values, not " + described(it->second),
                      at(it->second));
                return false;
            }
            words.push_back(resolve(key, it->first.Scalar() + "=" + it->second.Scalar()));
        }
        out.alternatives = {words};
        return true;
    }
    if (value.IsScalar()) {
        std::string word;
        if (!word_of(key, value, word)) return false;
        out.alternatives = {{word}};
        out.word_at = {{at(value)}};
        return true;
    }
    if (value.IsSequence()) {
        if (value.size() == 0) {
            error(key.name + " takes " + key.expected() + ", not an empty list", at(value));
            return false;
        }
        std::vector<std::string> words;
        std::vector<Location> places;
        bool ok = true;
        for (const YAML::Node& item : value) {
            std::string word;
            if (word_of(key, item, word))
                words.push_back(word), places.push_back(at(item));
            else
                ok = false;
        }
        if (!ok) return false;
        if (key.several) {
            out.alternatives = {words};
            out.word_at = {places};
        } else if (key.comma_list) {
            out.alternatives = {{join(words, ",")}};
            out.word_at = {{at(value)}};
        } else {
            for (std::size_t i = 0; i < words.size(); ++i) {
                out.alternatives.push_back({words[i]});
                out.word_at.push_back({places[i]});
            }
        }
        return true;
    }
    error(key.name + " takes " + key.expected() + ", not " + described(value), at(value));
    return false;
}

std::vector<std::string> Reader::arguments(const std::vector<RecipeKey>& keys,
                                           const std::vector<Setting>& settings,
                                           const std::vector<std::size_t>& choice,
                                           RecipeStep* step) const {
    std::vector<std::string> args, positionals;
    // In the order the command defines its options, for a readable command line.
    for (const RecipeKey& key : keys)
        for (std::size_t i = 0; i < settings.size(); ++i) {
            if (settings[i].key != &key) continue;
            const std::vector<std::string>& words = settings[i].alternatives[choice[i]];
            if (step) {
                step->at[key.name] = settings[i].at;
                step->values[key.name] = words;
                if (choice[i] < settings[i].word_at.size())
                    step->word_at[key.name] = settings[i].word_at[choice[i]];
            }
            if (key.flag) {
                if (words.front() == "true") args.push_back("--" + key.name);
            } else if (key.positional) {
                positionals.insert(positionals.end(), words.begin(), words.end());
            } else {
                // --key=value, so that a value starting with "-" stays a value.
                for (const std::string& w : words) args.push_back("--" + key.name + "=" + w);
            }
        }
    if (!positionals.empty()) {
        args.push_back("--");
        args.insert(args.end(), positionals.begin(), positionals.end());
    }
    return args;
}

const RecipeKey* find_key(const std::vector<RecipeKey>& keys, const std::string& name) {
    for (const RecipeKey& k : keys)
        if (k.name == name) return &k;
    return nullptr;
}

std::vector<std::string> names_of(const std::vector<RecipeKey>& keys) {
    std::vector<std::string> names;
    for (const RecipeKey& k : keys) names.push_back(k.name);
    return names;
}

std::string did_you_mean(const std::string& word, const std::vector<std::string>& names) {
    std::string near = nearest_name(word, names);
    return near.empty() ? "" : "; did you mean " + near + "?";
}

void Reader::read_step(const YAML::Node& entry, int number, Recipe& recipe) {
    std::string command;
    YAML::Node body;
    if (entry.IsScalar()) {
        command = entry.Scalar();
    } else if (entry.IsMap() && entry.size() == 1 && entry.begin()->first.IsScalar()) {
        command = entry.begin()->first.Scalar();
        body = entry.begin()->second;
    } else {
        error("a step is one command and its keys, such as \"- dossier: {year: 2018}\", not " +
                  described(entry) +
                  (entry.IsMap() ? " of " + std::to_string(entry.size()) + " keys" : ""),
              at(entry));
        return;
    }
    const Location where = at(entry);
    if (command == "run") {
        error("a recipe cannot run a recipe; list that recipe's steps here instead", where);
        return;
    }
    auto found = command_keys().find(command);
    if (found == command_keys().end()) {
        std::vector<std::string> commands;
        for (const auto& [name, keys] : command_keys()) commands.push_back(name);
        error("no command " + command + did_you_mean(command, commands) +
                  " (commands: " + join(commands, ", ") + ")",
              where);
        return;
    }
    const std::vector<RecipeKey>& keys = found->second;
    if (body.IsDefined() && !body.IsNull() && !body.IsMap()) {
        error(
            "the keys of a " + command + " step are a mapping, KEY: VALUE, not " + described(body),
            at(body));
        return;
    }
    std::vector<Setting> settings;
    std::set<std::string> given;
    bool ok = true;
    if (body.IsMap()) {
        std::map<std::string, Location> seen;
        for (auto it = body.begin(); it != body.end(); ++it) {
            const std::string name = it->first.IsScalar() ? it->first.Scalar() : "";
            if (!seen.emplace(name, at(it->first)).second) {
                error(name + " is given twice in this step (first at line " +
                          std::to_string(seen[name].line) + ")",
                      at(it->first));
                ok = false;
                continue;
            }
            const RecipeKey* key = find_key(keys, name);
            if (!key) {
                if (find_key(global_keys(), name))
                    error(
                        name +
                            " is for the whole run: put it at the top of the recipe, beside steps",
                        at(it->first));
                else
                    error("kdx " + command + " has no key " + name +
                              did_you_mean(name, names_of(keys)) +
                              " (its keys: " + join(names_of(keys), ", ") + ")",
                          at(it->first));
                ok = false;
                continue;
            }
            Setting s;
            given.insert(name);  // a bad value is said as such, not as a missing key
            if (convert(*key, it->second, s))
                settings.push_back(s);
            else
                ok = false;
        }
    }
    // Keys at the top of the recipe apply to every step whose command takes them.
    for (Shared& shared : shared_) {
        const RecipeKey* key = find_key(keys, shared.name);
        if (!key) continue;
        shared.taken = true;
        if (given.count(shared.name)) continue;
        Setting s;
        given.insert(shared.name);
        if (convert(*key, shared.value, s))
            settings.push_back(s);
        else
            ok = false;
    }
    for (const RecipeKey& key : keys)
        if (key.required && !given.count(key.name)) {
            error("kdx " + command + " needs " + key.name + " (" + key.description +
                      "), in this step or at the top",
                  where);
            ok = false;
        }
    if (!ok) return;

    // A list given to a key of one value runs the step once for each value:
    // every combination, the first key's values varying slowest.
    std::size_t count = 1;
    for (const Setting& s : settings) count *= s.alternatives.size();
    if (count > max_steps) {
        error("this step's lists make " + std::to_string(count) + " commands; at most " +
                  std::to_string(max_steps) + " are run from one recipe",
              where);
        return;
    }
    std::vector<std::size_t> choice(settings.size(), 0);
    for (std::size_t n = 0; n < count; ++n) {
        RecipeStep step;
        step.command = command;
        step.where = where;
        step.entry = number;
        step.args = arguments(keys, settings, choice, &step);
        recipe.steps.push_back(std::move(step));
        for (std::size_t i = settings.size(); i-- > 0;) {
            if (++choice[i] < settings[i].alternatives.size()) break;
            choice[i] = 0;
        }
    }
    if (recipe.steps.size() > max_steps)
        error("the recipe makes more than " + std::to_string(max_steps) + " commands", where);
}

Recipe Reader::read() {
    Recipe recipe;
    std::error_code ec;
    if (!fs::is_regular_file(file_, ec)) {
        error(fs::exists(file_, ec) ? "a recipe is a file, not a folder" : "no such recipe file",
              Location::at(shown_));
        return recipe;
    }
    if (fs::file_size(file_, ec) > max_recipe_size) {
        error("the recipe is larger than 1 MiB; a recipe is a short file of keys",
              Location::at(shown_));
        return recipe;
    }
    YAML::Node root;
    try {
        root = YAML::LoadFile(file_.string());
    } catch (const YAML::ParserException& e) {
        error("this is not YAML: " + e.msg, at(e.mark));
        return recipe;
    } catch (const YAML::Exception& e) {
        error(std::string("cannot read the recipe: ") + e.what(), Location::at(shown_));
        return recipe;
    }
    if (!root.IsMap()) {
        error("a recipe is a mapping of keys (steps, and keys every step shares), not " +
                  described(root),
              at(root));
        return recipe;
    }
    std::vector<std::string> every_key{"steps"};
    for (const auto& [command, keys] : command_keys())
        for (const RecipeKey& k : keys) every_key.push_back(k.name);
    for (const RecipeKey& k : global_keys()) every_key.push_back(k.name);

    YAML::Node steps;
    std::vector<Setting> globals;
    std::map<std::string, Location> seen;
    for (auto it = root.begin(); it != root.end(); ++it) {
        const std::string name = it->first.IsScalar() ? it->first.Scalar() : "";
        if (!seen.emplace(name, at(it->first)).second) {
            error(name + " is given twice (first at line " + std::to_string(seen[name].line) + ")",
                  at(it->first));
            continue;
        }
        if (name == "steps") {
            steps = it->second;
        } else if (const RecipeKey* key = find_key(global_keys(), name)) {
            Setting s;
            if (convert(*key, it->second, s)) {
                globals.push_back(s);
                recipe.global_at[name] = s.at;
            }
        } else if (std::find(every_key.begin(), every_key.end(), name) != every_key.end()) {
            shared_.push_back({name, it->second, at(it->first)});
        } else {
            error("no command takes " + (name.empty() ? described(it->first) : name) +
                      did_you_mean(name, every_key) + " (docs/recipes.md lists the keys)",
                  at(it->first));
        }
    }
    for (const Setting& g : globals) {
        if (g.alternatives.size() > 1) {
            error(g.key->name + " takes one value for the whole run, not a list", g.at);
            continue;
        }
        std::vector<Setting> one{g};
        auto args = arguments(global_keys(), one, {0}, nullptr);
        recipe.global_args.insert(recipe.global_args.end(), args.begin(), args.end());
    }
    if (!steps.IsDefined() || steps.IsNull()) {
        error(
            "the recipe has no steps: add steps:, a list of commands such as \"- validate: {input: "
            "data.xml}\"",
            at(root));
        return recipe;
    }
    if (!steps.IsSequence()) {
        error("steps is a list of commands, each \"- COMMAND: {KEY: VALUE, ...}\", not " +
                  described(steps),
              at(steps));
        return recipe;
    }
    if (steps.size() == 0) error("the recipe's list of steps is empty", at(steps));
    int number = 0;
    for (const YAML::Node& entry : steps) read_step(entry, ++number, recipe);
    for (const Shared& s : shared_)
        if (!s.taken) {
            std::vector<std::string> takers;
            for (const auto& [command, keys] : command_keys())
                if (find_key(keys, s.name)) takers.push_back(command);
            error("no step takes " + s.name + " (a key of " + join(takers, ", ") + ")", s.key_at);
        }
    return recipe;
}

}  // namespace

Recipe read_recipe(const fs::path& file, Diagnostics& problems) {
    Reader reader(file, problems);
    return reader.read();
}

std::string command_line(const RecipeStep& step, const std::vector<std::string>& global_args) {
    auto quoted = [](const std::string& w) {
        if (!w.empty() && std::all_of(w.begin(), w.end(), [](char c) {
                return std::isalnum(static_cast<unsigned char>(c)) ||
                       std::string("_./:=,@%+-").find(c) != std::string::npos;
            }))
            return w;
        std::string q = "'";
        for (char c : w) q += c == '\'' ? std::string("'\\''") : std::string(1, c);
        return q + "'";
    };
    std::string line = "kdx";
    for (const std::string& w : global_args) line += " " + quoted(w);
    line += " " + step.command;
    // "--" ends the options only where a positional could pass for one.
    bool ends_options = false;
    for (const std::string& w : step.args) {
        if (w == "--" && !ends_options) {
            ends_options = true;
            auto after = std::find(step.args.begin(), step.args.end(), "--");
            if (std::none_of(after + 1, step.args.end(),
                             [](const std::string& p) { return !p.empty() && p[0] == '-'; }))
                continue;
        }
        line += " " + quoted(w);
    }
    return line;
}

}  // namespace kdx::cli
