#include "reports.hpp"

#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cstdlib>
#include <ctime>
#include <iostream>
#include <memory>
#include <mutex>

#include "atomic_commit_group.hpp"
#include "kdx/error.hpp"
#include "kdx/file_hash.hpp"
#include "kdx/registry.hpp"
#include "kdx/source_date.hpp"
#include "kdx/uri.hpp"
#include "kdx/validate.hpp"
#include "kdx/version.hpp"
#include "ordered_pool.hpp"
#include "slug.hpp"

namespace kdx::cli {

namespace fs = std::filesystem;

namespace {

// The files a -d names: a file itself, or the files of a folder that some
// format reads, in name order (a folder of nomination profiles).
std::vector<fs::path> data_files(const host::PluginHost& host, const fs::path& given,
                                 Diagnostics& diagnostics) {
    std::error_code ec;
    if (!fs::is_directory(given, ec)) return {given};
    std::vector<fs::path> files;
    for (const auto& entry : fs::directory_iterator(given, ec)) {
        const fs::path& p = entry.path();
        if (!entry.is_regular_file(ec) || p.filename().string().front() == '.') continue;
        try {
            choose_format(host, "", p, can_read_dataset);
            files.push_back(p);
        } catch (const UsageError&) {
            diagnostics.info("no format reads this file; skipped", Location::at(p.string()));
        }
    }
    if (ec) throw Error("the folder cannot be read: " + ec.message(), Location::at(given.string()));
    if (files.empty())
        throw Error("the folder holds no file kdx reads", Location::at(given.string()));
    std::sort(files.begin(), files.end());
    return files;
}

bool has_texts(const Nomination& n) { return !n.summary.empty() || !n.sections.empty(); }

// A nomination given again by a later file (a nomination profile for a
// nominee of the data) is one nomination: the later texts replace the
// earlier, the status is the higher of the two.
void join_nominations(Dataset& into, Dataset& from, Diagnostics& diagnostics) {
    auto& later = from.nominations;
    for (auto it = later.begin(); it != later.end();) {
        auto same = std::find_if(into.nominations.begin(), into.nominations.end(),
                                 [&](const Nomination& n) {
                                     return n.prize == it->prize && n.year == it->year &&
                                            n.municipality == it->municipality;
                                 });
        if (same == into.nominations.end()) {
            ++it;
            continue;
        }
        if (has_texts(*it)) {
            const Municipality* m = into.find_municipality(same->municipality);
            diagnostics.info("its texts replace those of " + same->municipality +
                                 (m ? " " + m->name : "") + "'s " + std::to_string(same->year) +
                                 " nomination from " +
                                 fs::path(into.location_of(same->origin).file).filename().string(),
                             from.location_of(it->origin));
            same->summary = std::move(it->summary);
            same->sections = std::move(it->sections);
            if (!it->last_updated.empty()) same->last_updated = it->last_updated;
        }
        if (static_cast<int>(it->status) > static_cast<int>(same->status))
            same->status = it->status;
        if (same->votes.is_missing()) same->votes = it->votes;
        it = later.erase(it);
    }
}

}  // namespace

namespace {

// "xlsx 1.0.0": the plugin a format comes from, with its version.
std::string plugin_label(const host::PluginHost& host, const host::LoadedFormat& format) {
    for (const host::PluginRecord& p : host.plugins())
        if (p.status == host::PluginRecord::Status::loaded && p.info.name == format.plugin())
            return p.info.version.empty() ? p.info.name : p.info.name + " " + p.info.version;
    return format.plugin();
}

void add_once(std::vector<std::string>& list, std::string item) {
    if (std::find(list.begin(), list.end(), item) == list.end()) list.push_back(std::move(item));
}

}  // namespace

Provenance provenance_of(const host::PluginHost& host, const ReadRecord& record,
                         const fs::path& template_file, const std::string& template_id,
                         const std::vector<std::string>& formats) {
    Provenance p;
    p.inputs = record.inputs;
    p.template_id = template_id;
    p.template_sha256 = file_sha256(template_file);
    p.plugins = record.plugins;
    for (const std::string& f : formats)
        if (auto format = host.find(f)) add_once(p.plugins, plugin_label(host, *format));
    p.generator = std::string("kdx ") + kdx::version();
    return p;
}

std::string recorded_name(const fs::path& input) {
    return is_uri(input.string()) ? mask_passwords(input.string()) : input.filename().string();
}

Dataset read_files(const host::PluginHost& host, const std::vector<fs::path>& given,
                   Diagnostics& diagnostics, int harmonise_to, ReadRecord* record) {
    Dataset merged;
    for (const fs::path& g : given) {
        for (const fs::path& file : data_files(host, g, diagnostics)) {
            auto reader = choose_format(host, "", file, can_read_dataset);
            std::string sha256;
            Dataset part = read_input(*reader, file, {}, diagnostics, &sha256);
            if (record) {
                record->inputs.push_back({recorded_name(file), sha256});
                add_once(record->plugins, plugin_label(host, *reader));
            }
            join_nominations(merged, part, diagnostics);
            merge(merged, std::move(part));
        }
    }
    if (harmonise_to) harmonise(merged, harmonise_to, diagnostics);
    return merged;
}

Dataset read_data(const host::PluginHost& host, const std::vector<fs::path>& files,
                  Diagnostics& diagnostics, int harmonise_to, ReadRecord* record) {
    Dataset merged = read_files(host, files, diagnostics, harmonise_to, record);
    check_dataset(merged, diagnostics, harmonise_to);
    return merged;
}

namespace {

// A row of a file as diagnostics and records both name it: the file, the
// sheet, and the line or the cell's row number.
std::string row_of(const Location& where) {
    std::string row = where.line ? std::to_string(where.line) : std::string();
    for (char c : where.cell)
        if (std::isdigit(static_cast<unsigned char>(c))) row += c;
    return row.empty() ? std::string() : where.file + "|" + where.sheet + "|" + row;
}

}  // namespace

Diagnostics check_selection(const Dataset& dataset, const std::set<std::string>& numbers,
                            const Diagnostics& read, int numbering_year) {
    Dataset part;
    part.info = dataset.info;
    part.sources = dataset.sources;
    part.indicators = dataset.indicators;
    std::set<std::string> rows;
    auto take = [&](const auto& from, auto& into, auto number_of) {
        for (const auto& record : from)
            if (numbers.count(number_of(record))) {
                into.push_back(record);
                rows.insert(row_of(dataset.location_of(record.origin)));
            }
    };
    take(dataset.municipalities, part.municipalities,
         [](const Municipality& m) { return m.number; });
    take(dataset.settlement, part.settlement,
         [](const SettlementFigures& s) { return s.municipality; });
    take(dataset.programmes, part.programmes, [](const Programme& p) { return p.municipality; });
    take(dataset.outcomes, part.outcomes, [](const Outcome& o) { return o.municipality; });
    take(dataset.nominations, part.nominations, [](const Nomination& n) { return n.municipality; });
    Diagnostics out;
    for (const Diagnostic& d : read.items()) {
        const std::string row = row_of(d.where);
        if (d.severity == Severity::error || row.empty() || rows.count(row)) out.add(d);
    }
    check_dataset(part, out, numbering_year);
    return out;
}

void add_harmonise_option(CLI::App& app, int& year) {
    app.add_option("--harmonise-to", year,
                   "Renumber municipalities to this year's numbers, summing merged ones' counts")
        ->check(CLI::Range(1990, 2100));
}

fs::path find_template(const std::string& name) {
    std::error_code ec;
    if (fs::is_regular_file(name, ec)) return name;
    std::vector<fs::path> folders;
    fs::path exe = fs::read_symlink("/proc/self/exe", ec);
    if (!ec) folders.push_back(exe.parent_path().parent_path() / "share/kdx/templates");
    folders.push_back(KDX_SOURCE_TEMPLATE_DIR);
    for (const fs::path& folder : folders)
        if (fs::is_regular_file(folder / (name + ".xml"), ec)) return folder / (name + ".xml");
    throw UsageError("no template \"" + name +
                     "\": not a file, and not one of kdx's templates "
                     "(imdi-dossier, imdi-comparison, county-overview, council-report)");
}

std::string report_date() {
    // A bad SOURCE_DATE_EPOCH is warned about by each format that writes a date.
    std::string bad;
    const std::time_t t = source_date_epoch(bad).value_or(std::time(nullptr));
    std::tm tm{};
    gmtime_r(&t, &tm);
    char buffer[16];
    std::strftime(buffer, sizeof buffer, "%Y-%m-%d", &tm);
    return buffer;
}

std::string report_stem(const std::string& template_id, int year, const std::string& number,
                        const std::string& name, const std::string& language) {
    std::string stem = template_id;
    if (year > 0) stem += "-" + std::to_string(year);
    if (!number.empty()) stem += "-" + number;
    if (!name.empty()) stem += "-" + slug(name);
    if (!language.empty()) stem += "-" + language;
    return stem;
}

std::vector<std::string> split_list(const std::string& text) {
    std::vector<std::string> items;
    std::size_t at = 0;
    while (at <= text.size()) {
        std::size_t comma = text.find(',', at);
        if (comma == std::string::npos) comma = text.size();
        if (comma > at) items.push_back(text.substr(at, comma - at));
        at = comma + 1;
    }
    return items;
}

// One format as the writer uses it: the plugin, the file extension, its own
// options, and for a plugin that does not declare can_write_in_parallel the
// lock that keeps its writes one at a time.
struct WriterFormat {
    std::shared_ptr<const host::LoadedFormat> format;
    std::string extension;
    Options options;
    std::unique_ptr<std::mutex> one_at_a_time;
};

struct DocumentWriter::State {
    std::vector<WriterFormat> formats;
    fs::path out_dir;
    Diagnostics& diagnostics;
    bool progress = false;
    int total = 0;
    int counter = 0;
    RenderResult result;
    // The files are published in groups of `publish_every`: a sync of the
    // disk for each group, not two for each file. Before the pool, so that
    // the pool's workers are done before the rest is published.
    AtomicCommitGroup group;
    static constexpr int publish_every = 64;
    std::set<fs::path> unpublished;
    OrderedPool pool;

    State(Diagnostics& d, int jobs) : diagnostics(d), pool(jobs) {}

    // Publishes the files committed so far (all of them with `last`); one that
    // could not be is an error and not written, now or when its turn comes.
    void publish(bool last) {
        for (const AtomicCommitGroup::Failure& failure : last ? group.close() : group.publish()) {
            const fs::path& file = failure.first;
            diagnostics.add(failure.second.diagnostic());
            unpublished.insert(file);
            auto at = std::find_if(result.files.begin(), result.files.end(),
                                   [&](const auto& f) { return f.first == file; });
            if (at == result.files.end()) continue;
            result.files.erase(at);
            --result.written;
            ++result.failed;
        }
    }
};

DocumentWriter::DocumentWriter(const host::PluginHost& host, std::vector<std::string> formats,
                               const Options& options, fs::path out_dir, Diagnostics& diagnostics,
                               bool progress, int total, int jobs) {
    // No more threads than files: one report in three formats needs three.
    state_ = std::make_unique<State>(diagnostics, std::min(jobs, std::max(total, 1)));
    state_->out_dir = std::move(out_dir);
    state_->progress = progress;
    state_->total = total;
    for (const std::string& name : formats) {
        auto format = host.find(name);
        if (!format || !format->info().can(can_write_document)) {
            state_->result.missing.push_back(name);
            continue;
        }
        WriterFormat f;
        const FormatInfo info = format->info();
        f.extension = info.extensions.empty() ? name : info.extensions.front();
        f.options = options_for(options, info.write_options);
        if (!info.can(can_write_in_parallel)) f.one_at_a_time = std::make_unique<std::mutex>();
        f.format = std::move(format);
        state_->formats.push_back(std::move(f));
    }
}

// Waits for the files being written, so that none is cut off and no
// temporary file is left; a writer not finished has failed already.
DocumentWriter::~DocumentWriter() = default;

void DocumentWriter::note(Diagnostics diagnostics) {
    if (diagnostics.empty()) return;
    auto shared = std::make_shared<Diagnostics>(std::move(diagnostics));
    State& s = *state_;
    s.pool.submit([] {}, [&s, shared] { s.diagnostics.append(*shared); });
}

void DocumentWriter::write(Document document, const std::string& stem, Diagnostics before) {
    note(std::move(before));
    State& s = *state_;
    auto shared = std::make_shared<const Document>(std::move(document));
    for (WriterFormat& f : s.formats) {
        struct Outcome {
            fs::path file;
            std::string format;
            Diagnostics diagnostics;
            bool written = false;
        };
        auto outcome = std::make_shared<Outcome>();
        outcome->file = s.out_dir / (stem + "." + f.extension);
        outcome->format = f.format->info().name;
        auto work = [&f, shared, outcome] {
            std::unique_lock<std::mutex> lock;
            if (f.one_at_a_time) lock = std::unique_lock<std::mutex>(*f.one_at_a_time);
            // One file that cannot be written does not stop the others; the
            // format's AtomicFile leaves nothing of it behind.
            try {
                f.format->write_document(*shared, outcome->file, f.options, outcome->diagnostics);
                outcome->written = true;
            } catch (const Error& e) {
                Diagnostic d = e.diagnostic();
                if (d.where.file.empty()) d.where = Location::at(outcome->file.string());
                outcome->diagnostics.add(std::move(d));
            }
        };
        auto done = [&s, outcome] {
            s.diagnostics.append(outcome->diagnostics);
            if (!outcome->written || s.unpublished.count(outcome->file)) {
                ++s.result.failed;
                return;
            }
            ++s.result.written;
            if (s.result.written % State::publish_every == 0) s.publish(false);
            s.result.files.emplace_back(outcome->file, outcome->format);
            ++s.counter;
            if (s.progress)
                std::cerr << "[" << s.counter << "/" << s.total << "] " << outcome->file.string()
                          << '\n';
        };
        s.pool.submit(std::move(work), std::move(done));
    }
}

RenderResult DocumentWriter::finish() {
    state_->pool.finish();
    state_->publish(true);
    return state_->result;
}

void add_jobs_option(CLI::App& app, int& jobs) {
    jobs = OrderedPool::hardware_threads();
    app.add_option("-j,--jobs", jobs,
                   "Files written at once (default: the hardware threads, " + std::to_string(jobs) +
                       " here); the files are the same with any number")
        ->check(CLI::Range(1, 256));
}

Options document_options(const host::PluginHost& host, const std::vector<std::string>& formats,
                         const std::vector<std::string>& texts) {
    if (texts.empty()) return {};
    std::vector<FormatInfo> infos;
    for (const std::string& name : formats) {
        auto format = host.find(name);
        if (format && format->info().can(can_write_document)) infos.push_back(format->info());
    }
    std::vector<const FormatInfo*> info_pointers;
    std::vector<const std::vector<OptionInfo>*> declared;
    for (const FormatInfo& info : infos) {
        info_pointers.push_back(&info);
        declared.push_back(&info.write_options);
    }
    return parse_options(texts, info_pointers, declared);
}

}  // namespace kdx::cli
