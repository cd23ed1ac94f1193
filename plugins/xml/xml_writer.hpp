// Writing a Dataset as an exchange file (schemas/kdx-data-1.xsd).
#pragma once

#include <filesystem>

#include "kdx/model.hpp"

namespace kdx::xml {

// Writes the canonical form: UTF-8, two-space indentation, sections and
// attributes in schema order, records in dataset order, numbers in plain
// decimal notation. The same dataset always gives the same bytes, so reading
// a canonical file and writing it again reproduces it exactly. Throws
// kdx::Error, leaving no file, for what the format cannot hold (a number
// that is not four digits, a year outside 1000-9999, infinity, a control
// character in text); the error points at the record's origin.
void write_xml(const Dataset& dataset, const std::filesystem::path& output,
               Diagnostics& diagnostics);

}  // namespace kdx::xml
