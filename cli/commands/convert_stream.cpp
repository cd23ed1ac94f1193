#include "convert_stream.hpp"

#include <cstdlib>
#include <future>
#include <memory>
#include <unordered_set>

#include "kdx/error.hpp"
#include "kdx/file_hash.hpp"
#include "kdx/validate.hpp"
#include "string_index.hpp"

namespace kdx::cli {

namespace fs = std::filesystem;

namespace {

template <typename Record>
void append(std::vector<Record>& into, std::vector<Record>& from) {
    into.insert(into.end(), std::make_move_iterator(from.begin()),
                std::make_move_iterator(from.end()));
    from.clear();
}

// Takes the reader's parts: holds them until there are more than `hold`
// records of a kind, then checks and writes each as it comes.
class ConvertSink : public BatchSink {
  public:
    ConvertSink(std::unique_ptr<host::LoadedBatchWriter> writer, std::size_t hold)
        : writer_(std::move(writer)), hold_(hold) {}

    bool records(Dataset& part) override {
        if (!streaming_) {
            append(held_.settlement, part.settlement);
            append(held_.outcomes, part.outcomes);
            if (held_.settlement.size() <= hold_ && held_.outcomes.size() <= hold_) return true;
            streaming_ = true;
            part.settlement.swap(held_.settlement);
            part.outcomes.swap(held_.outcomes);
            held_ = Dataset();
        }
        settlement_ += part.settlement.size();
        outcomes_ += part.outcomes.size();
        check_.part(part);
        note_names(part);
        writer_->write(part, writing_);
        return true;
    }

    void needs_whole(const std::string& why) override { why_ = why; }

    bool streaming() const noexcept { return streaming_; }
    const std::string& why() const noexcept { return why_; }

    // The rest as written after the parts; false (with why()) when a
    // municipality written without a name has one now.
    bool finish(const Dataset& rest, Diagnostics& checks, Diagnostics& writing) {
        for (const std::string& number : nameless_)
            if (const Municipality* m = rest.find_municipality(number); m && !m->name.empty()) {
                why_ = "municipality " + number + " was named only after its first records";
                return false;
            }
        check_.finish(rest, checks);
        writer_->commit(rest, writing_);
        writing.append(writing_);
        return true;
    }

    // The whole dataset of an input smaller than the hold.
    Dataset whole(Dataset rest) {
        held_.settlement.reserve(held_.settlement.size() + rest.settlement.size());
        append(held_.settlement, rest.settlement);
        append(held_.outcomes, rest.outcomes);
        rest.settlement.swap(held_.settlement);
        rest.outcomes.swap(held_.outcomes);
        return rest;
    }

    std::size_t settlement() const noexcept { return settlement_; }
    std::size_t outcomes() const noexcept { return outcomes_; }

  private:
    // Writers put each record's municipality name beside it; a name the
    // reader completes later would make the streamed file differ.
    void note_names(const Dataset& part) {
        for (const SettlementFigures& s : part.settlement) {
            if (named_.find(s.municipality) != StringIndex::npos) continue;
            const Municipality* m = part.find_municipality(s.municipality);
            if (m && !m->name.empty())
                named_.insert(s.municipality);
            else
                nameless_.insert(s.municipality);
        }
    }

    std::unique_ptr<host::LoadedBatchWriter> writer_;
    std::size_t hold_;
    bool streaming_ = false;
    Dataset held_;
    StreamCheck check_;
    Diagnostics writing_;
    StringIndex named_;
    std::unordered_set<std::string> nameless_;
    std::string why_;
    std::size_t settlement_ = 0, outcomes_ = 0;
};

}  // namespace

std::size_t convert_hold() {
    if (const char* v = std::getenv("KDX_CONVERT_HOLD"); v && *v) {
        char* end = nullptr;
        unsigned long long n = std::strtoull(v, &end, 10);
        if (end && *end == '\0') return static_cast<std::size_t>(n);
    }
    return 8192;
}

std::optional<StreamedConvert> convert_in_parts(
    const host::LoadedFormat& reader, const host::LoadedFormat& writer, const fs::path& input,
    const fs::path& output, const Options& read_options, const Options& write_options,
    Diagnostics& diagnostics, std::size_t hold, std::optional<Dataset>& small, std::string& why) {
    if (!reader.reads_batches() || !writer.writes_batches()) return std::nullopt;
    std::error_code ec;
    if (!fs::exists(input, ec)) throw Error("no such file", Location::at(input.string()));
    if (fs::is_directory(input, ec))
        throw Error("is a folder, not a file", Location::at(input.string()));
    Diagnostics opening;
    auto batches = writer.open_batches(output, write_options, opening);
    if (!batches) return std::nullopt;

    auto hashing = std::async(std::launch::async, [&input] { return file_sha256(input); });
    ConvertSink sink(std::move(batches), hold);
    Diagnostics reading;
    Dataset rest = reader.read_batches(input, read_options, sink, reading);
    const std::string sha256 = hashing.get();
    if (!sink.why().empty()) {
        why = sink.why();
        return std::nullopt;
    }
    for (Source& s : rest.sources)
        if (s.sha256.empty() && (s.file == input.string() || s.file == input.filename().string()))
            s.sha256 = sha256;
    if (!sink.streaming()) {
        diagnostics.append(reading);
        small = sink.whole(std::move(rest));
        return std::nullopt;
    }
    Diagnostics checks, writing;
    writing.append(opening);
    if (!sink.finish(rest, checks, writing)) {
        why = sink.why();
        return std::nullopt;
    }
    diagnostics.append(reading);
    diagnostics.append(checks);
    diagnostics.append(writing);
    StreamedConvert done;
    done.municipalities = rest.municipalities.size();
    done.settlement = sink.settlement() + rest.settlement.size();
    done.programmes = rest.programmes.size();
    done.outcomes = sink.outcomes() + rest.outcomes.size();
    done.nominations = rest.nominations.size();
    return done;
}

}  // namespace kdx::cli
