// A plugin's manifest: its declaration (plugin info, formats, capabilities,
// options, ABI) as JSON beside the library, written at build time by
// kdx-plugin-manifest (kdx_add_plugin runs it after each link). The host
// reads it instead of loading the library, so that `kdx plugins`, option
// checks and format selection load no plugin code; the library is loaded
// when one of its formats is used. Layout: docs/plugin-guide.md section 13.
#pragma once

#include <cstdint>
#include <filesystem>
#include <string>
#include <vector>

#include "kdx/format.hpp"
#include "kdx/plugin.hpp"

namespace kdx::host {

struct PluginManifest {
    static constexpr int current_schema = 1;
    int schema = current_schema;
    std::string library;     // the library's file name, e.g. "kdx_xml.so"
    std::string build_id;    // its GNU build ID (elf_build_id), hex
    std::uint32_t abi = 0;   // the plugin ABI it was built for (kdx_plugin_abi_version)
    std::string written_by;  // "kdx-plugin-manifest 1.1.0"
    PluginInfo plugin;
    std::vector<FormatInfo> formats;
};

// kdx_xml.so -> kdx_xml.kdx-manifest.json, in the same folder.
std::filesystem::path manifest_path(const std::filesystem::path& library);

std::string to_json(const PluginManifest& manifest);
// Throws kdx::Error naming the file and what is wrong with it.
PluginManifest read_manifest(const std::filesystem::path& file);
// The same from manifest text; `origin` names it in errors ("manifest FILE").
PluginManifest parse_manifest(const std::string& text, const std::string& origin);

// What differs between the declaration a manifest carries and the one the
// library gives when loaded ("format x: extensions differ"); empty when they
// agree. Capability bits this kdx does not know are not compared.
std::string declaration_difference(const PluginManifest& manifest, const PluginInfo& plugin,
                                   const std::vector<FormatInfo>& formats);

}  // namespace kdx::host
