#include "xlsx_zip.hpp"

#include <algorithm>
#include <array>
#include <condition_variable>
#include <cstring>
#include <exception>
#include <fstream>
#include <memory>
#include <mutex>
#include <thread>
#include <vector>

#include "kdx/error.hpp"

namespace kdx::xlsx {

namespace {

std::string lower(std::string s) {
    for (char& c : s)
        if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    return s;
}

std::string mebibytes(std::uint64_t bytes) {
    if (bytes < (1u << 20)) return std::to_string(bytes) + " bytes";
    return std::to_string(bytes >> 20) + " MiB";
}

// Whether an OLE compound file holds an "EncryptedPackage" stream, which is
// how Office stores a password-protected workbook. Directory entry names are
// UTF-16LE.
bool ole_has_encrypted_package(const std::filesystem::path& path) {
    std::ifstream in(path, std::ios::binary);
    static const std::string name = [] {
        std::string n;
        for (char c : std::string("EncryptedPackage")) n += std::string{c, '\0'};
        return n;
    }();
    std::vector<char> buffer(1 << 20);
    std::string tail;
    while (in) {
        in.read(buffer.data(), static_cast<std::streamsize>(buffer.size()));
        std::string chunk =
            tail + std::string(buffer.data(), static_cast<std::size_t>(in.gcount()));
        if (chunk.find(name) != std::string::npos) return true;
        tail = chunk.size() > name.size() ? chunk.substr(chunk.size() - name.size()) : chunk;
    }
    return false;
}

// Refuses names that would point outside the package if extracted: absolute
// ("/x", "\\x", "C:x") or climbing out (".."). Called on the name with its
// backslashes already turned into slashes.
bool unsafe_name(const std::string& name) {
    if (name.empty() || name[0] == '/') return true;
    if (name.size() > 1 && name[1] == ':') return true;
    std::size_t start = 0;
    while (start <= name.size()) {
        std::size_t end = name.find('/', start);
        if (end == std::string::npos) end = name.size();
        if (name.compare(start, end - start, "..") == 0 && end - start == 2) return true;
        start = end + 1;
    }
    return false;
}

// What a file that is not a zip archive is, for the error message.
[[noreturn]] void not_a_zip(const std::filesystem::path& path, const std::string& file,
                            const std::string& head) {
    static const char ole[] = "\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1";
    if (head.compare(0, 8, ole, 8) == 0) {
        if (ole_has_encrypted_package(path))
            throw Error(
                "the workbook is password-protected (an encrypted OLE file with an "
                "EncryptedPackage stream); kdx cannot read it: remove the password in Excel "
                "(File > Info > Protect Workbook) and save it again",
                Location::at(file));
        throw Error(
            "not an .xlsx workbook: an OLE compound file (an Excel 97-2003 .xls or other old "
            "Office file); save it as .xlsx",
            Location::at(file));
    }
    if (head.empty()) throw Error("not an .xlsx workbook: the file is empty", Location::at(file));
    if (head.compare(0, 5, "<?xml") == 0 || head[0] == '<')
        throw Error("not an .xlsx workbook: an XML file, not a zip archive", Location::at(file));
    throw Error("not an .xlsx workbook: not a zip archive", Location::at(file));
}

}  // namespace

Package::Package(const std::filesystem::path& path, std::string file, const ReadLimits& limits)
    : path_(path), file_(std::move(file)), limits_(limits) {
    std::string head;
    {
        std::ifstream in(path, std::ios::binary);
        if (!in) throw Error("cannot open the file for reading", Location::at(file_));
        std::array<char, 8> bytes{};
        in.read(bytes.data(), bytes.size());
        head.assign(bytes.data(), static_cast<std::size_t>(in.gcount()));
    }
    if (head.compare(0, 2, "PK") != 0) not_a_zip(path, file_, head);

    int code = 0;
    zip_ = zip_open(path.c_str(), ZIP_RDONLY | ZIP_CHECKCONS, &code);
    if (!zip_) {
        if (code == ZIP_ER_NOZIP || code == ZIP_ER_INCONS)
            throw Error(
                "the zip archive is truncated or damaged (its central directory is missing or "
                "does not match its entries); the file may have been cut off in transfer",
                Location::at(file_));
        zip_error_t error;
        zip_error_init_with_code(&error, code);
        std::string what = zip_error_strerror(&error);
        zip_error_fini(&error);
        throw Error("cannot open the zip archive: " + what, Location::at(file_));
    }
    try {
        zip_int64_t count = zip_get_num_entries(zip_, 0);
        std::uint64_t total = 0;
        for (zip_int64_t i = 0; i < count; ++i) {
            zip_stat_t st;
            zip_stat_init(&st);
            if (zip_stat_index(zip_, static_cast<zip_uint64_t>(i), 0, &st) != 0 ||
                !(st.valid & ZIP_STAT_NAME) || !(st.valid & ZIP_STAT_SIZE))
                throw Error(
                    "the zip archive is damaged: entry " + std::to_string(i) + " cannot be read",
                    Location::at(file_));
            // Some Windows tools write part names with backslashes
            // ("xl\\worksheets\\sheet1.xml"); Office reads them as slashes.
            std::string name = st.name;
            std::replace(name.begin(), name.end(), '\\', '/');
            if (unsafe_name(name))
                throw Error(std::string("the zip archive has an entry named \"") + st.name +
                                "\", which points outside the package; refused",
                            Location::at(file_));
            if ((st.valid & ZIP_STAT_ENCRYPTION_METHOD) && st.encryption_method != ZIP_EM_NONE)
                throw Error("the zip entry \"" + name + "\" is encrypted; kdx cannot read it",
                            Location::at(file_));
            if (st.size > limits_.max_part_size)
                throw Error("part " + name + " is " + mebibytes(st.size) +
                                " uncompressed, more than the limit of " +
                                mebibytes(limits_.max_part_size) + " (max-part-size)",
                            Location::at(file_));
            if (st.size > limits_.ratio_threshold && (st.valid & ZIP_STAT_COMP_SIZE) &&
                st.size > limits_.max_compression_ratio * std::max<std::uint64_t>(st.comp_size, 1))
                throw Error("part " + name + " expands from " + mebibytes(st.comp_size) + " to " +
                                mebibytes(st.size) + ", more than " +
                                std::to_string(limits_.max_compression_ratio) +
                                " times (max-compression-ratio); refused as a possible zip bomb",
                            Location::at(file_));
            total += st.size;
            if (total > limits_.max_total_size)
                throw Error("the parts of the package add up to more than " +
                                mebibytes(limits_.max_total_size) +
                                " uncompressed (max-total-size)",
                            Location::at(file_));
            entries_.emplace(lower(name), Entry{static_cast<zip_uint64_t>(i), st.size});
        }
    } catch (...) {
        zip_discard(zip_);
        throw;
    }
}

Package::~Package() {
    if (zip_) zip_discard(zip_);
}

bool Package::has(const std::string& part) const { return entries_.count(lower(part)) != 0; }

std::uint64_t Package::size(const std::string& part) const {
    auto it = entries_.find(lower(part));
    return it == entries_.end() ? 0 : it->second.size;
}

const Package::Entry& Package::entry(const std::string& part) const {
    auto it = entries_.find(lower(part));
    if (it == entries_.end()) throw Error("the package has no part " + part, Location::at(file_));
    return it->second;
}

std::string Package::read(const std::string& part) const {
    std::string text;
    text.reserve(static_cast<std::size_t>(entry(part).size));
    stream(part, [&](const char* data, std::size_t size) {
        text.append(data, size);
        return true;
    });
    return text;
}

namespace {

// One part of an open archive, read in chunks. Throws kdx::Error when the
// data is damaged or inflates past what the directory declared or the limit.
class PartReader {
  public:
    PartReader(zip_t* zip, zip_uint64_t index, std::uint64_t declared, const std::string& part,
               const std::string& file, std::uint64_t max_part_size)
        : file_(zip_fopen_index(zip, index, 0), zip_fclose),
          declared_(declared),
          part_(part),
          where_(file),
          max_part_size_(max_part_size) {
        if (!file_)
            throw Error("part " + part + " cannot be read: " + zip_strerror(zip),
                        Location::at(where_));
    }

    // Fills `buffer` with up to `size` bytes; 0 at the end of the part.
    std::size_t next(char* buffer, std::size_t size) {
        zip_int64_t n = zip_fread(file_.get(), buffer, size);
        if (n < 0)
            throw Error("part " + part_ + " is damaged: " + zip_file_strerror(file_.get()) +
                            " (the file may have been cut off or altered)",
                        Location::at(where_));
        total_ += static_cast<std::uint64_t>(n);
        // The directory's sizes are checked at open; this holds when they lie.
        if (total_ > max_part_size_ || total_ > declared_)
            throw Error("part " + part_ +
                            " inflates to more than the size its zip entry "
                            "declares or the limit of " +
                            mebibytes(max_part_size_) + " (max-part-size)",
                        Location::at(where_));
        return static_cast<std::size_t>(n);
    }

  private:
    std::unique_ptr<zip_file_t, int (*)(zip_file_t*)> file_;
    std::uint64_t declared_;
    std::uint64_t total_ = 0;
    const std::string& part_;
    const std::string& where_;
    std::uint64_t max_part_size_;
};

constexpr std::size_t chunk_size = 1 << 18;

// Chunks handed from the inflating thread to the parsing one: `slots`
// buffers go round, so at most that many chunks are in memory.
class ChunkQueue {
  public:
    static constexpr std::size_t slots = 4;

    // Inflating side: the next free buffer, or nullptr once the reader stopped.
    char* free_buffer() {
        std::unique_lock<std::mutex> lock(mutex_);
        changed_.wait(lock, [&] { return stopped_ || filled_ < slots; });
        return stopped_ ? nullptr : buffers_[(head_ + filled_) % slots].data();
    }
    void push(std::size_t size) {
        std::lock_guard<std::mutex> lock(mutex_);
        sizes_[(head_ + filled_) % slots] = size;
        ++filled_;
        if (size == 0) finished_ = true;
        changed_.notify_all();
    }
    void fail(std::exception_ptr error) {
        std::lock_guard<std::mutex> lock(mutex_);
        error_ = std::move(error);
        finished_ = true;
        changed_.notify_all();
    }

    // Parsing side: the next chunk (size 0 at the end); rethrows the
    // inflating thread's error once the chunks before it are used.
    std::pair<const char*, std::size_t> front() {
        std::unique_lock<std::mutex> lock(mutex_);
        changed_.wait(lock, [&] { return filled_ > 0 || finished_; });
        if (filled_ == 0) {
            if (error_) std::rethrow_exception(error_);
            return {nullptr, 0};
        }
        return {buffers_[head_].data(), sizes_[head_]};
    }
    void pop() {
        std::lock_guard<std::mutex> lock(mutex_);
        head_ = (head_ + 1) % slots;
        --filled_;
        changed_.notify_all();
    }
    // The parsing side is done, early or not; the inflating side stops.
    void stop() {
        std::lock_guard<std::mutex> lock(mutex_);
        stopped_ = true;
        changed_.notify_all();
    }

  private:
    std::mutex mutex_;
    std::condition_variable changed_;
    std::array<std::array<char, chunk_size>, slots> buffers_;
    std::array<std::size_t, slots> sizes_{};
    std::size_t head_ = 0, filled_ = 0;
    bool finished_ = false, stopped_ = false;
    std::exception_ptr error_;
};

}  // namespace

void Package::stream(const std::string& part,
                     const std::function<bool(const char*, std::size_t)>& sink) const {
    const Entry& e = entry(part);
    if (e.size >= limits_.read_ahead_from) {
        stream_ahead(part, e, sink);
        return;
    }
    PartReader reader(zip_, e.index, e.size, part, file_, limits_.max_part_size);
    std::vector<char> buffer(chunk_size);
    while (std::size_t n = reader.next(buffer.data(), buffer.size()))
        if (!sink(buffer.data(), n)) break;
}

void Package::stream_ahead(const std::string& part, const Entry& e,
                           const std::function<bool(const char*, std::size_t)>& sink) const {
    // The inflating thread opens the file again: a libzip archive is not to
    // be used from two threads, and the parsing side may read this one (to
    // find the line of an error) while the other thread runs.
    auto owned = std::make_unique<ChunkQueue>();  // 1 MiB of buffers: not on the stack
    ChunkQueue& queue = *owned;
    std::thread inflate([&] {
        try {
            int code = 0;
            std::unique_ptr<zip_t, void (*)(zip_t*)> zip(zip_open(path_.c_str(), ZIP_RDONLY, &code),
                                                         zip_discard);
            zip_stat_t st;
            zip_stat_init(&st);
            if (!zip || zip_stat_index(zip.get(), e.index, 0, &st) != 0 ||
                !(st.valid & ZIP_STAT_SIZE) || st.size != e.size)
                throw Error("the file changed while part " + part + " was being read",
                            Location::at(file_));
            PartReader reader(zip.get(), e.index, e.size, part, file_, limits_.max_part_size);
            while (char* buffer = queue.free_buffer()) {
                std::size_t n = reader.next(buffer, chunk_size);
                queue.push(n);
                if (n == 0) break;
            }
        } catch (...) {
            queue.fail(std::current_exception());
        }
    });
    struct Join {
        ChunkQueue& queue;
        std::thread& thread;
        ~Join() {
            queue.stop();
            thread.join();
        }
    } join{queue, inflate};
    for (;;) {
        auto [data, size] = queue.front();
        if (size == 0 || !sink(data, size)) break;
        queue.pop();
    }
}

}  // namespace kdx::xlsx
