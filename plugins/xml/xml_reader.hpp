// Reading a Dataset from an exchange file (schemas/kdx-data-1.xsd).
#pragma once

#include <filesystem>
#include <vector>

#include "kdx/format.hpp"
#include "kdx/model.hpp"

namespace kdx::xml {

// Reads the whole file. Throws kdx::Error with file:line:col for a file that
// is not well-formed or does not follow the schema, naming what was expected.
// Each record's origin is its element's line. Options: max-file-size.
Dataset read_xml(const std::filesystem::path& input, const Options& options,
                 Diagnostics& diagnostics);

// The read options, with their defaults.
std::vector<OptionInfo> read_option_infos();

}  // namespace kdx::xml
