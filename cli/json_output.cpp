#include "json_output.hpp"

#include <nlohmann/json.hpp>
#include <system_error>

#include "host/plugin_failures.hpp"
#include "kdx/file_hash.hpp"
#include "kdx/model.hpp"
#include "kdx/uri.hpp"
#include "kdx/version.hpp"

namespace kdx::cli {

namespace fs = std::filesystem;
using nlohmann::json;

namespace {

// Bumped when a field changes meaning or goes; new fields do not bump it.
constexpr int schema_version = 1;

const char* status_of(int exit_code) {
    return exit_code == 0 ? "ok" : exit_code == 2 ? "usage" : "input_errors";
}

// Only what the location names: a consumer tests for "cell", not for "".
json location_json(const Location& where) {
    json l = json::object();
    if (!where.file.empty()) l["file"] = mask_passwords(where.file);
    if (where.line) l["line"] = where.line;
    if (where.column) l["column"] = where.column;
    if (!where.sheet.empty()) l["sheet"] = where.sheet;
    if (!where.cell.empty()) l["cell"] = where.cell;
    return l;
}

// Invalid UTF-8 in a message (a byte from a Latin-1 file) would make dump()
// throw; it is replaced, as nlohmann's error_handler::replace does.
std::string dumped(const json& j) { return j.dump(-1, ' ', false, json::error_handler_t::replace); }

}  // namespace

bool json_supported(const std::string& command) {
    return command == "validate" || command == "convert" || command == "report" ||
           command == "dossier" || command == "run";
}

struct JsonReport::State {
    std::string command;
    json diagnostics = json::array();
    json files = json::array();
    json steps = json::array();
    json dataset;
    int step = 0;  // the step running, 0 outside kdx run's steps
    std::size_t errors = 0, warnings = 0, infos = 0;
};

JsonReport::JsonReport(std::string command) : state_(std::make_unique<State>()) {
    state_->command = std::move(command);
}

JsonReport::~JsonReport() = default;

void JsonReport::add(const Diagnostic& d) {
    State& s = *state_;
    json j{{"severity", to_string(d.severity)}, {"message", mask_passwords(d.message)}};
    json where = location_json(d.where);
    if (!where.empty()) j["location"] = std::move(where);
    if (s.step) j["step"] = s.step;
    s.diagnostics.push_back(std::move(j));
    (d.severity == Severity::error     ? s.errors
     : d.severity == Severity::warning ? s.warnings
                                       : s.infos)++;
}

void JsonReport::add(const Diagnostics& diagnostics) {
    for (const Diagnostic& d : diagnostics.items()) add(d);
}

void JsonReport::add_file(const fs::path& file, const std::string& format, bool merged) {
    json j;
    if (is_uri(file.string())) {
        j["path"] = mask_passwords(file.string());
    } else {
        j["path"] = fs::absolute(file).lexically_normal().string();
        std::error_code ec;
        const auto bytes = fs::file_size(file, ec);
        if (!ec) {
            j["bytes"] = bytes;
            try {
                j["sha256"] = file_sha256(file);
            } catch (const std::exception&) {
                // Written but no longer readable: the size alone is said.
            }
        }
    }
    j["format"] = format;
    if (merged) j["merged"] = true;
    if (state_->step) j["step"] = state_->step;
    state_->files.push_back(std::move(j));
}

void JsonReport::set_dataset(const Dataset& d) {
    set_dataset_counts(d.municipalities.size(), d.settlement.size(), d.programmes.size(),
                       d.outcomes.size(), d.nominations.size());
}

void JsonReport::set_dataset_counts(std::size_t municipalities, std::size_t settlement_records,
                                    std::size_t programmes, std::size_t outcomes,
                                    std::size_t nominations) {
    state_->dataset = json{{"municipalities", municipalities},
                           {"settlement_records", settlement_records},
                           {"programmes", programmes},
                           {"outcomes", outcomes},
                           {"nominations", nominations}};
}

void JsonReport::begin_step(int number, const std::string& command,
                            const std::string& command_line) {
    state_->steps.push_back(
        {{"step", number}, {"command", command}, {"command_line", mask_passwords(command_line)}});
    state_->step = number;
}

void JsonReport::end_step(int exit_code, bool ran) {
    json& step = state_->steps.back();
    step["ran"] = ran;
    if (ran) {
        step["exit_code"] = exit_code;
        step["status"] = status_of(exit_code);
    }
    state_->step = 0;
}

std::string JsonReport::document(int exit_code) const {
    const State& s = *state_;
    json doc{{"schema_version", schema_version},
             {"kdx_version", kdx::version()},
             {"command", s.command},
             {"exit_code", exit_code},
             {"status", status_of(exit_code)},
             {"counts", {{"error", s.errors}, {"warning", s.warnings}, {"info", s.infos}}},
             {"diagnostics", s.diagnostics},
             {"files", s.files}};
    if (!s.dataset.is_null()) doc["dataset"] = s.dataset;
    if (s.command == "run") doc["steps"] = s.steps;
    // A plugin's child that ended abnormally: the same exit code as bad input.
    const auto failures = host::plugin_failures();
    if (!failures.empty()) {
        json list = json::array();
        for (const host::PluginFailure& f : failures)
            list.push_back(
                {{"plugin", f.plugin}, {"file", f.file}, {"what", mask_passwords(f.what)}});
        doc["plugin_failures"] = std::move(list);
    }
    return dumped(doc);
}

std::string usage_document(const std::string& command, const std::string& message) {
    JsonReport report(command);
    Diagnostic d;
    d.message = message;
    report.add(d);
    return report.document(2);
}

}  // namespace kdx::cli
