#include "sqlite_db.hpp"

#include "kdx/error.hpp"

namespace kdx::store {

namespace {

class SqliteStatement : public StatementImpl {
  public:
    SqliteStatement(SqliteDb& db, const std::string& sql) : db_(db) {
        if (sqlite3_prepare_v2(db.handle(), sql.c_str(), static_cast<int>(sql.size()), &st_,
                               nullptr) != SQLITE_OK)
            db.fail("cannot prepare \"" + sql.substr(0, 60) + "\"");
    }
    ~SqliteStatement() override { sqlite3_finalize(st_); }

    void bind(int i, const std::string& v) override {
        check(sqlite3_bind_text(st_, i, v.data(), static_cast<int>(v.size()), SQLITE_TRANSIENT));
    }
    void bind(int i, std::int64_t v) override { check(sqlite3_bind_int64(st_, i, v)); }
    void bind(int i, double v) override { check(sqlite3_bind_double(st_, i, v)); }
    void bind_null(int i) override { check(sqlite3_bind_null(st_, i)); }

    bool step() override {
        rc_ = sqlite3_step(st_);
        if (rc_ == SQLITE_ROW) return true;
        if (rc_ == SQLITE_DONE || (rc_ & 0xff) == SQLITE_CONSTRAINT) return false;
        db_.fail("cannot read or write");
    }
    bool done() const override { return rc_ == SQLITE_DONE; }
    // A CHECK failing is a value the schema refuses, not a key taken.
    bool key_taken() const override {
        return (rc_ & 0xff) == SQLITE_CONSTRAINT && rc_ != SQLITE_CONSTRAINT_CHECK;
    }
    void reset() override {
        sqlite3_reset(st_);
        rc_ = SQLITE_OK;
    }

    bool is_null(int c) const override { return sqlite3_column_type(st_, c) == SQLITE_NULL; }
    std::int64_t integer(int c) const override { return sqlite3_column_int64(st_, c); }
    double real(int c) const override { return sqlite3_column_double(st_, c); }
    std::string text(int c) const override {
        const auto* p = reinterpret_cast<const char*>(sqlite3_column_text(st_, c));
        return p ? std::string(p, static_cast<std::size_t>(sqlite3_column_bytes(st_, c)))
                 : std::string();
    }

  private:
    void check(int rc) {
        if (rc != SQLITE_OK) db_.fail("cannot bind a value");
    }

    SqliteDb& db_;
    sqlite3_stmt* st_ = nullptr;
    int rc_ = SQLITE_OK;
};

}  // namespace

SqliteDb::SqliteDb(const std::filesystem::path& file, int flags, std::string shown)
    : Db(std::move(shown)) {
    int rc = sqlite3_open_v2(file.c_str(), &db_, flags, nullptr);
    if (rc != SQLITE_OK) {
        std::string why = db_ ? sqlite3_errmsg(db_) : sqlite3_errstr(rc);
        sqlite3_close(db_);
        db_ = nullptr;
        throw Error(this->shown() + ": cannot open the store: " + why);
    }
    sqlite3_extended_result_codes(db_, 1);
    // Another process importing holds the write lock for the whole import;
    // wait for it rather than fail at once.
    sqlite3_busy_timeout(db_, 10000);
}

SqliteDb::~SqliteDb() { sqlite3_close(db_); }

std::unique_ptr<StatementImpl> SqliteDb::prepare(const std::string& sql) {
    return std::make_unique<SqliteStatement>(*this, sql);
}

void SqliteDb::fail(const std::string& what) const {
    throw Error(shown() + ": " + what + ": " + sqlite3_errmsg(db_));
}

void SqliteDb::exec(const std::string& sql) {
    char* message = nullptr;
    if (sqlite3_exec(db_, sql.c_str(), nullptr, nullptr, &message) != SQLITE_OK) {
        std::string why = message ? message : sqlite3_errmsg(db_);
        sqlite3_free(message);
        throw Error(shown() + ": " + why);
    }
}

bool SqliteDb::has_table(const std::string& name) {
    Statement s(*this, "SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = ?");
    s.bind(1, name);
    return s.step() && s.integer(0) > 0;
}

void SqliteDb::before_creating_keys() {
    // The index sorts run in memory up to the page cache's size, with a
    // helper thread.
    exec("PRAGMA cache_size = -" + std::to_string(key_sort_kib_) + "; PRAGMA threads = 2");
}

}  // namespace kdx::store
