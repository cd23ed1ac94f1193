// Fuzzes one importer plugin (KDX_FUZZ_FORMAT, loaded from KDX_FUZZ_PLUGIN)
// through the plugin host: any input must give a dataset or a kdx::Error.
#include <cstdint>
#include <cstdlib>
#include <memory>

#include "fuzz_input_file.hpp"
#include "host/plugin_host.hpp"
#include "kdx/error.hpp"

namespace {

kdx::host::PluginHost host;
std::shared_ptr<const kdx::host::LoadedFormat> format;

}  // namespace

extern "C" int LLVMFuzzerInitialize(int*, char***) {
    const auto& record = host.load_file(KDX_FUZZ_PLUGIN);
    format = host.find(KDX_FUZZ_FORMAT);
    if (!format) {
        std::fprintf(stderr, "fuzz: cannot load %s: %s\n", KDX_FUZZ_PLUGIN, record.reason.c_str());
        std::abort();
    }
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    static const auto file = kdx::fuzz::input_file(KDX_FUZZ_FORMAT);
    kdx::fuzz::write_input(file, data, size);
    kdx::Diagnostics diagnostics;
    try {
        format->read_dataset(file, {}, diagnostics);
    } catch (const kdx::Error& e) {
        // The host turns anything but kdx::Error into "plugin X failed: ...":
        // a reader must reject bad input with its own error, so that is a finding.
        if (std::string(e.what()).rfind("plugin ", 0) == 0) {
            std::fprintf(stderr, "fuzz: %s\n", e.what());
            std::abort();
        }
    }
    return 0;
}
