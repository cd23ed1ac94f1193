// Registers the PDF renderer with the kdx plugin host.
#include <fontconfig/fontconfig.h>
#include <podofo/podofo.h>

#include <memory>

#include "kdx/plugin.hpp"
#include "pdf_writer.hpp"

namespace {

// PoDoFo keeps its standard encodings, and fontconfig its configuration, in
// globals never freed; free them when the plugin is unloaded, so that leak
// checkers (the sanitizer build) see a clean exit.
struct FreeLibraryGlobals {
    ~FreeLibraryGlobals() {
        PoDoFo::PdfEncodingFactory::FreeGlobalEncodingInstances();
        FcFini();
    }
} free_library_globals;

void register_formats(kdx::Registrar& r) {
    // PoDoFo would print its errors to stderr; the caller reports them
    // instead. Set here, once, not by writers that may run on several threads.
    PoDoFo::PdfError::EnableLogging(false);
    PoDoFo::PdfError::EnableDebug(false);
    r.set_info({"pdf", "1.0.0", "Report documents as PDF/A-1b, with embedded font subsets"});
    r.add_format(std::make_unique<kdx::pdf::PdfFormat>());
}

}  // namespace

KDX_PLUGIN(register_formats)
