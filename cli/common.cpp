#include "common.hpp"

#include <algorithm>
#include <future>
#include <iostream>
#include <map>

#include "isolation_options.hpp"
#include "json_output.hpp"
#include "kdx/options.hpp"
#include "kdx/registry.hpp"
#include "kdx/uri.hpp"
#include "kdx/validate.hpp"

namespace kdx::cli {

namespace fs = std::filesystem;

void load_plugins(host::PluginHost& host, const GlobalOptions& global) {
    host::SearchOptions options;
    options.plugin_dirs = global.plugin_dirs;
    // A mistyped folder would only show later as a format nobody has.
    for (const fs::path& dir : global.plugin_dirs) {
        std::error_code ec;
        if (!fs::is_directory(dir, ec))
            throw UsageError("--plugin-dir " + dir.string() +
                             (fs::exists(dir, ec) ? " is not a folder (name the folder that holds "
                                                    "the plugin)"
                                                  : " does not exist"));
    }
    host.set_isolation(isolation_for(global));
    host.load(options);
    // A clash between plugins changes which code runs: every command says so.
    if (!global.quiet)
        for (const host::PluginRecord& p : host.plugins())
            for (const std::string& w : p.warnings)
                std::cerr << "kdx: warning: plugin " << p.info.name << " (" << p.file.string()
                          << "): " << w << '\n';
    if (global.json)
        for (const host::PluginRecord& p : host.plugins())
            for (const std::string& w : p.warnings)
                global.json->add(Diagnostic{Severity::warning, "plugin " + p.info.name + ": " + w,
                                            Location::at(p.file.string())});
}

namespace {

std::string capability_text(Capability c) {
    switch (c) {
        case can_read_dataset:
            return "read datasets";
        case can_write_dataset:
            return "write datasets";
        case can_write_document:
            return "write documents";
        case can_write_in_parallel:
            return "write documents in parallel";
        case can_read_batches:
            return "read datasets in parts";
        case can_write_batches:
            return "write datasets in parts";
    }
    return "";
}

std::string join(const std::vector<std::string>& items, const char* separator) {
    std::string s;
    for (const auto& item : items) s += (s.empty() ? "" : separator) + item;
    return s;
}

}  // namespace

std::string unusable_plugins_text(const host::PluginHost& host) {
    // The format asked for may be in a plugin kdx could not use or refused
    // (a shadowed one is no loss: its name is served by another).
    std::vector<std::string> unusable;
    for (const host::PluginRecord& p : host.plugins())
        if (p.status == host::PluginRecord::Status::failed ||
            (p.status == host::PluginRecord::Status::skipped &&
             p.reason.rfind("shadowed by", 0) != 0))
            unusable.push_back(p.describe());
    return unusable.empty() ? "" : "; plugins that could not be used: " + join(unusable, "; ");
}

std::shared_ptr<const host::LoadedFormat> choose_format(const host::PluginHost& host,
                                                        const std::string& name,
                                                        const fs::path& file,
                                                        Capability capability) {
    std::vector<std::string> able;
    for (const auto& f : host.formats())
        if (f->info().can(capability)) able.push_back(f->info().name);
    std::string choices =
        able.empty()
            ? "no plugin that can " + capability_text(capability) + " was found (see kdx plugins)"
            : "formats that " + capability_text(capability) + ": " + join(able, ", ");
    choices += unusable_plugins_text(host);
    if (!name.empty()) {
        auto format = host.find(name);
        if (!format) throw UsageError("unknown format \"" + name + "\"; " + choices);
        if (!format->info().can(capability))
            throw UsageError("format " + name + " cannot " + capability_text(capability) + "; " +
                             choices);
        return format;
    }
    auto format = host.find_for_file(file, capability);
    if (!format)
        throw UsageError("no format can " + capability_text(capability) + " from the name " +
                         file.string() + " (by its extension); name one with --from/--to; " +
                         choices);
    return format;
}

Options parse_options(const std::vector<std::string>& texts,
                      const std::vector<const FormatInfo*>& formats,
                      const std::vector<const std::vector<OptionInfo>*>& declared) {
    Options options;
    for (const std::string& text : texts) {
        auto eq = text.find('=');
        if (eq == std::string::npos || eq == 0)
            throw UsageError("option \"" + text + "\" is not of the form key=value");
        std::string key = text.substr(0, eq), value = text.substr(eq + 1);
        const OptionInfo* found = nullptr;
        std::vector<std::string> valid;
        for (const auto* list : declared)
            for (const OptionInfo& o : *list) {
                valid.push_back(o.name);
                if (o.name == key && !found) found = &o;
            }
        std::vector<std::string> names;
        for (const auto* f : formats)
            if (std::find(names.begin(), names.end(), f->name) == names.end())
                names.push_back(f->name);
        if (!found) {
            // One suggestion among the options of the formats at hand.
            std::vector<OptionInfo> all;
            for (const auto* list : declared) all.insert(all.end(), list->begin(), list->end());
            std::string near = closest_option_name(key, all);
            std::sort(valid.begin(), valid.end());
            valid.erase(std::unique(valid.begin(), valid.end()), valid.end());
            throw UsageError("unknown option \"" + key + "\" for format " + join(names, " and ") +
                             (near.empty() ? "" : "; did you mean " + near + "?") +
                             (valid.empty() ? "; it takes no options"
                                            : "; valid options: " + join(valid, ", ")));
        }
        // The value must suit each format that declares the key, and the
        // message names those formats only (header of tsv, not of xml and tsv).
        for (std::size_t i = 0; i < declared.size(); ++i)
            for (const OptionInfo& o : *declared[i])
                if (o.name == key && !option_value_valid(o, value))
                    throw UsageError(
                        "option " + key + " of format " +
                        (i < formats.size() ? formats[i]->name : join(names, " and ")) +
                        ": expected " + accepted_values(o) + ", found \"" + value + "\"");
        // A plugin built before kdx/options.hpp may know only true and false.
        if (found->type == OptionInfo::Type::boolean)
            value = *parse_boolean(value) ? "true" : "false";
        options[key] = value;
    }
    return options;
}

Options options_for(const Options& all, const std::vector<OptionInfo>& declared) {
    Options picked;
    for (const OptionInfo& o : declared) {
        auto it = all.find(o.name);
        if (it != all.end()) picked.insert(*it);
    }
    return picked;
}

namespace {

// "19259" -> "19,259".
std::string grouped(std::size_t n) {
    std::string digits = std::to_string(n), out;
    for (std::size_t i = 0; i < digits.size(); ++i) {
        if (i > 0 && (digits.size() - i) % 3 == 0) out += ',';
        out += digits[i];
    }
    return out;
}

// Diagnostics of one kind share this key: the severity and the message with
// its numbers and quoted texts blanked, so that "row 12: "x" is ..." and
// "row 13: "y" is ..." are one problem repeated.
std::string kind_of(const Diagnostic& d) {
    std::string key = to_string(d.severity);
    key += '|';
    bool quoted = false;
    for (char c : d.message) {
        if (c == '"') {
            quoted = !quoted;
            key += '"';
        } else if (quoted) {
            continue;
        } else if (std::isdigit(static_cast<unsigned char>(c))) {
            if (key.back() != '#') key += '#';
        } else {
            key += c;
        }
    }
    return key;
}

// One line per diagnostic; a line without a place starts "kdx: " so that
// every problem line reads "<where>: <severity>: <message>".
// A connection string's password never reaches the terminal.
std::string line_of(const Diagnostic& d) {
    std::string s = mask_passwords(d.to_string());
    return d.where.to_string().empty() ? "kdx: " + s : s;
}

// A message is one line: a newline inside it would split a diagnostic.
std::string one_line(std::string s) {
    for (char& c : s)
        if (c == '\n' || c == '\r') c = ' ';
    return s;
}

}  // namespace

DiagnosticFilter filter_for(const GlobalOptions& global) {
    DiagnosticFilter f;
    if (!global.diagnostics.empty()) {
        f.errors = f.warnings = f.notes = false;
        std::string kinds = global.diagnostics + ",";
        for (std::size_t start = 0, comma; (comma = kinds.find(',', start)) != std::string::npos;
             start = comma + 1) {
            const std::string kind = kinds.substr(start, comma - start);
            if (kind == "errors" || kind == "error")
                f.errors = true;
            else if (kind == "warnings" || kind == "warning")
                f.warnings = true;
            else if (kind == "notes" || kind == "note" || kind == "info")
                f.notes = true;
            else if (kind == "all")
                f.errors = f.warnings = f.notes = true;
            else if (kind == "none") {
            } else
                throw UsageError(
                    "--diagnostics takes errors, warnings, notes, all or none; found \"" + kind +
                    "\"");
        }
    } else {
        f.notes = global.verbose;
    }
    if (global.quiet) f.warnings = f.notes = false;
    return f;
}

std::string print_diagnostics(const Diagnostics& diagnostics, const GlobalOptions& global) {
    // The document has them all, whatever stderr shows.
    if (global.json) global.json->add(diagnostics);
    const DiagnosticFilter f = filter_for(global);
    auto shown = [&](Severity s) {
        return s == Severity::error ? f.errors : s == Severity::warning ? f.warnings : f.notes;
    };
    // Group repeats of one kind; each group is printed where it first occurs.
    std::vector<std::string> order;
    std::map<std::string, std::vector<const Diagnostic*>> groups;
    for (const Diagnostic& d : diagnostics.items()) {
        if (!shown(d.severity)) continue;
        std::string key = kind_of(d);
        auto& group = groups[key];
        if (group.empty()) order.push_back(key);
        group.push_back(&d);
    }
    for (const std::string& key : order) {
        const auto& group = groups[key];
        // Three shown in full; a fourth is shown rather than "1 more".
        const std::size_t shown_in_full = group.size() <= f.repeats + 1 ? group.size() : f.repeats;
        for (std::size_t i = 0; i < shown_in_full; ++i)
            std::cerr << one_line(line_of(*group[i])) << '\n';
        if (shown_in_full < group.size()) {
            const Diagnostic& last = *group.back();
            std::cerr << "kdx: " << to_string(last.severity) << ": … and "
                      << grouped(group.size() - shown_in_full) << " more like this"
                      << (last.where.to_string().empty()
                              ? ""
                              : ", the last at " + mask_passwords(last.where.to_string()))
                      << '\n';
        }
    }
    auto plural = [](std::size_t n, const char* word) {
        return grouped(n) + " " + word + (n == 1 ? "" : "s");
    };
    return plural(diagnostics.count(Severity::error), "error") + ", " +
           plural(diagnostics.count(Severity::warning), "warning") + ", " +
           plural(diagnostics.count(Severity::info), "note");
}

int exit_code_for(const Diagnostics& diagnostics, bool strict) {
    if (diagnostics.has_errors()) return exit_input_errors;
    if (strict && diagnostics.count(Severity::warning) > 0) return exit_input_errors;
    return exit_ok;
}

}  // namespace kdx::cli

#include "kdx/error.hpp"
#include "kdx/file_hash.hpp"
#include "kdx/model.hpp"

namespace kdx::cli {

std::string describe(const Dataset& d) {
    auto part = [](std::size_t n, const char* one, const char* many) {
        return std::to_string(n) + " " + (n == 1 ? one : many);
    };
    return part(d.municipalities.size(), "municipality", "municipalities") + ", " +
           part(d.settlement.size(), "settlement record", "settlement records") + ", " +
           part(d.programmes.size(), "programme", "programmes") + ", " +
           part(d.outcomes.size(), "outcome", "outcomes") + ", " +
           part(d.nominations.size(), "nomination", "nominations");
}

Dataset read_input(const host::LoadedFormat& format, const fs::path& input, const Options& options,
                   Diagnostics& diagnostics, std::string* sha256_out) {
    // A URI ("postgresql://…") is a connection string for the format: no
    // file to check or hash.
    // Reports record a SHA-256 per input: for a store, that of its imports
    // (each file's name, sheet and SHA-256, in order). Imports are all or
    // nothing, so the same list means the same records.
    if (is_uri(input.string())) {
        Dataset dataset = format.read_dataset(input, options, diagnostics);
        if (sha256_out) {
            std::string imports;
            for (const Source& s : dataset.sources)
                imports += s.file + '\t' + s.sheet + '\t' + s.sha256 + '\n';
            *sha256_out = sha256_hex(imports);
        }
        return dataset;
    }
    std::error_code ec;
    if (!fs::exists(input, ec)) throw Error("no such file", Location::at(input.string()));
    if (fs::is_directory(input, ec))
        throw Error("is a folder, not a file", Location::at(input.string()));
    // The hash reports record as provenance; computed beside the reading.
    auto hashing = std::async(std::launch::async, [&input] { return file_sha256(input); });
    Dataset dataset = format.read_dataset(input, options, diagnostics);
    const std::string sha256 = hashing.get();
    for (Source& s : dataset.sources)
        if (s.sha256.empty() && (s.file == input.string() || s.file == input.filename().string()))
            s.sha256 = sha256;
    if (sha256_out) *sha256_out = sha256;
    return dataset;
}

std::string nothing_read(const fs::path& input) {
    return "nothing usable was read from " + mask_passwords(input.string());
}

void check_dataset(const Dataset& dataset, Diagnostics& diagnostics, int numbering_year) {
    // Both passes look municipalities up (and nothing else); the index is
    // built here, before the threads start, so that they only read it.
    dataset.build_indexes(Dataset::municipality_lookup);
    Diagnostics registry;
    auto registry_check = std::async(
        std::launch::async, [&] { check_against_registry(dataset, registry, numbering_year); });
    Diagnostics validation;
    validate(dataset, validation);
    registry_check.get();
    diagnostics.append(registry);
    diagnostics.append(validation);
}

}  // namespace kdx::cli
