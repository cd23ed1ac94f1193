// Reading a whole dataset from a kdx store's tables, shared by the sqlite
// and postgresql formats.
#pragma once

#include "kdx/model.hpp"
#include "store_db.hpp"

namespace kdx::store {

// Reads every table of a store of the latest schema version into `d`, in the
// store's order. The caller checks the version (and upgrades an older store
// where it may) and gives a consistent snapshot (one read transaction).
void read_tables(Db& db, Dataset& d);

}  // namespace kdx::store
