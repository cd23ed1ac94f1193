// kdx-plugin-runner [--memory-mib N] REQUEST ANSWER
//
// Makes the one plugin call REQUEST describes (host/runner_protocol.hpp) and
// writes how it went to ANSWER. kdx starts it for each call to a plugin it
// isolates (--isolate): if the plugin crashes, aborts or hangs, only this
// process dies, and kdx reports it. Exit status 0 when ANSWER was written,
// 3 when the request could not be read.
#include <malloc.h>
#include <sys/prctl.h>
#include <sys/resource.h>
#include <unistd.h>

#include <atomic>
#include <csignal>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <iostream>
#include <iterator>
#include <new>
#include <string>

#include "host/plugin_host.hpp"
#include "host/plugin_manifest.hpp"
#include "host/runner_protocol.hpp"
#include "kdx/document.hpp"
#include "kdx/error.hpp"
#include "kdx/version.hpp"

namespace {

using namespace kdx::host;

std::atomic<bool> allocation_failed{false};

// Marks the failure so that an allocation the plugin turned into another
// error is still reported as the memory limit it was.
void on_out_of_memory() {
    allocation_failed = true;
    std::set_new_handler(nullptr);
    throw std::bad_alloc();
}

runner::Response make_call(const runner::Request& q, bool memory_limited) {
    runner::Response a;
    PluginHost host;
    const PluginRecord& record = host.load_file(q.plugin_file, "kdx");
    if (record.status != PluginRecord::Status::loaded) {
        // kdx loaded this very file a moment ago: under a memory limit, the
        // limit is what kept the loader from mapping it.
        a.outcome = memory_limited ? runner::Outcome::out_of_memory : runner::Outcome::error;
        // kdx names the plugin in front of what is wrong with a declaration.
        a.error.message = q.operation == runner::Operation::describe
                              ? record.reason
                              : "plugin " + record.describe();
        return a;
    }
    if (q.operation == runner::Operation::describe) {
        PluginManifest m;
        m.library = q.plugin_file.filename().string();
        m.abi = kdx::abi_version;
        m.written_by = std::string("kdx-plugin-runner ") + kdx::version();
        m.plugin = record.info;
        for (const auto& format : host.formats()) {
            m.formats.push_back(format->info());
            m.abi = format->abi();
        }
        a.manifest = to_json(m);
        return a;
    }
    auto format = host.find(q.format);
    if (!format || format->file() != q.plugin_file) {
        a.outcome = runner::Outcome::error;
        a.error.message = "plugin " + record.info.name + " (" + q.plugin_file.string() +
                          ") no longer has a format " + q.format;
        return a;
    }
    std::set_new_handler(on_out_of_memory);
    try {
        switch (q.operation) {
            case runner::Operation::read_dataset:
                a.dataset = format->read_dataset(q.target, q.options, a.diagnostics);
                break;
            case runner::Operation::write_dataset:
                format->write_dataset(q.dataset, q.target, q.options, a.diagnostics);
                break;
            case runner::Operation::write_document:
                format->write_document(q.document, q.target, q.options, a.diagnostics);
                break;
            case runner::Operation::describe:
                break;  // answered above, without a format
        }
    } catch (const kdx::OptionError& e) {
        a.outcome = runner::Outcome::option_error;
        a.error = e.diagnostic();
    } catch (const kdx::Error& e) {
        a.outcome = allocation_failed ? runner::Outcome::out_of_memory : runner::Outcome::error;
        a.error = e.diagnostic();
    } catch (const std::bad_alloc&) {
        a.outcome = runner::Outcome::out_of_memory;
    }
    std::set_new_handler(nullptr);
    // The answer is made after the call: memory the plugin still holds on
    // to is not what kdx needs to read it back.
    if (allocation_failed && a.outcome == runner::Outcome::ok)
        a.outcome = runner::Outcome::out_of_memory;
    return a;
}

}  // namespace

int main(int argc, char** argv) {
    // A runner whose kdx is gone (killed, interrupted) has nobody to answer.
    ::prctl(PR_SET_PDEATHSIG, SIGKILL);
    // kdx's stdout may be a JSON document (--json): what a plugin prints
    // goes to stderr instead.
    ::dup2(STDERR_FILENO, STDOUT_FILENO);
    // As kdx itself does (cli/main.cpp): the same heap behaviour for plugins.
    mallopt(M_MMAP_THRESHOLD, 4 << 20);
    mallopt(M_TRIM_THRESHOLD, 16 << 20);
    std::size_t memory_mib = 0;
    int arg = 1;
    if (argc == 5 && std::strcmp(argv[1], "--memory-mib") == 0) {
        memory_mib = std::strtoull(argv[2], nullptr, 10);
        arg = 3;
    }
    if (argc - arg != 2) {
        std::cerr << "usage: kdx-plugin-runner [--memory-mib N] REQUEST ANSWER\n"
                     "(started by kdx for plugins it runs in a child process; see kdx --isolate)\n";
        return 3;
    }
    runner::Request request;
    try {
        std::ifstream in(argv[arg], std::ios::binary);
        if (!in) throw kdx::Error(std::string("cannot open ") + argv[arg]);
        std::string bytes{std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
        request = runner::decode_request(bytes);
    } catch (const std::exception& e) {
        std::cerr << "kdx-plugin-runner: error: " << e.what() << '\n';
        return 3;
    }
    // The limit applies to the plugin, set once the request is in memory.
    if (memory_mib > 0) {
        const rlim_t bytes = static_cast<rlim_t>(memory_mib) << 20;
        rlimit limit{bytes, bytes};
        if (::setrlimit(RLIMIT_AS, &limit) != 0) {
            std::cerr << "kdx-plugin-runner: error: cannot limit memory to " << memory_mib
                      << " MiB: " << std::strerror(errno) << '\n';
            return 3;
        }
    }
    runner::Response answer = make_call(request, memory_mib > 0);
    // Freed before the answer is encoded, so that the answer fits under the limit.
    request.dataset = {};
    request.document = {};
    std::string bytes;
    try {
        bytes = runner::encode_response(answer, request.operation);
    } catch (const std::bad_alloc&) {
        answer = {};
        answer.outcome = runner::Outcome::out_of_memory;
        bytes = runner::encode_response(answer, request.operation);
    }
    std::ofstream out(argv[arg + 1], std::ios::binary);
    out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
    out.close();
    if (!out) {
        std::cerr << "kdx-plugin-runner: error: cannot write " << argv[arg + 1] << '\n';
        return 3;
    }
    return 0;
}
