#include "command.hpp"

namespace kdx::cli {

const std::vector<Command>& command_table() {
    static const std::vector<Command> table{
        {"plugins", "List the plugins found, their formats and what they can do",
         "  kdx plugins\n"
         "  kdx plugins --format csv\n"
         "  kdx --plugin-dir ~/kdx-plugins plugins\n",
         setup_plugins},
        {"convert", "Convert a dataset from one format to another",
         "  kdx convert examples/data/nominees-2018.xml out.xml\n"
         "  kdx convert partner.xlsx bosetting.xml\n"
         "  kdx convert data.xml settlement.csv --to csv -o table=settlement\n",
         setup_convert},
        {"validate", "Read a dataset and report every problem found in it",
         "  kdx validate examples/data/nominees-2018.xml\n"
         "  kdx validate partner.xlsx --strict\n",
         setup_validate},
    };
    return table;
}

}  // namespace kdx::cli
