// Reading a whole dataset from a kdx store.
#pragma once

#include <filesystem>

#include "kdx/diagnostics.hpp"
#include "kdx/model.hpp"

namespace kdx::store {

// Reads every table into a Dataset, in the store's order. A store of an older
// schema version is upgraded in memory (the file is not changed); a newer
// one, or a file that is not a kdx store, throws kdx::Error naming the file.
Dataset read_store(const std::filesystem::path& file, Diagnostics& diagnostics);

}  // namespace kdx::store
