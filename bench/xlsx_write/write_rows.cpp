// Writes the benchmark's settlement rows (see rows.py for the same rows in
// Python) as XLSX through the plugin host and the xlsx plugin.
//
//   write_rows PLUGIN_DIR ROWS OUT.xlsx [constant-memory=auto|yes|no]
//
// OUT "-" only builds the Dataset, for the part of time and memory that is
// the dataset rather than the writer.
#include <cstdlib>
#include <iostream>
#include <string>

#include "host/plugin_host.hpp"
#include "kdx/kdx.hpp"

namespace {

// Row i of the benchmark; rows.py computes the same figures.
kdx::Dataset generate(std::size_t rows) {
    kdx::Dataset d;
    d.info.title = "Generated settlement figures (benchmark)";
    for (int m = 0; m < 357; ++m) {
        kdx::Municipality mu;
        mu.number = std::to_string(3000 + m);
        mu.name = "Kommune Ås-Ørland " + std::to_string(m);
        d.municipalities.push_back(mu);
    }
    d.settlement.reserve(rows);
    for (std::size_t i = 0; i < rows; ++i) {
        kdx::SettlementFigures s;
        s.municipality = std::to_string(3000 + i % 357);
        s.year = 2000 + static_cast<int>((i / 357) % 25);
        s.requested = static_cast<double>(i * 7 % 200);
        s.decided = static_cast<double>(i * 5 % 180);
        std::size_t settled = i * 3 % 150;
        s.settled = settled > 0 && settled < 5 ? kdx::Value::suppressed()
                                               : kdx::Value(static_cast<double>(settled));
        if (i % 10 != 0) s.unaccompanied_minors = static_cast<double>(i % 13);
        s.family_reunifications = static_cast<double>(i % 17);
        d.settlement.push_back(s);
    }
    return d;
}

}  // namespace

int main(int argc, char** argv) {
    if (argc < 4) {
        std::cerr << "usage: write_rows PLUGIN_DIR ROWS OUT.xlsx [constant-memory=auto|yes|no]\n";
        return 2;
    }
    try {
        kdx::host::PluginHost host;
        host.load({{argv[1]}, false, false});
        auto xlsx = host.find("xlsx");
        if (!xlsx) {
            std::cerr << "write_rows: no xlsx plugin in " << argv[1] << "\n";
            return 2;
        }
        kdx::Dataset d = generate(std::strtoull(argv[2], nullptr, 10));
        if (std::string(argv[3]) == "-") return 0;
        kdx::Options options;
        if (argc > 4) options["constant-memory"] = std::string(argv[4]).substr(16);
        kdx::Diagnostics diagnostics;
        xlsx->write_dataset(d, argv[3], options, diagnostics);
        for (const auto& item : diagnostics.items()) std::cerr << item.to_string() << "\n";
    } catch (const std::exception& e) {
        std::cerr << "write_rows: " << e.what() << "\n";
        return 1;
    }
    return 0;
}
