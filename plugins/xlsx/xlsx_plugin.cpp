// Registers the xlsx format.
#include <memory>

#include "kdx/plugin.hpp"
#include "xlsx_format.hpp"

namespace {

void register_formats(kdx::Registrar& r) {
    r.set_info(
        {"xlsx", "1.0.0", "Excel workbooks: partner spreadsheets in, datasets and reports out"});
    r.add_format(std::make_unique<kdx::xlsx::XlsxFormat>());
}

}  // namespace

KDX_PLUGIN(register_formats)
