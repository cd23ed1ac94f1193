// The keys of a recipe, read from the commands' CLI11 definitions.
#include <algorithm>
#include <cctype>

#include "command_runner.hpp"
#include "recipe.hpp"

namespace kdx::cli {

namespace {

std::vector<std::string> split(const std::string& text, char separator) {
    std::vector<std::string> parts{""};
    for (char c : text) {
        if (c == separator)
            parts.emplace_back();
        else
            parts.back() += c;
    }
    return parts;
}

bool type_is(const std::string& type, const char* word) {
    auto parts = split(type, '|');
    return std::find(parts.begin(), parts.end(), word) != parts.end();
}

std::string lower(std::string s) {
    for (char& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return s;
}

}  // namespace

bool RecipeKey::path() const {
    return type_is(type, "FILE") || type_is(type, "DIR") || type == "TEMPLATE";
}

std::string RecipeKey::expected() const {
    if (flag) return "true or false";
    if (key_values) return "key=value texts, or a mapping of keys to values";
    std::string one = type == "INT"        ? "a whole number"
                      : type == "FILE"     ? "a file"
                      : type == "DIR"      ? "a folder"
                      : type == "FILE|DIR" ? "a file or folder"
                      : type == "TEMPLATE" ? "a template's name or file"
                                           : "a text";
    if (several) return one + ", or a list of them";
    if (comma_list) return one + " or a list";
    return one;
}

std::vector<RecipeKey> keys_of(const CLI::App& app) {
    std::vector<RecipeKey> keys;
    for (const CLI::Option* o : app.get_options()) {
        if (o == app.get_help_ptr() || o == app.get_help_all_ptr()) continue;
        RecipeKey k;
        k.positional = o->get_lnames().empty() && o->get_positional();
        k.name = !o->get_lnames().empty() ? o->get_lnames().front() : o->get_single_name();
        k.type = split(o->get_type_name(), ':').front();
        k.description = o->get_description();
        k.flag = o->get_expected_max() == 0;
        k.several = o->get_items_expected_max() > 1;
        k.comma_list = lower(k.description).find("comma-separated") != std::string::npos;
        k.key_values = k.several && k.description.find("key=value") != std::string::npos;
        k.required = o->get_required();
        keys.push_back(k);
    }
    return keys;
}

const std::map<std::string, std::vector<RecipeKey>>& command_keys() {
    static const std::map<std::string, std::vector<RecipeKey>> keys = [] {
        std::map<std::string, std::vector<RecipeKey>> out;
        static const GlobalOptions unused;  // the runners made here are never called
        for (const Command& c : command_table()) {
            if (std::string(c.name) == "run") continue;
            CLI::App app;
            // Kept while the options are read: it owns what they are bound to.
            const auto keep_bound = c.setup(app, unused);
            out[c.name] = keys_of(app);
        }
        return out;
    }();
    return keys;
}

const std::vector<RecipeKey>& global_keys() {
    static const std::vector<RecipeKey> keys = [] {
        CLI::App app;
        GlobalOptions unused;
        add_global_options(app, unused);
        return keys_of(app);
    }();
    return keys;
}

bool writes_to(const RecipeKey& key) {
    return key.path() && (key.name == "out" || key.name == "output");
}

}  // namespace kdx::cli
