// What a kdx store in SQLite adds to the shared schema (plugins/store):
// recognising an SQLite file, and the schema version also kept in SQLite's
// header (PRAGMA user_version, application_id).
#pragma once

#include <filesystem>

#include "sqlite_db.hpp"
#include "store_schema.hpp"

namespace kdx::store {

// True when the file starts with SQLite's 16-byte header ("SQLite format 3").
bool has_sqlite_header(const std::filesystem::path& file);

// Throws kdx::Error unless `file` is an SQLite database: names the file and
// what it found instead.
void require_sqlite_file(const std::filesystem::path& file);

// create_tables(), then the header's application id and user version.
void create_sqlite_tables(SqliteDb& db);

// migrate(), then the header's user version.
void migrate_sqlite(SqliteDb& db, int from_version);

}  // namespace kdx::store
