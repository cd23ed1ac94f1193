// kdx dossier: the nomination dossiers of a year, one per nominee plus the
// comparison, in every report format a plugin offers.
#include <unistd.h>

#include <iostream>
#include <memory>

#include "json_output.hpp"
#include "report/report_builder.hpp"
#include "reports.hpp"

namespace kdx::cli {

namespace fs = std::filesystem;

namespace {

struct DossierArgs {
    int year = 0;
    std::vector<fs::path> data;
    fs::path out = ".";
    std::string formats = "pdf,xlsx,xml";
    int threshold = 5;
    std::string publisher;
    std::vector<std::string> options;
    int harmonise_to = 0;  // 0: keep the numbers as they are
    int jobs = 1;          // files written at once
};

int run_dossier(const DossierArgs& a, const GlobalOptions& global) {
    host::PluginHost host;
    load_plugins(host, global);
    Options options = document_options(host, split_list(a.formats), a.options);
    const fs::path dossier_file = find_template("imdi-dossier");
    const fs::path comparison_file = find_template("imdi-comparison");
    report::ReportTemplate dossier = report::read_template(dossier_file);
    report::ReportTemplate comparison = report::read_template(comparison_file);
    // Usage mistakes are found before any data is read.
    Diagnostics diagnostics;
    std::vector<std::string> formats;
    for (const std::string& f : split_list(a.formats)) {
        auto format = host.find(f);
        if (format && format->info().can(can_write_document))
            formats.push_back(f);
        else
            diagnostics.warning("no plugin writes reports as " + f +
                                "; those files are not made (see kdx plugins)");
    }
    if (formats.empty()) {
        throw UsageError("no plugin writes reports as " + a.formats + " (see kdx plugins)");
    }
    ReadRecord record;
    Dataset dataset = read_data(host, a.data, diagnostics, a.harmonise_to, &record);
    if (diagnostics.has_errors()) {
        std::string counts = print_diagnostics(diagnostics, global);
        std::cerr << "kdx: error: no dossier written; the data has errors: " << counts << '\n';
        return exit_input_errors;
    }
    auto nominations = dataset.nominations_in(a.year);
    if (nominations.empty()) {
        diagnostics.error("the data has no nominations for " + std::to_string(a.year));
        print_diagnostics(diagnostics, global);
        return exit_input_errors;
    }
    fs::create_directories(a.out);
    report::ReportRequest request;
    // The figures are the latest the data has up to the prize year.
    request.up_to_year = a.year;
    request.prize_year = a.year;
    request.threshold = a.threshold;
    request.publisher = a.publisher;
    request.date = report_date();
    for (const auto& f : a.data) request.data_files.push_back(f.filename().string());

    const Provenance dossier_provenance =
        provenance_of(host, record, dossier_file, dossier.id, formats);
    const int total = static_cast<int>((nominations.size() + 1) * formats.size());
    // Each dossier is built here while the writer writes the ones before.
    DocumentWriter writer(host, formats, options, a.out, diagnostics, ::isatty(2), total, a.jobs);
    for (const Nomination* n : nominations) {
        request.municipality = n->municipality;
        Diagnostics built;
        Document document = report::build_report(dossier, dataset, request, built);
        document.info.provenance = dossier_provenance;
        const Municipality* m = dataset.find_municipality(n->municipality);
        writer.write(std::move(document),
                     report_stem(dossier.id, a.year, n->municipality, m ? m->name : "", ""),
                     std::move(built));
    }
    request.municipality.clear();
    Diagnostics built;
    Document all = report::build_report(comparison, dataset, request, built);
    all.info.provenance = provenance_of(host, record, comparison_file, comparison.id, formats);
    writer.write(std::move(all), report_stem(comparison.id, a.year, "", "", ""), std::move(built));
    const RenderResult result = writer.finish();
    const int written = result.written;
    if (global.json)
        for (const auto& [file, format] : result.files) global.json->add_file(file, format);
    std::string counts = print_diagnostics(diagnostics, global);
    std::cerr << "kdx: wrote " << written << " files for " << nominations.size() << " nominees to "
              << a.out.string() << "; " << counts << '\n';
    return diagnostics.has_errors() ? exit_input_errors : exit_ok;
}

}  // namespace

std::function<int()> setup_dossier(CLI::App& app, const GlobalOptions& global) {
    auto a = std::make_shared<DossierArgs>();
    app.add_option("--year", a->year, "Prize year")->required();
    app.add_option("-d,--data", a->data, "Data files with the nominations and figures")
        ->type_name("FILE|DIR")
        ->required();
    app.add_option("--out", a->out, "Output folder")->type_name("DIR")->capture_default_str();
    app.add_option("--format", a->formats,
                   "Comma-separated output formats (pdf, xlsx, xml, html; see kdx plugins)")
        ->capture_default_str();
    app.add_option("--publisher", a->publisher,
                   "Organisation that publishes the report (byline, document author)");
    app.add_option("--threshold", a->threshold, "Counts of people below this are shown as \":\"")
        ->capture_default_str()
        ->check(CLI::Range(1, 1000));
    app.add_option(
        "-o,--option", a->options,
        "A write option key=value for the output formats (see kdx plugins --format NAME)");
    add_harmonise_option(app, a->harmonise_to);
    add_jobs_option(app, a->jobs);
    return [a, &global] { return run_dossier(*a, global); };
}

}  // namespace kdx::cli
