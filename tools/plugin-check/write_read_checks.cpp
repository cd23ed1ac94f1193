#include "write_read_checks.hpp"

#include <system_error>

#include "dataset_compare.hpp"
#include "kdx/options.hpp"
#include "plugin_calls.hpp"

namespace kdx::check {

namespace fs = std::filesystem;

namespace {

enum class What { dataset, document };

const char* what_text(What what) { return what == What::dataset ? "dataset" : "document"; }

// Writes the reference data to `output`. Returns "" on success, else why not.
std::string write_reference(const host::LoadedFormat& format, const ReferenceData& data, What what,
                            const fs::path& output, const Options& options) {
    Diagnostics diagnostics;
    CallResult r = call_plugin(format, [&] {
        if (what == What::dataset)
            format.write_dataset(data.dataset, output, options, diagnostics);
        else
            format.write_document(data.document, output, options, diagnostics);
    });
    if (r.kind == CallResult::Kind::foreign_exception) return foreign_exception_reason(r);
    if (r.kind == CallResult::Kind::kdx_error)
        return std::string("writing the reference ") + what_text(what) + " failed: " + r.message;
    if (std::string errors = error_summary(diagnostics); !errors.empty())
        return std::string("writing the reference ") + what_text(what) +
               " reported errors: " + errors;
    std::error_code ec;
    if (!fs::is_regular_file(output, ec))
        return "the write reported success but " + output.filename().string() + " does not exist";
    if (fs::file_size(output, ec) == 0) return "the write reported success but the file is empty";
    std::vector<std::string> entries = folder_entries(output.parent_path());
    if (entries.size() != 1)
        return "the folder holds " + join(entries) + " after the write; expected only " +
               output.filename().string() + " (write through kdx::AtomicFile)";
    return "";
}

Outcome check_write(const host::LoadedFormat& format, const ReferenceData& data, What what,
                    const fs::path& scratch) {
    fs::path output = scratch / ("reference" + output_extension(format.info()));
    if (std::string problem = write_reference(format, data, what, output, {}); !problem.empty())
        return Outcome::fail(problem);
    return Outcome::pass("wrote the reference " + std::string(what_text(what)) + " (" +
                         std::to_string(fs::file_size(output)) + " bytes), no stray files");
}

std::string describe_carried(const Comparison& c) {
    std::string s = "read back " + join(c.carried);
    if (!c.not_carried.empty()) s += "; not carried: " + join(c.not_carried);
    return s;
}

}  // namespace

Outcome check_write_dataset(const host::LoadedFormat& format, const ReferenceData& data,
                            const fs::path& scratch) {
    return check_write(format, data, What::dataset, scratch);
}

Outcome check_write_document(const host::LoadedFormat& format, const ReferenceData& data,
                             const fs::path& scratch) {
    return check_write(format, data, What::document, scratch);
}

Outcome check_round_trip(const host::LoadedFormat& format, const ReferenceData& data,
                         const fs::path& scratch) {
    fs::path output = scratch / ("reference" + output_extension(format.info()));
    if (std::string problem = write_reference(format, data, What::dataset, output, {});
        !problem.empty())
        return Outcome::fail(problem);
    Diagnostics diagnostics;
    Dataset read;
    CallResult r =
        call_plugin(format, [&] { read = format.read_dataset(output, {}, diagnostics); });
    if (r.kind == CallResult::Kind::foreign_exception)
        return Outcome::fail(foreign_exception_reason(r));
    if (r.kind == CallResult::Kind::kdx_error)
        return Outcome::fail("reading back its own output failed: " + r.message);
    if (std::string errors = error_summary(diagnostics); !errors.empty())
        return Outcome::fail("reading back its own output reported errors: " + errors);
    Comparison c = compare_datasets(data.dataset, read);
    if (c.carried.empty())
        return Outcome::fail(
            "read back nothing of what it wrote (every collection came back empty)");
    if (!c.equal())
        return Outcome::fail("what was read back differs from what was written: " +
                             join(c.differences, "; ") + " (" + describe_carried(c) + ")");
    std::size_t warnings = diagnostics.count(Severity::warning);
    return Outcome::pass(describe_carried(c) +
                         (warnings ? "; " + std::to_string(warnings) + " warnings" : ""));
}

namespace {

// A boolean's default as a user may also write it (yes for true, No for
// false): a format reads every spelling of kdx/options.hpp, whoever calls it.
std::string other_spelling(const OptionInfo& o) {
    if (o.type != OptionInfo::Type::boolean) return "";
    auto value = parse_boolean(o.default_value);
    if (!value) return "";
    return *value ? "yes" : "No";
}

}  // namespace

Outcome check_default_options(const host::LoadedFormat& format, const ReferenceData& data,
                              const fs::path& scratch) {
    const FormatInfo& info = format.info();
    if (info.read_options.empty() && info.write_options.empty())
        return Outcome::pass("declares no options");
    std::vector<What> writers;
    if (info.can(can_write_dataset)) writers.push_back(What::dataset);
    if (info.can(can_write_document)) writers.push_back(What::document);
    const std::string ext = output_extension(info);
    std::vector<std::string> tried;
    unsigned counter = 0;

    // One option at a time names the culprit; all of them together catches clashes.
    auto write_with = [&](What what, const Options& options,
                          const std::string& label) -> std::string {
        fs::path dir = scratch / ("write-" + std::to_string(++counter));
        fs::create_directories(dir);
        std::string problem = write_reference(format, data, what, dir / ("out" + ext), options);
        return problem.empty() ? "" : "write option " + label + ": " + problem;
    };
    Options all_write;
    for (const OptionInfo& o : info.write_options) all_write[o.name] = o.default_value;
    for (What what : writers) {
        for (const OptionInfo& o : info.write_options) {
            std::string label = o.name + "=" + o.default_value;
            if (std::string p = write_with(what, {{o.name, o.default_value}}, label); !p.empty())
                return Outcome::fail(p);
            if (std::string other = other_spelling(o); !other.empty())
                if (std::string p = write_with(what, {{o.name, other}}, o.name + "=" + other);
                    !p.empty())
                    return Outcome::fail(p + " (the same as " + label + ")");
        }
        if (info.write_options.size() > 1)
            if (std::string p = write_with(what, all_write, "(all at their defaults)"); !p.empty())
                return Outcome::fail(p);
    }
    for (const OptionInfo& o : info.write_options) {
        tried.push_back(o.name + "=" + o.default_value);
        if (std::string other = other_spelling(o); !other.empty())
            tried.push_back(o.name + "=" + other);
    }

    if (!info.read_options.empty()) {
        if (!info.can(can_write_dataset))
            return Outcome::skip("write options accepted (" + join(tried) +
                                 "); read options not tried: the format cannot write a dataset "
                                 "to read back");
        fs::create_directories(scratch / "read");
        fs::path input = scratch / "read" / ("input" + ext);
        if (std::string p = write_reference(format, data, What::dataset, input, {}); !p.empty())
            return Outcome::fail(p);
        Options all_read;
        for (const OptionInfo& o : info.read_options) all_read[o.name] = o.default_value;
        std::vector<Options> trials;
        for (const OptionInfo& o : info.read_options) {
            trials.push_back({{o.name, o.default_value}});
            if (std::string other = other_spelling(o); !other.empty())
                trials.push_back({{o.name, other}});
        }
        trials.push_back(all_read);
        for (const Options& options : trials) {
            Diagnostics diagnostics;
            CallResult r =
                call_plugin(format, [&] { format.read_dataset(input, options, diagnostics); });
            std::string label;
            for (const auto& [k, v] : options) label += (label.empty() ? "" : " ") + k + "=" + v;
            if (r.kind == CallResult::Kind::foreign_exception)
                return Outcome::fail("read options " + label + ": " + foreign_exception_reason(r));
            if (r.kind == CallResult::Kind::kdx_error)
                return Outcome::fail("read options " + label + ": reading failed: " + r.message);
            if (std::string errors = error_summary(diagnostics); !errors.empty())
                return Outcome::fail("read options " + label + ": errors: " + errors);
        }
        for (const OptionInfo& o : info.read_options) {
            tried.push_back(o.name + "=" + o.default_value);
            if (std::string other = other_spelling(o); !other.empty())
                tried.push_back(o.name + "=" + other);
        }
    }
    return Outcome::pass("accepted " + join(tried));
}

Outcome check_write_to_missing_folder(const host::LoadedFormat& format, const ReferenceData& data,
                                      const fs::path& scratch) {
    const FormatInfo& info = format.info();
    What what = info.can(can_write_dataset) ? What::dataset : What::document;
    fs::path output = scratch / "missing" / ("out" + output_extension(info));
    Diagnostics diagnostics;
    CallResult r = call_plugin(format, [&] {
        if (what == What::dataset)
            format.write_dataset(data.dataset, output, {}, diagnostics);
        else
            format.write_document(data.document, output, {}, diagnostics);
    });
    std::vector<std::string> left = folder_entries(scratch);
    if (r.kind == CallResult::Kind::foreign_exception)
        return Outcome::fail(foreign_exception_reason(r));
    // The host turns a writer's false success into an error of its own; the
    // plugin still failed to report the problem itself.
    const bool host_caught_it =
        r.message.find("reported success but wrote no") != std::string::npos;
    if (r.kind == CallResult::Kind::ok || host_caught_it)
        return Outcome::fail("writing to " + output.string() +
                             " (its folder does not exist) reported success" +
                             (diagnostics.has_errors() ? " with error diagnostics" : "") +
                             "; throw kdx::Error (kdx::AtomicFile does)");
    if (!left.empty())
        return Outcome::fail("rejected, but left " + join(left) + " behind in " + scratch.string());
    return Outcome::pass("rejected with kdx::Error (" + r.message + "), nothing left behind");
}

}  // namespace kdx::check
