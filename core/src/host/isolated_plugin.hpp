// Running a plugin's calls in a child process (kdx-plugin-runner), so that a
// plugin that crashes, aborts, hangs or runs out of memory becomes an error
// naming it instead of the end of kdx. docs/robustness.md says how and what
// it costs.
#pragma once

#include <filesystem>
#include <functional>
#include <string>

#include "kdx/diagnostics.hpp"
#include "kdx/document.hpp"
#include "kdx/format.hpp"
#include "kdx/model.hpp"

namespace kdx::host {

// Which plugins run in a child process: none, those that are not kdx's own
// (not in the install's or the build tree's plugin folder), or all.
enum class Isolation { none, third_party, all };

// "none", "third-party" or "all"; the reverse returns false for another text.
const char* to_string(Isolation i) noexcept;
bool isolation_from_string(const std::string& text, Isolation& out);

struct IsolationOptions {
    Isolation mode = Isolation::none;
    double timeout_seconds = 0;    // a call still running after this is killed; 0: no limit
    std::size_t memory_mib = 0;    // the child's address space (RLIMIT_AS); 0: no limit
    std::filesystem::path runner;  // kdx-plugin-runner; empty: find_runner()
};

// True when a plugin in `plugin_file` runs in a child process under `options`.
bool isolates(const IsolationOptions& options, const std::filesystem::path& plugin_file);

// kdx-plugin-runner: $KDX_PLUGIN_RUNNER, else beside the running executable
// (build tree), else the install's libexec folder. Empty when none exists.
std::filesystem::path find_runner();

// One format of one plugin, called through kdx-plugin-runner. Each call is a
// child process that loads the plugin, makes the call and answers; the
// dataset or document travels in the binary form of host/wire.hpp. The
// calls behave as LoadedFormat's (kdx::Error with the plugin's location,
// diagnostics appended, the same files written), and in addition a child
// that dies becomes kdx::Error "plugin NAME (FILE) crashed (SIGSEGV) while
// writing OUT", with the temporary file it left beside OUT removed.
class IsolatedPlugin {
  public:
    IsolatedPlugin(std::filesystem::path plugin_file, std::string plugin_name,
                   std::string format_name, IsolationOptions options);

    Dataset read_dataset(const std::filesystem::path& input, const Options& options,
                         Diagnostics& diagnostics) const;
    void write_dataset(const Dataset& dataset, const std::filesystem::path& output,
                       const Options& options, Diagnostics& diagnostics) const;
    void write_document(const Document& document, const std::filesystem::path& output,
                        const Options& options, Diagnostics& diagnostics) const;
    // The plugin's declaration as manifest JSON (host/plugin_manifest.hpp),
    // read by loading it in the child: for a plugin without a manifest that
    // is not to be loaded in kdx. Made with an empty format name.
    std::string describe() const;

  private:
    std::string call(const std::string& request, const std::string& doing,
                     const std::filesystem::path& output) const;
    std::string label() const;  // "plugin NAME (FILE)"
    // Records a call whose child ended abnormally (plugin_failures.hpp).
    std::function<void(const std::string&)> failed() const;

    std::filesystem::path file_;
    std::string plugin_;
    std::string format_;
    IsolationOptions options_;
};

}  // namespace kdx::host
