#include "pg_db.hpp"

#include <charconv>
#include <cstdlib>

#include "kdx/error.hpp"
#include "kdx/uri.hpp"

namespace kdx::store {

namespace {

std::string trimmed(std::string s) {
    while (!s.empty() && (s.back() == '\n' || s.back() == ' ')) s.pop_back();
    return s;
}

// "?" parameters, as the shared SQL is written, become PostgreSQL's "$1".
// The shared SQL has no '?' inside quotes, but they are skipped anyway.
std::string numbered(const std::string& sql, int& count) {
    std::string out;
    bool quoted = false;
    count = 0;
    for (char c : sql) {
        if (c == '\'') quoted = !quoted;
        if (c == '?' && !quoted)
            out += "$" + std::to_string(++count);
        else
            out += c;
    }
    return out;
}

bool starts_with_insert(const std::string& sql) {
    std::size_t i = sql.find_first_not_of(" \n\t");
    return i != std::string::npos && sql.compare(i, 6, "INSERT") == 0;
}

void quiet_notices(void*, const char*) {}

}  // namespace

class PgStatement : public StatementImpl {
  public:
    PgStatement(PgDb& db, std::string name, int params, bool insert)
        : db_(db), name_(std::move(name)), values_(params), null_(params, true), insert_(insert) {}
    ~PgStatement() override {
        finish();
        clear_row();  // a statement read for one value is dropped holding its row
        db_.forget(this);
    }

    void bind(int i, const std::string& v) override { set(i, v); }
    void bind(int i, std::int64_t v) override { set(i, std::to_string(v)); }
    void bind(int i, double v) override {
        // The shortest text that reads back as the same double.
        char text[64];
        auto r = std::to_chars(text, text + sizeof text, v);
        set(i, std::string(text, r.ptr));
    }
    void bind_null(int i) override { null_.at(static_cast<std::size_t>(i - 1)) = true; }

    bool step() override {
        if (!started_) start();
        clear_row();
        if (ended_) {
            // Drained when another statement ran: rows it dropped would be lost.
            if (cut_)
                throw Error(db_.shown() + ": internal error: a query's rows were not all read");
            done_ = !key_taken_;
            return false;
        }
        PGresult* r = PQgetResult(db_.handle());
        if (!r) {
            end();
            done_ = true;
            return false;
        }
        switch (PQresultStatus(r)) {
            case PGRES_SINGLE_TUPLE:
                row_ = r;
                return true;
            case PGRES_TUPLES_OK:
                PQclear(r);
                finish();
                done_ = true;
                return false;
            case PGRES_COMMAND_OK: {
                // An INSERT … ON CONFLICT DO NOTHING that inserted nothing
                // found its key taken.
                const bool none = std::atoll(PQcmdTuples(r)) == 0;
                PQclear(r);
                finish();
                if (insert_ && none)
                    key_taken_ = true;
                else
                    done_ = true;
                return false;
            }
            default: {
                db_.set_error(trimmed(PQresultErrorMessage(r)));
                PQclear(r);
                finish();
                db_.fail("cannot read or write");
            }
        }
        return false;  // not reached: fail() throws
    }
    bool done() const override { return done_; }
    bool key_taken() const override { return key_taken_; }
    void reset() override {
        finish();
        clear_row();
        started_ = ended_ = done_ = key_taken_ = cut_ = false;
    }

    bool is_null(int c) const override { return PQgetisnull(row(), 0, c) != 0; }
    std::int64_t integer(int c) const override {
        return std::strtoll(PQgetvalue(row(), 0, c), nullptr, 10);
    }
    double real(int c) const override { return std::strtod(PQgetvalue(row(), 0, c), nullptr); }
    std::string text(int c) const override {
        return std::string(PQgetvalue(row(), 0, c),
                           static_cast<std::size_t>(PQgetlength(row(), 0, c)));
    }

    // Reads whatever the server still sends for this statement; rows not read
    // yet are dropped, and a later step() says so rather than lose them.
    void finish() {
        if (!started_ || ended_) return;
        while (PGresult* r = PQgetResult(db_.handle())) {
            if (PQresultStatus(r) == PGRES_SINGLE_TUPLE) cut_ = true;
            PQclear(r);
        }
        end();
    }

  private:
    void set(int i, std::string v) {
        const auto at = static_cast<std::size_t>(i - 1);
        values_.at(at) = std::move(v);
        null_[at] = false;
    }

    void start() {
        db_.settle(this);
        std::vector<const char*> values(values_.size());
        for (std::size_t i = 0; i < values_.size(); ++i)
            values[i] = null_[i] ? nullptr : values_[i].c_str();
        if (!PQsendQueryPrepared(db_.handle(), name_.c_str(), static_cast<int>(values.size()),
                                 values.data(), nullptr, nullptr, 0))
            db_.fail("cannot send a statement");
        PQsetSingleRowMode(db_.handle());
        started_ = true;
    }

    void end() {
        ended_ = true;
        db_.forget(this);
    }

    const PGresult* row() const { return row_; }
    void clear_row() {
        PQclear(row_);
        row_ = nullptr;
    }

    PgDb& db_;
    std::string name_;
    std::vector<std::string> values_;
    std::vector<bool> null_;
    bool insert_ = false;
    bool started_ = false, ended_ = false, done_ = false, key_taken_ = false, cut_ = false;
    PGresult* row_ = nullptr;
};

PgDb::PgDb(const std::string& conninfo) : Db(mask_passwords(conninfo)) {
    // The password as libpq reads it, so that it is masked wherever it
    // appears, even in a message quoting a malformed connection string.
    char* parse_error = nullptr;
    if (PQconninfoOption* options = PQconninfoParse(conninfo.c_str(), &parse_error)) {
        for (PQconninfoOption* o = options; o->keyword; ++o)
            if (std::string(o->keyword) == "password" && o->val) password_ = o->val;
        PQconninfoFree(options);
    } else {
        std::string why = parse_error ? trimmed(parse_error) : "malformed";
        PQfreemem(parse_error);
        throw Error(shown() + ": not a PostgreSQL connection string: " + masked(why));
    }
    conn_ = PQconnectdb(conninfo.c_str());
    if (!conn_ || PQstatus(conn_) != CONNECTION_OK) {
        std::string why = conn_ ? trimmed(PQerrorMessage(conn_)) : "out of memory";
        PQfinish(conn_);
        conn_ = nullptr;
        throw Error(shown() + ": cannot connect to the store: " + masked(why));
    }
    PQsetNoticeProcessor(conn_, quiet_notices, nullptr);
    if (PQsetClientEncoding(conn_, "UTF8") != 0) fail("cannot use UTF-8");
}

PgDb::~PgDb() { PQfinish(conn_); }

std::string PgDb::masked(std::string text) const {
    text = mask_passwords(std::move(text));
    if (password_.size() >= 1)
        for (std::size_t at = text.find(password_); at != std::string::npos;
             at = text.find(password_, at + 3))
            text.replace(at, password_.size(), "***");
    return text;
}

void PgDb::settle(PgStatement* next) {
    if (active_ && active_ != next) {
        PgStatement* s = active_;
        active_ = nullptr;
        s->finish();
    }
    active_ = next;
}

std::unique_ptr<StatementImpl> PgDb::prepare(const std::string& sql) {
    int params = 0;
    std::string text = numbered(sql, params);
    const bool insert = starts_with_insert(sql);
    // A key already there is reported by the shared importer, which then
    // looks the record up: the insert must not abort the transaction.
    if (insert && text.find("ON CONFLICT") == std::string::npos) text += " ON CONFLICT DO NOTHING";
    auto it = prepared_.find(text);
    if (it == prepared_.end()) {
        settle(nullptr);
        // Named statements live as long as the connection, one per SQL text.
        std::string name = "kdx_" + std::to_string(prepared_.size() + 1);
        PGresult* r = PQprepare(conn_, name.c_str(), text.c_str(), params, nullptr);
        const bool ok = PQresultStatus(r) == PGRES_COMMAND_OK;
        if (!ok) error_ = trimmed(PQresultErrorMessage(r));
        PQclear(r);
        if (!ok) fail("cannot prepare \"" + sql.substr(0, 60) + "\"");
        it = prepared_.emplace(text, name).first;
    }
    return std::make_unique<PgStatement>(*this, it->second, params, insert);
}

void PgDb::exec(const std::string& sql) {
    settle(nullptr);
    PGresult* r = PQexec(conn_, sql.c_str());
    const ExecStatusType status = PQresultStatus(r);
    const bool ok = status == PGRES_COMMAND_OK || status == PGRES_TUPLES_OK;
    if (!ok) error_ = trimmed(PQresultErrorMessage(r));
    PQclear(r);
    if (!ok) throw Error(shown() + ": " + masked(error_));
}

void PgDb::rollback() noexcept {
    settle(nullptr);
    PQclear(PQexec(conn_, "ROLLBACK"));
}

bool PgDb::has_table(const std::string& name) {
    // In the schema the connection writes to (the first of search_path).
    Statement s(*this,
                "SELECT count(*) FROM pg_catalog.pg_tables WHERE schemaname = current_schema() "
                "AND tablename = ?");
    s.bind(1, name);
    return s.step() && s.integer(0) > 0;
}

void PgDb::fail(const std::string& what) const {
    std::string why = error_.empty() ? trimmed(PQerrorMessage(conn_)) : error_;
    error_.clear();
    throw Error(shown() + ": " + what + ": " + masked(why));
}

}  // namespace kdx::store
