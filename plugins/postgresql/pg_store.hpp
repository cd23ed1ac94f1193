// A kdx store in a PostgreSQL database: connecting, locking and transactions
// around the shared record mapping (plugins/store).
#pragma once

#include <string>

#include "kdx/model.hpp"
#include "store_writer.hpp"

namespace kdx::store {

// Reads every table in one REPEATABLE READ transaction (a snapshot: an
// import running meanwhile is not seen half-way). A store of an older schema
// version is upgraded inside that transaction, which is then rolled back.
Dataset read_pg_store(const std::string& conninfo);

// In one transaction holding the store's advisory lock: without mode.merge,
// the store's tables are dropped and made anew; with it, the records are
// added to the store (created when the database has none). Throws
// kdx::Error as import_dataset does; the store is then as it was.
void write_pg_store(const Dataset& dataset, const std::string& conninfo, WriteMode mode);

}  // namespace kdx::store
