// Reads back what a report records of its making (DocumentInfo::provenance)
// from a report file kdx wrote: XML (info/provenance), XLSX (custom document
// properties), PDF (the XMP packet) and HTML (meta elements).
#pragma once

#include <filesystem>
#include <optional>

#include "kdx/document.hpp"

namespace kdx::cli {

// The report's provenance; nullopt when the file is of a known kind but holds
// none (made by another program, or by a kdx before 1.1). Throws kdx::Error
// naming the file when it cannot be read or is of no kind kdx writes.
std::optional<Provenance> read_provenance(const std::filesystem::path& report);

}  // namespace kdx::cli
