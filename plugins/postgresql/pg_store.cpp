#include "pg_store.hpp"

#include "kdx/error.hpp"
#include "pg_db.hpp"
#include "store_reader.hpp"
#include "store_schema.hpp"

namespace kdx::store {

namespace {

// Imports into one store run one after the other: each holds this
// transaction-level advisory lock from before its first read to its commit
// or rollback. The key is "KDX1" and the schema the store is in, so stores
// in different schemas of one database do not wait for each other.
constexpr const char* lock_store =
    "SELECT pg_advisory_xact_lock(1262770225, hashtext(current_schema()))";

// A database without kdx_meta but with a table of the store's names is not
// replaced: it holds something else.
void refuse_foreign_tables(PgDb& db) {
    for (const char* const* t = store_tables(); *t; ++t)
        if (db.has_table(*t))
            throw Error(db.shown() + ": the database has a table \"" + *t +
                        "\" but no kdx_meta, so it is not a kdx store; kdx does not replace it "
                        "(use another database or schema)");
}

void drop_store(PgDb& db) {
    std::string sql = "DROP TABLE IF EXISTS ";
    for (const char* const* t = store_tables(); *t; ++t)
        sql += std::string(t == store_tables() ? "" : ", ") + *t;
    db.exec(sql);
}

}  // namespace

void write_pg_store(const Dataset& dataset, const std::string& conninfo, WriteMode mode) {
    if (mode.replace) mode.merge = true;
    PgDb db(conninfo);
    db.exec("SET client_min_messages = warning");
    db.exec("BEGIN");
    try {
        db.exec(lock_store);
        const bool exists = db.has_table("kdx_meta");
        if (mode.merge && exists) {
            const int version = check_version(db);
            if (version < schema_version) migrate(db, version);
        } else {
            if (exists)
                check_version(db);  // a newer kdx's store is not replaced either
            else
                refuse_foreign_tables(db);
            drop_store(db);
            create_tables(db);
            create_keys(db);
        }
        import_dataset(db, dataset, mode, false);
        db.exec("COMMIT");
    } catch (...) {
        db.rollback();
        throw;
    }
}

Dataset read_pg_store(const std::string& conninfo) {
    PgDb db(conninfo);
    db.exec("BEGIN ISOLATION LEVEL REPEATABLE READ");
    Dataset d;
    try {
        const int version = check_version(db);
        // An older store is upgraded for this reading only: the transaction
        // is rolled back below.
        if (version < schema_version) migrate(db, version);
        read_tables(db, d);
    } catch (...) {
        db.rollback();
        throw;
    }
    db.rollback();
    return d;
}

}  // namespace kdx::store
