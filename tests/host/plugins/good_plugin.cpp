// A working plugin: format "test-good" reads a file whose lines are
// municipality numbers and writes a dataset's municipality numbers back;
// its read throws a std::runtime_error for a file named "explode.good".
#include <cstdlib>
#include <fstream>
#include <stdexcept>

#include "kdx/kdx.hpp"

// Other plugins are built from this file with other names (CMakeLists.txt).
#ifndef PLUGIN_NAME
#define PLUGIN_NAME "good"
#endif
#ifndef FORMAT_NAME
#define FORMAT_NAME "test-good"
#endif
#ifndef FORMAT_EXTENSION
#define FORMAT_EXTENSION "good"
#endif

namespace {

// Notes that the library was loaded, for the tests that kdx loads only the
// plugins a command needs (plugin_manifest_test.cpp).
[[maybe_unused]] const bool load_noted = [] {
    if (const char* log = std::getenv("KDX_TEST_LOAD_LOG"))
        std::ofstream(log, std::ios::app) << PLUGIN_NAME << '\n';
    return true;
}();

class GoodFormat : public kdx::Format {
  public:
    kdx::FormatInfo info() const override {
        kdx::FormatInfo i;
        i.name = FORMAT_NAME;
        i.long_name = "Test format that works";
        i.extensions = {FORMAT_EXTENSION};
        i.capabilities = kdx::can_read_dataset | kdx::can_write_dataset;
        i.write_options = {
            {"level", kdx::OptionInfo::Type::integer, "1", {}, "A number"},
            {"style", kdx::OptionInfo::Type::choice, "plain", {"plain", "fancy"}, "A choice"}};
        return i;
    }

    kdx::Dataset read_dataset(const std::filesystem::path& input, const kdx::Options&,
                              kdx::Diagnostics&) override {
        if (input.filename() == "explode.good") throw std::runtime_error("boom");
        kdx::Dataset d;
        std::ifstream in(input);
        std::string line;
        while (std::getline(in, line))
            if (!line.empty())
                d.municipalities.push_back({line, "M" + line, "", "", "", {}, {}, {}, 0, 0, {}});
        return d;
    }

    void write_dataset(const kdx::Dataset& d, const std::filesystem::path& output,
                       const kdx::Options&, kdx::Diagnostics&) override {
        kdx::AtomicFile file(output);
        for (const auto& m : d.municipalities) file.stream() << m.number << '\n';
        file.commit();
    }
};

void register_formats(kdx::Registrar& r) {
    r.set_info({PLUGIN_NAME, "1.2.3", "A plugin that works"});
    r.add_format(std::make_unique<GoodFormat>());
}

}  // namespace

KDX_PLUGIN(register_formats)
