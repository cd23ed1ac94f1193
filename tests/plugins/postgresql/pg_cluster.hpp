// A throwaway PostgreSQL cluster for the tests: initdb and pg_ctl (Debian's
// postgresql package) in a temporary folder, listening on a Unix socket in
// that folder only (listen_addresses = ''), stopped and removed at the end.
// initdb refuses to run as root, so as root the server runs as the user
// `postgres` (runuser), owning the folder. Password authentication
// (scram-sha-256) for the user kdx, the password in a PGPASSFILE.
#pragma once

#include <gtest/gtest.h>
#include <pwd.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <string>

namespace kdx::test::pg {

namespace fs = std::filesystem;

inline const std::string user = "kdx";
inline const std::string password = "kdx-Pa55-w0rd";

class Cluster {
  public:
    static Cluster& get() {
        static Cluster c;
        return c;
    }

    // Empty when the server runs; else why it could not be started.
    const std::string& unavailable() const { return why_; }
    const fs::path& dir() const { return dir_; }

    // A URI for `database` without a password: libpq takes it from PGPASSFILE.
    std::string uri(const std::string& database) const {
        return "postgresql://" + user + "@/" + database + "?host=" + dir_.string();
    }

    // Runs SQL with psql (the independent reader) in `database`; its output,
    // unaligned and without headers ("-At").
    std::string psql(const std::string& database, const std::string& sql, int* code = nullptr) {
        std::string out;
        int rc = shell("psql -X -q -At -v ON_ERROR_STOP=1 " + quote(uri(database)) + " -c " +
                           quote(sql) + " 2>&1",
                       &out);
        if (code) *code = rc;
        return out;
    }

    // A new empty database for one test.
    std::string create_database(const std::string& name) {
        psql("postgres", "DROP DATABASE IF EXISTS " + name);
        psql("postgres", "CREATE DATABASE " + name);
        return uri(name);
    }

    void stop() {
        if (started_) {
            std::string out;
            shell(as_server() + quote(pg_ctl_) + " -D " + quote((dir_ / "data").string()) +
                      " -m fast -w stop 2>&1",
                  &out);
            started_ = false;
        }
        std::error_code ec;
        if (!dir_.empty()) fs::remove_all(dir_, ec);
        dir_.clear();
    }

    static std::string quote(const std::string& s) {
        std::string q = "'";
        for (char c : s) q += (c == '\'') ? std::string("'\\''") : std::string(1, c);
        return q + "'";
    }

    static int shell(const std::string& command, std::string* out) {
        std::string text;
        FILE* p = popen(command.c_str(), "r");
        if (!p) return -1;
        char buffer[4096];
        std::size_t n;
        while ((n = fread(buffer, 1, sizeof buffer, p)) > 0) text.append(buffer, n);
        int status = pclose(p);
        if (out) *out = text;
        return WIFEXITED(status) ? WEXITSTATUS(status) : 128;
    }

  private:
    Cluster() { start(); }
    ~Cluster() { stop(); }

    std::string as_server() const { return root_ ? "runuser -u postgres -- " : ""; }

    static std::string find_bin(const std::string& program) {
        // Debian keeps the server programs out of PATH, one folder per version.
        for (int v = 20; v >= 11; --v) {
            fs::path p = "/usr/lib/postgresql/" + std::to_string(v) + "/bin/" + program;
            if (fs::exists(p)) return p.string();
        }
        std::string out;
        if (shell("command -v " + program + " 2>/dev/null", &out) == 0 && !out.empty())
            return out.substr(0, out.find('\n'));
        return "";
    }

    void start() {
        const std::string initdb = find_bin("initdb");
        pg_ctl_ = find_bin("pg_ctl");
        if (initdb.empty() || pg_ctl_.empty()) {
            why_ =
                "PostgreSQL's initdb and pg_ctl are not installed (Debian's postgresql "
                "package; scripts/setup --test)";
            return;
        }
        std::string out;
        if (shell("command -v psql", &out) != 0) {
            why_ = "psql is not installed (postgresql-client; scripts/setup --test)";
            return;
        }
        char name[] = "/tmp/kdx-pg-XXXXXX";
        if (!mkdtemp(name)) {
            why_ = "cannot make a temporary folder";
            return;
        }
        dir_ = name;
        root_ = geteuid() == 0;
        std::ofstream(dir_ / "pwfile") << password << "\n";
        if (root_) {
            const passwd* pw = getpwnam("postgres");
            if (!pw) {
                why_ = "running as root and there is no user postgres to run the server as";
                return;
            }
            for (const fs::path& p : {dir_, dir_ / "pwfile"})
                if (chown(p.c_str(), pw->pw_uid, pw->pw_gid) != 0) {
                    why_ = "cannot give " + p.string() + " to the user postgres";
                    return;
                }
        }
        const fs::path data = dir_ / "data";
        if (shell(as_server() + quote(initdb) + " -D " + quote(data.string()) + " -U " + user +
                      " --pwfile=" + quote((dir_ / "pwfile").string()) +
                      " -A scram-sha-256 -E UTF8 --no-locale --no-sync 2>&1",
                  &out) != 0) {
            why_ = "initdb failed: " + out;
            return;
        }
        // No TCP at all; the socket in the folder; no fsync (a throwaway).
        const std::string options =
            "-c listen_addresses='' -k " + dir_.string() +
            " -c fsync=off -c full_page_writes=off -c synchronous_commit=off";
        if (shell(as_server() + quote(pg_ctl_) + " -D " + quote(data.string()) + " -l " +
                      quote((dir_ / "server.log").string()) + " -o " + quote(options) +
                      " -w -t 60 start 2>&1",
                  &out) != 0) {
            std::string log;
            shell("tail -5 " + quote((dir_ / "server.log").string()), &log);
            why_ = "pg_ctl start failed: " + out + log;
            return;
        }
        started_ = true;
        // The test process and the kdx it runs find the password here.
        const fs::path pgpass = dir_ / "client.pgpass";
        std::ofstream(pgpass) << "*:*:*:" << user << ":" << password << "\n";
        chmod(pgpass.c_str(), 0600);
        setenv("PGPASSFILE", pgpass.c_str(), 1);
        unsetenv("PGPASSWORD");
        unsetenv("PGHOST");
        unsetenv("PGDATABASE");
        unsetenv("PGUSER");
    }

    fs::path dir_;
    std::string pg_ctl_;
    std::string why_;
    bool root_ = false;
    bool started_ = false;
};

// Stops the cluster when the tests are done (a static would be destroyed
// after gtest has printed its summary; this is tidier).
class ClusterEnvironment : public ::testing::Environment {
  public:
    void TearDown() override { Cluster::get().stop(); }
};

}  // namespace kdx::test::pg

// The cluster, or a skip saying why there is none.
#define KDX_NEED_POSTGRESQL()                                              \
    do {                                                                   \
        if (!::kdx::test::pg::Cluster::get().unavailable().empty())        \
            GTEST_SKIP() << "no PostgreSQL server could be started: "      \
                         << ::kdx::test::pg::Cluster::get().unavailable(); \
    } while (0)
