#include "store_schema.hpp"

#include <array>

#include "kdx/error.hpp"

namespace kdx::store {

namespace {

// migrations[i] upgrades version i + 1 to i + 2. Each ends by recording the
// version it reaches. Plain SQL that SQLite and PostgreSQL both run.
const std::array<const char*, schema_version - 1> migrations{{
    // 1 -> 2: the kdx version that made each import, for provenance.
    "ALTER TABLE imports ADD COLUMN kdx_version TEXT NOT NULL DEFAULT '';\n"
    "UPDATE kdx_meta SET value = '2' WHERE key = 'schema_version';\n",
}};

constexpr const char* tables[] = {"nomination_sections",
                                  "nominations",
                                  "outcomes",
                                  "programme_years",
                                  "programme_partners",
                                  "programmes",
                                  "settlement",
                                  "municipality_names",
                                  "municipalities",
                                  "indicators",
                                  "data_sources",
                                  "provenance",
                                  "dataset_info",
                                  "sources",
                                  "imports",
                                  "kdx_meta",
                                  nullptr};

// schema.sql before and after its "-- @keys" line.
std::string schema_part(bool keys) {
    const std::string all = schema_sql();
    const std::size_t at = all.find("\n-- @keys");
    if (at == std::string::npos) return keys ? std::string() : all;
    return keys ? all.substr(at + 1) : all.substr(0, at + 1);
}

}  // namespace

const char* const* store_tables() noexcept { return tables; }

void create_keys(Db& db) { db.exec(schema_part(true)); }

void create_tables(Db& db) { db.exec(schema_part(false)); }

int check_version(Db& db) {
    if (!db.has_table("kdx_meta"))
        throw Error(db.shown() + ": " + db.kind() +
                    ", but not a kdx store (it has no kdx_meta table)");
    std::optional<std::string> text =
        db.text("SELECT value FROM kdx_meta WHERE key = 'schema_version'");
    int version = 0;
    try {
        if (text) version = std::stoi(*text);
    } catch (const std::exception&) {
    }
    if (version < 1)
        throw Error(db.shown() +
                    ": a kdx store without a readable schema_version in kdx_meta (found \"" +
                    text.value_or("") + "\")");
    if (version > schema_version)
        throw Error(db.shown() + ": the store has schema version " + std::to_string(version) +
                    ", newer than the " + std::to_string(schema_version) +
                    " this kdx knows; it was written by a newer kdx; use that one or upgrade");
    return version;
}

void migrate(Db& db, int from_version) {
    for (int v = from_version; v < schema_version; ++v) db.exec(migrations[v - 1]);
}

}  // namespace kdx::store
