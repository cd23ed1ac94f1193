// kdx report: one report from a template, in one or more formats.
#include <unistd.h>

#include <iostream>
#include <memory>

#include "kdx/error.hpp"
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
    int harmonise_to = 0;  // 0: keep the numbers as they are
    std::vector<std::string> options;
};

// The municipalities --municipality names: one number, a comma-separated
// list, or "all" (every municipality of the dataset but the whole country).
std::vector<std::string> municipalities_to_report(const std::string& given, const Dataset& d) {
    if (given != "all") return split_list(given);
    std::vector<std::string> all;
    for (const Municipality& m : d.municipalities)
        if (m.number != whole_country) all.push_back(m.number);
    return all;
}

int run_report(const ReportArgs& a, const GlobalOptions& global) {
    host::PluginHost host;
    load_plugins(host, global);
    auto formats = split_list(a.formats);
    Options options = document_options(host, formats, a.options);
    report::ReportTemplate t = report::read_template(find_template(a.template_name));
    Diagnostics diagnostics;
    Dataset dataset = read_data(host, a.data, diagnostics, a.harmonise_to);
    if (diagnostics.has_errors()) {
        std::cerr << "kdx: no report written; the data has errors: " << print_diagnostics(diagnostics, global.verbose) << '\n';
        return exit_input_errors;
    }
    report::ReportRequest request;
    request.county = a.county;
    request.year = a.year;
    request.language = a.language;
    request.threshold = a.threshold;
    request.date = report_date();
    for (const auto& f : a.data) request.data_files.push_back(f.filename().string());

    // Several municipalities are reported from the one dataset read above;
    // one that cannot be reported is named and the others are still written.
    std::vector<std::string> municipalities{std::string()};
    if (!a.municipality.empty()) municipalities = municipalities_to_report(a.municipality, dataset);
    if (municipalities.empty())
        throw UsageError("--municipality " + a.municipality + " names no municipality");
    if (!fs::is_directory(a.out)) fs::create_directories(a.out);
    int counter = 0, failed = 0;
    const int total = static_cast<int>(formats.size() * municipalities.size());
    RenderResult all;
    for (const std::string& municipality : municipalities) {
        request.municipality = municipality;
        Document document;
        try {
            document = report::build_report(t, dataset, request, diagnostics);
        } catch (const Error& e) {
            if (municipalities.size() == 1) throw;
            diagnostics.error("no report for " + municipality + ": " + e.message(), e.where());
            ++failed;
            continue;
        }
        std::string stem = t.id;
        if (!municipality.empty()) stem += "-" + municipality;
        if (!a.county.empty()) stem += "-" + a.county;
        if (a.year) stem += "-" + std::to_string(a.year);
        if (!a.language.empty()) stem += "-" + a.language;
        RenderResult r = render(host, document, formats, options, a.out, stem, diagnostics,
                                ::isatty(2), counter, total);
        all.written += r.written;
        all.failed += r.failed;
        all.missing = r.missing;
    }
    for (const auto& m : all.missing)
        diagnostics.error("no plugin writes reports as " + m + " (see kdx plugins)");
    std::string counts = print_diagnostics(diagnostics, global.verbose);
    std::cerr << "kdx: wrote " << all.written << " file" << (all.written == 1 ? "" : "s");
    if (municipalities.size() > 1)
        std::cerr << " for " << municipalities.size() - failed << " of " << municipalities.size()
                  << " municipalities";
    std::cerr << " to " << a.out.string() << "; " << counts << '\n';
    return all.missing.empty() && all.failed == 0 && failed == 0 ? exit_ok : exit_input_errors;
}

}  // namespace

std::function<int()> setup_report(CLI::App& app, const GlobalOptions& global) {
    auto a = std::make_shared<ReportArgs>();
    app.add_option("-t,--template", a->template_name,
                   "A template: imdi-dossier, imdi-comparison, county-overview, council-report, or a file")
        ->required();
    app.add_option("-d,--data", a->data, "Data files to report on (any readable format)")->required();
    auto* m = app.add_option("--municipality", a->municipality,
                             "Municipality number, a comma-separated list of them, or all (one "
                             "report each, from one reading of the data)");
    app.add_option("--county", a->county, "County number")->excludes(m);
    app.add_option("--year", a->year, "Report year (default: the latest with figures)");
    app.add_option("--format", a->formats, "Comma-separated output formats")->capture_default_str();
    app.add_option("--out", a->out, "Output folder")->capture_default_str();
    app.add_option("--lang", a->language, "Language: nb, nn or en (default: the template's)")
        ->check(CLI::IsMember({"nb", "nn", "en"}));
    app.add_option("--harmonise-to", a->harmonise_to,
                   "Renumber municipalities to this year's numbers, summing merged ones' counts")
        ->check(CLI::Range(1990, 2100));
    app.add_option("--threshold", a->threshold, "Counts of people below this are shown as \":\"")
        ->capture_default_str()->check(CLI::Range(1, 1000));
    app.add_option("-o,--option", a->options,
                   "A write option key=value for the output formats (see kdx plugins --format NAME)");
    return [a, &global] { return run_report(*a, global); };
}

}  // namespace kdx::cli
