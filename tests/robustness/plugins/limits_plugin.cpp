// A plugin that runs past kdx's limits for a plugin in a child process
// (--plugin-timeout, --plugin-memory): fault-hang never returns from its
// writer, fault-oom asks for more memory than a limit allows. It lives in a
// folder of its own, apart from fault_plugin.cpp's, so that the tests that
// run every format of that one (kdx-plugin-check) do not wait on it.
#include <unistd.h>

#include <vector>

#include "kdx/kdx.hpp"

namespace {

// Where fault-oom keeps what it allocates, so that no allocation is elided.
std::vector<char*> hoard;

class LimitFormat : public kdx::Format {
  public:
    explicit LimitFormat(std::string name) : name_(std::move(name)) {}

    kdx::FormatInfo info() const override {
        kdx::FormatInfo i;
        i.name = "fault-" + name_;
        i.long_name = "Test format that runs past a limit: " + name_;
        i.extensions = {name_};
        i.capabilities = kdx::can_write_dataset | kdx::can_write_document;
        return i;
    }

    void write_dataset(const kdx::Dataset&, const std::filesystem::path& output,
                       const kdx::Options&, kdx::Diagnostics&) override {
        misbehave(output);
    }
    void write_document(const kdx::Document&, const std::filesystem::path& output,
                        const kdx::Options&, kdx::Diagnostics&) override {
        misbehave(output);
    }

  private:
    void misbehave(const std::filesystem::path& output) {
        kdx::AtomicFile file(output);
        file.stream() << "half-written\n";
        file.stream().flush();
        if (name_ == "hang")
            for (;;) ::pause();
        // 16 GiB of address space, never touched: a limit stops it; without
        // one it ends and writes.
        for (int i = 0; i < 1024; ++i) hoard.push_back(new char[16 << 20]);
        file.commit();
    }
    std::string name_;
};

void register_formats(kdx::Registrar& r) {
    r.set_info({"limits", "0.0.1", "Formats that run past a limit on purpose"});
    r.add_format(std::make_unique<LimitFormat>("hang"));
    r.add_format(std::make_unique<LimitFormat>("oom"));
}

}  // namespace

KDX_PLUGIN(register_formats)
