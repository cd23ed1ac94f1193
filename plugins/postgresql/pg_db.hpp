// The store's database interface (plugins/store/store_db.hpp) over libpq: one
// connection, statements prepared once per connection, rows read one at a
// time (libpq's single-row mode) so that reading a large store does not hold
// every row in memory twice.
#pragma once

#include <libpq-fe.h>

#include <map>
#include <string>

#include "store_db.hpp"

namespace kdx::store {

class PgStatement;

class PgDb : public Db {
  public:
    // Connects with a libpq connection string ("postgresql://…" or
    // "host=… dbname=…"); the password comes from it, PGPASSWORD, PGPASSFILE
    // or ~/.pgpass, as libpq finds it. Throws kdx::Error naming the store with
    // its password masked.
    explicit PgDb(const std::string& conninfo);
    ~PgDb() override;

    PGconn* handle() const noexcept { return conn_; }
    const char* kind() const override { return "a PostgreSQL database"; }
    std::unique_ptr<StatementImpl> prepare(const std::string& sql) override;
    void exec(const std::string& sql) override;
    bool has_table(const std::string& name) override;
    [[noreturn]] void fail(const std::string& what) const override;

    // Text from the server or libpq with any password the connection string
    // holds replaced by "***" (libpq quotes parts of a bad connection string).
    std::string masked(std::string text) const;
    // Ends ROLLBACK; errors ignored (the caller is already failing).
    void rollback() noexcept;

    // The statement whose rows are being read; another statement drains them
    // first (a connection runs one query at a time).
    void settle(PgStatement* next);
    void forget(PgStatement* s) {
        if (active_ == s) active_ = nullptr;
    }
    void set_error(std::string e) const { error_ = std::move(e); }

  private:
    PGconn* conn_ = nullptr;
    std::string password_;
    std::map<std::string, std::string> prepared_;  // SQL -> statement name
    PgStatement* active_ = nullptr;
    mutable std::string error_;
};

}  // namespace kdx::store
