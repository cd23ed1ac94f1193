#include "store_options.hpp"

#include "kdx/options.hpp"

namespace kdx::store {

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
    OptionReader read(merge_options(), options);
    WriteMode mode;
    mode.merge = read.boolean("merge");
    mode.replace = read.boolean("replace");
    if (mode.replace) mode.merge = true;
    return mode;
}

}  // namespace kdx::store
