#include "host/plugin_host.hpp"

#include <dlfcn.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <boost/dll/shared_library.hpp>
#include <cstdio>
#include <cstdlib>
#include <set>
#include <system_error>

#include "kdx/error.hpp"
#include "kdx/uri.hpp"
#include "kdx/version.hpp"

namespace kdx::host {

namespace fs = std::filesystem;

// Owns one loaded library. Everything created by the library holds a
// shared_ptr to it, so it is unloaded only after the last such object.
class Library {
public:
    Library(fs::path file, boost::dll::shared_library lib)
        : file_(std::move(file)), lib_(std::move(lib)) {}
    const fs::path& file() const noexcept { return file_; }
    boost::dll::shared_library& get() noexcept { return lib_; }

private:
    fs::path file_;
    boost::dll::shared_library lib_;
};

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
    if (e.empty() || e.front() == '.' || e.back() == '.' || e.find("..") != std::string::npos) return false;
    return std::all_of(e.begin(), e.end(),
                       [](char c) { return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '.'; });
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

// Runs a call into plugin code and turns whatever it throws into kdx::Error.
template <typename Call>
auto guarded(const std::string& plugin, const fs::path& file, Call call) -> decltype(call()) {
    try {
        return call();
    } catch (const Error&) {
        throw;
    } catch (const std::exception& e) {
        throw Error("plugin " + plugin + " (" + file.string() + ") failed: " + e.what());
    } catch (...) {
        throw Error("plugin " + plugin + " (" + file.string() + ") failed with an unknown exception");
    }
}

// A writer that returned without an error must have left the output behind;
// otherwise kdx would report a file that is not there.
// A URI (a database) is no file to look for.
void expect_written(const std::string& plugin, const fs::path& file, const fs::path& output) {
    std::error_code ec;
    if (!is_uri(output.string()) && !fs::exists(output, ec))
        throw Error("plugin " + plugin + " (" + file.string() + ") reported success but wrote no " +
                    output.string());
}

}  // namespace

std::string PluginRecord::describe() const {
    std::string s = (info.name.empty() ? name_from_file(file) : info.name) + " (" +
                    file.string() + ")";
    return reason.empty() ? s : s + ": " + reason;
}

LoadedFormat::LoadedFormat(std::shared_ptr<Library> library, std::unique_ptr<Format> format,
                           FormatInfo info, std::string plugin, std::uint32_t abi)
    : library_(std::move(library)),
      format_(std::move(format)),
      info_(std::move(info)),
      plugin_(std::move(plugin)),
      abi_(abi) {}

LoadedFormat::~LoadedFormat() = default;

const fs::path& LoadedFormat::file() const noexcept { return library_->file(); }

Dataset LoadedFormat::read_dataset(const fs::path& input, const Options& options,
                                   Diagnostics& diagnostics) const {
    return guarded(plugin_, file(),
                   [&] { return format_->read_dataset(input, options, diagnostics); });
}

void LoadedFormat::write_dataset(const Dataset& dataset, const fs::path& output,
                                 const Options& options, Diagnostics& diagnostics) const {
    guarded(plugin_, file(),
            [&] { format_->write_dataset(dataset, output, options, diagnostics); });
    expect_written(plugin_, file(), output);
}

void LoadedFormat::write_document(const Document& document, const fs::path& output,
                                  const Options& options, Diagnostics& diagnostics) const {
    guarded(plugin_, file(),
            [&] { format_->write_document(document, output, options, diagnostics); });
    expect_written(plugin_, file(), output);
}

namespace {
// Format's batch calls came with ABI 2.1: an older plugin's vtable has no
// slot for them, so they are never called on it, whatever bits it declares.
bool has_batch_calls(std::uint32_t abi) { return (abi >> 16) == abi_major && (abi & 0xffffu) >= 1; }
}  // namespace

bool LoadedFormat::reads_batches() const noexcept {
    return has_batch_calls(abi_) && info_.can(can_read_batches);
}

bool LoadedFormat::writes_batches() const noexcept {
    return has_batch_calls(abi_) && info_.can(can_write_batches);
}

Dataset LoadedFormat::read_batches(const fs::path& input, const Options& options,
                                   BatchSink& sink, Diagnostics& diagnostics) const {
    if (!reads_batches()) throw Error("format " + info_.name + " cannot read a dataset in parts");
    return guarded(plugin_, file(),
                   [&] { return format_->read_batches(input, options, sink, diagnostics); });
}

std::unique_ptr<LoadedBatchWriter> LoadedFormat::open_batches(const fs::path& output,
                                                              const Options& options,
                                                              Diagnostics& diagnostics) const {
    if (!writes_batches()) return nullptr;
    std::unique_ptr<BatchWriter> writer =
        guarded(plugin_, file(), [&] { return format_->open_batches(output, options, diagnostics); });
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
                if (end > start) folders.emplace_back(list.substr(start, end - start), "KDX_PLUGIN_PATH");
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
        for (const fs::path& file : files) load_file(file, found_by);
    }
}

const PluginRecord& PluginHost::load_file(const fs::path& file, const std::string& found_by) {
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

    if (std::string unsafe = unsafe_permissions(file); !unsafe.empty())
        return finish(PluginRecord::Status::skipped, unsafe);

    boost::dll::shared_library raw;
    try {
        // rtld_now: an unresolved symbol fails here, where it can be reported,
        // rather than killing the process when first called.
        raw.load(file, boost::dll::load_mode::rtld_now | boost::dll::load_mode::rtld_local);
    } catch (const std::exception& e) {
        return finish(PluginRecord::Status::failed, std::string("cannot be loaded: ") + e.what());
    }
#ifdef KDX_KEEP_PLUGINS_LOADED
    // Sanitizer builds never unload a plugin: LeakSanitizer can then name the
    // plugin's functions in its reports, and does not trip over the thread-local
    // storage of a library that is gone.
    dlopen(file.c_str(), RTLD_NOW | RTLD_NOLOAD | RTLD_NODELETE);
#endif
    auto library = std::make_shared<Library>(file, std::move(raw));
    boost::dll::shared_library& lib = library->get();

    if (!lib.has(abi_symbol))
        return finish(PluginRecord::Status::failed,
                      std::string("not a kdx plugin: it exports no ") + abi_symbol +
                          " (build it with kdx_add_plugin and KDX_PLUGIN)");
    const std::uint32_t abi = lib.get<const std::uint32_t>(abi_symbol);
    if ((abi >> 16) != abi_major || (abi & 0xffffu) > abi_minor)
        return finish(PluginRecord::Status::failed,
                      "built for plugin ABI " + abi_text(abi) + " but this kdx " + kdx::version() +
                          " has ABI " + abi_text(abi_version) +
                          ": rebuild the plugin against this kdx");
    if (!lib.has(register_symbol))
        return finish(PluginRecord::Status::failed,
                      std::string("has no registration function (") + register_symbol +
                          "): declare one with KDX_PLUGIN(...)");

    CollectingRegistrar registrar;
    std::vector<std::shared_ptr<const LoadedFormat>> formats;
    try {
        auto& register_formats = lib.get_alias<RegisterFunction>(register_symbol);
        register_formats(registrar);
        if (registrar.info_.name.empty()) registrar.info_.name = record.info.name;
        record.info = registrar.info_;
        for (auto& format : registrar.formats_) {
            FormatInfo info = format->info();
            formats.push_back(std::make_shared<const LoadedFormat>(library, std::move(format),
                                                                   std::move(info), record.info.name, abi));
        }
    } catch (const std::exception& e) {
        return finish(PluginRecord::Status::failed, std::string("registration failed: ") + e.what());
    } catch (...) {
        return finish(PluginRecord::Status::failed, "registration failed with an unknown exception");
    }
    if (formats.empty())
        return finish(PluginRecord::Status::failed, "registered no formats");
    // Names and extensions are what users type and what files are matched
    // by: one that could not be typed or matched is refused here, not only
    // by kdx-plugin-check.
    std::vector<std::string> problems;
    for (const auto& f : formats) {
        if (!check_names_) break;
        const FormatInfo& info = f->info();
        if (!is_format_name(info.name))
            problems.push_back("format name \"" + info.name + "\" must be lower-case letters, digits and -");
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
