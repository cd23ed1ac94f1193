// What the store's shared code (schema, importer, reader) needs of a
// database: statements with '?' parameters, run one at a time. plugins/sqlite
// and plugins/postgresql each implement it over their C library, so that the
// record mapping is written once.
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string>

namespace kdx::store {

// One prepared statement of a connection; bind() is 1-based, column() 0-based.
class StatementImpl {
  public:
    virtual ~StatementImpl();
    virtual void bind(int i, const std::string& v) = 0;
    virtual void bind(int i, std::int64_t v) = 0;
    virtual void bind(int i, double v) = 0;
    virtual void bind_null(int i) = 0;
    // Runs the statement the first time, and moves to the next row: true when
    // a row is ready. An INSERT whose key is taken returns false with
    // key_taken(); other errors throw kdx::Error.
    virtual bool step() = 0;
    // After step() returned false: the statement ran to its end (as opposed
    // to an INSERT refused for a key already there).
    virtual bool done() const = 0;
    virtual bool key_taken() const = 0;
    // Ready to run again; bindings may be kept, every caller binds again.
    virtual void reset() = 0;
    virtual bool is_null(int c) const = 0;
    virtual std::int64_t integer(int c) const = 0;
    virtual double real(int c) const = 0;
    virtual std::string text(int c) const = 0;
};

class Db {
  public:
    explicit Db(std::string shown) : shown_(std::move(shown)) {}
    virtual ~Db();
    Db(const Db&) = delete;
    Db& operator=(const Db&) = delete;

    // The store's name in messages: the file, or a URI with its password masked.
    const std::string& shown() const noexcept { return shown_; }
    // "an SQLite database", "a PostgreSQL database": what a non-store is.
    virtual const char* kind() const = 0;
    virtual std::unique_ptr<StatementImpl> prepare(const std::string& sql) = 0;
    // Runs one or more statements without results.
    virtual void exec(const std::string& sql) = 0;
    virtual bool has_table(const std::string& name) = 0;
    // Throws kdx::Error: "<store>: <what>: <the library's message>".
    [[noreturn]] virtual void fail(const std::string& what) const = 0;
    // Before the keys of a new store's large tables are sorted.
    virtual void before_creating_keys() {}

    // The first column of the first row of a query, or nullopt when it has no row.
    std::optional<std::int64_t> integer(const std::string& sql);
    std::optional<std::string> text(const std::string& sql);

  private:
    std::string shown_;
};

// A statement of `db`, as the shared code uses it.
class Statement {
  public:
    Statement(Db& db, const std::string& sql) : db_(db), impl_(db.prepare(sql)) {}

    Statement& bind(int i, const std::string& v) { return impl_->bind(i, v), *this; }
    Statement& bind(int i, std::int64_t v) { return impl_->bind(i, v), *this; }
    Statement& bind(int i, int v) { return bind(i, static_cast<std::int64_t>(v)); }
    Statement& bind(int i, double v) { return impl_->bind(i, v), *this; }
    Statement& bind_null(int i) { return impl_->bind_null(i), *this; }
    bool step() { return impl_->step(); }
    bool done() const { return impl_->done(); }
    bool key_taken() const { return impl_->key_taken(); }
    // Steps to the end; throws on any error, a taken key included.
    void run();
    void reset() { impl_->reset(); }

    bool is_null(int c) const { return impl_->is_null(c); }
    std::int64_t integer(int c) const { return impl_->integer(c); }
    double real(int c) const { return impl_->real(c); }
    std::string text(int c) const { return impl_->text(c); }

  private:
    Db& db_;
    std::unique_ptr<StatementImpl> impl_;
};

}  // namespace kdx::store
