// A report Document as XML (schemas/kdx-report-1.xsd, namespace
// urn:kdx:report:1), so a report can be archived and processed as data.
#pragma once

#include <filesystem>

#include "kdx/diagnostics.hpp"
#include "kdx/document.hpp"

namespace kdx::xml {

// Writes through kdx::AtomicFile; throws kdx::Error when it cannot.
void write_report(const Document& document, const std::filesystem::path& output,
                  Diagnostics& diagnostics);

}  // namespace kdx::xml
