#include "metadata_checks.hpp"

#include <algorithm>
#include <regex>
#include <set>

#include "host/elf_build_id.hpp"
#include "host/plugin_manifest.hpp"
#include "kdx/error.hpp"
#include "kdx/options.hpp"
#include "plugin_calls.hpp"

namespace kdx::check {

namespace {

bool matches(const std::string& text, const char* pattern) {
    return std::regex_match(text, std::regex(pattern));
}

// [a-z0-9-]+: usable on the command line and in file names as it is.
bool is_identifier(const std::string& s) { return matches(s, "[a-z0-9-]+"); }

void check_options(const std::string& which, const std::vector<OptionInfo>& options,
                   std::vector<std::string>& problems) {
    std::set<std::string> names;
    for (const OptionInfo& o : options) {
        std::string label = which + " option \"" + o.name + "\"";
        if (o.name.empty()) {
            problems.push_back(which + " option without a name");
            continue;
        }
        if (!matches(o.name, "[a-z0-9_-]+"))
            problems.push_back(label +
                               ": name must match [a-z0-9_-]+ to be given as -o name=value");
        if (!names.insert(o.name).second) problems.push_back(label + " is declared twice");
        if (o.description.empty()) problems.push_back(label + " has no description");
        if (o.type == OptionInfo::Type::choice && o.allowed.empty())
            problems.push_back(label + " is a choice but lists no allowed values");
        else if (!valid_option_value(o, o.default_value))
            problems.push_back(
                label + ": default \"" + o.default_value + "\" is not valid for its type" +
                (o.type == OptionInfo::Type::choice ? " (allowed: " + join(o.allowed) + ")" : ""));
        if (o.type != OptionInfo::Type::choice && !o.allowed.empty())
            problems.push_back(label + " lists allowed values but is not of type choice");
    }
}

}  // namespace

bool valid_option_value(const OptionInfo& option, const std::string& text) {
    return option_value_valid(option, text);
}

Outcome check_plugin_metadata(const host::PluginRecord& record) {
    std::vector<std::string> problems;
    const PluginInfo& info = record.info;
    if (!is_identifier(info.name))
        problems.push_back("plugin name \"" + info.name + "\" must match [a-z0-9-]+");
    std::string stem = record.file.stem().string();
    if (stem != "kdx_" + info.name)
        problems.push_back("the file is named " + record.file.filename().string() +
                           " but the plugin calls itself \"" + info.name + "\"; kdx_add_plugin(" +
                           info.name + " ...) builds kdx_" + info.name + ".so");
    if (info.version.empty())
        problems.push_back("no version: call Registrar::set_info with one, e.g. \"1.0.0\"");
    else if (!matches(info.version, "[0-9]+(\\.[0-9]+)*([-+][0-9A-Za-z.+-]+)?"))
        problems.push_back("version \"" + info.version + "\" does not look like 1.2.3");
    if (info.description.empty()) problems.push_back("no description");
    if (!problems.empty()) return Outcome::fail(join(problems, "; "));
    return Outcome::pass(info.name + " " + info.version + ", \"" + info.description + "\"");
}

Outcome check_manifest(const host::PluginRecord& record, const std::vector<FormatInfo>& formats) {
    const std::filesystem::path path = host::manifest_path(record.file);
    std::error_code ec;
    if (!std::filesystem::exists(path, ec))
        return Outcome::skip("no manifest " + path.filename().string() +
                             ": kdx loads the plugin at start to ask it (kdx_add_plugin writes "
                             "one; or run kdx-plugin-manifest " +
                             record.file.string() + ")");
    const std::string regenerate =
        ": rebuild the plugin, or run kdx-plugin-manifest " + record.file.string();
    host::PluginManifest m;
    try {
        m = host::read_manifest(path);
    } catch (const Error& e) {
        return Outcome::fail(std::string(e.what()) + regenerate);
    }
    const std::string built = host::elf_build_id(record.file);
    if (m.build_id != built)
        return Outcome::fail(path.string() + " is of another build (build ID " + m.build_id +
                             ", the library's " + (built.empty() ? "none" : built) +
                             "), so kdx refuses the plugin" + regenerate);
    if (std::string difference = host::declaration_difference(m, record.info, formats);
        !difference.empty())
        return Outcome::fail(path.string() + " declares other formats than the library (" +
                             difference + ")" + regenerate);
    return Outcome::pass(path.filename().string() + ": this build (" + built + "), " +
                         std::to_string(m.formats.size()) + " formats as the library declares");
}

Outcome check_format_metadata(const FormatInfo& info, const std::vector<FormatInfo>& all) {
    std::vector<std::string> problems;
    if (!is_identifier(info.name))
        problems.push_back("format name \"" + info.name + "\" must match [a-z0-9-]+");
    auto same_name = [&](const FormatInfo& f) { return f.name == info.name; };
    if (std::count_if(all.begin(), all.end(), same_name) > 1)
        problems.push_back("two formats of this plugin are named \"" + info.name + "\"");
    if (info.long_name.empty()) problems.push_back("no long name");
    // A format without extensions is reached by URI only ("postgresql://…"
    // opens the format named postgresql); check_format says so.
    for (const std::string& e : info.extensions)
        if (!matches(e, "[a-z0-9]+([.][a-z0-9]+)*"))
            problems.push_back("extension \"" + e + "\" must be lower case, without a leading dot");
    const unsigned known = can_read_dataset | can_write_dataset | can_write_document |
                           can_write_in_parallel | can_read_batches | can_write_batches;
    if ((info.capabilities & ~can_write_in_parallel) == 0)
        problems.push_back("no capability: it can neither read nor write");
    if ((info.capabilities & ~known) != 0) problems.push_back("unknown capability bits");
    // The batch calls (ABI 2.1) are another way to make the whole-dataset
    // calls, which kdx still makes whenever it needs the dataset at once.
    if (info.can(can_read_batches) && !info.can(can_read_dataset))
        problems.push_back("read-batches without read-dataset");
    if (info.can(can_write_batches) && !info.can(can_write_dataset))
        problems.push_back("write-batches without write-dataset");
    if (info.can(can_write_in_parallel) && !info.can(can_write_document))
        problems.push_back("declares writing documents in parallel but cannot write documents");
    if (!info.can(can_read_dataset) && !info.read_options.empty())
        problems.push_back("declares read options but cannot read");
    if (!info.can(can_write_dataset) && !info.can(can_write_document) &&
        !info.write_options.empty())
        problems.push_back("declares write options but cannot write");
    check_options("read", info.read_options, problems);
    check_options("write", info.write_options, problems);
    if (!problems.empty()) return Outcome::fail(join(problems, "; "));

    std::vector<std::string> can;
    if (info.can(can_read_dataset)) can.push_back("read");
    if (info.can(can_write_dataset)) can.push_back("write");
    if (info.can(can_write_document)) can.push_back("document");
    if (info.can(can_write_in_parallel)) can.push_back("parallel");
    return Outcome::pass(
        "\"" + info.long_name + "\" [" + join(can) + "] " +
        (info.extensions.empty() ? info.name + "://" : "." + join(info.extensions, " .")) + ", " +
        std::to_string(info.read_options.size() + info.write_options.size()) + " options");
}

}  // namespace kdx::check
