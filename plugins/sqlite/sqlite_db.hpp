// The store's database interface (plugins/store/store_db.hpp) over the SQLite
// C API: errors throw kdx::Error naming the store.
#pragma once

#include <sqlite3.h>

#include <filesystem>

#include "store_db.hpp"

namespace kdx::store {

class SqliteDb : public Db {
  public:
    // Opens `file` with sqlite3_open_v2 flags; throws kdx::Error naming `shown`.
    SqliteDb(const std::filesystem::path& file, int flags, std::string shown);
    ~SqliteDb() override;

    sqlite3* handle() const noexcept { return db_; }
    const char* kind() const override { return "an SQLite database"; }
    std::unique_ptr<StatementImpl> prepare(const std::string& sql) override;
    void exec(const std::string& sql) override;
    bool has_table(const std::string& name) override;
    [[noreturn]] void fail(const std::string& what) const override;
    void before_creating_keys() override;
    // The page cache the key sorts may fill, in KiB (by default 64 MiB).
    void set_key_sort_memory(long kib) noexcept { key_sort_kib_ = kib; }

  private:
    sqlite3* db_ = nullptr;
    long key_sort_kib_ = 65536;
};

}  // namespace kdx::store
