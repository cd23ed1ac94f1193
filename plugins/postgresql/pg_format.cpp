#include "pg_format.hpp"

#include "pg_store.hpp"
#include "store_options.hpp"

namespace kdx::store {

FormatInfo PgFormat::info() const {
    FormatInfo f;
    f.name = "postgresql";
    f.long_name =
        "kdx store in a PostgreSQL database, shared by several users: named by a "
        "postgresql:// URI, imports merged in one transaction";
    // No extension: the host picks this format for a "postgresql://" name.
    f.capabilities = can_read_dataset | can_write_dataset;
    f.write_options = merge_options();
    return f;
}

Dataset PgFormat::read_dataset(const std::filesystem::path& input, const Options&, Diagnostics&) {
    return read_pg_store(input.string());
}

void PgFormat::write_dataset(const Dataset& dataset, const std::filesystem::path& output,
                             const Options& options, Diagnostics&) {
    write_pg_store(dataset, output.string(), write_mode(options));
}

}  // namespace kdx::store
