// The zip package of a workbook, read with libzip. Opening checks what the
// file is (zip, encrypted OLE file, something else), the entry names and the
// size limits; parts are read whole or streamed in chunks.
#pragma once

#include <zip.h>

#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <functional>
#include <string>
#include <unordered_map>

#include "xlsx_read_limits.hpp"

namespace kdx::xlsx {

class Package {
  public:
    // Throws kdx::Error naming `file` when the file is not a zip archive, is
    // a password-protected (OLE) workbook, is truncated, has entries that
    // point outside the package or are encrypted, or breaks a size limit.
    Package(const std::filesystem::path& path, std::string file, const ReadLimits& limits);
    ~Package();
    Package(const Package&) = delete;
    Package& operator=(const Package&) = delete;

    const std::string& file() const noexcept { return file_; }
    // Part names compare without regard to case, as OPC says.
    bool has(const std::string& part) const;
    // The uncompressed size the zip directory gives; 0 for an absent part.
    std::uint64_t size(const std::string& part) const;
    // The whole part; throws kdx::Error when absent or unreadable.
    std::string read(const std::string& part) const;
    // Passes the part to `sink` in chunks until the end or until `sink`
    // returns false; throws kdx::Error when absent or unreadable. A part of
    // limits.read_ahead_from bytes or more is inflated on a second thread,
    // through its own handle on the file, while `sink` works on the chunk
    // before; `sink` is always called on the calling thread.
    void stream(const std::string& part,
                const std::function<bool(const char* data, std::size_t size)>& sink) const;

  private:
    struct Entry {
        zip_uint64_t index;
        std::uint64_t size;
    };
    const Entry& entry(const std::string& part) const;
    void stream_ahead(const std::string& part, const Entry& e,
                      const std::function<bool(const char*, std::size_t)>& sink) const;

    std::filesystem::path path_;
    std::string file_;
    ReadLimits limits_;
    zip_t* zip_ = nullptr;
    std::unordered_map<std::string, Entry> entries_;  // by lower-case name
};

}  // namespace kdx::xlsx
