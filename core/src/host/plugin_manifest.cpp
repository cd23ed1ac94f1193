#include "host/plugin_manifest.hpp"

#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>

#include "kdx/error.hpp"

namespace kdx::host {

namespace fs = std::filesystem;
using nlohmann::json;

namespace {

// Capabilities by name, so that a manifest reads without the SDK at hand.
const std::pair<Capability, const char*> capability_names[] = {
    {can_read_dataset, "read-dataset"},     {can_write_dataset, "write-dataset"},
    {can_write_document, "write-document"}, {can_write_in_parallel, "write-in-parallel"},
    {can_read_batches, "read-batches"},     {can_write_batches, "write-batches"},
};
constexpr unsigned known_capabilities = can_read_dataset | can_write_dataset | can_write_document |
                                        can_write_in_parallel | can_read_batches |
                                        can_write_batches;

const std::pair<OptionInfo::Type, const char*> type_names[] = {
    {OptionInfo::Type::string, "string"},
    {OptionInfo::Type::integer, "integer"},
    {OptionInfo::Type::boolean, "boolean"},
    {OptionInfo::Type::choice, "choice"},
};

json options_json(const std::vector<OptionInfo>& options) {
    json list = json::array();
    for (const OptionInfo& o : options) {
        const char* type = "string";
        for (const auto& [t, name] : type_names)
            if (t == o.type) type = name;
        list.push_back({{"name", o.name},
                        {"type", type},
                        {"default", o.default_value},
                        {"allowed", o.allowed},
                        {"description", o.description}});
    }
    return list;
}

std::vector<OptionInfo> options_from(const json& list) {
    std::vector<OptionInfo> options;
    for (const json& o : list) {
        OptionInfo option;
        option.name = o.at("name").get<std::string>();
        const std::string type = o.at("type").get<std::string>();
        bool known = false;
        for (const auto& [t, name] : type_names)
            if (type == name) option.type = t, known = true;
        if (!known)
            throw std::runtime_error("option " + option.name + " has unknown type \"" + type +
                                     "\"");
        option.default_value = o.value("default", "");
        option.allowed = o.value("allowed", std::vector<std::string>{});
        option.description = o.value("description", "");
        options.push_back(std::move(option));
    }
    return options;
}

bool same_options(const std::vector<OptionInfo>& a, const std::vector<OptionInfo>& b) {
    if (a.size() != b.size()) return false;
    for (std::size_t i = 0; i < a.size(); ++i)
        if (a[i].name != b[i].name || a[i].type != b[i].type ||
            a[i].default_value != b[i].default_value || a[i].allowed != b[i].allowed ||
            a[i].description != b[i].description)
            return false;
    return true;
}

std::string abi_text(std::uint32_t abi) {
    return std::to_string(abi >> 16) + "." + std::to_string(abi & 0xffffu);
}

std::uint32_t abi_from(const std::string& text) {
    std::size_t dot = text.find('.');
    std::size_t end_major = 0, end_minor = 0;
    unsigned long major = 0, minor = 0;
    if (dot != std::string::npos) {
        major = std::stoul(text.substr(0, dot), &end_major);
        minor = std::stoul(text.substr(dot + 1), &end_minor);
    }
    if (dot == std::string::npos || end_major != dot || end_minor != text.size() - dot - 1 ||
        major > 0xffff || minor > 0xffff)
        throw std::runtime_error("abi \"" + text + "\" is not MAJOR.MINOR");
    return static_cast<std::uint32_t>((major << 16) | minor);
}

}  // namespace

fs::path manifest_path(const fs::path& library) {
    fs::path p = library;
    p.replace_extension(".kdx-manifest.json");
    return p;
}

std::string to_json(const PluginManifest& m) {
    json formats = json::array();
    for (const FormatInfo& f : m.formats) {
        json caps = json::array();
        for (const auto& [c, name] : capability_names)
            if (f.can(c)) caps.push_back(name);
        formats.push_back({{"name", f.name},
                           {"long_name", f.long_name},
                           {"extensions", f.extensions},
                           {"capabilities", caps},
                           {"read_options", options_json(f.read_options)},
                           {"write_options", options_json(f.write_options)}});
    }
    json out = {{"kdx_plugin_manifest", m.schema},
                {"library", m.library},
                {"build_id", m.build_id},
                {"abi", abi_text(m.abi)},
                {"written_by", m.written_by},
                {"plugin",
                 {{"name", m.plugin.name},
                  {"version", m.plugin.version},
                  {"description", m.plugin.description}}},
                {"formats", formats}};
    return out.dump(2) + "\n";
}

PluginManifest read_manifest(const fs::path& file) {
    std::ifstream in(file, std::ios::binary);
    if (!in) throw Error("manifest " + file.string() + " cannot be read");
    std::ostringstream text;
    text << in.rdbuf();
    return parse_manifest(text.str(), "manifest " + file.string());
}

PluginManifest parse_manifest(const std::string& text, const std::string& origin) {
    try {
        const json j = json::parse(text);
        PluginManifest m;
        m.schema = j.at("kdx_plugin_manifest").get<int>();
        // A newer layout may mean things this kdx would misread.
        if (m.schema != PluginManifest::current_schema)
            throw std::runtime_error("it has layout " + std::to_string(m.schema) +
                                     ", this kdx reads layout " +
                                     std::to_string(PluginManifest::current_schema));
        m.library = j.at("library").get<std::string>();
        m.build_id = j.at("build_id").get<std::string>();
        m.abi = abi_from(j.at("abi").get<std::string>());
        m.written_by = j.value("written_by", "");
        const json& p = j.at("plugin");
        m.plugin = {p.at("name").get<std::string>(), p.value("version", ""),
                    p.value("description", "")};
        for (const json& f : j.at("formats")) {
            FormatInfo info;
            info.name = f.at("name").get<std::string>();
            info.long_name = f.value("long_name", "");
            info.extensions = f.value("extensions", std::vector<std::string>{});
            // A capability a newer kdx added is left out, as an older host
            // ignores the bit.
            for (const std::string& c : f.at("capabilities").get<std::vector<std::string>>())
                for (const auto& [bit, name] : capability_names)
                    if (c == name) info.capabilities |= bit;
            info.read_options = options_from(f.value("read_options", json::array()));
            info.write_options = options_from(f.value("write_options", json::array()));
            m.formats.push_back(std::move(info));
        }
        return m;
    } catch (const Error&) {
        throw;
    } catch (const std::exception& e) {
        throw Error(origin + " is not a kdx plugin manifest: " + e.what());
    }
}

std::string declaration_difference(const PluginManifest& m, const PluginInfo& plugin,
                                   const std::vector<FormatInfo>& formats) {
    if (plugin.name != m.plugin.name)
        return "plugin name " + plugin.name + ", manifest " + m.plugin.name;
    if (plugin.version != m.plugin.version)
        return "version " + plugin.version + ", manifest " + m.plugin.version;
    if (formats.size() != m.formats.size())
        return std::to_string(formats.size()) + " formats, manifest " +
               std::to_string(m.formats.size());
    for (std::size_t i = 0; i < formats.size(); ++i) {
        const FormatInfo& live = formats[i];
        const FormatInfo& declared = m.formats[i];
        const std::string what = "format " + declared.name + ": ";
        if (live.name != declared.name) return what + "the library's is named " + live.name;
        if (live.long_name != declared.long_name) return what + "long names differ";
        if (live.extensions != declared.extensions) return what + "extensions differ";
        if ((live.capabilities & known_capabilities) != declared.capabilities)
            return what + "capabilities differ";
        if (!same_options(live.read_options, declared.read_options))
            return what + "read options differ";
        if (!same_options(live.write_options, declared.write_options))
            return what + "write options differ";
    }
    return {};
}

}  // namespace kdx::host
