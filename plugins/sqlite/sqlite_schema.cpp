#include "sqlite_schema.hpp"

#include <algorithm>
#include <cstdint>
#include <fstream>

#include "kdx/error.hpp"

namespace kdx::store {

namespace {

constexpr char sqlite_header[] = "SQLite format 3";  // and a NUL: 16 bytes

// "KDX1" as SQLite's application id, so that `file` and sqlite3 tell a kdx
// store from other SQLite databases.
constexpr int application_id = 0x4B445831;

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

void create_sqlite_tables(SqliteDb& db) {
    create_tables(db);
    db.exec("PRAGMA application_id = " + std::to_string(application_id) +
            "; PRAGMA user_version = " + std::to_string(schema_version) + ";");
}

void migrate_sqlite(SqliteDb& db, int from_version) {
    migrate(db, from_version);
    db.exec("PRAGMA user_version = " + std::to_string(schema_version) + ";");
}

}  // namespace kdx::store
