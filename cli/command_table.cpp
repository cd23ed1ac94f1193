#include "command.hpp"

namespace kdx::cli {

const std::vector<Command>& command_table() {
    static const std::vector<Command> table{
        {"plugins", "List the plugins found, their formats and what they can do",
         "  kdx plugins\n"
         "  kdx plugins --format csv\n"
         "  kdx plugins --json\n"
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
        {"report", "Build a report from a template, in one or more formats",
         "  kdx report -t council-report -d examples/data/nominees-2018.xml --municipality 5004 "
         "--out out\n"
         "  kdx report -t county-overview -d bosetting.xml --county 50 --year 2014 --format "
         "xlsx,xml\n"
         "  kdx report -t my-template.xml -d data.xml --municipality 0219 --lang en\n"
         "  kdx report -t council-report -d bosetting.xml --municipality all --format pdf\n",
         setup_report},
        {"dossier", "Build the nomination dossiers of a prize year, and the comparison",
         "  kdx dossier --year 2018 -d examples/data/nominees-2018.xml --out out/dossiers\n",
         setup_dossier},
        {"run", "Run the steps of a recipe: the yearly job written down once (docs/recipes.md)",
         "  kdx run examples/dossier-2018.yaml\n"
         "  kdx run --dry-run dossier-2026.yaml\n",
         setup_run},
        {"verify", "Say whether a report was made from the given data files",
         "  kdx verify out/council-report-2014-5004-steinkjer.pdf bosetting.xlsx\n"
         "  kdx verify out/dossiers/imdi-dossier-2018-5004-steinkjer.xlsx "
         "examples/data/nominees-2018.xml\n"
         "  kdx verify report.xml data.xml -t council-report\n",
         setup_verify},
    };
    return table;
}

}  // namespace kdx::cli
