#include "store_schema.hpp"

#include <algorithm>
#include <array>
#include <cstdint>
#include <fstream>

#include "kdx/error.hpp"

namespace kdx::store {

namespace {

constexpr char sqlite_header[] = "SQLite format 3";  // and a NUL: 16 bytes

// "KDX1" as SQLite's application id, so that `file` and sqlite3 tell a kdx
// store from other SQLite databases.
constexpr int application_id = 0x4B445831;

// migrations[i] upgrades version i + 1 to i + 2. Each ends by recording the
// version it reaches. Plain SQL, shared with a PostgreSQL store.
const std::array<const char*, schema_version - 1> migrations{{
    // 1 -> 2: the kdx version that made each import, for provenance.
    "ALTER TABLE imports ADD COLUMN kdx_version TEXT NOT NULL DEFAULT '';\n"
    "UPDATE kdx_meta SET value = '2' WHERE key = 'schema_version';\n",
}};

}  // namespace

bool has_sqlite_header(const std::filesystem::path& file) {
    std::ifstream in(file, std::ios::binary);
    char head[sizeof sqlite_header] = {};
    if (!in.read(head, sizeof head)) return false;
    return std::equal(head, head + sizeof head, sqlite_header);
}

void require_sqlite_file(const std::filesystem::path& file) {
    std::error_code ec;
    if (!std::filesystem::is_regular_file(file, ec))
        throw Error(file.string() + ": no such store (not a file)");
    if (std::filesystem::file_size(file, ec) == 0)
        throw Error(file.string() + ": the file is empty, not a kdx store (SQLite database)");
    if (!std::ifstream(file, std::ios::binary))
        throw Error(file.string() + ": cannot open the store for reading");
    if (!has_sqlite_header(file))
        throw Error(file.string() +
                    ": not an SQLite database (it does not start with SQLite's header "
                    "\"SQLite format 3\"), so not a kdx store");
    // The header's page size (bytes 16-17, 1 meaning 65536) and page count
    // (bytes 28-31, big-endian) say how long the file must be. A shorter file
    // was cut, unless a journal beside it is still to be rolled back.
    std::ifstream in(file, std::ios::binary);
    unsigned char h[32] = {};
    in.read(reinterpret_cast<char*>(h), sizeof h);
    std::uintmax_t page_size = (std::uintmax_t{h[16]} << 8) | h[17];
    if (page_size == 1) page_size = 65536;
    std::uintmax_t pages = (std::uintmax_t{h[28]} << 24) | (std::uintmax_t{h[29]} << 16) |
                           (std::uintmax_t{h[30]} << 8) | h[31];
    std::filesystem::path journal = file;
    journal += "-journal";
    const std::uintmax_t size = std::filesystem::file_size(file, ec);
    if (!ec && pages > 0 && size < pages * page_size && !std::filesystem::exists(journal, ec))
        throw Error(file.string() + ": the store is cut short (" + std::to_string(size) +
                    " bytes where its header says " + std::to_string(pages * page_size) + ")");
}

namespace {

// schema.sql before and after its "-- @keys" line.
std::string schema_part(bool keys) {
    const std::string all = schema_sql();
    const std::size_t at = all.find("\n-- @keys");
    if (at == std::string::npos) return keys ? std::string() : all;
    return keys ? all.substr(at + 1) : all.substr(0, at + 1);
}

}  // namespace

void create_keys(Db& db) { db.exec(schema_part(true)); }

void create_tables(Db& db) {
    db.exec(schema_part(false));
    db.exec("PRAGMA application_id = " + std::to_string(application_id) +
            "; PRAGMA user_version = " + std::to_string(schema_version) + ";");
}

int check_version(Db& db) {
    if (!db.integer("SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = 'kdx_meta'")
             .value_or(0))
        throw Error(db.shown() +
                    ": an SQLite database, but not a kdx store (it has no kdx_meta table)");
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
    db.exec("PRAGMA user_version = " + std::to_string(schema_version) + ";");
}

}  // namespace kdx::store
