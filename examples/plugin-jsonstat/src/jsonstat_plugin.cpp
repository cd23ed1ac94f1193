// Registers the JSON-stat format with kdx.
#include <kdx/plugin.hpp>
#include <memory>

#include "jsonstat_writer.hpp"

namespace {

void register_formats(kdx::Registrar& registrar) {
    registrar.set_info({"jsonstat", KDX_JSONSTAT_VERSION,
                        "Writes datasets as JSON-stat 2.0, the format of Statistics Norway's API"});
    registrar.add_format(std::make_unique<jsonstat::JsonStatFormat>());
}

}  // namespace

KDX_PLUGIN(register_formats)
