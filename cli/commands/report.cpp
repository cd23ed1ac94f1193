// kdx report: one report from a template, in one or more formats.
#include <unistd.h>

#include <algorithm>
#include <iostream>
#include <map>
#include <memory>
#include <set>

#include "json_output.hpp"
#include "kdx/error.hpp"
#include "kdx/registry.hpp"
#include "report/report_builder.hpp"
#include "reports.hpp"
#include "selection.hpp"
#include "split_parts.hpp"

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
    std::string publisher;
    std::vector<std::string> options;
    int harmonise_to = 0;  // 0: keep the numbers as they are
    int jobs = 1;          // files written at once
};

// The template's selection must be given, and only that one; all before
// any data is read.
void check_selection_options(const report::ReportTemplate& t, const ReportArgs& a) {
    using S = report::ReportTemplate::Scope;
    const std::string which = "template " + t.id;
    switch (t.scope) {
        case S::municipality:
            if (!a.county.empty())
                throw UsageError(which +
                                 " is about one municipality, not a county: give --municipality "
                                 "instead of --county");
            if (a.municipality.empty())
                throw UsageError(which +
                                 " is about one municipality: give --municipality (a number, a "
                                 "name, a list, or all)");
            break;
        case S::county:
            if (!a.municipality.empty())
                throw UsageError(which +
                                 " is about one county, not a municipality: give --county instead "
                                 "of --municipality");
            if (a.county.empty())
                throw UsageError(
                    which + " is about one county: give --county (a number or a name, or a list)");
            break;
        case S::nominees:
        case S::all:
            if (!a.municipality.empty() || !a.county.empty())
                throw UsageError(
                    which + " is about " +
                    (t.scope == S::nominees ? "a year's nominees" : "every municipality") +
                    " and takes neither --municipality nor --county");
            break;
    }
}

// One report to write: a municipality, a county, or the template's own selection.
struct Subject {
    std::string municipality;
    std::string county;
    std::string county_name;
};

// The reports to write and the municipalities whose problems are reported.
struct Selection {
    std::vector<Subject> subjects;
    std::set<std::string> municipalities;
    std::string explained;  // what a county of other years stands for
};

Selection select(const ReportArgs& a, const Dataset& dataset,
                 std::map<std::string, std::string>& refused) {
    Selection out;
    std::vector<Subject>& subjects = out.subjects;
    std::set<std::string>& selected = out.municipalities;
    std::string& explained = out.explained;
    if (!a.municipality.empty()) {
        for (const std::string& n :
             resolve_municipalities(a.municipality, dataset, a.harmonise_to, &refused)) {
            subjects.push_back({n, "", ""});
            selected.insert(n);
        }
        if (subjects.empty())
            throw UsageError("--municipality " + a.municipality + " names no municipality");
    } else if (!a.county.empty()) {
        // A county of other years is said once, with the counties it stands for.
        std::vector<std::pair<std::string, std::vector<std::string>>> stands_for;
        for (const CountyChoice& c : resolve_counties(a.county, dataset, a.harmonise_to)) {
            subjects.push_back({"", c.number, c.name});
            if (c.asked.empty()) continue;
            if (stands_for.empty() || stands_for.back().first != c.asked)
                stands_for.push_back({c.asked, {}});
            stands_for.back().second.push_back(c.number + " " + c.name);
        }
        for (const auto& [asked, counties] : stands_for) {
            std::string list;
            for (std::size_t i = 0; i < counties.size(); ++i)
                list += (i == 0 ? "" : i + 1 == counties.size() ? " and " : ", ") + counties[i];
            explained +=
                (explained.empty() ? "" : "; ") +
                ("county " + asked + " is not a county of the data; it is reported as " + list +
                 (counties.size() == 1 ? ", the county of the data that mostly overlaps it"
                                       : ", the counties of the data that mostly overlap it"));
        }
        if (!explained.empty() && !a.harmonise_to)
            explained += " (--harmonise-to gives one report on its present area)";
        for (const Municipality& m : dataset.municipalities)
            for (const Subject& s : subjects)
                if (m.county_number == s.county) selected.insert(m.number);
    } else {
        subjects.push_back({});
        for (const Municipality& m : dataset.municipalities) selected.insert(m.number);
    }
    // Numbers harmonising kept (a divided municipality's) are part of the
    // selection when their area is: their problems are the selection's too.
    if (a.harmonise_to) {
        const MunicipalityRegistry& registry = MunicipalityRegistry::builtin();
        for (const Municipality& m : dataset.municipalities) {
            if (selected.count(m.number) || registry.find(m.number, a.harmonise_to)) continue;
            for (int y = registry.last_reform_year(); y >= registry.first_year(); --y) {
                if (!registry.find(m.number, y)) continue;
                for (const std::string& s : registry.successors(m.number, y, a.harmonise_to))
                    if (selected.count(s)) selected.insert(m.number);
                break;
            }
        }
    }
    return out;
}

int run_report(const ReportArgs& a, const GlobalOptions& global) {
    host::PluginHost host;
    load_plugins(host, global);
    auto formats = split_list(a.formats);
    Options options = document_options(host, formats, a.options);
    report::ReportTemplate t;
    fs::path template_file;
    try {
        template_file = find_template(a.template_name);
        t = report::read_template(template_file);
    } catch (const Error& e) {
        const std::string where = e.where().to_string();
        throw UsageError("template " + (where.empty() ? a.template_name : where) + ": " +
                         e.message());
    }
    // Usage mistakes are found before any data is read.
    if (std::none_of(formats.begin(), formats.end(), [&](const std::string& f) {
            auto format = host.find(f);
            return format && format->info().can(can_write_document);
        }))
        throw UsageError("no plugin writes reports as " + a.formats + " (see kdx plugins)");
    check_selection_options(t, a);

    Diagnostics read;
    ReadRecord record;
    Dataset dataset = read_files(host, a.data, read, a.harmonise_to, &record);
    const Provenance provenance = provenance_of(host, record, template_file, t.id, formats);
    std::map<std::string, std::string> refused;
    if (a.harmonise_to) refused = use_whole_predecessors(dataset, a.harmonise_to, read);

    Selection selection = select(a, dataset, refused);
    const std::vector<Subject>& subjects = selection.subjects;
    Diagnostics diagnostics =
        check_selection(dataset, selection.municipalities, read, a.harmonise_to);
    if (diagnostics.has_errors()) {
        std::string counts = print_diagnostics(diagnostics, global);
        std::cerr << "kdx: error: no report written; the data has errors: " << counts << '\n';
        return exit_input_errors;
    }
    report::ReportRequest request;
    request.year = a.year;
    request.language = a.language;
    request.threshold = a.threshold;
    request.publisher = a.publisher;
    request.date = report_date();
    for (const auto& f : a.data) request.data_files.push_back(f.filename().string());

    // Several reports are made from the one dataset read above; one that
    // cannot be made is named and the others are still written. Each is
    // built here, on this thread, while the writer writes the ones before.
    if (!fs::is_directory(a.out)) fs::create_directories(a.out);
    int failed = 0;
    const int total = static_cast<int>(formats.size() * subjects.size());
    DocumentWriter writer(host, formats, options, a.out, diagnostics, ::isatty(2), total, a.jobs);
    for (const Subject& subject : subjects) {
        request.municipality = subject.municipality;
        request.county = subject.county;
        const Municipality* m = subject.municipality.empty()
                                    ? nullptr
                                    : dataset.find_municipality(subject.municipality);
        Document document;
        Diagnostics built;
        try {
            auto why = refused.find(subject.municipality);
            if (why != refused.end()) throw Error(why->second);
            document = report::build_report(t, dataset, request, built);
            document.info.provenance = provenance;
        } catch (const Error& e) {
            if (subjects.size() == 1) {
                writer.note(std::move(built));
                writer.finish();
                throw;
            }
            std::string which = !subject.county.empty()
                                    ? "county " + subject.county + " " + subject.county_name
                                    : subject.municipality;
            if (m) which += " " + m->name;
            // A divided municipality is named as it was.
            for (int y = MunicipalityRegistry::builtin().last_reform_year();
                 !m && refused.count(subject.municipality) &&
                 y >= MunicipalityRegistry::builtin().first_year() && which == subject.municipality;
                 --y)
                if (auto known = MunicipalityRegistry::builtin().find(subject.municipality, y))
                    which += " " + known->name;
            built.error("no report for " + which + ": " + e.message(), e.where());
            writer.note(std::move(built));
            ++failed;
            continue;
        }
        std::string number = !subject.municipality.empty() ? subject.municipality : subject.county;
        std::string name = m ? m->name : subject.county_name;
        std::string stem = report_stem(t.id, document.info.year, number, name, a.language);
        writer.write(std::move(document), stem, std::move(built));
    }
    const RenderResult all = writer.finish();
    for (const auto& missing : all.missing)
        diagnostics.error("no plugin writes reports as " + missing + " (see kdx plugins)");
    if (!selection.explained.empty() && !global.quiet)
        std::cerr << "kdx: note: " << selection.explained << '\n';
    if (!selection.explained.empty() && global.json)
        global.json->add(Diagnostic{Severity::info, selection.explained, {}});
    if (global.json)
        for (const auto& [file, format] : all.files) global.json->add_file(file, format);
    std::string counts = print_diagnostics(diagnostics, global);
    std::cerr << "kdx: wrote " << all.written << " file" << (all.written == 1 ? "" : "s");
    if (subjects.size() > 1)
        std::cerr << " for " << subjects.size() - failed << " of " << subjects.size()
                  << (a.county.empty() ? " municipalities" : " counties");
    std::cerr << " to " << a.out.string() << "; " << counts << '\n';
    return all.missing.empty() && all.failed == 0 && failed == 0 ? exit_ok : exit_input_errors;
}

}  // namespace

std::function<int()> setup_report(CLI::App& app, const GlobalOptions& global) {
    auto a = std::make_shared<ReportArgs>();
    app.add_option(
           "-t,--template", a->template_name,
           "A template: imdi-dossier, imdi-comparison, county-overview, council-report, or a file")
        ->type_name("TEMPLATE")
        ->required();
    app.add_option("-d,--data", a->data, "Data files to report on (any readable format)")
        ->type_name("FILE|DIR")
        ->required();
    auto* m = app.add_option("--municipality", a->municipality,
                             "Municipality: a number of any year (0403, 3403, 403), a name (Hamar, "
                             "Guovdageaidnu), a comma-separated list of them, or all (one report "
                             "each, from one reading of the data)");
    app.add_option("--county", a->county,
                   "County: a number of any year (04, 34), a name (Innlandet, Romsa), or a "
                   "comma-separated list; a county of other years is reported as the data's "
                   "counties holding its municipalities")
        ->excludes(m);
    app.add_option("--year", a->year, "Report year (default: the latest with figures)");
    app.add_option("--format", a->formats,
                   "Comma-separated output formats (pdf, xlsx, xml, html; see kdx plugins)")
        ->capture_default_str();
    app.add_option("--out", a->out, "Output folder")->type_name("DIR")->capture_default_str();
    app.add_option("--lang", a->language, "Language: nb, nn or en (default: the template's)")
        ->check(CLI::IsMember({"nb", "nn", "en"}));
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
    return [a, &global] { return run_report(*a, global); };
}

}  // namespace kdx::cli
