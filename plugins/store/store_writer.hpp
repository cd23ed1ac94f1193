// Writing a dataset into a kdx store's tables: the record mapping the sqlite
// and postgresql formats share. The caller opens the database, begins the
// transaction, creates or checks the schema, and commits.
#pragma once

#include <memory>

#include "kdx/model.hpp"
#include "store_db.hpp"

namespace kdx::store {

struct WriteMode {
    // Add to an existing store instead of replacing it.
    bool merge = false;
    // With merge: a record whose key is in the store already replaces it
    // (otherwise the import fails naming both records). Implies merge.
    bool replace = false;
};

// Writes every record of `dataset` with its sources and one imports row per
// file. `keys_after`: the store is new and its large tables have no keys yet
// (SQLite); they are created after the records are in. Throws kdx::Error
// naming a record whose key is repeated (in the dataset, or already in the
// store without `replace`), or an outcome of an unknown programme; the
// caller then rolls the transaction back.
void import_dataset(Db& db, const Dataset& dataset, WriteMode mode, bool keys_after);

class Importer;

// import_dataset() of a dataset given in parts (Format::open_batches): each
// part's settlement figures and outcomes are written as they come, with the
// sources they point to; finish() writes the rest as import_dataset() does
// and throws as it does. The tables then hold what import_dataset() of the
// whole dataset writes.
class StoreImport {
  public:
    StoreImport(Db& db, WriteMode mode, bool keys_after);
    ~StoreImport();
    StoreImport(const StoreImport&) = delete;
    StoreImport& operator=(const StoreImport&) = delete;

    void part(const Dataset& part);
    void finish(const Dataset& rest);

  private:
    std::unique_ptr<Importer> importer_;
};

}  // namespace kdx::store
