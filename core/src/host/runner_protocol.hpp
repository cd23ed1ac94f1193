// What kdx asks kdx-plugin-runner and what it answers: one request file and
// one response file, each a wire.hpp message (docs/robustness.md).
#pragma once

#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>

#include "host/wire.hpp"

namespace kdx::host::runner {

// describe: load the plugin and answer its declaration as manifest JSON
// (host/plugin_manifest.hpp), for a plugin without a manifest that kdx is
// not to load itself.
enum class Operation : std::uint8_t {
    read_dataset = 1,
    write_dataset = 2,
    write_document = 3,
    describe = 4,
};

struct Request {
    Operation operation = Operation::read_dataset;
    std::filesystem::path plugin_file;
    std::string format;            // the format's name
    std::filesystem::path target;  // the file read or written
    Options options;
    Dataset dataset;    // write_dataset
    Document document;  // write_document
};

// How the call ended in the child, when the child lived to say so.
enum class Outcome : std::uint8_t {
    ok = 0,
    error = 1,          // kdx::Error: `error` holds its message and location
    option_error = 2,   // kdx::OptionError: a usage mistake
    out_of_memory = 3,  // an allocation failed under the memory limit
};

struct Response {
    Outcome outcome = Outcome::ok;
    Diagnostic error;         // when not ok
    Diagnostics diagnostics;  // what the call reported, also when it failed
    Dataset dataset;          // read_dataset
    std::string manifest;     // describe: the declaration as manifest JSON
};

// Requests with a payload are encoded without copying it into a Request.
std::string encode_request(Operation operation, const std::filesystem::path& plugin_file,
                           const std::string& format, const std::filesystem::path& target,
                           const Options& options, const Dataset* dataset,
                           const Document* document);
Request decode_request(const std::string& bytes);

std::string encode_response(const Response& response, Operation operation);
Response decode_response(const std::string& bytes, Operation operation);

}  // namespace kdx::host::runner
