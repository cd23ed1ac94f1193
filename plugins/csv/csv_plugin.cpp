// Registers the csv format.
#include <memory>

#include "csv_format.hpp"
#include "kdx/plugin.hpp"

namespace {

void register_formats(kdx::Registrar& r) {
    r.set_info({"csv", "1.0.0", "CSV tables in and out"});
    r.add_format(std::make_unique<kdx::csv::CsvFormat>());
}

}  // namespace

KDX_PLUGIN(register_formats)
