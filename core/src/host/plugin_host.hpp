// The plugin host: finds plugin libraries, reads their declarations from the
// manifests beside them (plugin_manifest.hpp), loads a library when one of
// its formats is first used, checks its ABI and keeps it loaded while any
// format from it lives. Used by the kdx command, its tools and the tests
// (target kdx::host); not part of the plugin SDK.
#pragma once

#include <cstdint>
#include <filesystem>
#include <memory>
#include <string>
#include <vector>

#include "host/isolated_plugin.hpp"
#include "kdx/format.hpp"
#include "kdx/plugin.hpp"

namespace kdx::host {

// Where to look, in this order: explicit folders (--plugin-dir), the folders
// in KDX_PLUGIN_PATH, the install's plugin folder, then the build tree's.
struct SearchOptions {
    std::vector<std::filesystem::path> plugin_dirs;
    bool use_environment = true;  // KDX_PLUGIN_PATH
    bool use_defaults = true;     // install and build-tree folders next to the executable
};

// One candidate plugin file and what became of it.
struct PluginRecord {
    enum class Status { loaded, failed, skipped };
    std::filesystem::path file;
    std::string found_by;  // "--plugin-dir", "KDX_PLUGIN_PATH", "install", "build tree", "explicit"
    Status status = Status::failed;
    std::string reason;                 // why it failed or was skipped; empty when loaded
    std::vector<std::string> warnings;  // loaded, but e.g. a format name an earlier plugin has
    PluginInfo info;  // name falls back to the file name when the plugin gave none
    // The manifest its declaration was read from; empty when there was none
    // and the library was loaded at once to ask it (as for a plugin built by an older SDK).
    std::filesystem::path manifest;

    // "name (file): reason"
    std::string describe() const;
};

class Library;  // a plugin library, loaded on first use and kept alive by every object from it

// A plugin's BatchWriter, called through the host as LoadedFormat's calls are;
// keeps the plugin's library loaded while it lives.
class LoadedBatchWriter {
  public:
    LoadedBatchWriter(std::shared_ptr<Library> library, std::unique_ptr<BatchWriter> writer,
                      std::string plugin, std::filesystem::path output);
    ~LoadedBatchWriter();
    void write(const Dataset& part, Diagnostics& diagnostics);
    void commit(const Dataset& rest, Diagnostics& diagnostics);

  private:
    std::shared_ptr<Library> library_;  // declared first: destroyed after writer_
    std::unique_ptr<BatchWriter> writer_;
    std::string plugin_;
    std::filesystem::path output_;
};

// A format a plugin declares. Calls go through the host so that anything
// the plugin throws is caught at the boundary and reported with its name.
// The plugin's library is loaded by the first call that needs its code; a
// library that cannot be loaded then, or that declares other formats than
// its manifest, makes that call throw kdx::Error naming plugin and file.
class LoadedFormat {
  public:
    // With `isolated`, the calls run in a child process (isolated_plugin.hpp)
    // and the library is never loaded in this one. `abi`: the plugin ABI the
    // library was built for; calls newer than it are never made.
    LoadedFormat(std::shared_ptr<Library> library, FormatInfo info, std::string plugin,
                 std::uint32_t abi = abi_version,
                 std::shared_ptr<const IsolatedPlugin> isolated = nullptr);
    ~LoadedFormat();

    const FormatInfo& info() const noexcept { return info_; }
    const std::string& plugin() const noexcept { return plugin_; }
    const std::filesystem::path& file() const noexcept;
    // Whether the plugin's library is loaded (yet).
    bool library_loaded() const;
    bool isolated() const noexcept { return isolated_ != nullptr; }
    // The plugin ABI its library was built for.
    std::uint32_t abi() const noexcept { return abi_; }

    // As Format's calls; everything thrown becomes kdx::Error. A kdx::Error keeps
    // its location; anything else is reported as "plugin NAME (FILE) failed: what".
    Dataset read_dataset(const std::filesystem::path& input, const Options& options,
                         Diagnostics& diagnostics) const;
    void write_dataset(const Dataset& dataset, const std::filesystem::path& output,
                       const Options& options, Diagnostics& diagnostics) const;
    void write_document(const Document& document, const std::filesystem::path& output,
                        const Options& options, Diagnostics& diagnostics) const;

    // True when the format hands over (takes) datasets in parts: it declares
    // can_read_batches (can_write_batches) and was built for ABI 2.1 or later,
    // whose Format has those calls. A 2.0 plugin is read and written whole.
    bool reads_batches() const noexcept;
    bool writes_batches() const noexcept;
    Dataset read_batches(const std::filesystem::path& input, const Options& options,
                         BatchSink& sink, Diagnostics& diagnostics) const;
    // nullptr when the format needs the whole dataset for these options.
    std::unique_ptr<LoadedBatchWriter> open_batches(const std::filesystem::path& output,
                                                    const Options& options,
                                                    Diagnostics& diagnostics) const;

  private:
    Format& implementation() const;  // loads the library if need be

    std::shared_ptr<Library> library_;  // owns the Format objects of its library
    FormatInfo info_;
    std::string plugin_;
    std::uint32_t abi_;
    std::shared_ptr<const IsolatedPlugin> isolated_;
};

class PluginHost {
  public:
    PluginHost();
    ~PluginHost();
    PluginHost(const PluginHost&) = delete;
    PluginHost& operator=(const PluginHost&) = delete;

    // Scans the search folders for plugin files (kdx_*.so) and reads their
    // manifests; a plugin without one is loaded to read its declaration. A
    // plugin that cannot be used (a manifest that does not match its
    // library, a wrong ABI, ...) is recorded with its reason; the others
    // still work. No library with a manifest is loaded here.
    void load(const SearchOptions& options);
    // Loads one plugin file now, manifest or not; returns its record (also
    // kept in plugins()).
    const PluginRecord& load_file(const std::filesystem::path& file,
                                  const std::string& found_by = "explicit");

    // The folders load() would search, with the reason each is searched.
    static std::vector<std::pair<std::filesystem::path, std::string>> search_folders(
        const SearchOptions& options);

    // Format names and extensions that cannot be typed or matched make a
    // plugin refused; kdx-plugin-check turns that off to list every problem
    // of the plugin's declaration itself.
    void accept_any_names() noexcept { check_names_ = false; }
    // Loads plugins whatever the permissions of their files and folders:
    // for kdx-plugin-manifest, which loads the library its build just made.
    void trust_any_folder() noexcept { check_permissions_ = false; }

    // Which plugins loaded from now on run their calls in a child process
    // (none unless set; the kdx command's default is third-party).
    void set_isolation(IsolationOptions options) { isolation_ = std::move(options); }

    const std::vector<PluginRecord>& plugins() const noexcept { return plugins_; }
    const std::vector<std::shared_ptr<const LoadedFormat>>& formats() const noexcept {
        return formats_;
    }
    // By name (case-insensitive); nullptr when none.
    std::shared_ptr<const LoadedFormat> find(const std::string& name) const;
    // The first format with this capability that lists the file's extension.
    std::shared_ptr<const LoadedFormat> find_for_file(const std::filesystem::path& file,
                                                      Capability capability) const;

  private:
    const PluginRecord& add(const std::filesystem::path& file, const std::string& found_by,
                            bool use_manifest);

    std::vector<PluginRecord> plugins_;
    std::vector<std::shared_ptr<const LoadedFormat>> formats_;
    bool check_names_ = true;
    bool check_permissions_ = true;
    IsolationOptions isolation_;
};

}  // namespace kdx::host
