// Registers the postgresql format.
#include <memory>

#include "kdx/plugin.hpp"
#include "pg_format.hpp"

namespace {

void register_formats(kdx::Registrar& r) {
    r.set_info({"postgresql", "1.0.0",
                "kdx store in PostgreSQL: the sqlite store's schema and imports in a shared "
                "database"});
    r.add_format(std::make_unique<kdx::store::PgFormat>());
}

}  // namespace

KDX_PLUGIN(register_formats)
