// Registers the sqlite format.
#include <sqlite3.h>

#include <memory>

#include "kdx/plugin.hpp"
#include "sqlite_format.hpp"

namespace {

void register_formats(kdx::Registrar& r) {
    // kdx reads no memory statistics from SQLite; keeping them takes a global
    // mutex on every allocation. Only possible before SQLite starts, which is
    // here: no other part of kdx uses SQLite.
    sqlite3_config(SQLITE_CONFIG_MEMSTATUS, 0);
    r.set_info(
        {"sqlite", "1.0.0",
         "kdx store in SQLite: whole datasets, imports merged with their sources and hashes"});
    r.add_format(std::make_unique<kdx::store::SqliteFormat>());
}

}  // namespace

KDX_PLUGIN(register_formats)
