#include "sqlite_store.hpp"

#include "kdx/atomic_file.hpp"
#include "sqlite_db.hpp"
#include "sqlite_schema.hpp"
#include "store_reader.hpp"

namespace kdx::store {

namespace fs = std::filesystem;

namespace {

// PRAGMAs for a store being written. A new store is written to a temporary
// file that replaces the target only when complete (AtomicFile), so it needs
// no journal; an import into an existing store keeps SQLite's rollback journal
// and full syncs, which make it all or nothing even when killed. The page
// size goes first: a cache size in KiB becomes a number of pages of the size
// set at the time (after it, the 8 MiB cache held 32 MiB of 16 KiB pages).
void new_store_pragmas(SqliteDb& db) {
    db.exec(
        "PRAGMA foreign_keys = ON; PRAGMA journal_mode = OFF; PRAGMA synchronous = OFF; "
        "PRAGMA locking_mode = EXCLUSIVE; PRAGMA page_size = 16384; "
        "PRAGMA cache_size = -8192;");
}

void import_pragmas(SqliteDb& db) {
    // A page cache that holds a large import: a page spilled from the cache
    // before the commit costs a sync of the journal first.
    db.exec("PRAGMA foreign_keys = ON; PRAGMA synchronous = FULL; PRAGMA cache_size = -262144;");
}

void write_new(const Dataset& dataset, const fs::path& output, WriteMode mode) {
    write_atomically(output, [&](const fs::path& temp) {
        SqliteDb db(temp, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX,
                    output.string());
        new_store_pragmas(db);
        db.exec("BEGIN");
        create_sqlite_tables(db);
        import_dataset(db, dataset, mode, true);
        db.exec("COMMIT");
    });
}

// A new store written in parts, in the same transaction and temporary file
// as write_new(): the records go in as they come, the keys are made at commit.
class SqliteBatches : public BatchWriter {
  public:
    SqliteBatches(const fs::path& output, WriteMode mode)
        : output_(output),
          file_(output),
          db_(std::make_unique<SqliteDb>(
              file_.temp_path(), SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX,
              output.string())) {
        new_store_pragmas(*db_);
        // In flat memory: SQLite's sorter keeps a list of the page cache's
        // size per sorting thread (three at the peak), so the keys are sorted
        // in 8 MiB runs merged from temporary files.
        db_->set_key_sort_memory(8192);
        db_->exec("BEGIN");
        create_sqlite_tables(*db_);
        import_ = std::make_unique<StoreImport>(*db_, mode, true);
    }

    void write(const Dataset& part, Diagnostics&) override { import_->part(part); }

    void commit(const Dataset& rest, Diagnostics&) override {
        import_->finish(rest);
        db_->exec("COMMIT");
        import_.reset();
        db_.reset();  // closed before the file takes the target's name
        file_.commit();
    }

  private:
    fs::path output_;
    // Destroyed in reverse: the statements and the connection before the file.
    AtomicFile file_;
    std::unique_ptr<SqliteDb> db_;
    std::unique_ptr<StoreImport> import_;
};

void merge_into(const Dataset& dataset, const fs::path& output, WriteMode mode) {
    require_sqlite_file(output);
    SqliteDb db(output, SQLITE_OPEN_READWRITE | SQLITE_OPEN_NOMUTEX, output.string());
    // Takes the write lock before reading the version, so that two imports
    // cannot both migrate or both decide a key is free.
    import_pragmas(db);
    db.exec("BEGIN IMMEDIATE");
    try {
        const int version = check_version(db);
        if (version < schema_version) migrate_sqlite(db, version);
        import_dataset(db, dataset, mode, false);
        db.exec("COMMIT");
    } catch (...) {
        sqlite3_exec(db.handle(), "ROLLBACK", nullptr, nullptr, nullptr);
        throw;
    }
}

}  // namespace

void write_sqlite_store(const Dataset& dataset, const fs::path& output, WriteMode mode) {
    if (mode.replace) mode.merge = true;
    std::error_code ec;
    if (mode.merge && fs::exists(output, ec))
        merge_into(dataset, output, mode);
    else
        write_new(dataset, output, mode);
}

std::unique_ptr<BatchWriter> open_sqlite_batches(const fs::path& output, WriteMode mode) {
    if (mode.replace) mode.merge = true;
    // A merge checks each record against the store's keys and answers for
    // the whole import at once; it is written whole.
    if (mode.merge) return nullptr;
    return std::make_unique<SqliteBatches>(output, mode);
}

Dataset read_sqlite_store(const fs::path& file) {
    require_sqlite_file(file);
    // Read-write when the file allows it, so that SQLite can roll back the
    // journal an import killed half-way left behind; it falls back to
    // read-only by itself for a write-protected file.
    SqliteDb db(file, SQLITE_OPEN_READWRITE | SQLITE_OPEN_NOMUTEX, file.string());
    const int version = check_version(db);
    Dataset d;
    if (version < schema_version) {
        // Upgrade a copy in memory: reading never changes the store.
        SqliteDb copy(":memory:", SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, file.string());
        sqlite3_backup* b = sqlite3_backup_init(copy.handle(), "main", db.handle(), "main");
        if (!b) copy.fail("cannot copy the store to upgrade it");
        sqlite3_backup_step(b, -1);
        if (sqlite3_backup_finish(b) != SQLITE_OK) copy.fail("cannot copy the store to upgrade it");
        migrate_sqlite(copy, version);
        read_tables(copy, d);
        return d;
    }
    // One read transaction: a consistent snapshot while an import may run.
    db.exec("BEGIN");
    read_tables(db, d);
    db.exec("COMMIT");
    return d;
}

}  // namespace kdx::store
