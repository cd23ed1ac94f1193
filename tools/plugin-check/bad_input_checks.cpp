#include "bad_input_checks.hpp"

#include <fstream>
#include <random>
#include <system_error>

#include "plugin_calls.hpp"

namespace kdx::check {

namespace fs = std::filesystem;

namespace {

void write_bytes(const fs::path& file, const std::string& bytes) {
    std::ofstream out(file, std::ios::binary);
    out << bytes;
    if (!out) throw std::runtime_error("cannot write " + file.string());
}

std::string read_bytes(const fs::path& file) {
    std::ifstream in(file, std::ios::binary);
    return std::string(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
}

// The same bytes on every run, so a failure can be repeated.
std::string random_bytes(std::size_t n) {
    std::mt19937 generator(20181221);
    std::uniform_int_distribution<int> byte(0, 255);
    std::string s(n, '\0');
    for (char& c : s) c = static_cast<char>(byte(generator));
    return s;
}

// Cuts in the middle of a line, not after a line break, so that a text format
// cannot take the cut for the end of a record.
std::size_t cut_point(const std::string& bytes) {
    std::size_t cut = bytes.size() / 2;
    while (cut > 1 && (bytes[cut - 1] == '\n' || bytes[cut] == '\n')) --cut;
    return cut;
}

// Makes the input; returns a note for the PASS line, or throws when it cannot.
std::string prepare(const host::LoadedFormat& format, BadInput kind, const ReferenceData& data,
                    const fs::path& input) {
    switch (kind) {
        case BadInput::empty_file:
            write_bytes(input, "");
            return "";
        case BadInput::random_bytes:
            write_bytes(input, random_bytes(4096));
            return "";
        case BadInput::folder:
            fs::create_directory(input);
            return "";
        case BadInput::truncated_output: {
            fs::path whole = input.parent_path() / "whole" / input.filename();
            fs::create_directories(whole.parent_path());
            Diagnostics diagnostics;
            CallResult r = call_plugin(
                format, [&] { format.write_dataset(data.dataset, whole, {}, diagnostics); });
            if (!r.ok())
                throw std::runtime_error("writing the reference dataset failed: " + r.message);
            std::string bytes = read_bytes(whole);
            std::size_t cut = cut_point(bytes);
            write_bytes(input, bytes.substr(0, cut));
            fs::remove_all(whole.parent_path());
            return " (" + std::to_string(cut) + " of " + std::to_string(bytes.size()) + " bytes)";
        }
    }
    return "";
}

}  // namespace

const char* to_string(BadInput kind) noexcept {
    switch (kind) {
        case BadInput::empty_file:
            return "an empty file";
        case BadInput::random_bytes:
            return "random bytes";
        case BadInput::truncated_output:
            return "its own output cut in half";
        case BadInput::folder:
            return "a folder as input";
    }
    return "";
}

Outcome check_rejects(const host::LoadedFormat& format, BadInput kind, const ReferenceData& data,
                      const fs::path& scratch) {
    if (kind == BadInput::truncated_output && !format.info().can(can_write_dataset))
        return Outcome::skip("the format cannot write a dataset to cut");
    fs::path input = scratch / ("input" + output_extension(format.info()));
    std::string note = prepare(format, kind, data, input);
    std::vector<std::string> before = folder_entries(scratch);

    Diagnostics diagnostics;
    CallResult r = call_plugin(format, [&] { format.read_dataset(input, {}, diagnostics); });
    std::vector<std::string> after = folder_entries(scratch);
    if (r.kind == CallResult::Kind::foreign_exception)
        return Outcome::fail(foreign_exception_reason(r));
    if (after != before)
        return Outcome::fail("reading changed the folder of its input: it now holds " +
                             join(after));
    std::string what = std::string(to_string(kind)) + note;
    if (r.kind == CallResult::Kind::kdx_error) {
        std::string file = input.filename().string();
        if (r.where.file.empty() && r.message.find(file) == std::string::npos)
            return Outcome::fail("rejected " + what +
                                 " with kdx::Error, but the error does not "
                                 "say which file (" +
                                 r.message + "); give it a Location");
        return Outcome::pass("rejected " + what + " with kdx::Error: " + r.message);
    }
    if (std::string errors = error_summary(diagnostics); !errors.empty())
        return Outcome::pass("rejected " + what + " with an error diagnostic: " + errors);
    return Outcome::fail("read " + what + " without kdx::Error or an error diagnostic");
}

}  // namespace kdx::check
