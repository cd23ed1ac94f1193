// Benchmark driver (not part of kdx): what `kdx report` does for one
// municipality, for many in one process: reads the dataset once through the
// plugin that reads it, then builds the council report for each number and
// writes it in one format. Leaves out the per-process start-up (loading the
// libraries and plugins, reading and validating the dataset) that one
// `kdx report` run per municipality pays each time.
//
//   batch_reports PLUGIN_DIR DATA TEMPLATE FORMAT OUT_DIR NUMBER...
#include <iostream>

#include "host/plugin_host.hpp"
#include "kdx/kdx.hpp"
#include "report/report_builder.hpp"

int main(int argc, char** argv) {
    std::vector<std::string> args(argv + 1, argv + argc);
    if (args.size() < 6) {
        std::cerr << "usage: batch_reports PLUGIN_DIR DATA TEMPLATE FORMAT OUT_DIR NUMBER...\n";
        return 2;
    }
    try {
        kdx::host::PluginHost host;
        host.load({{args[0]}, false, false});
        auto reader = host.find_for_file(args[1], kdx::can_read_dataset);
        auto writer = host.find(args[3]);
        if (!reader || !writer || !writer->info().can(kdx::can_write_document))
            throw kdx::Error("no plugin in " + args[0] + " reads " + args[1] + " or writes " +
                             args[3] + " reports");
        kdx::Diagnostics diagnostics;
        kdx::Dataset data = reader->read_dataset(args[1], {}, diagnostics);
        auto report_template = kdx::report::read_template(args[2]);
        const std::string extension = writer->info().extensions.front();
        for (std::size_t i = 5; i < args.size(); ++i) {
            kdx::report::ReportRequest request;
            request.municipality = args[i];
            request.year = 2024;
            request.date = "2024-12-31";
            request.data_files = {"data.xml"};
            kdx::Document doc =
                kdx::report::build_report(report_template, data, request, diagnostics);
            writer->write_document(doc,
                                   args[4] + "/council-report-" + args[i] + "-2024." + extension,
                                   {}, diagnostics);
        }
    } catch (const kdx::Error& e) {
        std::cerr << "batch_reports: " << e.what() << '\n';
        return 1;
    }
    return 0;
}
