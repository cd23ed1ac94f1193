// The store's schema: its SQL text (schema.sql, the latest version), the
// forward migrations from earlier versions, and recognising a store.
#pragma once

#include <filesystem>
#include <string>

#include "sqlite_db.hpp"

namespace kdx::store {

// The schema version schema.sql creates, and the newest this plugin reads.
inline constexpr int schema_version = 2;

// schema.sql: creates every table of the latest version (no PRAGMAs: the text
// is meant for PostgreSQL too).
const char* schema_sql() noexcept;

// True when the file starts with SQLite's 16-byte header ("SQLite format 3").
bool has_sqlite_header(const std::filesystem::path& file);

// Throws kdx::Error unless `file` is an SQLite database: names the file and
// what it found instead.
void require_sqlite_file(const std::filesystem::path& file);

// Creates the latest schema in an empty database: the tables, then the
// UNIQUE indexes of the large tables (see "@keys" in schema.sql), which a
// new store creates after its records are in.
void create_tables(Db& db);
void create_keys(Db& db);

// The store's schema version; throws kdx::Error when the database is not a
// kdx store or its version is newer than schema_version.
int check_version(Db& db);

// Upgrades a store of an older version to schema_version, step by step, in
// the caller's transaction.
void migrate(Db& db, int from_version);

}  // namespace kdx::store
