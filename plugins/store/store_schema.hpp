// The store's schema, shared by the sqlite and postgresql formats: its SQL
// text (schema.sql, the latest version), the forward migrations from earlier
// versions, and recognising a store.
#pragma once

#include <string>

#include "store_db.hpp"

namespace kdx::store {

// The schema version schema.sql creates, and the newest this kdx reads.
inline constexpr int schema_version = 2;

// schema.sql: creates every table of the latest version, in SQL that SQLite
// and PostgreSQL both run.
const char* schema_sql() noexcept;

// The tables schema.sql creates, children before the tables they refer to.
const char* const* store_tables() noexcept;

// Creates the latest schema in an empty database: the tables, then the
// UNIQUE indexes of the large tables (see "@keys" in schema.sql), which a
// new SQLite store creates after its records are in.
void create_tables(Db& db);
void create_keys(Db& db);

// The store's schema version; throws kdx::Error when the database is not a
// kdx store or its version is newer than schema_version.
int check_version(Db& db);

// Upgrades a store of an older version to schema_version, step by step, in
// the caller's transaction.
void migrate(Db& db, int from_version);

}  // namespace kdx::store
