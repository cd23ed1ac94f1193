#include "host/plugin_host.hpp"

#include <dlfcn.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <boost/dll/shared_library.hpp>
#include <cstdio>
#include <cstdlib>
#include <mutex>
#include <optional>
#include <set>
#include <system_error>

#include "atomic_commit_group.hpp"
#include "host/elf_build_id.hpp"
#include "host/plugin_manifest.hpp"
#include "kdx/error.hpp"
#include "kdx/uri.hpp"
#include "kdx/version.hpp"

namespace kdx::host {

namespace fs = std::filesystem;

namespace {

constexpr const char* abi_symbol = "kdx_plugin_abi_version";
constexpr const char* register_symbol = "kdx_plugin_register";

std::string lower(std::string s) {
    std::transform(s.begin(), s.end(), s.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return s;
}

// "kdx_xml.so" -> "xml".
std::string name_from_file(const fs::path& file) {
    std::string stem = file.stem().string();
    return stem.rfind("kdx_", 0) == 0 ? stem.substr(4) : stem;
}

bool is_plugin_file(const fs::path& file) {
    std::string name = file.filename().string();
    return name.rfind("kdx_", 0) == 0 && file.extension() == ".so";
}

std::string abi_text(std::uint32_t abi) {
    return std::to_string(abi >> 16) + "." + std::to_string(abi & 0xffffu);
}

// Why a plugin built for this ABI cannot be used here; empty when it can.
std::string abi_problem(std::uint32_t abi) {
    if ((abi >> 16) == abi_major && (abi & 0xffffu) <= abi_minor) return {};
    return "built for plugin ABI " + abi_text(abi) + " but this kdx " + kdx::version() +
           " has ABI " + abi_text(abi_version) + ": rebuild the plugin against this kdx";
}

fs::path executable_folder() {
    std::error_code ec;
    fs::path exe = fs::read_symlink("/proc/self/exe", ec);
    return ec ? fs::path() : exe.parent_path();
}

// Like ssh with its keys: a plugin file, or any folder above it, that another
// user could write to or owns could be replaced by that user, so it is not
// loaded. A folder with the sticky bit (/tmp) lets nobody remove or rename
// what others own in it, so it may be writable by all. Symbolic links are
// followed: the checks are on the path the file really has.
std::string unsafe_permissions(const fs::path& file) {
    std::error_code ec;
    fs::path real = fs::canonical(file, ec);
    if (ec) real = fs::absolute(file, ec);
    const uid_t me = ::geteuid();
    for (fs::path p = real;; p = p.parent_path()) {
        struct stat st {};
        if (::stat(p.c_str(), &st) == 0) {
            const bool is_file = p == real;
            const std::string what = std::string(is_file ? "file " : "folder ") + p.string();
            if (st.st_uid != 0 && st.st_uid != me)
                return "refused: the " + what + " belongs to user " + std::to_string(st.st_uid) +
                       ", neither root nor the user running kdx (" + std::to_string(me) +
                       "), who could replace it";
            const bool sticky = !is_file && (st.st_mode & S_ISVTX);
            if ((st.st_mode & (S_IWGRP | S_IWOTH)) && !sticky) {
                char mode[8];
                std::snprintf(mode, sizeof mode, "%04o", static_cast<unsigned>(st.st_mode & 07777));
                return "refused: the " + what + " is writable by other users (mode " + mode +
                       "); run chmod go-w on it";
            }
        }
        if (!p.has_parent_path() || p.parent_path() == p) break;
    }
    return {};
}

bool is_format_name(const std::string& name) {
    return !name.empty() && std::all_of(name.begin(), name.end(), [](char c) {
        return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-';
    });
}

// "xlsx", "kdx.sqlite": lower-case parts joined by dots, no leading dot.
bool is_extension(const std::string& e) {
    if (e.empty() || e.front() == '.' || e.back() == '.' || e.find("..") != std::string::npos)
        return false;
    return std::all_of(e.begin(), e.end(), [](char c) {
        return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '.';
    });
}

class CollectingRegistrar : public Registrar {
  public:
    void set_info(PluginInfo info) override { info_ = std::move(info); }
    void add_format(std::unique_ptr<Format> format) override {
        if (format) formats_.push_back(std::move(format));
    }
    PluginInfo info_;
    std::vector<std::unique_ptr<Format>> formats_;
};

// A plugin library loaded and registered. The formats are declared after the
// library, so they are destroyed before it is unloaded.
struct Opened {
    boost::dll::shared_library lib;
    PluginInfo info;
    std::vector<std::unique_ptr<Format>> formats;
    std::vector<FormatInfo> infos;  // formats[i]->info(), asked once
    std::uint32_t abi = 0;
};

// Loads the library, checks its ABI and runs its registration; returns why
// it cannot be used, or nothing.
std::string open_library(const fs::path& file, const std::string& fallback_name, Opened& out) {
    try {
        // rtld_now: an unresolved symbol fails here, where it can be reported,
        // rather than killing the process when first called.
        out.lib.load(file, boost::dll::load_mode::rtld_now | boost::dll::load_mode::rtld_local);
    } catch (const std::exception& e) {
        return std::string("cannot be loaded: ") + e.what();
    }
#ifdef KDX_KEEP_PLUGINS_LOADED
    // Sanitizer builds never unload a plugin: LeakSanitizer can then name the
    // plugin's functions in its reports, and does not trip over the thread-local
    // storage of a library that is gone.
    dlopen(file.c_str(), RTLD_NOW | RTLD_NOLOAD | RTLD_NODELETE);
#endif
    boost::dll::shared_library& lib = out.lib;
    if (!lib.has(abi_symbol))
        return std::string("not a kdx plugin: it exports no ") + abi_symbol +
               " (build it with kdx_add_plugin and KDX_PLUGIN)";
    const std::uint32_t abi = lib.get<const std::uint32_t>(abi_symbol);
    if (std::string wrong = abi_problem(abi); !wrong.empty()) return wrong;
    out.abi = abi;
    if (!lib.has(register_symbol))
        return std::string("has no registration function (") + register_symbol +
               "): declare one with KDX_PLUGIN(...)";
    CollectingRegistrar registrar;
    try {
        auto& register_formats = lib.get_alias<RegisterFunction>(register_symbol);
        register_formats(registrar);
        if (registrar.info_.name.empty()) registrar.info_.name = fallback_name;
        out.info = registrar.info_;
        for (auto& format : registrar.formats_) {
            out.infos.push_back(format->info());
            out.formats.push_back(std::move(format));
        }
    } catch (const std::exception& e) {
        return std::string("registration failed: ") + e.what();
    } catch (...) {
        return "registration failed with an unknown exception";
    }
    if (out.formats.empty()) return "registered no formats";
    return {};
}

// Runs a call into plugin code and turns whatever it throws into kdx::Error.
// An option a plugin refuses is named with its format (`-o` keys are the
// format's), unless the plugin said it.
template <typename Call>
auto guarded(const std::string& plugin, const fs::path& file, Call call,
             const std::string& format = {}) -> decltype(call()) {
    try {
        return call();
    } catch (const OptionError& e) {
        const std::string said = e.what();
        if (format.empty() || said.find("format " + format) != std::string::npos) throw;
        throw OptionError("format " + format + ": " + said, e.where());
    } catch (const Error&) {
        throw;
    } catch (const std::exception& e) {
        throw Error("plugin " + plugin + " (" + file.string() + ") failed: " + e.what());
    } catch (...) {
        throw Error("plugin " + plugin + " (" + file.string() +
                    ") failed with an unknown exception");
    }
}

// A writer that returned without an error must have left the output behind;
// otherwise kdx would report a file that is not there.
// A URI (a database) is no file to look for; a file a group of commits holds
// is there under its temporary name (asked first: it is renamed before the
// group lets go of it).
void expect_written(const std::string& plugin, const fs::path& file, const fs::path& output) {
    std::error_code ec;
    if (!is_uri(output.string()) && !AtomicCommitGroup::holds(output) && !fs::exists(output, ec))
        throw Error("plugin " + plugin + " (" + file.string() + ") reported success but wrote no " +
                    output.string());
}

}  // namespace

// One plugin library. A library declared by its manifest is loaded by the
// first call that needs a format's code; a library loaded to read its
// declaration (no manifest) is loaded already. Every LoadedFormat holds a
// shared_ptr to it, so it is unloaded only after the last such object.
class Library {
  public:
    Library(fs::path file, Opened opened) : file_(std::move(file)), opened_(std::move(opened)) {}
    Library(fs::path file, PluginManifest manifest)
        : file_(std::move(file)), manifest_(std::move(manifest)) {}

    const fs::path& file() const noexcept { return file_; }

    bool loaded() const {
        std::lock_guard<std::mutex> lock(mutex_);
        return opened_.has_value();
    }

    // The format of that name, the library loaded if need be. Formats may be
    // used from several threads (kdx report writes formats in parallel).
    Format& format(const std::string& plugin, const std::string& name) {
        std::lock_guard<std::mutex> lock(mutex_);
        if (!opened_ && failure_.empty()) open();
        if (!failure_.empty())
            throw Error("plugin " + plugin + " (" + file_.string() + ") " + failure_);
        for (std::size_t i = 0; i < opened_->infos.size(); ++i)
            if (opened_->infos[i].name == name) return *opened_->formats[i];
        throw Error("plugin " + plugin + " (" + file_.string() + ") has no format " + name);
    }

  private:
    // Loads the library and checks that it declares what its manifest said,
    // since the manifest is what kdx checked options and names against.
    void open() {
        Opened opened;
        std::string reason = open_library(file_, manifest_->plugin.name, opened);
        if (reason.empty()) {
            const std::string difference =
                declaration_difference(*manifest_, opened.info, opened.infos);
            if (!difference.empty())
                reason = "declares other formats than its manifest " +
                         manifest_path(file_).string() + " (" + difference +
                         "): run kdx-plugin-manifest " + file_.string() + " or rebuild the plugin";
        }
        if (reason.empty())
            opened_ = std::move(opened);
        else
            failure_ = std::move(reason);  // later calls fail the same way, without retrying
    }

    fs::path file_;
    std::optional<PluginManifest> manifest_;
    mutable std::mutex mutex_;
    std::optional<Opened> opened_;
    std::string failure_;
};

std::string PluginRecord::describe() const {
    std::string s =
        (info.name.empty() ? name_from_file(file) : info.name) + " (" + file.string() + ")";
    return reason.empty() ? s : s + ": " + reason;
}

LoadedFormat::LoadedFormat(std::shared_ptr<Library> library, FormatInfo info, std::string plugin,
                           std::uint32_t abi, std::shared_ptr<const IsolatedPlugin> isolated)
    : library_(std::move(library)),
      info_(std::move(info)),
      plugin_(std::move(plugin)),
      abi_(abi),
      isolated_(std::move(isolated)) {}

LoadedFormat::~LoadedFormat() = default;

const fs::path& LoadedFormat::file() const noexcept { return library_->file(); }

bool LoadedFormat::library_loaded() const { return library_->loaded(); }

Format& LoadedFormat::implementation() const { return library_->format(plugin_, info_.name); }

Dataset LoadedFormat::read_dataset(const fs::path& input, const Options& options,
                                   Diagnostics& diagnostics) const {
    if (isolated_) return isolated_->read_dataset(input, options, diagnostics);
    return guarded(
        plugin_, file(), [&] { return implementation().read_dataset(input, options, diagnostics); },
        info_.name);
}

void LoadedFormat::write_dataset(const Dataset& dataset, const fs::path& output,
                                 const Options& options, Diagnostics& diagnostics) const {
    if (isolated_)
        isolated_->write_dataset(dataset, output, options, diagnostics);
    else
        guarded(
            plugin_, file(),
            [&] { implementation().write_dataset(dataset, output, options, diagnostics); },
            info_.name);
    expect_written(plugin_, file(), output);
}

void LoadedFormat::write_document(const Document& document, const fs::path& output,
                                  const Options& options, Diagnostics& diagnostics) const {
    if (isolated_)
        isolated_->write_document(document, output, options, diagnostics);
    else
        guarded(
            plugin_, file(),
            [&] { implementation().write_document(document, output, options, diagnostics); },
            info_.name);
    expect_written(plugin_, file(), output);
}

namespace {
// Format's batch calls came with ABI 2.1: an older plugin's vtable has no
// slot for them, so they are never called on it, whatever bits it declares.
bool has_batch_calls(std::uint32_t abi) { return (abi >> 16) == abi_major && (abi & 0xffffu) >= 1; }
}  // namespace

// A plugin in a child process is called whole: the runner has no batch calls.
bool LoadedFormat::reads_batches() const noexcept {
    return !isolated_ && has_batch_calls(abi_) && info_.can(can_read_batches);
}

bool LoadedFormat::writes_batches() const noexcept {
    return !isolated_ && has_batch_calls(abi_) && info_.can(can_write_batches);
}

Dataset LoadedFormat::read_batches(const fs::path& input, const Options& options, BatchSink& sink,
                                   Diagnostics& diagnostics) const {
    if (!reads_batches()) throw Error("format " + info_.name + " cannot read a dataset in parts");
    return guarded(
        plugin_, file(),
        [&] { return implementation().read_batches(input, options, sink, diagnostics); },
        info_.name);
}

std::unique_ptr<LoadedBatchWriter> LoadedFormat::open_batches(const fs::path& output,
                                                              const Options& options,
                                                              Diagnostics& diagnostics) const {
    if (!writes_batches()) return nullptr;
    std::unique_ptr<BatchWriter> writer = guarded(
        plugin_, file(),
        [&] { return implementation().open_batches(output, options, diagnostics); }, info_.name);
    if (!writer) return nullptr;
    return std::make_unique<LoadedBatchWriter>(library_, std::move(writer), plugin_, output);
}

LoadedBatchWriter::LoadedBatchWriter(std::shared_ptr<Library> library,
                                     std::unique_ptr<BatchWriter> writer, std::string plugin,
                                     fs::path output)
    : library_(std::move(library)),
      writer_(std::move(writer)),
      plugin_(std::move(plugin)),
      output_(std::move(output)) {}

LoadedBatchWriter::~LoadedBatchWriter() = default;

void LoadedBatchWriter::write(const Dataset& part, Diagnostics& diagnostics) {
    guarded(plugin_, library_->file(), [&] { writer_->write(part, diagnostics); });
}

void LoadedBatchWriter::commit(const Dataset& rest, Diagnostics& diagnostics) {
    guarded(plugin_, library_->file(), [&] { writer_->commit(rest, diagnostics); });
    expect_written(plugin_, library_->file(), output_);
}

PluginHost::PluginHost() = default;
// Formats go before the records; each format keeps its library alive itself.
PluginHost::~PluginHost() = default;

std::vector<std::pair<fs::path, std::string>> PluginHost::search_folders(
    const SearchOptions& options) {
    std::vector<std::pair<fs::path, std::string>> folders;
    for (const fs::path& dir : options.plugin_dirs) folders.emplace_back(dir, "--plugin-dir");
    if (options.use_environment) {
        if (const char* env = std::getenv("KDX_PLUGIN_PATH")) {
            std::string list = env;
            std::size_t start = 0;
            while (start <= list.size()) {
                std::size_t end = list.find(':', start);
                if (end == std::string::npos) end = list.size();
                // Empty entries would mean the current folder: never search it implicitly.
                if (end > start)
                    folders.emplace_back(list.substr(start, end - start), "KDX_PLUGIN_PATH");
                start = end + 1;
            }
        }
    }
    if (options.use_defaults) {
        fs::path exe = executable_folder();
        if (!exe.empty()) {
            folders.emplace_back(exe.parent_path() / KDX_PLUGIN_INSTALL_DIR, "install");
            // Only the kdx of a build tree searches that tree's plugins; an
            // installed kdx never looks into a build folder.
            std::error_code ec;
            if (fs::equivalent(exe, KDX_BUILD_BIN_DIR, ec))
                folders.emplace_back(KDX_BUILD_PLUGIN_DIR, "build tree");
        }
    }
    return folders;
}

void PluginHost::load(const SearchOptions& options) {
    std::set<fs::path> seen_folders;
    for (const auto& [folder, found_by] : search_folders(options)) {
        std::error_code ec;
        fs::path canonical = fs::weakly_canonical(folder, ec);
        if (!fs::is_directory(folder, ec) || !seen_folders.insert(canonical).second) continue;
        std::vector<fs::path> files;
        for (const auto& entry : fs::directory_iterator(folder, ec))
            if (is_plugin_file(entry.path())) files.push_back(entry.path());
        std::sort(files.begin(), files.end());
        for (const fs::path& file : files) add(file, found_by, true);
    }
}

const PluginRecord& PluginHost::load_file(const fs::path& file, const std::string& found_by) {
    return add(file, found_by, false);
}

const PluginRecord& PluginHost::add(const fs::path& file, const std::string& found_by,
                                    bool use_manifest) {
    PluginRecord record;
    record.file = file;
    record.found_by = found_by;
    record.info.name = name_from_file(file);
    auto finish = [&](PluginRecord::Status status, std::string reason) -> const PluginRecord& {
        record.status = status;
        record.reason = std::move(reason);
        plugins_.push_back(std::move(record));
        return plugins_.back();
    };

    // The first plugin of a name wins, as with PATH.
    for (const PluginRecord& earlier : plugins_)
        if (earlier.status == PluginRecord::Status::loaded &&
            lower(earlier.info.name) == lower(record.info.name))
            return finish(PluginRecord::Status::skipped,
                          "shadowed by " + earlier.file.string() + " (found earlier)");

    if (std::string unsafe = check_permissions_ ? unsafe_permissions(file) : ""; !unsafe.empty())
        return finish(PluginRecord::Status::skipped, unsafe);

    std::error_code ec;
    const fs::path manifest = manifest_path(file);
    std::shared_ptr<Library> library;
    std::vector<FormatInfo> infos;
    std::uint32_t abi = abi_version;
    // A declaration read without loading the library: from its manifest, or
    // from kdx-plugin-runner for an isolated plugin that has none.
    std::optional<PluginManifest> declared;
    std::string no_formats;  // what to say when it declares none
    if (use_manifest && fs::exists(manifest, ec)) {
        if (std::string unsafe = unsafe_permissions(manifest); !unsafe.empty())
            return finish(PluginRecord::Status::skipped, unsafe);
        record.manifest = manifest;
        const std::string regenerate =
            "rebuild the plugin, or run kdx-plugin-manifest " + file.string();
        PluginManifest m;
        try {
            m = read_manifest(manifest);
        } catch (const Error& e) {
            return finish(PluginRecord::Status::failed, std::string(e.what()) + ": " + regenerate);
        }
        // The build ID changes with every change to the library and survives
        // installing and stripping it; a time stamp or size would not.
        const std::string id = elf_build_id(file);
        if (m.library != file.filename().string())
            return finish(
                PluginRecord::Status::failed,
                "its manifest " + manifest.string() + " is for " + m.library + ": " + regenerate);
        if (id.empty())
            return finish(PluginRecord::Status::failed,
                          "has no build ID to compare with its manifest " + manifest.string() +
                              ": link it with -Wl,--build-id (kdx_add_plugin does)");
        if (id != m.build_id)
            return finish(
                PluginRecord::Status::failed,
                "does not match its manifest " + manifest.string() + " (build ID " +
                    m.build_id.substr(0, 12) + "… in the manifest, " + id.substr(0, 12) +
                    "… in the library; the library was rebuilt or replaced): " + regenerate);
        no_formats = "its manifest " + manifest.string() + " declares no formats";
        declared = std::move(m);
    } else if (isolates(isolation_, file)) {
        // A plugin kdx is not to load, without a manifest: the runner loads
        // it and answers its declaration, as kdx-plugin-manifest would write it.
        PluginManifest m;
        try {
            const IsolatedPlugin probe(file, record.info.name, {}, isolation_);
            m = parse_manifest(probe.describe(),
                               "the declaration kdx-plugin-runner read from " + file.string());
        } catch (const Error& e) {
            // The record names the plugin and its file already.
            std::string why = e.what();
            const std::string label = "plugin " + record.info.name + " (" + file.string() + ") ";
            if (why.rfind(label, 0) == 0) why.erase(0, label.size());
            return finish(PluginRecord::Status::failed, why);
        }
        no_formats = "registered no formats";
        declared = std::move(m);
    } else {
        Opened opened;
        if (std::string reason = open_library(file, record.info.name, opened); !reason.empty())
            return finish(PluginRecord::Status::failed, reason);
        record.info = opened.info;
        infos = opened.infos;
        abi = opened.abi;
        library = std::make_shared<Library>(file, std::move(opened));
    }
    if (declared) {
        if (std::string wrong = abi_problem(declared->abi); !wrong.empty())
            return finish(PluginRecord::Status::failed, wrong);
        if (declared->formats.empty()) return finish(PluginRecord::Status::failed, no_formats);
        if (declared->plugin.name.empty()) declared->plugin.name = record.info.name;
        record.info = declared->plugin;
        infos = declared->formats;
        abi = declared->abi;
        library = std::make_shared<Library>(file, std::move(*declared));
    }

    // Names and extensions are what users type and what files are matched
    // by: one that could not be typed or matched is refused here, not only
    // by kdx-plugin-check.
    std::vector<std::string> problems;
    for (const FormatInfo& info : infos) {
        if (!check_names_) break;
        if (!is_format_name(info.name))
            problems.push_back("format name \"" + info.name +
                               "\" must be lower-case letters, digits and -");
        for (const std::string& e : info.extensions)
            if (!is_extension(e))
                problems.push_back("extension \"" + e + "\" of format " + info.name +
                                   " must be lower-case letters and digits, without a leading dot");
    }
    if (!problems.empty()) {
        std::string reason = "refused: ";
        for (std::size_t i = 0; i < problems.size(); ++i) reason += (i ? "; " : "") + problems[i];
        return finish(PluginRecord::Status::failed, reason);
    }
    std::vector<std::shared_ptr<const LoadedFormat>> formats;
    const bool isolate = isolates(isolation_, file);
    for (FormatInfo& info : infos) {
        auto isolated = isolate ? std::make_shared<const IsolatedPlugin>(file, record.info.name,
                                                                         info.name, isolation_)
                                : nullptr;
        formats.push_back(std::make_shared<const LoadedFormat>(
            library, std::move(info), record.info.name, abi, std::move(isolated)));
    }
    // A format name an earlier plugin declared: the earlier one is used, as
    // with plugins of the same name (search-path order), and both are named.
    for (const auto& f : formats)
        if (auto earlier = find(f->info().name))
            record.warnings.push_back("format " + f->info().name + " is also declared by plugin " +
                                      earlier->plugin() + " (" + earlier->file().string() +
                                      "), found earlier; that one is used");
    formats_.insert(formats_.end(), formats.begin(), formats.end());
    return finish(PluginRecord::Status::loaded, "");
}

std::shared_ptr<const LoadedFormat> PluginHost::find(const std::string& name) const {
    for (const auto& f : formats_)
        if (lower(f->info().name) == lower(name)) return f;
    return nullptr;
}

std::shared_ptr<const LoadedFormat> PluginHost::find_for_file(const fs::path& file,
                                                              Capability capability) const {
    // "postgresql://…" is opened by the format named like the scheme.
    if (const std::string scheme = uri_scheme(file.string()); !scheme.empty()) {
        auto f = find(scheme);
        return f && f->info().can(capability) ? f : nullptr;
    }
    std::string ext = file.extension().string();
    if (ext.empty()) return nullptr;
    ext = lower(ext.substr(1));
    for (const auto& f : formats_) {
        if (!f->info().can(capability)) continue;
        const auto& exts = f->info().extensions;
        if (std::find(exts.begin(), exts.end(), ext) != exts.end()) return f;
    }
    return nullptr;
}

}  // namespace kdx::host
