// kdx report: one report from a template, in one or more formats.
#include <unistd.h>

#include <iostream>
#include <memory>

#include "reports.hpp"
#include "report/report_builder.hpp"

namespace kdx::cli {

namespace fs = std::filesystem;

namespace {

struct ReportArgs {
    std::string template_name;
    std::vector<fs::path> data;
    std::string municipality;
    std::string county;
    int year = 0;
    std::string formats = "pdf,xlsx,xml";
    fs::path out = ".";
    std::string language;
    int threshold = 5;
    std::vector<std::string> options;
};

int run_report(const ReportArgs& a, const GlobalOptions& global) {
    host::PluginHost host;
    load_plugins(host, global);
    auto formats = split_list(a.formats);
    Options options = document_options(host, formats, a.options);
    report::ReportTemplate t = report::read_template(find_template(a.template_name));
    Diagnostics diagnostics;
    Dataset dataset = read_data(host, a.data, diagnostics);
    if (diagnostics.has_errors()) {
        std::cerr << "kdx: no report written; the data has errors: " << print_diagnostics(diagnostics, global.verbose) << '\n';
        return exit_input_errors;
    }
    report::ReportRequest request;
    request.municipality = a.municipality;
    request.county = a.county;
    request.year = a.year;
    request.language = a.language;
    request.threshold = a.threshold;
    request.date = report_date();
    for (const auto& f : a.data) request.data_files.push_back(f.filename().string());
    Document document = report::build_report(t, dataset, request, diagnostics);

    std::string stem = t.id;
    if (!a.municipality.empty()) stem += "-" + a.municipality;
    if (!a.county.empty()) stem += "-" + a.county;
    if (a.year) stem += "-" + std::to_string(a.year);
    if (!a.language.empty()) stem += "-" + a.language;
    if (!fs::is_directory(a.out)) fs::create_directories(a.out);
    int counter = 0;
    RenderResult r = render(host, document, formats, options, a.out, stem, diagnostics, ::isatty(2), counter,
                            static_cast<int>(formats.size()));
    for (const auto& m : r.missing)
        diagnostics.error("no plugin writes reports as " + m + " (see kdx plugins)");
    std::string counts = print_diagnostics(diagnostics, global.verbose);
    std::cerr << "kdx: wrote " << r.written << " file" << (r.written == 1 ? "" : "s") << " to "
              << a.out.string() << "; " << counts << '\n';
    return r.missing.empty() && r.failed == 0 ? exit_ok : exit_input_errors;
}

}  // namespace

std::function<int()> setup_report(CLI::App& app, const GlobalOptions& global) {
    auto a = std::make_shared<ReportArgs>();
    app.add_option("-t,--template", a->template_name,
                   "A template: imdi-dossier, imdi-comparison, county-overview, council-report, or a file")
        ->required();
    app.add_option("-d,--data", a->data, "Data files to report on (any readable format)")->required();
    auto* m = app.add_option("--municipality", a->municipality, "Municipality number");
    app.add_option("--county", a->county, "County number")->excludes(m);
    app.add_option("--year", a->year, "Report year (default: the latest with figures)");
    app.add_option("--format", a->formats, "Comma-separated output formats")->capture_default_str();
    app.add_option("--out", a->out, "Output folder")->capture_default_str();
    app.add_option("--lang", a->language, "Language: nb, nn or en (default: the template's)")
        ->check(CLI::IsMember({"nb", "nn", "en"}));
    app.add_option("--threshold", a->threshold, "Counts of people below this are shown as \":\"")
        ->capture_default_str()->check(CLI::Range(1, 1000));
    app.add_option("-o,--option", a->options,
                   "A write option key=value for the output formats (see kdx plugins --format NAME)");
    return [a, &global] { return run_report(*a, global); };
}

}  // namespace kdx::cli
