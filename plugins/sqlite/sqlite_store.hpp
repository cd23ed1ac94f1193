// A kdx store in one SQLite file: opening, transactions and crash safety
// around the shared record mapping (plugins/store).
#pragma once

#include <filesystem>
#include <memory>

#include "kdx/format.hpp"
#include "kdx/model.hpp"
#include "store_writer.hpp"

namespace kdx::store {

// Reads every table into a Dataset, in the store's order. A store of an older
// schema version is upgraded in memory (the file is not changed); a newer
// one, or a file that is not a kdx store, throws kdx::Error naming the file.
// A new store written in parts (Format::open_batches): the same tables as
// write_sqlite_store() of the whole dataset, through the same temporary file
// and one transaction. nullptr for a merge, which is written whole.
std::unique_ptr<BatchWriter> open_sqlite_batches(const std::filesystem::path& output,
                                                 WriteMode mode);

Dataset read_sqlite_store(const std::filesystem::path& file);

// A new store (replacing any file of that name atomically), or with
// mode.merge an import into an existing one in one transaction. Throws
// kdx::Error as import_dataset does; the store is then as it was.
void write_sqlite_store(const Dataset& dataset, const std::filesystem::path& output,
                        WriteMode mode);

}  // namespace kdx::store
