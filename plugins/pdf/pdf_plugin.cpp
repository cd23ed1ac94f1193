// Registers the PDF renderer with the kdx plugin host.
#include <memory>

#include "kdx/plugin.hpp"
#include "pdf_writer.hpp"

namespace {

void register_formats(kdx::Registrar& r) {
    r.set_info({"pdf", "1.0.0", "Report documents as PDF/A-1b, with embedded font subsets"});
    r.add_format(std::make_unique<kdx::pdf::PdfFormat>());
}

}  // namespace

KDX_PLUGIN(register_formats)
