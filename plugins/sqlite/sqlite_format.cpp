#include "sqlite_format.hpp"

#include "sqlite_store.hpp"
#include "store_options.hpp"

namespace kdx::store {

FormatInfo SqliteFormat::info() const {
    FormatInfo f;
    f.name = "sqlite";
    f.long_name = "kdx store: the whole model in an SQLite database, imports merged over the years";
    // The host matches the last extension: "store.kdx.sqlite" is found by "sqlite".
    f.extensions = {"sqlite", "sqlite3", "kdx.sqlite"};
    f.capabilities = can_read_dataset | can_write_dataset | can_write_batches;
    f.write_options = merge_options();
    return f;
}

Dataset SqliteFormat::read_dataset(const std::filesystem::path& input, const Options&,
                                   Diagnostics&) {
    return read_sqlite_store(input);
}

void SqliteFormat::write_dataset(const Dataset& dataset, const std::filesystem::path& output,
                                 const Options& options, Diagnostics&) {
    write_sqlite_store(dataset, output, write_mode(options));
}

std::unique_ptr<BatchWriter> SqliteFormat::open_batches(const std::filesystem::path& output,
                                                        const Options& options, Diagnostics&) {
    return open_sqlite_batches(output, write_mode(options));
}

}  // namespace kdx::store
