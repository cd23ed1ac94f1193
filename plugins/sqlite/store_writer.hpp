// Writing a dataset to a kdx store: a new store (replacing any file of that
// name atomically), or an import merged into an existing store in one
// transaction.
#pragma once

#include <filesystem>

#include "kdx/diagnostics.hpp"
#include "kdx/model.hpp"

namespace kdx::store {

struct WriteMode {
    // Add to an existing store instead of replacing it.
    bool merge = false;
    // With merge: a record whose key is in the store already replaces it
    // (otherwise the import fails naming both records).
    bool replace = false;
};

// Throws kdx::Error when the store cannot be written, names a record whose
// key is repeated (in the dataset, or already in the store without
// `replace`), or an outcome of an unknown programme; the store is then as it
// was.
void write_store(const Dataset& dataset, const std::filesystem::path& output, WriteMode mode,
                 Diagnostics& diagnostics);

}  // namespace kdx::store
