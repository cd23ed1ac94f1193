// A thin RAII layer over the SQLite C API: a connection and prepared
// statements whose errors throw kdx::Error naming the store.
#pragma once

#include <sqlite3.h>

#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>

namespace kdx::store {

class Db {
  public:
    // Opens `file` with sqlite3_open_v2 flags; throws kdx::Error naming `shown`.
    Db(const std::filesystem::path& file, int flags, std::string shown);
    ~Db();
    Db(const Db&) = delete;
    Db& operator=(const Db&) = delete;

    sqlite3* handle() const noexcept { return db_; }
    const std::string& shown() const noexcept { return shown_; }
    // Runs one or more statements without results.
    void exec(const std::string& sql);
    // The first column of the first row of a query, or nullopt when it has no row.
    std::optional<std::int64_t> integer(const std::string& sql);
    std::optional<std::string> text(const std::string& sql);
    // Throws kdx::Error: "<store>: <what>: <SQLite's message>".
    [[noreturn]] void fail(const std::string& what) const;

  private:
    sqlite3* db_ = nullptr;
    std::string shown_;
};

// A prepared statement; bind() is 1-based, column() 0-based.
class Statement {
  public:
    Statement(Db& db, const std::string& sql);
    ~Statement();
    Statement(const Statement&) = delete;
    Statement& operator=(const Statement&) = delete;

    Statement& bind(int i, const std::string& v);
    Statement& bind(int i, std::int64_t v);
    Statement& bind(int i, int v) { return bind(i, static_cast<std::int64_t>(v)); }
    Statement& bind(int i, double v);
    Statement& bind_null(int i);
    // Steps once: true when a row is ready. A constraint violation returns
    // false with last_result() = SQLITE_CONSTRAINT_*; other errors throw.
    bool step();
    // Steps to the end; throws on any error, constraint violations included.
    void run();
    int last_result() const noexcept { return rc_; }
    void reset();

    bool is_null(int c) const { return sqlite3_column_type(st_, c) == SQLITE_NULL; }
    std::int64_t integer(int c) const { return sqlite3_column_int64(st_, c); }
    double real(int c) const { return sqlite3_column_double(st_, c); }
    std::string text(int c) const;

  private:
    Db& db_;
    sqlite3_stmt* st_ = nullptr;
    int rc_ = SQLITE_OK;
};

}  // namespace kdx::store
