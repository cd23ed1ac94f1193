// Registers the xml format.
#include <memory>

#include "kdx/plugin.hpp"
#include "xml_format.hpp"

namespace {

void register_formats(kdx::Registrar& r) {
    r.set_info(
        {"xml", "1.0.0",
         "kdx XML: datasets (schemas/kdx-data-1.xsd) and reports (schemas/kdx-report-1.xsd)"});
    r.add_format(std::make_unique<kdx::xml::XmlFormat>());
}

}  // namespace

KDX_PLUGIN(register_formats)
