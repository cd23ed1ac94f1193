#include "sqlite_format.hpp"

#include "kdx/error.hpp"
#include "store_reader.hpp"
#include "store_writer.hpp"

namespace kdx::store {

namespace {

bool option_true(const Options& options, const std::string& name) {
    auto it = options.find(name);
    if (it == options.end()) return false;
    const std::string& v = it->second;
    if (v == "true" || v == "yes" || v == "1") return true;
    if (v == "false" || v == "no" || v == "0") return false;
    throw OptionError("option " + name + ": expected true or false, found \"" + v + "\"");
}

}  // namespace

FormatInfo SqliteFormat::info() const {
    FormatInfo f;
    f.name = "sqlite";
    f.long_name = "kdx store: the whole model in an SQLite database, imports merged over the years";
    // The host matches the last extension: "store.kdx.sqlite" is found by "sqlite".
    f.extensions = {"sqlite", "sqlite3", "kdx.sqlite"};
    f.capabilities = can_read_dataset | can_write_dataset;
    f.write_options = {
        {"merge",
         OptionInfo::Type::boolean,
         "false",
         {},
         "Add the records to an existing store in one transaction instead of replacing the "
         "file; a record whose key is in the store already fails the import (kdx convert --merge)"},
        {"replace",
         OptionInfo::Type::boolean,
         "false",
         {},
         "With merge: a record whose key is in the store already replaces it; implies merge "
         "(kdx convert --replace)"},
    };
    return f;
}

Dataset SqliteFormat::read_dataset(const std::filesystem::path& input, const Options&,
                                   Diagnostics& diagnostics) {
    return read_store(input, diagnostics);
}

void SqliteFormat::write_dataset(const Dataset& dataset, const std::filesystem::path& output,
                                 const Options& options, Diagnostics& diagnostics) {
    WriteMode mode;
    mode.merge = option_true(options, "merge");
    mode.replace = option_true(options, "replace");
    write_store(dataset, output, mode, diagnostics);
}

}  // namespace kdx::store
