// Registers the jsonstat format.
#include <memory>

#include "jsonstat_format.hpp"
#include "kdx/plugin.hpp"

namespace {

void register_formats(kdx::Registrar& r) {
    r.set_info(
        {"jsonstat", "1.0.0", "JSON-stat 2.0, the format of Statistics Norway's API, in and out"});
    r.add_format(std::make_unique<kdx::jsonstat::JsonStatFormat>());
}

}  // namespace

KDX_PLUGIN(register_formats)
