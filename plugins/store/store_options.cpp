#include "store_options.hpp"

#include "kdx/error.hpp"

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

std::vector<OptionInfo> merge_options() {
    return {
        {"merge",
         OptionInfo::Type::boolean,
         "false",
         {},
         "Add the records to an existing store in one transaction instead of replacing it; "
         "a record whose key is in the store already fails the import (kdx convert --merge)"},
        {"replace",
         OptionInfo::Type::boolean,
         "false",
         {},
         "With merge: a record whose key is in the store already replaces it; implies merge "
         "(kdx convert --replace)"},
    };
}

WriteMode write_mode(const Options& options) {
    WriteMode mode;
    mode.merge = option_true(options, "merge");
    mode.replace = option_true(options, "replace");
    if (mode.replace) mode.merge = true;
    return mode;
}

}  // namespace kdx::store
