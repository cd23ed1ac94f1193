// Nothing lost: kdx killed while it writes, a full disk, a folder it cannot
// write to. The target is either the earlier file or a complete new one,
// never a partial file; the input is never touched.
#include <gtest/gtest.h>

#include <algorithm>
#include <chrono>
#include <random>
#include <regex>
#include <thread>

#include "child_process.hpp"
#include "test_support.hpp"

namespace kdx::test {
namespace {

using Clock = std::chrono::steady_clock;

const std::string earlier = "an earlier file of this name\n";

// AtomicFile's temporary files: ".NAME.kdx-XXXXXX" beside the target.
std::vector<fs::path> temp_files(const fs::path& folder) {
    static const std::regex pattern(R"(\..*\.kdx-[A-Za-z0-9]{6})");
    std::vector<fs::path> out;
    for (const auto& e : fs::directory_iterator(folder))
        if (std::regex_match(e.path().filename().string(), pattern)) out.push_back(e.path());
    return out;
}

bool any_temp_file(const fs::path& folder) { return !temp_files(folder).empty(); }

// A wide CSV table of settlement figures, large enough that writing it takes
// a noticeable time: numbers 1000..1000+count-1, years 2000..2019.
fs::path big_csv(const fs::path& folder, int municipalities) {
    fs::path file = folder / "big.csv";
    std::ofstream out(file, std::ios::binary);
    out << "Kommunenr;Kommune;År;Anmodning;Vedtak;Bosatt\n";
    for (int m = 0; m < municipalities; ++m)
        for (int year = 2000; year < 2020; ++year) {
            // Settled <= decided <= requested, so that validation stays quiet.
            int requested = (m * 7 + year) % 97 + 20, decided = requested - (m + year) % 11;
            out << 1000 + m << ";Kommune " << m << ';' << year << ';' << requested << ';' << decided
                << ';' << decided - (m * 3 + year) % 7 << '\n';
        }
    return file;
}

// Runs the command to the end and measures how long its temporary file
// existed (not until the process ended: a sanitizer build checks for leaks
// after that): the window in which a kill lands while writing.
struct FullRun {
    ChildStatus status;
    std::chrono::microseconds writing{0};
};

FullRun run_and_time_writing(const std::vector<std::string>& argv, const fs::path& folder,
                             const ChildOptions& options) {
    FullRun r;
    pid_t pid = spawn(argv, options);
    std::optional<Clock::time_point> seen, gone;
    int status = 0;
    while (::waitpid(pid, &status, WNOHANG) == 0) {
        bool temp = any_temp_file(folder);
        if (!seen && temp) seen = Clock::now();
        if (seen && !gone && !temp) gone = Clock::now();
        std::this_thread::sleep_for(std::chrono::microseconds(100));
    }
    if (seen)
        r.writing = std::chrono::duration_cast<std::chrono::microseconds>(
            gone.value_or(Clock::now()) - *seen);
    if (WIFEXITED(status)) r.status.exited = true, r.status.exit_code = WEXITSTATUS(status);
    if (WIFSIGNALED(status)) r.status.signal = WTERMSIG(status);
    return r;
}

std::string plugin_dir_arg() { return "--plugin-dir=" + plugin_build_dir().string(); }

// Runs the command `rounds` times, killing it with SIGKILL at a random point
// within `window` after its temporary file appeared; after each round
// the target must be the earlier file or exactly `complete`. When fewer than
// `want_while_writing` kills landed while the file was being written (a busy
// machine shifts the timing), it goes on for up to ten times `rounds`.
struct KillReport {
    int rounds = 0;
    int killed_while_writing = 0;
    int finished = 0;
};

KillReport kill_repeatedly(const std::vector<std::string>& argv, const fs::path& target,
                           const std::string& complete, std::chrono::microseconds window,
                           int rounds, const ChildOptions& options = {},
                           int want_while_writing = 0) {
    std::mt19937 random(20181221);
    KillReport report;
    const fs::path folder = target.parent_path();
    for (int round = 0; round < rounds ||
                        (report.killed_while_writing < want_while_writing && round < 10 * rounds);
         ++round) {
        ++report.rounds;
        write_file(target, earlier);
        pid_t pid = spawn(argv, options);
        EXPECT_GT(pid, 0);
        // Wait until writing has started (or the run ended), then a random delay.
        auto give_up = Clock::now() + std::chrono::seconds(10);
        while (!any_temp_file(folder) && Clock::now() < give_up) {
            if (::waitpid(pid, nullptr, WNOHANG) == pid) {
                pid = 0;
                break;
            }
            std::this_thread::sleep_for(std::chrono::microseconds(200));
        }
        if (pid == 0) {
            ++report.finished;
        } else {
            std::uniform_int_distribution<long> delay(0, window.count());
            std::this_thread::sleep_for(std::chrono::microseconds(delay(random)));
            bool writing = any_temp_file(folder);
            ::kill(pid, SIGKILL);
            ChildStatus s = wait_for(pid);
            if (s.signal == SIGKILL && writing) ++report.killed_while_writing;
            if (s.exited) ++report.finished;
        }
        std::string now = read_file(target);
        EXPECT_TRUE(now == earlier || now == complete)
            << "round " << round << ": " << target << " holds " << now.size()
            << " bytes, neither the earlier file nor the complete output (" << complete.size()
            << ")";
        for (const auto& t : temp_files(folder)) fs::remove(t);
    }
    return report;
}

class Interruption : public ::testing::Test {
  protected:
    void SetUp() override {
        if (!fs::exists(plugin_build_dir() / "kdx_csv.so"))
            GTEST_SKIP() << "kdx_csv.so is not built";
        dir = scratch_dir();
    }
    fs::path dir;
};

TEST_F(Interruption, KilledConvertLeavesEarlierFileAndInput) {
    fs::path input = big_csv(dir, 300);
    const std::string input_before = read_file(input);
    fs::path out_dir = dir / "out";
    fs::create_directories(out_dir);
    fs::path target = out_dir / "result.csv";
    std::vector<std::string> argv{kdx_exe().string(), plugin_dir_arg(), "convert", input.string(),
                                  target.string()};

    // One run to the end: the complete output, and how long writing takes.
    FullRun full =
        run_and_time_writing(argv, out_dir, {dir / "full.out", dir / "full.err", {}, {}});
    ASSERT_TRUE(full.status.exited && full.status.exit_code == 0) << read_file(dir / "full.err");
    const std::string complete = read_file(target);
    ASSERT_GT(complete.size(), 100000u);

    KillReport r = kill_repeatedly(argv, target, complete, full.writing, 20, {}, 5);
    RecordProperty("killed_while_writing", r.killed_while_writing);
    RecordProperty("writing_us", static_cast<int>(full.writing.count()));
    EXPECT_GE(r.killed_while_writing, 5)
        << "too few kills landed while writing; " << r.finished << " of " << r.rounds
        << " runs finished (writing takes " << full.writing.count() << " µs)";
    EXPECT_EQ(read_file(input), input_before) << "the input was changed";

    // A temporary file left by a kill is not removed by the next run; it does
    // not stop that run either.
    write_file(out_dir / ".result.csv.kdx-AbC123", "left by a killed run");
    ChildStatus again = run_child(argv);
    EXPECT_TRUE(again.exited && again.exit_code == 0);
    EXPECT_EQ(read_file(target), complete);
    EXPECT_TRUE(fs::exists(out_dir / ".result.csv.kdx-AbC123"));
}

// Oslo's rows of the IMDi test data: a small input whose report is a PDF of
// some 40 KB.
fs::path oslo_csv(const fs::path& folder) {
    std::ifstream in(data_dir() / "imdi" / "imdi-settlement-2012-2014.csv", std::ios::binary);
    fs::path file = folder / "oslo.csv";
    std::ofstream out(file, std::ios::binary);
    std::string line;
    for (bool first = true; std::getline(in, line); first = false)
        if (first || line.find("\"0301\"") != std::string::npos) out << line << '\n';
    return file;
}

std::vector<std::string> pdf_report_command(const fs::path& data, const fs::path& out_dir) {
    return {kdx_exe().string(), plugin_dir_arg(), "report", "--template",
            "council-report",   "--municipality", "0301",   "--data",
            data.string(),      "--format",       "pdf",    "--out",
            out_dir.string()};
}

TEST_F(Interruption, KilledPdfReportLeavesEarlierFile) {
    if (!fs::exists(plugin_build_dir() / "kdx_pdf.so")) GTEST_SKIP() << "kdx_pdf.so is not built";
    fs::path out_dir = dir / "out";
    fs::create_directories(out_dir);
    fs::path data = oslo_csv(dir);
    const std::string data_before = read_file(data);
    std::vector<std::string> argv = pdf_report_command(data, out_dir);
    ChildOptions options{
        dir / "full.out", dir / "full.err", {}, {{"SOURCE_DATE_EPOCH", "1545350400"}}};

    FullRun full = run_and_time_writing(argv, out_dir, options);
    ASSERT_TRUE(full.status.exited && full.status.exit_code == 0) << read_file(dir / "full.err");
    const fs::path target = out_dir / "council-report-2014-0301-oslo.pdf";
    const std::string complete = read_file(target);
    ASSERT_EQ(complete.substr(0, 5), "%PDF-") << read_file(dir / "full.err");

    ChildOptions quiet;
    quiet.environment = options.environment;
    // The PDF is written in a few milliseconds, so a window of at least 20 ms
    // also lands some kills just before and after writing.
    auto window = std::max(full.writing, std::chrono::microseconds(20000));
    KillReport r = kill_repeatedly(argv, target, complete, window, 20, quiet, 1);
    RecordProperty("killed_while_writing", r.killed_while_writing);
    EXPECT_GE(r.killed_while_writing, 1) << r.finished << " of " << r.rounds << " runs finished";
    EXPECT_EQ(read_file(data), data_before) << "the input was changed";
}

TEST_F(Interruption, FullDiskFailsClearlyAndKeepsEarlierFile) {
    fs::path input = big_csv(dir, 200);
    fs::path target = dir / "result.csv";
    write_file(target, earlier);
    // 64 KiB: the input is read, the output (about 100 KiB) cannot be written.
    ChildOptions options{dir / "out", dir / "err", 64 * 1024, {}};
    ChildStatus s = run_child(
        {kdx_exe().string(), plugin_dir_arg(), "convert", input.string(), target.string()},
        options);
    std::string err = read_file(dir / "err");
    EXPECT_TRUE(s.exited) << "killed by signal " << s.signal;
    EXPECT_EQ(s.exit_code, 1) << err;
    EXPECT_NE(err.find(target.string()), std::string::npos) << err;
    EXPECT_NE(err.find("File too large"), std::string::npos) << err;
    EXPECT_EQ(read_file(target), earlier);
    EXPECT_TRUE(temp_files(dir).empty()) << "a failed write left " << temp_files(dir).front();
}

TEST_F(Interruption, FullDiskDuringPdfReportKeepsEarlierFile) {
    if (!fs::exists(plugin_build_dir() / "kdx_pdf.so")) GTEST_SKIP() << "kdx_pdf.so is not built";
    fs::path out_dir = dir / "out";
    fs::create_directories(out_dir);
    fs::path data = oslo_csv(dir);
    std::vector<std::string> argv = pdf_report_command(data, out_dir);
    ChildStatus full = run_child(argv);
    ASSERT_TRUE(full.exited && full.exit_code == 0);
    fs::path target = out_dir / "council-report-2014-0301-oslo.pdf";
    ASSERT_TRUE(fs::exists(target));
    write_file(target, earlier);

    ChildStatus s = run_child(argv, {dir / "out.txt", dir / "err.txt", 4 * 1024, {}});
    std::string err = read_file(dir / "err.txt");
    EXPECT_TRUE(s.exited) << "killed by signal " << s.signal;
    EXPECT_EQ(s.exit_code, 1) << err;
    EXPECT_NE(err.find(target.filename().string()), std::string::npos) << err;
    EXPECT_EQ(read_file(target), earlier);
    EXPECT_TRUE(temp_files(out_dir).empty());
}

TEST_F(Interruption, MissingFolderIsNamed) {
    fs::path input = big_csv(dir, 2);
    fs::path missing = dir / "no-such-folder";
    CommandResult r = run_kdx(sh_quote(plugin_dir_arg()) + " convert " + sh_quote(input.string()) +
                              " " + sh_quote((missing / "out.csv").string()));
    EXPECT_EQ(r.exit_code, 1);
    EXPECT_NE(r.err.find("folder " + missing.string() + " does not exist"), std::string::npos)
        << r.err;
    EXPECT_FALSE(fs::exists(missing));
}

// A folder this process cannot create files in: a chmod 0555 folder, or for
// root (which ignores permission bits) a read-only mount such as /sys.
std::optional<fs::path> read_only_folder(const fs::path& scratch) {
    std::vector<fs::path> candidates;
    if (::geteuid() != 0) {
        fs::path ro = scratch / "read-only";
        fs::create_directories(ro);
        fs::permissions(ro, fs::perms::owner_read | fs::perms::owner_exec);
        candidates.push_back(ro);
    }
    candidates.push_back("/sys/kernel");
    candidates.push_back("/proc/self");
    for (const auto& c : candidates) {
        std::error_code ec;
        if (!fs::is_directory(c, ec)) continue;
        fs::path probe = c / "kdx-probe";
        int fd = ::open(probe.c_str(), O_WRONLY | O_CREAT | O_EXCL, 0644);
        if (fd < 0) return c;
        ::close(fd);
        fs::remove(probe, ec);
    }
    return std::nullopt;
}

TEST_F(Interruption, ReadOnlyFolderIsNamed) {
    auto folder = read_only_folder(dir);
    if (!folder) GTEST_SKIP() << "no folder here refuses new files to this user";
    fs::path input = big_csv(dir, 2);
    fs::path target = *folder / "out.csv";
    CommandResult r = run_kdx(sh_quote(plugin_dir_arg()) + " convert " + sh_quote(input.string()) +
                              " " + sh_quote(target.string()));
    EXPECT_EQ(r.exit_code, 1);
    EXPECT_NE(r.err.find("cannot write " + target.string() +
                         ": cannot create a temporary file in " + folder->string()),
              std::string::npos)
        << r.err;
    EXPECT_FALSE(fs::exists(target));
    if (folder->string().rfind(dir.string(), 0) == 0)
        fs::permissions(*folder, fs::perms::owner_all);
}

}  // namespace
}  // namespace kdx::test
