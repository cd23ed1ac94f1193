// The binary form in which kdx and kdx-plugin-runner exchange a dataset, a
// report document, options and diagnostics (docs/robustness.md, "Plugins in
// a child process"). Both ends are the same kdx build on the same machine, so
// numbers are in the machine's byte order; the header's magic and version
// catch a runner from another build.
#pragma once

#include <cstdint>
#include <string>

#include "kdx/diagnostics.hpp"
#include "kdx/document.hpp"
#include "kdx/format.hpp"
#include "kdx/model.hpp"

namespace kdx::host::wire {

// Appends values to a byte buffer.
class Writer {
  public:
    void u8(std::uint8_t v) { out_.push_back(static_cast<char>(v)); }
    void u32(std::uint32_t v) { raw(&v, sizeof v); }
    void i64(std::int64_t v) { raw(&v, sizeof v); }
    void f64(double v) { raw(&v, sizeof v); }  // bit for bit: NaN and -0 survive
    void text(const std::string& s) {
        i64(static_cast<std::int64_t>(s.size()));
        out_.append(s);
    }
    const std::string& bytes() const noexcept { return out_; }

  private:
    void raw(const void* p, std::size_t n) { out_.append(static_cast<const char*>(p), n); }
    std::string out_;
};

// Reads values back; throws kdx::Error naming `what` when the bytes end early
// or a count is larger than what is left (a truncated or foreign file).
class Reader {
  public:
    Reader(const std::string& bytes, std::string what) : bytes_(bytes), what_(std::move(what)) {}
    std::uint8_t u8();
    std::uint32_t u32();
    std::int64_t i64();
    double f64();
    std::string text();
    // A count of items that each take at least one byte.
    std::size_t count();
    bool at_end() const noexcept { return pos_ == bytes_.size(); }
    [[noreturn]] void fail(const std::string& why) const;

  private:
    void raw(void* p, std::size_t n);
    const std::string& bytes_;
    std::string what_;
    std::size_t pos_ = 0;
};

// Starts every message: "KDXW" and the version of this layout.
void put_header(Writer& w);
void get_header(Reader& r);

void put(Writer& w, const Dataset& d);
void get(Reader& r, Dataset& d);
void put(Writer& w, const Document& d);
void get(Reader& r, Document& d);
void put(Writer& w, const Diagnostics& d);
void get(Reader& r, Diagnostics& d);
void put(Writer& w, const Location& l);
void get(Reader& r, Location& l);
void put(Writer& w, const Options& o);
void get(Reader& r, Options& o);

}  // namespace kdx::host::wire
