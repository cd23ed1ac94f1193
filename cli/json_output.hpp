// `--json`: what a command did as one JSON document on stdout, for a web
// service or a script (docs/cli-json.md, docs/cli-json.schema.json). The
// human lines still go to stderr; stdout carries the document alone.
#pragma once

#include <filesystem>
#include <memory>
#include <string>

#include "kdx/diagnostics.hpp"

namespace kdx {
class Dataset;
}

namespace kdx::cli {

// The commands that write a document with --json.
bool json_supported(const std::string& command);

// Collects a command's diagnostics and the files it wrote while it runs.
// Used from the command's own thread only.
class JsonReport {
  public:
    explicit JsonReport(std::string command);
    ~JsonReport();
    JsonReport(const JsonReport&) = delete;
    JsonReport& operator=(const JsonReport&) = delete;

    void add(const Diagnostic& diagnostic);
    void add(const Diagnostics& diagnostics);
    // A file the command wrote (or merged into, for a store) in `format`;
    // its size and SHA-256 are read now. A URI (postgresql://) has neither.
    void add_file(const std::filesystem::path& file, const std::string& format,
                  bool merged = false);
    // What was read: the counts of each kind of record.
    void set_dataset(const Dataset& dataset);
    // The same for a dataset that went from reader to writer in parts.
    void set_dataset_counts(std::size_t municipalities, std::size_t settlement_records,
                            std::size_t programmes, std::size_t outcomes, std::size_t nominations);

    // `kdx run`: what is added between begin_step() and end_step() carries
    // the step's number; `ran` is false for --dry-run and for steps not run.
    void begin_step(int number, const std::string& command, const std::string& command_line);
    void end_step(int exit_code, bool ran = true);

    // The whole document, one line of JSON.
    std::string document(int exit_code) const;

  private:
    struct State;
    std::unique_ptr<State> state_;
};

// The document for a command line CLI11 refused (exit code 2): the
// command's name when one was given, and CLI11's message.
std::string usage_document(const std::string& command, const std::string& message);

}  // namespace kdx::cli
