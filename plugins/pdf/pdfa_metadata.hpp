// What makes the file PDF/A-1b: an sRGB OutputIntent, XMP metadata that
// agrees with the Info dictionary, the document language and fixed dates;
// and the PDF/UA-1 identification in the XMP.
#pragma once

#include <ctime>
#include <string>

#include "kdx/diagnostics.hpp"
#include "kdx/document.hpp"

namespace PoDoFo {
class PdfMemDocument;
}

namespace kdx::pdf {

// SOURCE_DATE_EPOCH when set (for reproducible files), else now. A value that
// is not a number of seconds is reported and ignored.
std::time_t document_time(Diagnostics& diagnostics);

// The BCP 47 tag for a report language: "nb-NO", "nn-NO", "en-GB"; others as given.
std::string language_tag(const std::string& language);

// "D:20180521120000+00'00'" for the Info dictionary.
std::string pdf_date(std::time_t when);
// "2018-05-21T12:00:00+00:00" for XMP.
std::string xmp_date(std::time_t when);

// The XMP packet describing `info`, claiming PDF/A-1b and PDF/UA-1.
std::string xmp_packet(const DocumentInfo& info, const std::string& producer, std::time_t when);

// Fills Info, XMP, /Lang and the OutputIntent of `document`.
void apply_pdfa(PoDoFo::PdfMemDocument& document, const DocumentInfo& info, std::time_t when);

}  // namespace kdx::pdf
