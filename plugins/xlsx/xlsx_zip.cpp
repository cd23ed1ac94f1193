#include "xlsx_zip.hpp"

#include <algorithm>
#include <array>
#include <cstring>
#include <fstream>
#include <memory>
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

// Refuses names that would point outside the package if extracted.
bool unsafe_name(const std::string& name) {
    if (name.empty() || name[0] == '/' || name[0] == '\\') return true;
    if (name.find('\\') != std::string::npos) return true;
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
    : file_(std::move(file)), limits_(limits) {
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
            std::string name = st.name;
            if (unsafe_name(name))
                throw Error("the zip archive has an entry named \"" + name +
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

void Package::stream(const std::string& part,
                     const std::function<bool(const char*, std::size_t)>& sink) const {
    const Entry& e = entry(part);
    std::unique_ptr<zip_file_t, int (*)(zip_file_t*)> f(zip_fopen_index(zip_, e.index, 0),
                                                        zip_fclose);
    if (!f)
        throw Error("part " + part + " cannot be read: " + zip_strerror(zip_), Location::at(file_));
    std::vector<char> buffer(1 << 18);
    std::uint64_t total = 0;
    for (;;) {
        zip_int64_t n = zip_fread(f.get(), buffer.data(), buffer.size());
        if (n < 0)
            throw Error("part " + part + " is damaged: " + zip_file_strerror(f.get()) +
                            " (the file may have been cut off or altered)",
                        Location::at(file_));
        if (n == 0) break;
        total += static_cast<std::uint64_t>(n);
        // The directory's sizes are checked at open; this holds when they lie.
        if (total > limits_.max_part_size || total > e.size)
            throw Error("part " + part +
                            " inflates to more than the size its zip entry "
                            "declares or the limit of " +
                            mebibytes(limits_.max_part_size) + " (max-part-size)",
                        Location::at(file_));
        if (!sink(buffer.data(), static_cast<std::size_t>(n))) break;
    }
}

}  // namespace kdx::xlsx
