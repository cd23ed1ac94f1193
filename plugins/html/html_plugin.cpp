// Registers the html format.
#include <memory>

#include "html_format.hpp"
#include "kdx/plugin.hpp"

namespace {

void register_formats(kdx::Registrar& r) {
    r.set_info({"html", "1.0.0",
                "Report documents as accessible HTML5 pages (WCAG 2.1 AA), self-contained"});
    r.add_format(std::make_unique<kdx::html::HtmlFormat>());
}

}  // namespace

KDX_PLUGIN(register_formats)
