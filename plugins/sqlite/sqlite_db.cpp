#include "sqlite_db.hpp"

#include "kdx/error.hpp"

namespace kdx::store {

Db::Db(const std::filesystem::path& file, int flags, std::string shown) : shown_(std::move(shown)) {
    int rc = sqlite3_open_v2(file.c_str(), &db_, flags, nullptr);
    if (rc != SQLITE_OK) {
        std::string why = db_ ? sqlite3_errmsg(db_) : sqlite3_errstr(rc);
        sqlite3_close(db_);
        db_ = nullptr;
        throw Error(shown_ + ": cannot open the store: " + why);
    }
    sqlite3_extended_result_codes(db_, 1);
    // Another process importing holds the write lock for the whole import;
    // wait for it rather than fail at once.
    sqlite3_busy_timeout(db_, 10000);
}

Db::~Db() { sqlite3_close(db_); }

void Db::fail(const std::string& what) const {
    throw Error(shown_ + ": " + what + ": " + sqlite3_errmsg(db_));
}

void Db::exec(const std::string& sql) {
    char* message = nullptr;
    if (sqlite3_exec(db_, sql.c_str(), nullptr, nullptr, &message) != SQLITE_OK) {
        std::string why = message ? message : sqlite3_errmsg(db_);
        sqlite3_free(message);
        throw Error(shown_ + ": " + why);
    }
}

std::optional<std::int64_t> Db::integer(const std::string& sql) {
    Statement s(*this, sql);
    if (!s.step() || s.is_null(0)) return std::nullopt;
    return s.integer(0);
}

std::optional<std::string> Db::text(const std::string& sql) {
    Statement s(*this, sql);
    if (!s.step() || s.is_null(0)) return std::nullopt;
    return s.text(0);
}

Statement::Statement(Db& db, const std::string& sql) : db_(db) {
    if (sqlite3_prepare_v2(db.handle(), sql.c_str(), static_cast<int>(sql.size()), &st_, nullptr) !=
        SQLITE_OK)
        db.fail("cannot prepare \"" + sql.substr(0, 60) + "\"");
}

Statement::~Statement() { sqlite3_finalize(st_); }

Statement& Statement::bind(int i, const std::string& v) {
    if (sqlite3_bind_text(st_, i, v.data(), static_cast<int>(v.size()), SQLITE_TRANSIENT) !=
        SQLITE_OK)
        db_.fail("cannot bind a value");
    return *this;
}

Statement& Statement::bind(int i, std::int64_t v) {
    if (sqlite3_bind_int64(st_, i, v) != SQLITE_OK) db_.fail("cannot bind a value");
    return *this;
}

Statement& Statement::bind(int i, double v) {
    if (sqlite3_bind_double(st_, i, v) != SQLITE_OK) db_.fail("cannot bind a value");
    return *this;
}

Statement& Statement::bind_null(int i) {
    if (sqlite3_bind_null(st_, i) != SQLITE_OK) db_.fail("cannot bind a value");
    return *this;
}

bool Statement::step() {
    rc_ = sqlite3_step(st_);
    if (rc_ == SQLITE_ROW) return true;
    if (rc_ == SQLITE_DONE || (rc_ & 0xff) == SQLITE_CONSTRAINT) return false;
    db_.fail("cannot read or write");
}

void Statement::run() {
    while (step()) {
    }
    if (rc_ != SQLITE_DONE) db_.fail("cannot write");
}

void Statement::reset() {
    // Bindings are kept: every caller binds each parameter again.
    sqlite3_reset(st_);
    rc_ = SQLITE_OK;
}

std::string Statement::text(int c) const {
    const auto* p = reinterpret_cast<const char*>(sqlite3_column_text(st_, c));
    return p ? std::string(p, static_cast<std::size_t>(sqlite3_column_bytes(st_, c)))
             : std::string();
}

}  // namespace kdx::store
