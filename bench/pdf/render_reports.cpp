// Benchmark driver (not part of kdx): turns the generated JSON dataset into a
// kdx Dataset and either renders council reports through the report engine and
// the pdf plugin, one process per call as `kdx report` would, or exports the
// dataset through a plugin that writes datasets, so that `kdx report` itself
// can read it.
//
//   render_reports render DATA.json TEMPLATE PLUGIN_DIR OUT_DIR NUMBER...
//   render_reports export DATA.json PLUGIN_DIR OUT_FILE
#include <fstream>
#include <iostream>
#include <nlohmann/json.hpp>

#include "host/plugin_host.hpp"
#include "kdx/kdx.hpp"
#include "report/report_builder.hpp"

namespace {

kdx::Value value_of(const nlohmann::json& j) {
    return j.is_null() ? kdx::Value::missing() : kdx::Value(j.get<double>());
}

kdx::Dataset dataset_of(const std::string& file) {
    std::ifstream in(file);
    nlohmann::json j = nlohmann::json::parse(in);
    kdx::Dataset d;
    d.info.title = "Generated benchmark data (random, seeded; not real figures)";
    for (const auto& o : j["national_outcomes"]) {
        kdx::Outcome out;
        out.municipality = kdx::whole_country;
        out.indicator = "work-or-education-1y";
        out.year = o["year"];
        out.value = o["value"].get<double>();
        out.unit = kdx::Unit::percent;
        d.outcomes.push_back(out);
    }
    for (const auto& m : j["municipalities"]) {
        kdx::Municipality mu;
        mu.number = m["number"];
        mu.name = m["name"];
        mu.county_number = m["county_number"];
        mu.county_name = m["county_name"];
        mu.language =
            m["language"] == "nn" ? kdx::LanguageForm::nynorsk : kdx::LanguageForm::bokmal;
        d.municipalities.push_back(mu);
        for (const auto& f : m["figures"]) {
            kdx::SettlementFigures s;
            s.municipality = mu.number;
            s.year = f["year"];
            s.requested = value_of(f["requested"]);
            s.decided = value_of(f["decided"]);
            s.settled = value_of(f["settled"]);
            d.settlement.push_back(s);
        }
        int i = 0;
        for (const auto& p : m["programmes"]) {
            kdx::Programme pr;
            pr.id = mu.number + "-" + std::to_string(++i);
            pr.municipality = mu.number;
            pr.kind =
                kdx::programme_kind_from_string(p["kind"]).value_or(kdx::ProgrammeKind::other);
            pr.name = p["name"];
            pr.partners = p["partners"].get<std::vector<std::string>>();
            pr.years = p["years"].get<std::vector<int>>();
            d.programmes.push_back(pr);
        }
        for (const auto& o : m["outcomes"]) {
            kdx::Outcome out;
            out.municipality = mu.number;
            out.indicator = "work-or-education-1y";
            out.year = o["year"];
            out.value = o["value"].get<double>();
            out.unit = kdx::Unit::percent;
            out.cohort_size = o["cohort"].get<double>();
            d.outcomes.push_back(out);
        }
    }
    return d;
}

}  // namespace

int main(int argc, char** argv) {
    std::vector<std::string> args(argv + 1, argv + argc);
    try {
        kdx::host::PluginHost host;
        if (args.size() == 4 && args[0] == "export") {
            host.load({{args[2]}, false, false});
            auto writer = host.find_for_file(args[3], kdx::can_write_dataset);
            if (!writer) return 3;  // nothing writes datasets of that kind yet
            kdx::Diagnostics diagnostics;
            writer->write_dataset(dataset_of(args[1]), args[3], {}, diagnostics);
            return 0;
        }
        if (args.size() < 6 || args[0] != "render") {
            std::cerr
                << "usage: render_reports render DATA.json TEMPLATE PLUGIN_DIR OUT_DIR NUMBER...\n"
                   "       render_reports export DATA.json PLUGIN_DIR OUT_FILE\n";
            return 2;
        }
        host.load({{args[3]}, false, false});
        auto pdf = host.find("pdf");
        if (!pdf) throw kdx::Error("no pdf plugin in " + args[3]);
        kdx::Dataset data = dataset_of(args[1]);
        auto report_template = kdx::report::read_template(args[2]);
        for (std::size_t i = 5; i < args.size(); ++i) {
            kdx::Diagnostics diagnostics;
            kdx::report::ReportRequest request;
            request.municipality = args[i];
            request.year = 2024;
            request.date = "2024-12-31";
            request.data_files = {"generated benchmark data"};
            kdx::Document doc =
                kdx::report::build_report(report_template, data, request, diagnostics);
            pdf->write_document(doc, args[4] + "/council-report-" + args[i] + "-2024.pdf", {},
                                diagnostics);
        }
    } catch (const kdx::Error& e) {
        std::cerr << "render_reports: " << e.what() << '\n';
        return 1;
    }
    return 0;
}
