// What `kdx report` and `kdx dossier` share: reading several data files into
// one dataset, finding templates, and rendering a document in several formats.
#pragma once

#include <filesystem>
#include <memory>
#include <set>
#include <string>
#include <vector>

#include "common.hpp"
#include "kdx/document.hpp"
#include "kdx/model.hpp"

namespace kdx::cli {

// What reading the data files used, for the reports' provenance.
// The name a report records for an input: a file's own name, or a URI with
// its password masked (a store has no file name).
std::string recorded_name(const std::filesystem::path& input);

struct ReadRecord {
    std::vector<ProvenanceFile> inputs;  // each file read, with its SHA-256
    std::vector<std::string> plugins;    // "xlsx 1.0.0" for each plugin that read one
};

// Reads every file with the format its extension names, merges them and
// validates the result. Diagnostics are added to `diagnostics`. A folder
// stands for the files in it that a format reads; a nomination given again
// (a nomination profile for a nominee of the data) takes the later texts.
// With `harmonise_to`, the numbers are first made those of that year, as in
// validate and convert.
Dataset read_data(const host::PluginHost& host, const std::vector<std::filesystem::path>& files,
                  Diagnostics& diagnostics, int harmonise_to = 0, ReadRecord* record = nullptr);

// As read_data() without the checks, for a command that checks only the part
// of the data it reports on (check_selection()).
Dataset read_files(const host::PluginHost& host, const std::vector<std::filesystem::path>& files,
                   Diagnostics& diagnostics, int harmonise_to = 0, ReadRecord* record = nullptr);

// A report's provenance: the files `record` read, the template file and its
// id, and the plugins that read the data and write `formats`.
Provenance provenance_of(const host::PluginHost& host, const ReadRecord& record,
                         const std::filesystem::path& template_file, const std::string& template_id,
                         const std::vector<std::string>& formats);

// The problems of the part of `dataset` about the municipalities `numbers`:
// the registry check and validation of that part alone, and of the
// diagnostics `read` (reading and harmonising) the errors, those that point
// at no row, and those on a row that holds a record of the selection. A
// county or one municipality's report so says nothing of the rest of the
// country's rows, while an error that makes the data unreadable still counts.
Diagnostics check_selection(const Dataset& dataset, const std::set<std::string>& numbers,
                            const Diagnostics& read, int numbering_year);

// --harmonise-to YEAR, the same in every command.
void add_harmonise_option(CLI::App& app, int& year);

// A template file: NAME as given when it is a file, else NAME.xml from the
// installed templates or the source tree's templates/. Throws UsageError.
std::filesystem::path find_template(const std::string& name);

// Today's date as YYYY-MM-DD, or SOURCE_DATE_EPOCH's when set (reproducible builds).
std::string report_date();

// A report's file name without extension, the same shape for every template:
// "<template>-<year>-<number>-<name>", e.g. "council-report-2014-5004-steinkjer"
// or "county-overview-2014-04-hedmark"; parts left empty are left out (a
// comparison has no number or name). A language given on the command line is
// appended ("-nn") so that the three languages can share a folder.
std::string report_stem(const std::string& template_id, int year, const std::string& number,
                        const std::string& name, const std::string& language);

// What a DocumentWriter wrote.
struct RenderResult {
    int written = 0;
    int failed = 0;                    // files a format could not write (in diagnostics)
    std::vector<std::string> missing;  // formats with no plugin
    // Each file written and its format, in the order of the progress lines.
    std::vector<std::pair<std::filesystem::path, std::string>> files;
};

// Writes documents as OUT_DIR/STEM.EXT in each format, on `jobs` threads
// while the caller builds the next document. Files, progress lines and
// diagnostics come out in the order write() and note() were called, and each
// file has the same bytes, whatever the number of threads.
//
// What runs on the threads is each format's write_document() alone; the
// documents are built on the calling thread, so the dataset (whose lookups
// build their index on first use, kdx/model.hpp) is never shared. A format
// whose plugin does not declare can_write_in_parallel writes one file at a
// time (its other files wait), but beside the other formats. For the formats
// kdx ships, see docs/plugins.md ("Writing in parallel").
class DocumentWriter {
  public:
    // Formats that cannot write documents or are missing are skipped and
    // listed in finish()'s result. `total` is the number of files the
    // progress lines count to; `progress` prints one per file.
    DocumentWriter(const host::PluginHost& host, std::vector<std::string> formats,
                   const Options& options, std::filesystem::path out_dir, Diagnostics& diagnostics,
                   bool progress, int total, int jobs);
    ~DocumentWriter();
    DocumentWriter(const DocumentWriter&) = delete;
    DocumentWriter& operator=(const DocumentWriter&) = delete;

    // Queues `document`, after `before` (the diagnostics of building it),
    // which go to the diagnostics in their turn. A file that cannot be
    // written is an error naming it there, and the others are still written.
    void write(Document document, const std::string& stem, Diagnostics before = {});
    // Queues diagnostics alone (a report that could not be made).
    void note(Diagnostics diagnostics);
    // Waits for every file and returns the counts.
    RenderResult finish();

  private:
    struct State;
    std::unique_ptr<State> state_;
};

// -j, --jobs: how many files are written at once.
void add_jobs_option(CLI::App& app, int& jobs);

// Parses -o key=value texts against the write options of those `formats`
// that are present. Throws UsageError for an unknown key or a bad value.
Options document_options(const host::PluginHost& host, const std::vector<std::string>& formats,
                         const std::vector<std::string>& texts);

// "pdf,xlsx" -> {"pdf", "xlsx"}.
std::vector<std::string> split_list(const std::string& text);

}  // namespace kdx::cli
