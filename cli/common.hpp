// Pieces the commands share: loading plugins, choosing formats, checking
// -o options, reading a dataset, printing diagnostics.
#pragma once

#include <filesystem>
#include <memory>
#include <string>
#include <vector>

#include "command.hpp"
#include "host/plugin_host.hpp"
#include "kdx/diagnostics.hpp"
#include "kdx/format.hpp"

namespace kdx::cli {

// A usage mistake (unknown format, bad option): exit code 2.
class UsageError : public std::runtime_error {
  public:
    using std::runtime_error::runtime_error;
};

// Loads the plugins from the usual folders plus --plugin-dir, those that
// --isolate names to run in a child process.
void load_plugins(host::PluginHost& host, const GlobalOptions& global);

// The format named by `name`, or else the one whose extensions match `file`,
// that has `capability`. Throws UsageError saying which formats would do.
// "; plugins that could not be used: NAME (FILE): why; ..." for the plugins
// that failed or were refused, or "" when there are none.
std::string unusable_plugins_text(const host::PluginHost& host);

std::shared_ptr<const host::LoadedFormat> choose_format(const host::PluginHost& host,
                                                        const std::string& name,
                                                        const std::filesystem::path& file,
                                                        Capability capability);

// Parses "key=value" texts and checks each against the options the given
// formats declare (name, type, allowed values). Throws UsageError naming the
// format and listing the valid keys. A boolean is passed on as true or false,
// whichever of yes/no/1/0 the user wrote.
Options parse_options(const std::vector<std::string>& texts,
                      const std::vector<const FormatInfo*>& formats,
                      const std::vector<const std::vector<OptionInfo>*>& declared);

// Those of `all` that a declaration list names.
Options options_for(const Options& all, const std::vector<OptionInfo>& declared);

// Which diagnostics are printed: -q keeps errors, -v adds notes, and
// --diagnostics names the kinds outright. A kind repeated more than
// `repeats` + 1 times is shown `repeats` times and then counted.
struct DiagnosticFilter {
    bool errors = true, warnings = true, notes = false;
    std::size_t repeats = 3;
};
DiagnosticFilter filter_for(const GlobalOptions& global);

// Prints diagnostics to stderr, one line each, as the global options ask,
// and returns the counts line (which counts every diagnostic).
std::string print_diagnostics(const Diagnostics& diagnostics, const GlobalOptions& global);

// Exit code for a run that produced these diagnostics.
int exit_code_for(const Diagnostics& diagnostics, bool strict);

}  // namespace kdx::cli

namespace kdx {
class Dataset;
}

namespace kdx::cli {

// "7 municipalities, 21 settlement figures, ..." for summary lines.
std::string describe(const Dataset& dataset);

// Reads `input` with the chosen format after checking that it exists and is a
// file; throws kdx::Error otherwise.
// The SHA-256 of the file is stored in the dataset's sources that name it,
// and in `sha256` when given. A URI (a store in PostgreSQL) is read without
// a file check; its `sha256` is that of the store's list of imports.
Dataset read_input(const host::LoadedFormat& format, const std::filesystem::path& input,
                   const Options& options, Diagnostics& diagnostics, std::string* sha256 = nullptr);

// "nothing usable was read from FILE", the one wording validate and convert share.
std::string nothing_read(const std::filesystem::path& input);

// The registry check (numbers in the dataset's years, or in `numbering_year`
// when not 0) and validation, their diagnostics in that order. The two passes
// only read the dataset, so the registry check runs on a second thread.
void check_dataset(const Dataset& dataset, Diagnostics& diagnostics, int numbering_year);

}  // namespace kdx::cli
