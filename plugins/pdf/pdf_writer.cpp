#include "pdf_writer.hpp"

#include <podofo/podofo.h>

#include <string_view>
#include <vector>

#include "document_layout.hpp"
#include "fonts.hpp"
#include "kdx/atomic_file.hpp"
#include "kdx/document.hpp"
#include "kdx/error.hpp"
#include "kdx/options.hpp"
#include "pdf_render.hpp"
#include "pdfa_metadata.hpp"

namespace kdx::pdf {

namespace {

PageSize paper_size(const std::string& paper) {
    if (paper == "letter") return {612, 792};
    return {595.276, 841.89};  // a4
}

// The bytes of `pdf`, in this thread's buffer (valid until its next call):
// a buffer too small for a document is doubled and the document written again.
std::string_view written(PoDoFo::PdfMemDocument& pdf) {
    thread_local std::vector<char> buffer(std::size_t{1} << 20);
    for (;;) {
        try {
            PoDoFo::PdfOutputDevice device(buffer.data(), buffer.size());
            pdf.Write(&device);
            return {buffer.data(), device.GetLength()};
        } catch (const PoDoFo::PdfError& e) {
            if (e.GetError() != PoDoFo::ePdfError_OutOfMemory) throw;
            buffer.resize(buffer.size() * 2);
        }
    }
}

}  // namespace

FormatInfo PdfFormat::info() const {
    FormatInfo i;
    i.name = "pdf";
    i.long_name = "PDF report (PDF/A-1b)";
    i.extensions = {"pdf"};
    i.capabilities = can_write_document | can_write_in_parallel;
    using T = OptionInfo::Type;
    i.write_options = {
        {"font",
         T::string,
         "DejaVu Sans",
         {},
         "Font family known to fontconfig, or the path of a TrueType file, for the text"},
        {"font-bold",
         T::string,
         "",
         {},
         "TrueType file for bold text (default: the family's bold face)"},
        {"font-italic",
         T::string,
         "",
         {},
         "TrueType file for emphasis (default: the family's italic face)"},
        {"paper", T::choice, "a4", {"a4", "letter"}, "Paper size"},
    };
    return i;
}

// Threads (can_write_in_parallel): every PoDoFo object here belongs to the
// one PdfMemDocument of the call, but for the fonts' metrics and FreeType
// faces, which are this thread's (fonts.cpp), and the finished subsets and
// the sRGB profile's bytes, shared read-only. PoDoFo 0.9.8's globals are its encodings (made under
// its mutex, Debian builds it with PODOFO_MULTI_THREAD), tables filled when
// the library loads, and the logging switches, set once in pdf_plugin.cpp.
// fontconfig (only for a font other than the default files) is thread-safe.
// The one unsafe call is PdfMemDocument's localtime() for the /CreationDate
// it sets and apply_pdfa() replaces: the kdx executable gives localtime() and
// gmtime() a buffer per thread (cli/libc_time.cpp), so that it cannot
// change the date libxlsxwriter is formatting on another thread.
void PdfFormat::write_document(const Document& document, const std::filesystem::path& output,
                               const Options& options, Diagnostics& diagnostics) {
    OptionReader read(info().write_options, options);  // fonts.cpp reads the font options
    const PageSize size = paper_size(read.choice("paper"));
    Diagnostics local;
    try {
        FontFiles files = find_font_files(options, local);
        PoDoFo::PdfMemDocument pdf;
        pdf.SetWriteMode(PoDoFo::ePdfWriteMode_Clean);  // PDF/A-1 wants "obj" on its own line
        pdf.SetPdfVersion(PoDoFo::ePdfVersion_1_4);
        FontSet fonts(pdf, files);
        DisplayList list = lay_out(document, fonts, size);
        render(list, fonts, pdf);
        fonts.embed(pdf);
        apply_pdfa(pdf, document.info, document_time(local));
        // Into memory, then through AtomicFile's stream, whose errors commit()
        // reports: PoDoFo writing to a file name misses a failed write (a full
        // disk) and would leave a cut-off PDF under the target name. Into a
        // buffer PoDoFo prints each token with vsnprintf alone; into a stream
        // each went through a std::string and the stream too.
        const std::string_view bytes = written(pdf);
        AtomicFile file(output);
        file.stream().write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
        file.commit();
        fonts.report(local, Location::at(output.string()));
    } catch (const PoDoFo::PdfError& e) {
        diagnostics.append(local);
        throw Error(std::string("pdf: PoDoFo could not write the file: ") + e.what(),
                    Location::at(output.string()));
    }
    diagnostics.append(local);
}

}  // namespace kdx::pdf
