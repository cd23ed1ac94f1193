// Registers the sqlite format.
#include <memory>

#include "kdx/plugin.hpp"
#include "sqlite_format.hpp"

namespace {

void register_formats(kdx::Registrar& r) {
    r.set_info(
        {"sqlite", "1.0.0",
         "kdx store in SQLite: whole datasets, imports merged with their sources and hashes"});
    r.add_format(std::make_unique<kdx::store::SqliteFormat>());
}

}  // namespace

KDX_PLUGIN(register_formats)
