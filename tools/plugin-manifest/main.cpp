// kdx-plugin-manifest: loads a built plugin once and writes its declaration
// (plugin info, formats, options, ABI, the library's build ID) beside it as
// kdx_NAME.kdx-manifest.json, so that kdx can list and choose its formats
// without loading it. kdx_add_plugin runs it after each link.
#include <cstring>
#include <filesystem>
#include <iostream>
#include <string>

#include "host/elf_build_id.hpp"
#include "host/plugin_host.hpp"
#include "host/plugin_manifest.hpp"
#include "kdx/atomic_file.hpp"
#include "kdx/error.hpp"
#include "kdx/version.hpp"

namespace fs = std::filesystem;

namespace {

constexpr const char* usage =
    "usage: kdx-plugin-manifest PLUGIN [-o MANIFEST]\n"
    "Loads the kdx plugin library PLUGIN and writes its declaration to MANIFEST\n"
    "(default: beside PLUGIN, kdx_NAME.kdx-manifest.json), from which kdx reads\n"
    "the plugin's formats without loading it. Exit 1 when the plugin cannot be\n"
    "used by this kdx, 2 for a usage error.\n";

int run(const fs::path& plugin, fs::path output) {
    if (output.empty()) output = kdx::host::manifest_path(plugin);
    kdx::host::PluginManifest manifest;
    manifest.library = plugin.filename().string();
    manifest.build_id = kdx::host::elf_build_id(plugin);
    if (manifest.build_id.empty()) {
        std::cerr << "kdx-plugin-manifest: " << plugin.string()
                  << " has no GNU build ID, by which kdx tells whether a manifest belongs to the "
                     "library: link it with -Wl,--build-id (kdx_add_plugin does)\n";
        return 1;
    }
    kdx::host::PluginHost host;
    host.trust_any_folder();  // the library its own build has just linked
    const kdx::host::PluginRecord& record = host.load_file(plugin);
    if (record.status != kdx::host::PluginRecord::Status::loaded) {
        std::cerr << "kdx-plugin-manifest: " << record.describe() << '\n';
        return 1;
    }
    manifest.abi = kdx::abi_version;  // the host refused any other it cannot load
    manifest.written_by = std::string("kdx-plugin-manifest ") + kdx::version();
    manifest.plugin = record.info;
    for (const auto& format : host.formats()) manifest.formats.push_back(format->info());
    kdx::AtomicFile file(output);
    file.stream() << kdx::host::to_json(manifest);
    file.commit();
    return 0;
}

}  // namespace

int main(int argc, char** argv) {
    fs::path plugin, output;
    for (int i = 1; i < argc; ++i) {
        if (!std::strcmp(argv[i], "-h") || !std::strcmp(argv[i], "--help")) {
            std::cout << usage;
            return 0;
        }
        if (!std::strcmp(argv[i], "-o") && i + 1 < argc)
            output = argv[++i];
        else if (plugin.empty() && argv[i][0] != '-')
            plugin = argv[i];
        else {
            std::cerr << usage;
            return 2;
        }
    }
    if (plugin.empty()) {
        std::cerr << usage;
        return 2;
    }
    try {
        return run(plugin, output);
    } catch (const std::exception& e) {
        std::cerr << "kdx-plugin-manifest: " << e.what() << '\n';
        return 1;
    }
}
